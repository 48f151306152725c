// Queries: reading values out of the model — single cells, series, rounds and their figures.

/// A value that may be missing: what tables and series hold.
public enum Cell {
    case value(Quantity)
    /// Nothing gives it (the error says what to add).
    case unknown(ModelError)
    /// It exists and is "none" (a runway when burn is 0); the text says why.
    case none(String)

    /// The quantity, when there is one.
    public var quantity: Quantity? {
        if case .value(let q) = self { return q }
        return nil
    }
}

extension Model {
    /// A company's metric in a year. Throws `ModelError` (`.unknown` when nothing gives it,
    /// `.noValue` for "none"), or whatever a formula threw.
    /// For an uncertain model the value may be uncertain, with all the model's draws.
    public func value(company: String, metric: String, year: Int) throws -> Quantity {
        try top(CellKey(try companyIndex(company), try metricIndex(metric), year))
    }

    /// The same, by positions looked up once.
    public func value(_ company: CompanyID, _ metric: MetricID, year: Int) throws -> Quantity {
        try top(CellKey(company.index, metric.index, year))
    }

    private func top(_ key: CellKey) throws -> Quantity {
        guard drawCount != nil else { return try Evaluator(self).top(key) }
        switch try uncertainLookup(key) {
        case .value(let q): return q
        case .unknown(let e): throw e
        }
    }

    /// A company's metric in a year as a cell: unknown and "none" become cells, other
    /// errors (cycles, a formula's own failures) are thrown.
    public func cell(company: String, metric: String, year: Int) throws -> Cell {
        let key = CellKey(try companyIndex(company), try metricIndex(metric), year)
        if drawCount != nil { return try uncertainCells([key])[0] }
        return try Evaluator(self).cell(key)
    }

    /// A metric over a range of years: `revenue[2024..2028]`.
    public func series(company: String, metric: String, years: ClosedRange<Int>) throws -> [Cell] {
        let c = try companyIndex(company), m = try metricIndex(metric)
        if drawCount != nil { return try uncertainCells(years.map { CellKey(c, m, $0) }) }
        let evaluator = Evaluator(self)
        return try years.map { try evaluator.cell(CellKey(c, m, $0)) }
    }

    // MARK: - Rounds

    /// The company's rounds in date order, with pre, post, dilution and step-up.
    public func rounds(company: String) throws -> [RoundFigures] {
        let c = try companyIndex(company)
        let company = companyList[c]
        var figures: [RoundFigures] = []
        var previousPost: (Quantity, Int)?
        for i in company.roundOrder {
            let round = company.rounds[i]
            var f = RoundFigures(round: round)
            f.post = try round.post(rates: rates)
            f.pre = try round.pre(rates: rates)
            if let post = f.post {
                do { f.dilution = try round.amount.divided(by: post, rates: rates, year: round.year) } catch { throw ModelError(error) }
                f.dilution?.display = .percent
                var before = previousPost
                if let m = metricList.firstIndex(where: { $0.role == .roundValuation }),
                   let year = company.facts[m]?.keys.filter({ $0 < round.year }).max(),
                   year > (before?.1 ?? Int.min), let cell = company.facts[m]?[year] {
                    before = (try settledValue(cell, company: c, metric: m, year: year), year)
                }
                if let (v, year) = before {
                    f.previousValuation = v
                    f.previousValuationYear = year
                    do { f.stepUp = try post.divided(by: v, rates: rates, year: round.year) } catch { throw ModelError(error) }
                    f.stepUp?.display = .multiple
                }
                previousPost = (post, round.year)
            }
            figures.append(f)
        }
        return figures
    }

    /// The sum of all the company's rounds, in its currency.
    public func totalRaised(company: String) throws -> Quantity {
        let c = try companyIndex(company)
        var total = Quantity.money(0, companyList[c].currency)
        for round in companyList[c].rounds {
            do { total = try total.adding(round.amount, rates: rates, year: round.year) } catch { throw ModelError(error) }
        }
        return total
    }
}

extension Evaluator {
    func cell(_ key: CellKey) throws -> Cell {
        do {
            switch try topLookup(key) {
            case .value(let q):
                // A table, a projection, a chart or an export never shows `infinity`: the cell
                // is an error, as it is when read on its own.
                guard q.isFinite else {
                    throw ModelError(.invalid, "\(name(key, full: true)) is not a finite number",
                                     hint: "a value grew past the largest number: a growth rule over many years, or a huge fact")
                }
                return .value(q)
            case .unknown(let e): return .unknown(e)
            }
        } catch let e as ModelError where e.kind == .unknown {
            return .unknown(e)
        } catch let e as ModelError where e.kind == .noValue {
            return .none(e.message)
        }
    }
}

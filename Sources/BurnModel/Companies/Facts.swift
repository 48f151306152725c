// Facts: setting known values, fitting them to their metric's unit, and refusing contradictions.

/// A sourced fact as `sources` lists it.
public struct FactRecord {
    /// The company the fact is about.
    public var company: String
    /// The metric the fact gives.
    public var metric: String
    /// The year the fact gives.
    public var year: Int
    /// The fact: its value, source and place.
    public var fact: Fact
    /// True when the cell's facts disagree (LANGUAGE.md section 4).
    public var isDisputed: Bool
}

extension Model {
    /// `revenue[2024] = 3.7B source "001"`. The year must be a calendar year and the value
    /// must fit the metric (a plain number given to a money metric is money in the company's
    /// currency; a percentage, a multiple or a unit is refused). Restating the cell with no
    /// source or the same source replaces that fact; a different source is kept beside the
    /// others (`FactCell.adding`), and when they disagree reading the cell is an error. Unless
    /// the cell is then in dispute, its value (its first fact) must not break an identity with
    /// the other facts of its year.
    public mutating func setFact(company: String, metric: String, year: Int, _ value: Quantity,
                                 source: String? = nil, at: SourceRef? = nil) throws {
        let c = try companyIndex(company), m = try metricIndex(metric)
        if let problem = CalendarYear.problem(year) {
            throw ModelError(.invalid, problem.message, hint: problem.hint, at: at)
        }
        let q = try fitFact(value, metric: m, company: c, year: year, at: at)
        let fact = Fact(value: q, source: source, at: at, sequence: nextSequence)
        var cell = companyList[c].facts[m]?[year].map { $0.adding(fact) } ?? FactCell(fact)
        cell.isDisputed = disagree(cell, year: year)
        // The value the cell will have must fit the identities; a cell in dispute has none yet
        // (its sources are compared with each other instead, and reading it is an error).
        if !cell.isDisputed {
            try checkIdentities(company: c, metric: m, year: year, fact: cell.first)
            try checkRatioIdentities(company: c, metric: m, year: year, fact: cell.first)
        }
        let width = try admit(q.draws, at: at)
        invalidate()
        drawCount = width
        nextSequence += 1
        companyList[c].facts[m, default: [:]][year] = cell
        companyList[c].noteYear(year, flow: metricList[m].kind == .flow)
    }

    /// Removes every fact of a cell, if there are any.
    public mutating func removeFact(company: String, metric: String, year: Int) throws {
        let c = try companyIndex(company), m = try metricIndex(metric)
        invalidate()
        companyList[c].facts[m]?[year] = nil
        var company = companyList[c]
        company.firstFlowYear = nil
        company.firstAnyYear = nil
        for (metric, years) in company.facts {
            for year in years.keys { company.noteYear(year, flow: metricList[metric].kind == .flow) }
        }
        for round in company.rounds { company.noteYear(round.year, flow: true) }
        companyList[c] = company
    }

    /// The fact that gives a metric its value in a year, if one was given: the first of the
    /// cell's facts (use `factCell` to see them all, and whether they disagree).
    public func fact(company: String, metric: String, year: Int) -> Fact? {
        factCell(company: company, metric: metric, year: year)?.first
    }

    /// Every fact given for a metric in a year.
    public func factCell(company: String, metric: String, year: Int) -> FactCell? {
        guard let c = companyIndices[company], let m = metricIndices[metric] else { return nil }
        return companyList[c].facts[m]?[year]
    }

    /// Every fact, in the order they were given (all of them, or only those with a source);
    /// a cell with several sources gives one record each.
    public func facts(sourcedOnly: Bool = false) -> [FactRecord] {
        var all: [FactRecord] = []
        for company in companyList {
            for (m, years) in company.facts {
                for (year, cell) in years {
                    for fact in cell.facts where !sourcedOnly || fact.source != nil {
                        all.append(FactRecord(company: company.name, metric: metricList[m].name, year: year, fact: fact,
                                              isDisputed: cell.isDisputed))
                    }
                }
            }
        }
        return all.sorted { $0.fact.sequence < $1.fact.sequence }
    }

    // MARK: - Units

    /// The unit a metric's values are kept in, for one company.
    func canonicalUnit(_ m: Int, company c: Int) -> Unit {
        switch metricList[m].measure {
        case .money: return .money(companyList[c].currency)
        case .unit(let u): return .named(u)
        case .percent, .multiple, .number: return .none
        }
    }

    /// A fact's value checked against its metric's kind, then fitted (`normalize`). A money
    /// metric refuses percentages, multiples and units (`revenue[2024] = 3.7%` is no amount of
    /// money); a percent metric refuses money, units and multiples; a multiple metric money,
    /// units and percentages; a unit metric money, percentages and multiples; a plain-number
    /// metric money and units. A plain number fits every metric.
    func fitFact(_ q: Quantity, metric m: Int, company c: Int, year: Int, at: SourceRef?) throws -> Quantity {
        let decl = metricList[m]
        let written = WrittenKind(q)
        let fits: Bool
        switch (decl.measure, written) {
        case (_, .plain): fits = true
        case (.money, .money), (.percent, .percent), (.multiple, .multiple), (.number, .percent), (.number, .multiple):
            fits = true
        case (.unit(let u), .unit): fits = q.unit.isCompatible(with: .named(u))
        default: fits = false
        }
        guard fits else {
            throw ModelError(.unitMismatch, "\(decl.name) is \(decl.kindPhrase); \(Model.text(q)) is \(written.phrase(q))",
                             hint: misfitHint(q, written, decl, year: year), at: at)
        }
        let fitted = try normalize(q, metric: m, company: c, year: year, at: at)
        if decl.neverNegative, !fitted.isUncertain, fitted.value < 0 {
            throw ModelError(.invalid, "\(decl.name) is never negative; \(Format.brief(fitted)) is given for \(decl.name)[\(year)]",
                             hint: decl.name == "costs" || decl.name == "revenue"
                                 ? "a loss is `loss[\(year)] = 5B`; a profit is a negative loss or `operating_income[\(year)] = 5B`"
                                 : "give the amount as a positive number", at: at)
        }
        return fitted
    }

    /// How to write a fact that fits, with the numbers given.
    private func misfitHint(_ q: Quantity, _ written: WrittenKind, _ decl: MetricDecl, year: Int) -> String {
        let cell = "\(decl.name)[\(year)]"
        let amount = q.isUncertain ? nil : q.value
        switch (decl.measure, written) {
        case (.money, .percent), (.money, .multiple):
            // Its digits as billions (`3.7%` for `3.7B`, a likely slip), when they make a sane amount.
            let figure = amount.map { written == .percent ? $0 * 100 : $0 }.flatMap { abs($0) >= 0.01 && abs($0) < 10_000 ? $0 : nil }
            let digits = figure.map { Format.significant($0, 4) } ?? "3.7"
            let rate = Model.text(q)
            return "give an amount of money, like `\(cell) = \(digits)B`; for growth, write a rule: `\(decl.name) grows \(rate) in \(year)`"
        case (.money, _):
            return "give an amount of money, like `\(cell) = 3.7B`; a quantity times a price per unit is money"
        case (.percent, .multiple):
            return amount.map { "write it as a percentage: `\(cell) = \(Format.significant($0 * 100, 4))%`" }
                ?? "write a percentage, like `\(cell) = 25%`"
        case (.percent, _):
            return "give a percentage, like `\(cell) = 25%`; a share of money is one amount divided by another"
        case (.multiple, .percent):
            return amount.map { "write it as a multiple: `\(cell) = \(Format.significant($0, 4))x`" }
                ?? "write a multiple, like `\(cell) = 40x`"
        case (.multiple, _):
            return "give a multiple, like `\(cell) = 40x`; a multiple is one amount divided by another"
        case (.unit(let u), _):
            return "give a quantity in \(u.plural ?? u.name), like `\(cell) = 18 \(u.plural ?? u.name)`"
        case (.number, _):
            return "give a plain number, like `\(cell) = 42`"
        }
    }

    /// A value for a message: `3.7%`, `$3.7B`, or an uncertain one's 90% interval from its
    /// draws, to 3 significant digits (sampling blurs the rest): `$4.01B to $4.99B`.
    static func text(_ q: Quantity) -> String {
        guard q.isUncertain else { return Format.brief(q) }
        let s = summary(q)
        return Format.brief(Quantity(roundedSignificant(s[1], 3), q.unit, display: q.display)) + " to "
            + Format.brief(Quantity(roundedSignificant(s[2], 3), q.unit, display: q.display))
    }

    /// `v` rounded to `digits` significant digits.
    static func roundedSignificant(_ v: Double, _ digits: Int) -> Double {
        guard v != 0, v.isFinite else { return v }
        let scale = _pow(10, Double(digits - 1) - (_log10(abs(v))).rounded(.down))
        return (v * scale).rounded() / scale
    }

    /// A value fitted to its metric: plain money becomes the company's currency, percent
    /// and multiple metrics get their display; anything else that does not fit is an error.
    func normalize(_ q: Quantity, metric m: Int, company c: Int, year: Int, at: SourceRef?) throws -> Quantity {
        let decl = metricList[m]
        func mismatch() -> ModelError {
            ModelError(.unitMismatch,
                       "unit mismatch: \(decl.name) is \(decl.measureDescription), not \(q.unit.description)",
                       hint: "give \(decl.name)[\(year)] a value in \(decl.measureDescription)", at: at)
        }
        switch decl.measure {
        case .money:
            if q.isPlain { return q.with(.money(companyList[c].currency)) }
            guard q.unit.isMoney else { throw mismatch() }
            return q
        case .percent, .multiple, .number:
            guard q.isPlain else { throw mismatch() }
            var r = q
            if case .percent = decl.measure { r.display = .percent }
            if case .multiple = decl.measure { r.display = .multiple }
            return r
        case .unit(let u):
            if q.isPlain { return q.with(.named(u)) }
            guard q.unit.isCompatible(with: .named(u)) else { throw mismatch() }
            return q
        }
    }

    // MARK: - Contradictions

    /// Derives what the other facts of the year give for this metric through the identities
    /// (chained as far as they go) and refuses the fact when it is more than 0.05% off.
    /// Uncertain facts are not checked: their draws may meet the identity in some worlds only.
    private func checkIdentities(company c: Int, metric m: Int, year: Int, fact: Fact) throws {
        guard !identitiesByMetric[m].isEmpty, !fact.value.isUncertain else { return }
        let unit = canonicalUnit(m, company: c)
        let target = Quantity(0, unit)
        // metric → (value, the facts it rests on)
        var known: [Int: (value: Double, basis: Set<Int>)] = [:]
        for (other, years) in companyList[c].facts where other != m {
            // A cell whose sources disagree has no value to check against.
            guard let cell = years[year], !cell.isDisputed else { continue }
            let f = cell.first
            guard !identitiesByMetric[other].isEmpty, !f.value.isUncertain else { continue }
            guard let v = try? f.value.converted(toMatch: target, operation: "compare", rates: rates, year: year) else { continue }
            known[other] = (v.value, [other])
        }
        var progress = true
        while progress && known[m] == nil {
            progress = false
            for identity in identities {
                var sum = identity.constant, unknownMetric: Int?, coefficient = 0.0, basis = Set<Int>()
                var solvable = true
                for (k, metric) in identity.terms {
                    if let v = known[metric] {
                        sum += k * v.value
                        basis.formUnion(v.basis)
                    } else if unknownMetric == nil || unknownMetric == metric {
                        unknownMetric = metric
                        coefficient += k
                    } else {
                        solvable = false
                        break
                    }
                }
                guard solvable, let u = unknownMetric, coefficient != 0 else { continue }
                known[u] = (-sum / coefficient, basis)
                progress = true
            }
        }
        guard let derived = known[m] else { return }
        let given = try fact.value.converted(toMatch: target, operation: "compare", rates: rates, year: year).value
        var scale = max(abs(given), abs(derived.value))
        for b in derived.basis { scale = max(scale, abs(known[b]!.value)) }
        guard abs(given - derived.value) > 0.0005 * scale else { return }

        let basis = derived.basis.compactMap { b in companyList[c].fact(b, year).map { (b, $0) } }
            .sorted { $0.1.sequence < $1.1.sequence }
        let named = basis.map { "\(metricList[$0.0].name)[\(year)] = \(Format.brief($0.1.value))" }
        let list = named.count <= 1 ? named.joined()
            : named.dropLast().joined(separator: ", ") + " and " + named.last!
        let name = "\(metricList[m].name)[\(year)]"
        let message = "\(list) give\(named.count == 1 ? "s" : "") \(name) = \(Format.brief(Quantity(derived.value, unit))), "
            + "but \(name) = \(Format.brief(fact.value)) is given"
        throw ModelError(.contradiction, message,
                         hint: "correct or remove one of these facts",
                         at: fact.at,
                         notes: basis.map { ModelError.Note("\(metricList[$0.0].name)[\(year)] is given here", at: $0.1.at) })
    }
}

/// What a fact's value was written as, for fitting it to its metric.
enum WrittenKind: Equatable {
    case plain, percent, multiple, money, unit

    init(_ q: Quantity) {
        if q.unit.isNone {
            switch q.display {
            case .percent: self = .percent
            case .multiple: self = .multiple
            default: self = .plain
            }
        } else {
            self = q.unit.isMoney ? .money : .unit
        }
    }

    /// `a percentage`, `money`, `a quantity in GW`.
    func phrase(_ q: Quantity) -> String {
        switch self {
        case .plain: return "a plain number"
        case .percent: return "a percentage"
        case .multiple: return "a multiple"
        case .money: return "money"
        case .unit:
            let f = q.unit.factors
            let name = q.unit.moneyPower == 0 && f.count == 1 && f[0].power == 1 ? (f[0].unit.plural ?? f[0].unit.name)
                : q.unit.description
            return "a quantity in \(name)"
        }
    }
}

extension MetricDecl {
    /// `money`, `a percentage`, `a quantity in months`: what the metric's values are.
    var kindPhrase: String {
        switch measure {
        case .money: return "money"
        case .percent: return "a percentage"
        case .multiple: return "a multiple"
        case .number: return "a plain number"
        case .unit(let u): return "a quantity in \(u.plural ?? u.name)"
        }
    }
}

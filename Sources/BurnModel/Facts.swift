// Facts: setting known values, fitting them to their metric's unit, and refusing contradictions.

/// A sourced fact as `sources` lists it.
public struct FactRecord {
    public var company: String
    public var metric: String
    public var year: Int
    public var fact: Fact
}

extension Model {
    /// `revenue[2024] = 3.7B source "001"`. A plain number given to a money metric is money
    /// in the company's currency; a unit that does not fit the metric is an error, and so is
    /// a fact that, with the other facts of its year, breaks an identity. Replaces any
    /// earlier fact for the same metric and year.
    public mutating func setFact(company: String, metric: String, year: Int, _ value: Quantity,
                                 source: String? = nil, at: SourceRef? = nil) throws {
        let c = try companyIndex(company), m = try metricIndex(metric)
        let q = try normalize(value, metric: m, company: c, year: year, at: at)
        let fact = Fact(value: q, source: source, at: at, sequence: nextSequence)
        try checkIdentities(company: c, metric: m, year: year, fact: fact)
        try checkRatioIdentities(company: c, metric: m, year: year, fact: fact)
        let width = try admit(q.draws, at: at)
        invalidate()
        drawCount = width
        nextSequence += 1
        companyList[c].facts[m, default: [:]][year] = fact
        companyList[c].noteYear(year, flow: metricList[m].kind == .flow)
    }

    /// Removes a fact, if there is one.
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

    /// The fact for a metric in a year, if one was given.
    public func fact(company: String, metric: String, year: Int) -> Fact? {
        guard let c = companyIndices[company], let m = metricIndices[metric] else { return nil }
        return companyList[c].fact(m, year)
    }

    /// Every fact, in the order they were given (all of them, or only those with a source).
    public func facts(sourcedOnly: Bool = false) -> [FactRecord] {
        var all: [FactRecord] = []
        for company in companyList {
            for (m, years) in company.facts {
                for (year, fact) in years where !sourcedOnly || fact.source != nil {
                    all.append(FactRecord(company: company.name, metric: metricList[m].name, year: year, fact: fact))
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
            guard let f = years[year], !identitiesByMetric[other].isEmpty, !f.value.isUncertain else { continue }
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

// Evaluator+Series: rules, interpolation and the money events that fill a metric's years.

extension Evaluator {
    // MARK: - Money events

    /// Values set by events in the year itself: rounds (raised, valuation), commitments.
    func eventValue(_ role: MetricRole, _ c: Int, _ m: Int, _ y: Int) throws -> (Quantity, How)? {
        // Most companies in most years have no event: say so before copying the company (a
        // copy retains each of its collections, and this runs for every cell of every year).
        let events = role == .commitments ? model.companyList[c].commitments.count : model.companyList[c].rounds.count
        guard events > 0 else { return nil }
        let company = model.companyList[c]
        switch role {
        case .roundAmounts:
            var sum = zero(m, c), used: [Int] = []
            for i in company.roundOrder where company.rounds[i].year == y {
                sum = try add(sum, company.rounds[i].amount, y)
                used.append(i)
            }
            return used.isEmpty ? nil : (sum, .rounds(used))
        case .roundValuation:
            for i in company.roundOrder.reversed() where company.rounds[i].year == y {
                if let post = try company.rounds[i].post(rates: model.rates) {
                    return (try model.normalize(post, metric: m, company: c, year: y, at: company.rounds[i].at), .rounds([i]))
                }
            }
            return nil
        case .commitments:
            var sum = zero(m, c), used: [Int] = []
            for (i, commitment) in company.commitments.enumerated() where commitment.years.contains(y) {
                sum = try add(sum, try commitment.share(currency: company.currency), y)
                used.append(i)
            }
            return used.isEmpty ? nil : (sum, .commitments(used))
        }
    }

    /// Values that only apply when nothing else does: commitments feeding capex or costs,
    /// and a valuation carried forward from the latest round or valuation fact.
    func lateEventValue(_ decl: MetricDecl, _ c: Int, _ m: Int, _ y: Int) throws -> (Quantity, How)? {
        guard !model.companyList[c].commitments.isEmpty || decl.role == .roundValuation else { return nil }
        let company = model.companyList[c]
        if let (sum, used) = try committed(c, m, y) { return (sum, .commitmentFeed(used)) }
        if decl.role == .roundValuation {
            let earlier = company.rounds.contains { $0.year < y && $0.valuation != nil }
                || (company.facts[m]?.keys.contains { $0 < y } ?? false)
            if earlier { return (try read(CellKey(c, m, y - 1)), .carried(from: y - 1)) }
        }
        return nil
    }

    /// The commitments booked to metric `m` (as costs, as capex) in year `y`, and their indices.
    func committed(_ c: Int, _ m: Int, _ y: Int) throws -> (Quantity, [Int])? {
        // Read in place first: a copy of the company retains each of its collections, and this
        // runs for every cell a rule gives.
        guard !model.companyList[c].commitments.isEmpty else { return nil }
        let company = model.companyList[c]
        var sum = zero(m, c), used: [Int] = []
        for (i, commitment) in company.commitments.enumerated()
        where company.commitmentMetrics[i] == m && commitment.years.contains(y) {
            sum = try add(sum, try commitment.share(currency: company.currency), y)
            used.append(i)
        }
        return used.isEmpty ? nil : (sum, used)
    }

    private func withoutCommitted(_ q: Quantity, _ c: Int, _ m: Int, _ y: Int) throws -> Quantity {
        guard let (amount, _) = try committed(c, m, y) else { return q }
        return try add(q, amount.scaled(by: -1), y)
    }

    private func withCommitted(_ q: Quantity, _ c: Int, _ m: Int, _ y: Int, rule i: Int) throws -> (Quantity, How) {
        guard let (amount, used) = try committed(c, m, y) else { return (q, .rule(i)) }
        return (try add(q, amount, y), .ruleAndCommitments(i, used))
    }

    private func add(_ a: Quantity, _ b: Quantity, _ year: Int) throws -> Quantity {
        do { return try a.adding(b, rates: model.rates, year: year) } catch { throw ModelError(error) }
    }

    // MARK: - Rules

    /// The rule that gives the metric's value in a year: the last declared one covering it.
    func coveringRule(_ c: Int, _ m: Int, _ y: Int) -> Int? {
        guard let rules = model.companyList[c].rules[m] else { return nil }
        for i in rules.indices.reversed() where covers(rules, i, c, m, y) { return i }
        return nil
    }

    private func covers(_ rules: [GrowthRule], _ i: Int, _ c: Int, _ m: Int, _ y: Int) -> Bool {
        switch rules[i].kind {
        case .perYear(_, let from, let until):
            guard let start = start(from, c, m) else { return false }
            return y >= start && y <= (until ?? Int.max)
        case .factor(_, let year):
            return y == year
        case .reaches(_, let year):
            guard y <= year else { return false }
            guard let anchor = anchor(rules, i, c, m) else { return y == year }
            return y > anchor
        }
    }

    /// Where a per-year rule starts: its `from`, else the year after the metric's first known
    /// value (a fact, or one the identities give from that year's facts), else after the
    /// company's first year.
    private func start(_ from: Int?, _ c: Int, _ m: Int) -> Int? {
        if let from { return from }
        if let first = settledYears(c, m).first { return first + 1 }
        return model.companyList[c].firstYear.map { $0 + 1 }
    }

    /// The years in which the facts alone settle a metric, in order: its own facts, and the
    /// years where the identities give it from the other facts of that year (costs from
    /// revenue and loss). A rule grows from these, not only from facts.
    func settledYears(_ c: Int, _ m: Int) -> [Int] {
        let key = c * model.metricList.count + m
        if let years = settled[key] { return years }
        // Read in place: a copy of the company would retain each of its collections.
        var years = Set(model.companyList[c].facts[m]?.keys ?? [:].keys)
        if !model.identitiesByMetric[m].isEmpty {
            var given: [Int: Set<Int>] = [:]
            for (metric, facts) in model.companyList[c].facts where metric != m && !model.identitiesByMetric[metric].isEmpty {
                for year in facts.keys where !years.contains(year) { given[year, default: []].insert(metric) }
            }
            for (year, metrics) in given where model.identitiesGive(m, from: metrics) { years.insert(year) }
        }
        let sorted = years.sorted()
        settled[key] = sorted
        return sorted
    }

    /// The last year before a `reaches` rule's year whose value is settled otherwise: a fact
    /// or a value the identities give from that year's facts, or a year another rule fixes
    /// (an open-ended per-year rule settles none).
    private func anchor(_ rules: [GrowthRule], _ i: Int, _ c: Int, _ m: Int) -> Int? {
        guard case .reaches(_, let year) = rules[i].kind else { return nil }
        var best = settledYears(c, m).last { $0 < year }
        func consider(_ y: Int) { if (y < year) && (y > (best ?? Int.min)) { best = y } }
        for (j, rule) in rules.enumerated() where j != i {
            switch rule.kind {
            case .factor(_, let y): consider(y)
            case .reaches(_, let y): consider(y)
            case .perYear(_, let from, let until?):
                let last = min(until, year - 1)
                if let s = start(from, c, m), s <= last { consider(last) }
            case .perYear: break
            }
        }
        return best
    }

    /// A rule grows the company's own spending; commitments booked to the metric (`commit ...
    /// as costs`) come on top of it. So the year before is read without its commitments, and
    /// this year's are added: `costs grow 20%` with $70B committed gives base × 1.2 + $70B.
    func applyRule(_ c: Int, _ m: Int, _ y: Int) throws -> (Quantity, How)? {
        guard let i = coveringRule(c, m, y) else { return nil }
        let rules = model.companyList[c].rules[m]!
        switch rules[i].kind {
        case .perYear(let rate, _, _):
            let q = try withoutCommitted(try read(CellKey(c, m, y - 1)), c, m, y - 1)
            return try withCommitted(lanewise(q, rate) { $0 * (1 + $1) }, c, m, y, rule: i)
        case .factor(let factor, _):
            let q = try withoutCommitted(try read(CellKey(c, m, y - 1)), c, m, y - 1)
            return try withCommitted(lanewise(q, factor) { $0 * $1 }, c, m, y, rule: i)
        case .reaches(let target, let year):
            if y == year { return (displayed(input(target), m), .rule(i)) }
            let a = anchor(rules, i, c, m)!
            let start = try read(CellKey(c, m, a))
            return (try blend(start, input(target), from: a, to: year, at: y), .rule(i))
        }
    }

    // MARK: - Interpolation

    /// Between two facts with no rule in between, the years grow at the constant rate that
    /// joins them (linearly when the signs differ or one is 0). Not for sums of events.
    /// One of the two may be a value the identities give from that year's facts (revenue
    /// from a loss and a margin), but not both: a metric with no fact of its own (costs,
    /// between revenue and loss facts) comes from the identities, not from a second path.
    func interpolate(_ decl: MetricDecl, _ c: Int, _ m: Int, _ y: Int) throws -> (Quantity, How)? {
        if decl.role == .roundAmounts || decl.role == .commitments { return nil }
        var before: Int?, after: Int?
        func consider(_ year: Int) {
            if (year < y) && (year > (before ?? Int.min)) { before = year }
            if (year > y) && (year < (after ?? Int.max)) { after = year }
        }
        for year in settledYears(c, m) { consider(year) }
        guard let a = before, let b = after else { return nil }
        if decl.role == .roundValuation {
            // A valuation is the post-money of the latest round (or fact) until the next one
            // re-prices the company: it is carried, never grown between rounds. Only two
            // stated valuations with no round between them are joined by a constant rate.
            let facts = model.companyList[c].facts[m]
            guard facts?[a] != nil, facts?[b] != nil,
                  !model.companyList[c].rounds.contains(where: { $0.valuation != nil && $0.year > a && $0.year < b })
            else { return nil }
        } else {
            guard model.companyList[c].facts[m]?[a] != nil || model.companyList[c].facts[m]?[b] != nil else { return nil }
        }
        if model.companyList[c].rules[m] != nil {
            for year in (a + 1)..<b where coveringRule(c, m, year) != nil { return nil }
        }
        let start = try read(CellKey(c, m, a))
        let end = try read(CellKey(c, m, b))
        return (try blend(start, end, from: a, to: b, at: y), .interpolation(from: a, to: b))
    }

    /// The value in year `t` on the constant-rate path from `a` (year t0) to `b` (year t1).
    func blend(_ a: Quantity, _ b: Quantity, from t0: Int, to t1: Int, at t: Int) throws -> Quantity {
        let end: Quantity
        do {
            end = try b.converted(toMatch: a, operation: "compare", rates: model.rates, year: t1)
        } catch {
            throw ModelError(error)
        }
        let fraction = Double(t - t0) / Double(t1 - t0)
        return Quantity.lanewise(a, end) { start, end in
            if (start > 0 && end > 0) || (start < 0 && end < 0) {
                return start * Foundation_pow(end / start, fraction)
            }
            return start + (end - start) * fraction
        }
    }
}

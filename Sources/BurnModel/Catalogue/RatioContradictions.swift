// RatioContradictions: refusing a fact that, with the other facts of its year, breaks a ratio identity.

extension Model {
    /// A value the facts of one year give for a metric, through the identities.
    private struct Known {
        /// In the metric's unit for the company (money in its currency).
        var value: Double
        /// How far off the value may be from rounding alone: a percent fact read as printed
        /// (one decimal) is within 0.05 points of the truth, and dividing by it spreads that.
        var slack: Double
        /// The metrics whose facts it rests on.
        var basis: Set<Int>
        /// True when a ratio identity took part in deriving it.
        var viaRatio: Bool
    }

    /// Derives what the other facts of the year give for this metric through every identity,
    /// linear and ratio, and refuses the fact when the derivation went through a ratio and
    /// the values differ by more than rounding explains (the linear-only derivations are
    /// `checkIdentities`'s). `margin[2028] = -75%` and `operating_income[2028] = -74B` give
    /// revenue $98.67B, so `revenue[2028] = 50B` is refused. Uncertain facts are not checked.
    func checkRatioIdentities(company c: Int, metric m: Int, year: Int, fact: Fact) throws {
        guard !identitiesByMetric[m].isEmpty, !fact.value.isUncertain,
              identities.contains(where: { $0.ratio != nil }) else { return }
        var known: [Int: Known] = [:]
        for (other, years) in companyList[c].facts where other != m {
            // A cell in dispute has no value yet: it takes no part (as in `checkIdentities`).
            guard let cell = years[year], !cell.isDisputed, !identitiesByMetric[other].isEmpty,
                  case let f = cell.first, !f.value.isUncertain,
                  let v = canonicalAmount(f.value, metric: other, company: c, year: year) else { continue }
            known[other] = Known(value: v, slack: roundingSlack(v, metric: other), basis: [other], viaRatio: false)
        }
        var progress = true
        while progress && known[m] == nil {
            progress = false
            for identity in identities where known[m] == nil {
                if let (metric, derived) = derive(identity, from: known, company: c) {
                    known[metric] = derived
                    progress = true
                }
            }
        }
        guard let derived = known[m], derived.viaRatio,
              let given = canonicalAmount(fact.value, metric: m, company: c, year: year) else { return }
        var scale = max(abs(given), abs(derived.value))
        let unit = canonicalUnit(m, company: c)
        for b in derived.basis where canonicalUnit(b, company: c) == unit { scale = max(scale, abs(known[b]?.value ?? 0)) }
        // Within rounding, and within 0.5% of the value as two sources of one cell are (an
        // article's rounded margin, -135% for -135.1%, is no contradiction).
        let tolerance = max(derived.slack + roundingSlack(given, metric: m) + 0.0005 * scale, 0.005 * abs(given))
        guard abs(given - derived.value) > tolerance else { return }
        throw contradiction(company: c, metric: m, year: year, fact: fact,
                            derived: displayedFact(Quantity(derived.value, unit), metric: m), basis: derived.basis)
    }

    /// The one metric an identity gives from the known ones, if exactly one of its metrics is
    /// unknown (and no division by zero stands in the way).
    private func derive(_ identity: ResolvedIdentity, from known: [Int: Known], company c: Int) -> (Int, Known)? {
        guard let r = identity.ratio else { return deriveLinear(identity, from: known) }
        // Only a ratio of two amounts in the same unit: a plain ratio (a margin, a multiple).
        guard canonicalUnit(r.ratio, company: c).isNone,
              canonicalUnit(r.numerator, company: c) == canonicalUnit(r.denominator, company: c) else { return nil }
        let x = known[r.ratio], n = known[r.numerator], d = known[r.denominator]
        func joined(_ a: Known, _ b: Known, _ value: Double, _ slack: Double) -> Known {
            Known(value: value, slack: slack, basis: a.basis.union(b.basis), viaRatio: true)
        }
        switch (x, n, d) {
        case (nil, let n?, let d?) where d.value != 0:
            return (r.ratio, joined(n, d, n.value / d.value, n.slack / abs(d.value) + abs(n.value) * d.slack / (d.value * d.value)))
        case (let x?, nil, let d?):
            return (r.numerator, joined(x, d, x.value * d.value, abs(x.value) * d.slack + abs(d.value) * x.slack))
        case (let x?, let n?, nil) where x.value != 0:
            return (r.denominator, joined(x, n, n.value / x.value, n.slack / abs(x.value) + abs(n.value) * x.slack / (x.value * x.value)))
        default:
            return nil
        }
    }

    private func deriveLinear(_ identity: ResolvedIdentity, from known: [Int: Known]) -> (Int, Known)? {
        var sum = identity.constant, slack = 0.0, unknownMetric: Int?, coefficient = 0.0
        var basis = Set<Int>(), viaRatio = false
        for (k, metric) in identity.terms {
            if let v = known[metric] {
                sum += k * v.value
                slack += abs(k) * v.slack
                basis.formUnion(v.basis)
                viaRatio = viaRatio || v.viaRatio
            } else if unknownMetric == nil || unknownMetric == metric {
                unknownMetric = metric
                coefficient += k
            } else {
                return nil
            }
        }
        guard let u = unknownMetric, coefficient != 0 else { return nil }
        return (u, Known(value: -sum / coefficient, slack: slack / abs(coefficient), basis: basis, viaRatio: viaRatio))
    }

    /// A fact's amount in its metric's unit for the company; nil when it cannot be converted
    /// (a currency with no rate), which leaves it out of the check.
    private func canonicalAmount(_ q: Quantity, metric: Int, company c: Int, year: Int) -> Double? {
        let target = Quantity(0, canonicalUnit(metric, company: c))
        return try? q.converted(toMatch: target, operation: "compare", rates: rates, year: year).value
    }

    /// How far a value of this metric may be from the truth once printed and read back: half
    /// the last printed digit of a percent (0.05 points) or a multiple (`1.83x`, `42.4x`).
    private func roundingSlack(_ value: Double, metric: Int) -> Double {
        switch metricList[metric].measure {
        case .percent: return 0.0005
        case .multiple: return abs(value) < 10 ? 0.005 : 0.05
        default: return 0
        }
    }

    private func displayedFact(_ q: Quantity, metric: Int) -> Quantity {
        var q = q
        if case .percent = metricList[metric].measure { q.display = .percent }
        if case .multiple = metricList[metric].measure { q.display = .multiple }
        return q
    }

    /// `margin[2028] = -75% and operating_income[2028] = -$74B give revenue[2028] = $98.67B,
    /// but revenue[2028] = $50B is given`, with a note at each fact it rests on.
    private func contradiction(company c: Int, metric m: Int, year: Int, fact: Fact, derived: Quantity,
                               basis: Set<Int>) -> ModelError {
        let facts = basis.compactMap { b in companyList[c].fact(b, year).map { (b, $0) } }
            .sorted { $0.1.sequence < $1.1.sequence }
        let named = facts.map { "\(metricList[$0.0].name)[\(year)] = \(Format.brief($0.1.value))" }
        let list = named.count <= 1 ? named.joined()
            : named.dropLast().joined(separator: ", ") + " and " + (named.last ?? "")
        let name = "\(metricList[m].name)[\(year)]"
        let message = "\(list) give\(named.count == 1 ? "s" : "") \(name) = \(Format.brief(derived)), "
            + "but \(name) = \(Format.brief(fact.value)) is given"
        return ModelError(.contradiction, message, hint: "correct or remove one of these facts", at: fact.at,
                          notes: facts.map { ModelError.Note("\(metricList[$0.0].name)[\(year)] is given here", at: $0.1.at) })
    }
}

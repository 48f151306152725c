// TimeValue: the time value of money on plain numbers, as numpy-financial defines it (its
// argument order, its sign convention: money paid out is negative, and payments at the end of
// each period unless `begin`): npv, irr, mirr, pv, fv, pmt, nper, rate; and the dated flows of
// xnpv and xirr. nil means the question has no answer (the caller says why).

enum TimeValue {
    /// numpy-financial's starting guess for `rate`, where its Newton iteration (and a
    /// spreadsheet's) begins: of several rates, `rate` reports the one that iteration reaches.
    static let rateGuess = 0.1

    // MARK: - Flows

    /// Net present value: flow t divided by (1 + rate)^t, the first flow (t = 0) undiscounted.
    static func npv(_ rate: Double, _ flows: [Double]) -> Double {
        var total = 0.0
        for (t, v) in flows.enumerated() { total += v / Math.pow(1 + rate, Double(t)) }
        return total
    }

    /// Internal rate of return: the rate above -100% at which the flows' net present value is
    /// zero; of several, the one closest to 0 (numpy-financial's choice among the real roots).
    static func irr(_ flows: [Double]) -> Double? {
        // Trailing zeros add nothing, leading zeros only shift the flows in time.
        var end = flows.count
        while end > 0, flows[end - 1] == 0 { end -= 1 }
        var start = 0
        while start < end, flows[start] == 0 { start += 1 }
        let a = Array(flows[start..<end])
        guard a.count >= 2, a.allSatisfy(\.isFinite) else { return nil }
        // Cauchy's bounds on the roots x = 1 / (1 + rate) of Σ a_t x^t.
        let first = abs(a[0]), last = abs(a[a.count - 1])
        let high = 1 + a.dropLast().map { abs($0) / last }.max()!
        let low = 1 / (1 + a.dropFirst().map { abs($0) / first }.max()!)
        let range = max(Math.log(low) - 0.01, -100)...min(Math.log(high) + 0.01, 100)
        let f = { (u: Double) in polynomialSign(a, u) }
        if RateSearch.signChanges(a) == 1, let u = RateSearch.onlyRoot(in: range, f) { return RateSearch.rate(u) }
        return RateSearch.root(in: range, closestTo: 0, f).map(RateSearch.rate)
    }

    /// A number with the sign of Σ a_t x^t at x = e^u, scaled so that it never overflows
    /// (divided by x^n when x > 1).
    static func polynomialSign(_ a: [Double], _ u: Double) -> Double {
        let x = Math.exp(u)
        var s = 0.0
        if x <= 1 {
            for c in a.reversed() { s = s * x + c }
        } else {
            let y = 1 / x
            for c in a { s = s * y + c }
        }
        return s
    }

    /// Modified internal rate of return: the positive flows reinvested at `reinvest`, the
    /// negative ones financed at `finance`; nil unless the flows have both signs.
    static func mirr(_ flows: [Double], finance: Double, reinvest: Double) -> Double? {
        guard flows.count >= 2, flows.contains(where: { $0 > 0 }), flows.contains(where: { $0 < 0 }) else { return nil }
        let gains = abs(npv(reinvest, flows.map { max($0, 0) }))
        let costs = abs(npv(finance, flows.map { min($0, 0) }))
        return Math.pow(gains / costs, 1 / Double(flows.count - 1)) * (1 + reinvest) - 1
    }

    // MARK: - Annuities: fv + pv·(1+r)^n + pmt·(1 + r·when)/r·((1+r)^n - 1) = 0

    /// (1 + rate)^n and (1 + rate)^n - 1, the second exact when rate·n is small.
    private static func growth(_ rate: Double, _ n: Double) -> (Double, Double) {
        let exponent = n * Math.log1p(rate)
        return (Math.exp(exponent), Math.expm1(exponent))
    }

    /// The future value of a present value and n payments.
    static func fv(rate: Double, nper n: Double, pmt: Double, pv: Double, begin: Bool) -> Double {
        if rate == 0 { return -(pv + pmt * n) }
        let (t, t1) = growth(rate, n)
        return -(pv * t + pmt * (1 + (begin ? rate : 0)) / rate * t1)
    }

    /// The present value of n payments and a future value.
    static func pv(rate: Double, nper n: Double, pmt: Double, fv: Double, begin: Bool) -> Double {
        if rate == 0 { return -(fv + pmt * n) }
        let (t, t1) = growth(rate, n)
        return -(fv + pmt * (1 + (begin ? rate : 0)) / rate * t1) / t
    }

    /// The payment that takes a present value to a future value in n periods.
    static func pmt(rate: Double, nper n: Double, pv: Double, fv: Double, begin: Bool) -> Double {
        if rate == 0 { return -(fv + pv) / n }
        let (t, t1) = growth(rate, n)
        return -(fv + pv * t) / ((1 + (begin ? rate : 0)) / rate * t1)
    }

    /// The number of periods; nil when payments never get there (a logarithm of a negative
    /// number, or no payment at a zero rate).
    static func nper(rate: Double, pmt: Double, pv: Double, fv: Double, begin: Bool) -> Double? {
        if rate == 0 {
            guard pmt != 0 else { return nil }
            return -(fv + pv) / pmt
        }
        let z = pmt * (1 + (begin ? rate : 0)) / rate
        let ratio = (z - fv) / (pv + z)
        guard ratio > 0, ratio.isFinite else { return nil }
        return Math.log(ratio) / Math.log1p(rate)
    }

    /// The rate per period above -100% that solves the annuity equation. Of several, the one
    /// numpy-financial's Newton iteration reaches from `rateGuess` (so that the two agree where
    /// its answer is a rate above -100%), else the one closest to `rateGuess`.
    static func rate(nper n: Double, pmt: Double, pv: Double, fv: Double, begin: Bool) -> Double? {
        guard n > 0, n.isFinite, pmt.isFinite, pv.isFinite, fv.isFinite else { return nil }
        let f = { (u: Double) in annuitySign(u, n: n, pmt: pmt, pv: pv, fv: fv, begin: begin) }
        // Where the iteration stops, a change of sign within 1e-5 of it is a root: refined there.
        if let reached = newtonRate(nper: n, pmt: pmt, pv: pv, fv: fv, begin: begin), reached > -1 {
            let u = RateSearch.u(ofRate: reached), step = 1e-5 * (1 + abs(u))
            if f(u - step) * f(u + step) <= 0 {
                return RateSearch.rate(RateSearch.refine(RateSearch.Bracket(low: u - step, high: u + step), f))
            }
        }
        return RateSearch.root(in: -14...14, closestTo: rateGuess, f).map(RateSearch.rate)
    }

    /// Newton's iteration on the annuity equation from `rateGuess`, stopping when a step is
    /// below 1e-6 or after 100 steps (numpy-financial's documented defaults); nil if it fails.
    static func newtonRate(nper n: Double, pmt: Double, pv: Double, fv: Double, begin: Bool) -> Double? {
        let w = begin ? 1.0 : 0.0
        var r = rateGuess
        for _ in 0..<100 {
            let t = Math.pow(1 + r, n), dt = n * Math.pow(1 + r, n - 1)
            let g = fv + pv * t + pmt * (1 + r * w) * (t - 1) / r
            let dg = pv * dt + pmt * (w * (t - 1) / r + (1 + r * w) * (dt * r - (t - 1)) / (r * r))
            let next = r - g / dg
            guard next.isFinite else { return nil }
            if abs(next - r) < 1e-6 { return next }
            r = next
        }
        return nil
    }

    /// A number with the sign of the annuity equation at the rate e^-u - 1, over (1 + r)^n so
    /// that it stays finite (with x = e^u: pv + pmt·(1 + r·when)·Σ x^t + fv·x^n, and that over
    /// x^n when x > 1).
    static func annuitySign(_ u: Double, n: Double, pmt: Double, pv: Double, fv: Double, begin: Bool) -> Double {
        let x = Math.exp(u), k = 1 + (begin ? Math.expm1(-u) : 0)
        if u == 0 { return pv + pmt * k * n + fv }
        if u < 0 { return pv + pmt * k * x * Math.expm1(n * u) / Math.expm1(u) + fv * Math.exp(n * u) }
        return pv * Math.exp(-n * u) - pmt * k * x * Math.expm1(-n * u) / Math.expm1(u) + fv
    }

    // MARK: - Dated flows (actual/365)

    /// Net present value of flows on `days` (days since any fixed day), each discounted by
    /// (1 + rate)^(days from the first flow / 365).
    static func xnpv(_ rate: Double, _ flows: [Double], days: [Int]) -> Double {
        guard let first = days.first else { return 0 }
        var total = 0.0
        for (v, d) in zip(flows, days) { total += v / Math.pow(1 + rate, Double(d - first) / 365) }
        return total
    }

    /// The rate above -100% at which `xnpv` is zero; of several, the one closest to 0, as `irr`.
    static func xirr(_ flows: [Double], days: [Int]) -> Double? {
        guard let first = days.first, flows.allSatisfy(\.isFinite) else { return nil }
        // The flows of each day added up, in the order of their days.
        var byDay: [Int: Double] = [:]
        for (v, d) in zip(flows, days) { byDay[d - first, default: 0] += v }
        let terms = byDay.keys.sorted().map { (byDay[$0]!, Double($0) / 365) }.filter { $0.0 != 0 }
        guard terms.count >= 2 else { return nil }
        let earliest = terms[0].1, latest = terms[terms.count - 1].1
        let f = { (u: Double) -> Double in
            // Σ v·e^(u·t), over its largest exponential: finite at every u.
            let top = u > 0 ? u * latest : u * earliest
            var total = 0.0
            for (v, t) in terms { total += v * Math.exp(u * t - top) }
            return total
        }
        // One change of sign in the order of time: one rate (Laguerre's rule of signs).
        if RateSearch.signChanges(terms.map(\.0)) == 1, let u = RateSearch.onlyRoot(in: -14...14, f) { return RateSearch.rate(u) }
        return RateSearch.root(in: -14...14, closestTo: 0, f).map(RateSearch.rate)
    }

    // MARK: - Growth and payback

    /// The constant yearly growth g at which `start`·(1+g) + ... + `start`·(1+g)^years adds up
    /// to `total`; nil unless both are above zero.
    static func growthNeeded(start: Double, total: Double, years: Int) -> Double? {
        guard start > 0, total > 0, years >= 1, start.isFinite, total.isFinite else { return nil }
        // The sum rises with ln(1 + g): bisection on it, between -99.99...% and e^50 - 1.
        func sum(_ v: Double) -> Double {
            v == 0 ? Double(years) : Math.exp(v) * Math.expm1(Double(years) * v) / Math.expm1(v)
        }
        var low = -50.0, high = 50.0
        for _ in 0..<2100 {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high { break }
            if start * sum(middle) < total { low = middle } else { high = middle }
        }
        return Math.expm1(low + (high - low) / 2)
    }

    /// The years of `yearly` cash (growing by `growth` a year) that add up to `cost`, counted
    /// in fractions of a year; nil when they never do.
    static func paybackYears(cost: Double, yearly: Double, growth: Double) -> Double? {
        guard cost >= 0, yearly > 0, growth > -1 else { return nil }
        if growth == 0 { return cost / yearly }
        // yearly·((1+g)^n - 1)/g = cost, so (1+g)^n = 1 + cost·g/yearly.
        let ratio = 1 + cost * growth / yearly
        guard ratio > 0 else { return nil }
        return Math.log1p(cost * growth / yearly) / Math.log1p(growth)
    }
}

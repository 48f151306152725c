// RateSearch: finds the rate at which a value of the rate (a net present value) is zero, by
// scanning a grid for changes of sign, outward from a target rate, and refining the nearest by
// bisection: of several rates, the one closest to the target.
//
// The search variable is u = -ln(1 + r): every rate above -100% is some u, and a polynomial in
// 1 / (1 + r) (the flows of `irr`) is one in e^u. The grid is u = a·sinh(k·dv): fine near the
// rate 0 (steps of 0.2 percentage point), coarser far from it. Two rates closer than a step
// show as a dip of the value towards zero between three points of one sign; a golden-section
// search looks for the crossing there.

enum RateSearch {
    /// The grid's scale and step (u = a·sinh(k·dv)).
    private static let a = 0.05, dv = 0.04

    /// The rate r = e^-u - 1, to full precision near 0.
    static func rate(_ u: Double) -> Double { Math.expm1(-u) }

    /// The u of a rate.
    static func u(ofRate r: Double) -> Double { -Math.log1p(r) }

    /// Among the u in `range` where `f` changes sign (or is 0), the one whose rate is closest
    /// to `target`; nil when there is none. `f` need only have the sign of the function it
    /// stands for (it may be scaled differently at each u, so that it never overflows).
    static func root(in range: ClosedRange<Double>, closestTo target: Double, _ f: (Double) -> Double) -> Double? {
        var scan = Scan(range: range, target: target)
        guard scan.first <= scan.last else { return nil }
        let start = min(max((Math.asinh(u(ofRate: target) / a) / dv).rounded(), scan.first), scan.last)
        if scan.value(start, f) == 0 { return scan.point(start) }
        var low = start, high = start
        var best: (u: Double, distance: Double)?
        // Widen one step at a time on the side whose next point is nearer the target, until a
        // root is closer than anything left (with a step to spare, for a dip at the edge).
        while low > scan.first || high < scan.last {
            let nextLow = low > scan.first ? scan.distance(low - 1) : .infinity
            let nextHigh = high < scan.last ? scan.distance(high + 1) : .infinity
            if let best, min(nextLow, nextHigh) > best.distance,
               scan.distance(low) > best.distance, scan.distance(high) > best.distance { break }
            let (inner, outer) = nextLow <= nextHigh ? (low, low - 1) : (high, high + 1)
            if outer < inner { low = outer } else { high = outer }
            scan.brackets(between: inner, and: outer, f) { bracket in
                let root = refine(bracket, f)
                let d = abs(rate(root) - target)
                if best == nil || d < best!.distance { best = (root, d) }
            }
        }
        return best?.u
    }

    /// The root of an `f` known to change sign once in `range` (flows with one change of sign
    /// have one rate: Descartes' rule of signs), by bisection; nil if its ends have one sign.
    static func onlyRoot(in range: ClosedRange<Double>, _ f: (Double) -> Double) -> Double? {
        let low = f(range.lowerBound), high = f(range.upperBound)
        if low == 0 { return range.lowerBound }
        if high == 0 { return range.upperBound }
        guard low * high < 0 else { return nil }
        return refine(Bracket(low: range.lowerBound, high: range.upperBound), f)
    }

    /// How many times the numbers change sign, zeros skipped.
    static func signChanges(_ xs: [Double]) -> Int {
        var changes = 0, last = 0.0
        for x in xs where x != 0 {
            if last != 0, (x > 0) != (last > 0) { changes += 1 }
            last = x
        }
        return changes
    }

    /// The grid's point k.
    private static func point(_ k: Double) -> Double { a * Math.sinh(k * dv) }

    /// The grid's points, their distances from the target rate and the values of `f` there,
    /// each worked out once, as the scan reaches it.
    private struct Scan {
        let first: Double, last: Double, target: Double
        var us: [Double], distances: [Double], values: [Double]

        init(range: ClosedRange<Double>, target: Double) {
            let first = (Math.asinh(range.lowerBound / RateSearch.a) / RateSearch.dv).rounded(.down)
            let last = (Math.asinh(range.upperBound / RateSearch.a) / RateSearch.dv).rounded(.up)
            let ok = first.isFinite && last.isFinite && first <= last
            self.first = ok ? first : 1
            self.last = ok ? last : 0
            self.target = target
            let count = ok ? Int(last - first) + 1 : 0
            us = [Double](repeating: .nan, count: count)
            distances = us
            values = us
        }

        mutating func point(_ k: Double) -> Double {
            let i = Int(k - first)
            if us[i].isNaN { us[i] = RateSearch.point(k) }
            return us[i]
        }

        mutating func distance(_ k: Double) -> Double {
            let i = Int(k - first)
            if distances[i].isNaN { distances[i] = abs(RateSearch.rate(point(k)) - target) }
            return distances[i]
        }

        mutating func value(_ k: Double, _ f: (Double) -> Double) -> Double {
            let i = Int(k - first)
            if values[i].isNaN { values[i] = f(point(k)) }
            return values[i]
        }

        /// The brackets a new point `outer` beside `inner` opens: a change of sign between
        /// them, a zero at `outer`, or a dip at `inner` (which then has neighbours both sides).
        mutating func brackets(between inner: Double, and outer: Double, _ f: (Double) -> Double, _ found: (Bracket) -> Void) {
            let x = value(inner, f), y = value(outer, f)
            let ui = point(inner), uo = point(outer)
            if y == 0 { found(Bracket(low: uo, high: uo)) }
            if x * y < 0 { found(Bracket(low: min(ui, uo), high: max(ui, uo))) }
            let other = inner + (inner - outer)
            guard other >= first, other <= last, !values[Int(other - first)].isNaN else { return }
            let z = values[Int(other - first)], uz = point(other)
            if RateSearch.isDip(y, x, z), let middle = RateSearch.crossing(uo, uz, sign: x > 0 ? 1 : -1, f) {
                found(Bracket(low: min(uo, middle), high: max(uo, middle)))
                found(Bracket(low: min(middle, uz), high: max(middle, uz)))
            }
        }
    }

    /// An interval of u where `f` changes sign (equal ends: an exact zero).
    struct Bracket {
        var low: Double
        var high: Double
    }

    /// Three values of one sign whose middle one is nearest zero: `f` may cross zero and come back.
    private static func isDip(_ x: Double, _ y: Double, _ z: Double) -> Bool {
        y != 0 && x * y > 0 && y * z > 0 && abs(y) < abs(x) && abs(y) < abs(z)
    }

    /// A point between `low` and `high` where `f` has the sign opposite to `sign`, looked for by a
    /// golden-section search for the least of sign·f; nil when the dip stays on its side.
    private static func crossing(_ low: Double, _ high: Double, sign: Double, _ f: (Double) -> Double) -> Double? {
        let g = (5.0.squareRoot() - 1) / 2
        var l = min(low, high), r = max(low, high)
        var c = r - g * (r - l), d = l + g * (r - l)
        var fc = sign * f(c), fd = sign * f(d)
        for _ in 0..<80 {
            if fc < 0 { return c }
            if fd < 0 { return d }
            if fc < fd {
                r = d; d = c; fd = fc
                c = r - g * (r - l); fc = sign * f(c)
            } else {
                l = c; c = d; fc = fd
                d = l + g * (r - l); fd = sign * f(d)
            }
        }
        return nil
    }

    /// The bracket narrowed by bisection until its ends are neighbouring numbers (or `f` is 0).
    static func refine(_ b: Bracket, _ f: (Double) -> Double) -> Double {
        var low = b.low, high = b.high
        guard low != high else { return low }
        var fLow = f(low)
        if fLow == 0 { return low }
        for _ in 0..<2100 {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high { break }
            let fMiddle = f(middle)
            if fMiddle == 0 { return middle }
            if (fMiddle > 0) == (fLow > 0) { low = middle; fLow = fMiddle } else { high = middle }
        }
        return low + (high - low) / 2
    }
}

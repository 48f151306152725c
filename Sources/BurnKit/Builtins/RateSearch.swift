// RateSearch: finds the rates at which a value of the rate (a net present value) is zero, by
// scanning a grid for changes of sign and refining each by bisection, and picks one of them.
//
// The search variable is u = -ln(1 + r): every rate above -100% is some u, and a polynomial in
// 1 / (1 + r) (the flows of `irr`) is one in e^u. The grid is u = a·sinh(k·dv): fine near the
// rate 0 (steps of 0.05 percentage points), coarser far from it.

enum RateSearch {
    /// The grid's scale and step (u = a·sinh(k·dv)).
    private static let a = 0.05, dv = 0.01

    /// The rate r = e^-u - 1, to full precision near 0.
    static func rate(_ u: Double) -> Double { Math.expm1(-u) }

    /// Among the u in `range` where `f` changes sign (or is 0), the one whose rate is closest
    /// to `target`; nil when there is none. `f` need only have the sign of the function it
    /// stands for (it may be scaled differently at each u, so that it never overflows).
    static func root(in range: ClosedRange<Double>, closestTo target: Double, _ f: (Double) -> Double) -> Double? {
        let brackets = self.brackets(in: range, f)
        // The brackets nearest the target first: one refined root closer than every remaining
        // bracket ends the search (most flows need one bisection).
        let ordered = brackets.map { ($0, distance(from: target, to: $0)) }.sorted { $0.1 < $1.1 }
        var best: (u: Double, distance: Double)?
        for (bracket, lower) in ordered {
            if let best, lower > best.distance { break }
            let u = refine(bracket, f)
            let d = abs(rate(u) - target)
            if best == nil || d < best!.distance { best = (u, d) }
        }
        return best?.u
    }

    /// Every u in `range` where `f` changes sign (or is 0), refined, in no set order.
    static func roots(in range: ClosedRange<Double>, _ f: (Double) -> Double) -> [Double] {
        brackets(in: range, f).map { refine($0, f) }
    }

    /// An interval of u where `f` changes sign (equal ends: an exact zero).
    struct Bracket {
        var low: Double
        var high: Double
    }

    /// How far `target` is from the rates of a bracket (0 when inside).
    private static func distance(from target: Double, to b: Bracket) -> Double {
        let r1 = rate(b.high), r2 = rate(b.low)  // u grows as r falls
        if target < r1 { return r1 - target }
        if target > r2 { return target - r2 }
        return 0
    }

    /// The grid's points in `range`, with 0 among them when the range holds it.
    static func grid(_ range: ClosedRange<Double>) -> [Double] {
        let first = (Math.asinh(range.lowerBound / a) / dv).rounded(.down)
        let last = (Math.asinh(range.upperBound / a) / dv).rounded(.up)
        guard first.isFinite, last.isFinite, first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { a * Math.sinh($0 * dv) }
    }

    /// Every interval of the grid where `f` changes sign, plus the pairs of sign changes hidden
    /// inside one step (two rates closer than a step, where `f` dips across zero and back).
    static func brackets(in range: ClosedRange<Double>, _ f: (Double) -> Double) -> [Bracket] {
        let us = grid(range)
        let fs = us.map(f)
        var found: [Bracket] = []
        for i in us.indices {
            if fs[i] == 0 { found.append(Bracket(low: us[i], high: us[i])); continue }
            guard i + 1 < us.count else { break }
            if fs[i] * fs[i + 1] < 0 { found.append(Bracket(low: us[i], high: us[i + 1])) }
        }
        for i in us.indices.dropFirst().dropLast() where isDip(fs[i - 1], fs[i], fs[i + 1]) {
            if let middle = crossing(us[i - 1], us[i + 1], sign: fs[i] > 0 ? 1 : -1, f) {
                found.append(Bracket(low: us[i - 1], high: middle))
                found.append(Bracket(low: middle, high: us[i + 1]))
            }
        }
        return found
    }

    /// Three values of one sign whose middle one is nearest zero: `f` may cross zero and come back.
    private static func isDip(_ x: Double, _ y: Double, _ z: Double) -> Bool {
        y != 0 && x * y > 0 && y * z > 0 && abs(y) < abs(x) && abs(y) < abs(z)
    }

    /// A point between `low` and `high` where `f` has the sign opposite to `sign`, looked for by a
    /// golden-section search for the least of sign·f; nil when the dip stays on its side.
    private static func crossing(_ low: Double, _ high: Double, sign: Double, _ f: (Double) -> Double) -> Double? {
        let g = (5.0.squareRoot() - 1) / 2
        var l = low, r = high
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

    /// The bracket narrowed by bisection until its ends are neighbouring numbers.
    static func refine(_ b: Bracket, _ f: (Double) -> Double) -> Double {
        var low = b.low, high = b.high
        guard low != high else { return low }
        var fLow = f(low)
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

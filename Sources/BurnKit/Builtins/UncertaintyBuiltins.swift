// UncertaintyBuiltins: distributions (normal, uniform, lognormal) and summaries (P, mean,
// percentile, p5, p95) of uncertain numbers.
import BurnModel

enum UncertaintyBuiltins {
    /// Draws past the largest number (or undefined) are an error where they are made, never
    /// an `infinity` printed later.
    static func finiteDraws(_ draws: [Double], _ c: CallSite) throws -> [Double] {
        guard draws.allSatisfy(\.isFinite) else { throw Arithmetic.notFinite(c.span) }
        return draws
    }

    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("normal", 2, { a, c in
            try c.runtime.refuseDrawingInFormula(at: c.span)
            let mean = try c.quantity(a, 0, "normal"), sd = try c.quantity(a, 1, "normal")
            guard sd.value >= 0 else { throw Diagnostic("a standard deviation cannot be negative", at: c.argumentSpan(1)) }
            let (m, s) = (mean.value, sd.value)
            let z = c.runtime.interpreter.rng.normals(c.runtime.interpreter.sampleCount) { m + s * $0 }
            return .samples(Samples(try finiteDraws(z, c), unit: mean.unit, display: mean.display))
        }),
        ("uniform", 2, { a, c in
            try c.runtime.refuseDrawingInFormula(at: c.span)
            let lo = try c.quantity(a, 0, "uniform"), hi = try c.quantity(a, 1, "uniform")
            guard lo.value < hi.value else { throw Diagnostic("`uniform(a, b)` needs a below b", at: c.span) }
            let interpreter = c.runtime.interpreter
            // Each draw lies between the bounds (up to rounding): only bounds near the largest
            // number can give an infinite draw, so only then are the draws made and read now.
            guard max(lo.value.magnitude, hi.value.magnitude) <= 1e300 else {
                let values = interpreter.rng.uniforms(interpreter.sampleCount, from: lo.value, to: hi.value)
                return .samples(Samples(try finiteDraws(values, c), unit: lo.unit, display: lo.display))
            }
            let drawn = interpreter.uniformDraws(lo.value, hi.value)
            return .samples(Samples(Quantity(draws: drawn, lo.unit, display: lo.display)))
        }),
        ("lognormal", 2, { a, c in
            try c.runtime.refuseDrawingInFormula(at: c.span)
            let p5 = try c.quantity(a, 0, "lognormal"), p95 = try c.quantity(a, 1, "lognormal")
            guard p5.value > 0, p5.value < p95.value else {
                throw Diagnostic("`lognormal(p5, p95)` needs 0 < p5 < p95", at: c.span)
            }
            let drawn = c.runtime.interpreter.draws90(p5.value, p95.value)
            if !drawn.knownFinite { _ = try finiteDraws(drawn.values, c) }
            return .samples(Samples(Quantity(draws: drawn, p5.unit, display: p5.display)))
        }),
        ("P", 1, { a, c in
            guard case .samples(let s) = a[a.startIndex], s.isCondition else {
                if case .bool(let b) = a[a.startIndex] { return .quantity(Quantity(b ? 1 : 0, display: .percent)) }
                throw Diagnostic("P needs a condition such as `P(x > 5B)`, found \(a[a.startIndex].typeName)",
                                 at: c.argumentSpan(0),
                                 hint: "P is the share of samples where a condition holds: `P(OpenAI.breakeven <= 2030)`")
            }
            try wholeDraws(s, "P", c)
            return .quantity(Quantity(s.mean, display: .percent))
        }),
        ("percentile", 2, { a, c in
            let s = try samples(a, 0, "percentile", c)
            return percentile(s, try percentileRank(a, c), c)
        }),
        ("p5", 1, { a, c in percentile(try samples(a, 0, "p5", c), 5, c) }),
        ("p95", 1, { a, c in percentile(try samples(a, 0, "p95", c), 95, c) }),
    ]

    /// The p-th percentile of `s`. Of years some of which have none (no break-even in the years
    /// searched), those count as later than every year: the percentile is none when it falls
    /// among them (the median break-even of a company that breaks even in 40% of samples).
    static func percentile(_ s: Samples, _ p: Double, _ c: CallSite) -> Value {
        // Only years are read again for draws with none (amounts keep percentiles of the others).
        guard s.kind == .year, case let none = s.draws.noneShare, none > 0 else {
            return Value.make(s.quantity(s.percentile(p)))
        }
        let valued = s.draws.values.filter { !$0.isNaN }
        guard let year = OrderStatistics(Draws(valued)).percentile(p, outOf: s.draws.count) else {
            let share = percentText(none, c), rank = c.runtime.interpreter.formatter.plain(p)
            return .none("none: \(share) of samples have no year, and the \(withOrdinalSuffix(rank)) percentile falls among them")
        }
        return Value.make(s.quantity(year))
    }

    /// The mean of `s`; none for years some of which have none, since a year never reached
    /// has no place in a mean (the mean of the others says so).
    static func mean(_ s: Samples, _ c: CallSite) -> Value {
        guard s.kind == .year, case let none = s.draws.noneShare, none > 0 else { return Value.make(s.quantity(s.mean)) }
        let others = c.runtime.interpreter.formatter.format(s.quantity(s.mean))
        return .none("none: \(percentText(none, c)) of samples have no year (the mean of the others is \(others))")
    }

    private static func percentText(_ share: Double, _ c: CallSite) -> String {
        c.runtime.interpreter.formatter.format(Quantity(share, display: .percent))
    }

    /// `95th`, `1st`, `62.5th`: a percentile rank as written in English.
    private static func withOrdinalSuffix(_ n: String) -> String {
        let suffix = n.hasSuffix("1") && !n.hasSuffix("11") ? "st" : n.hasSuffix("2") && !n.hasSuffix("12") ? "nd"
            : n.hasSuffix("3") && !n.hasSuffix("13") ? "rd" : "th"
        return n + suffix
    }

    /// The rank (0...100) `percentile(x, p)` asks for: `90%` and `90` both mean the 90th; a
    /// plain number below 1 (`0.9`) is refused, since it reads as the 0.9th percentile.
    private static func percentileRank(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Double {
        let v = a[a.startIndex + 1]
        guard let q = v.asQuantity, q.unit.isNone, q.display == .auto || q.display == .percent else {
            throw Diagnostic("`percentile` takes a percent as its second argument, not \(v.typeName)", at: c.argumentSpan(1),
                             hint: "write `percentile(x, 90%)` for the 90th percentile")
        }
        let rank = q.display == .percent ? q.value * 100 : q.value
        if q.display == .auto, rank < 1 {
            let asked = NumberFormat.fixedTrimmed(max(0, rank) * 100, 1)
            throw Diagnostic("`percentile` takes a percent: \(ValueFormatter().plain(q.value)) would be the \(ValueFormatter().plain(q.value))th percentile",
                             at: c.argumentSpan(1), hint: "write `percentile(x, \(asked)%)`")
        }
        guard rank >= 0, rank <= 100 else {
            throw Diagnostic("a percentile is between 0% and 100%", at: c.argumentSpan(1), hint: "write `percentile(x, 90%)` for the 90th percentile")
        }
        return rank
    }

    private static func samples(_ a: ArraySlice<Value>, _ i: Int, _ name: String, _ c: CallSite) throws -> Samples {
        let v = a[a.startIndex + i]
        if case .samples(let s) = v {
            try wholeDraws(s, name, c)
            return s
        }
        if let q = v.asQuantity { return Samples([q.value], unit: q.unit, display: q.display) }
        throw c.bad(i, name, "uncertain number", v)
    }

    /// Inside a formula of a model evaluated a slice of draws at a time, a model value holds
    /// only the slice's draws: a summary of it would summarise the slice, not the number.
    private static func wholeDraws(_ s: Samples, _ name: String, _ c: CallSite) throws {
        guard let lanes = c.runtime.lanes, lanes.count == s.draws.count, lanes.count != c.runtime.laneTotal else { return }
        throw Diagnostic("'\(name)' of a model value cannot be taken inside a formula of an uncertain model", at: c.span,
                         hint: "summarise outside the formula: `let low = p5(OpenAI.cash[2030])`")
    }
}

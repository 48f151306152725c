// ListBuiltins: sum, mean, count, and the other functions over lists and series.
import BurnModel

enum ListBuiltins {
    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("sum", nil, { a, c in try total(c.numbers(a, "sum"), c) }),
        ("mean", nil, { a, c in
            if a.count == 1, case .samples(let s) = a[a.startIndex] { return UncertaintyBuiltins.mean(s, c) }
            let values = try c.numbers(a, "mean")
            return try mean(values.isEmpty ? nil : try total(values, c), count: values.count, c)
        }),
        ("count", 1, { a, c in
            switch a[a.startIndex] {
            case .list(let l): return .number(Double(l.items.count))
            case .seriesValues(let s): return .number(Double(s.values.count))
            case .range(let lo, let hi): return .number(Double(hi - lo + 1))
            case .string(let s): return .number(Double(s.count))
            case let v: throw c.bad(0, "count", "list", v)
            }
        }),
        ("range", 2, { a, c in
            let lo = try wholeNumber(a[a.startIndex], at: c.argumentSpan(0), what: "a range bound")
            let hi = try wholeNumber(a[a.startIndex + 1], at: c.argumentSpan(1), what: "a range bound")
            guard lo <= hi else { throw Diagnostic("this range is empty: \(lo) is after \(hi)", at: c.span) }
            return .range(lo, hi)
        }),
    ]

    /// The sum of like quantities; plain numbers take the others' unit.
    static func total(_ values: [Quantity], _ c: CallSite) throws -> Value {
        // From the first value, not from a plain 0: a sum of percents is a percent.
        guard var sum = values.first else { return .number(0) }
        for q in values.dropFirst() { sum = try add(sum, q, c) }
        return try c.finite(sum)
    }

    /// `sum + q`, one step of a sum.
    static func add(_ sum: Quantity, _ q: Quantity, _ c: CallSite) throws -> Quantity {
        do { return try sum.adding(q, rates: c.runtime.rates) } catch let e as UnitError {
            throw Arithmetic.unitError(e, at: c.span)
        }
    }

    /// The mean of `count` numbers from their `total` (nil: none).
    static func mean(_ total: Value?, count: Int, _ c: CallSite) throws -> Value {
        guard let total else { throw Diagnostic("'mean' of nothing", at: c.span) }
        guard let q = World.amount(total) else { return .number(0) }
        return Value.make(q.scaled(by: 1 / Double(count)))
    }
}

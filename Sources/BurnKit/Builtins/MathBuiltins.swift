// MathBuiltins: abs, round, floor, ceil, sqrt, ln, log10, exp, min, max.
import BurnModel

enum MathBuiltins {
    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("abs", 1, { a, c in
            var q = try c.quantity(a, 0, "abs")
            q.value = abs(q.value)
            return Value.make(q)
        }),
        ("round", nil, round),
        ("floor", 1, { a, c in try unary(a, c, "floor") { $0.rounded(.down) } }),
        ("ceil", 1, { a, c in try unary(a, c, "ceil") { $0.rounded(.up) } }),
        ("sqrt", 1, { a, c in
            let x = try c.plain(a, 0, "sqrt")
            guard x >= 0 else { throw Diagnostic("'sqrt' of a negative number", at: c.argumentSpan(0)) }
            return .number(x.squareRoot())
        }),
        ("ln", 1, { a, c in try logarithm(a, c, "ln", Math.log) }),
        ("log10", 1, { a, c in try logarithm(a, c, "log10", Math.log10) }),
        ("exp", 1, { a, c in try c.finite(Quantity(Math.exp(try c.plain(a, 0, "exp")))) }),
        ("min", nil, { a, c in try extreme(a, c, "min", wantSmaller: true) }),
        ("max", nil, { a, c in try extreme(a, c, "max", wantSmaller: false) }),
    ]

    private static func unary(_ a: ArraySlice<Value>, _ c: CallSite, _ name: String, _ f: (Double) -> Double) throws -> Value {
        var q = try c.quantity(a, 0, name)
        q.value = f(q.value)
        return Value.make(q)
    }

    private static func logarithm(_ a: ArraySlice<Value>, _ c: CallSite, _ name: String, _ f: (Double) -> Double) throws -> Value {
        let x = try c.plain(a, 0, name)
        guard x > 0 else {
            throw Diagnostic("'\(name)' of \(x == 0 ? "zero" : "a negative number") is not defined", at: c.argumentSpan(0))
        }
        return .number(f(x))
    }

    /// `round(x)` to a whole number, `round(x, n)` to n decimals; units are kept.
    private static func round(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        guard a.count == 1 || a.count == 2 else {
            throw Diagnostic("'round' takes 1 or 2 arguments, but \(a.count) were given", at: c.span)
        }
        var q = try c.quantity(a, 0, "round")
        let digits = a.count == 2 ? try c.plain(a, 1, "round") : 0
        guard digits == digits.rounded(), abs(digits) <= 15 else {
            throw Diagnostic("'round' takes a whole number of decimals between -15 and 15", at: c.argumentSpan(1))
        }
        let scale = NumberFormat.power10(Int(digits))
        q.value = (q.value * scale).rounded() / scale
        return Value.make(q)
    }

    private static func extreme(_ a: ArraySlice<Value>, _ c: CallSite, _ name: String, wantSmaller: Bool) throws -> Value {
        let values = try c.numbers(a, name)
        guard var best = values.first else {
            throw Diagnostic("'\(name)' needs at least one number", at: c.span)
        }
        for q in values.dropFirst() {
            let order: Int
            do { order = try q.compare(best, rates: c.runtime.rates) } catch let e as UnitError {
                throw Arithmetic.unitError(e, at: c.span)
            }
            if wantSmaller ? order < 0 : order > 0 { best = q }
        }
        // A plain number among money is money, as in `max(0, cash)`.
        if best.unit.isNone, let unit = values.first(where: { !$0.unit.isNone })?.unit {
            best = Quantity(best.value, unit)
        }
        return Value.make(best)
    }
}

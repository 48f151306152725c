// MathBuiltins: abs, round, floor, ceil, sqrt, ln, log10, exp, min, max.
import BurnModel

enum MathBuiltins {
    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("abs", 1, { a, c in try unary(a, c, "abs") { abs($0) } }),
        ("round", nil, round),
        ("floor", 1, { a, c in try unary(a, c, "floor") { $0.rounded(.down) } }),
        ("ceil", 1, { a, c in try unary(a, c, "ceil") { $0.rounded(.up) } }),
        ("sqrt", 1, { a, c in
            let x = try c.plainAmount(a, 0, "sqrt")
            guard !anyDraw(x, { $0 < 0 }) else { throw Diagnostic("'sqrt' of a negative number", at: c.argumentSpan(0)) }
            return Value.make(x.mapAmounts { $0.squareRoot() })
        }),
        ("ln", 1, { a, c in try logarithm(a, c, "ln", Math.log) }),
        ("log10", 1, { a, c in try logarithm(a, c, "log10", Math.log10) }),
        ("exp", 1, { a, c in try c.finite(try c.plainAmount(a, 0, "exp").mapAmounts(Math.exp).with(.none, display: .auto)) }),
        ("min", nil, { a, c in try extreme(a, c, "min", wantSmaller: true) }),
        ("max", nil, { a, c in try extreme(a, c, "max", wantSmaller: false) }),
    ]

    /// True when the amount, or one of its draws with a value, meets `test`.
    private static func anyDraw(_ q: Quantity, _ test: (Double) -> Bool) -> Bool {
        guard let draws = q.draws else { return test(q.value) }
        return draws.values.contains { !$0.isNaN && test($0) }
    }

    private static func unary(_ a: ArraySlice<Value>, _ c: CallSite, _ name: String, _ f: (Double) -> Double) throws -> Value {
        Value.make(try c.amount(a, 0, name).mapAmounts(f))
    }

    private static func logarithm(_ a: ArraySlice<Value>, _ c: CallSite, _ name: String, _ f: (Double) -> Double) throws -> Value {
        let x = try c.plainAmount(a, 0, name)
        if anyDraw(x, { $0 <= 0 }) {
            let zero = anyDraw(x, { $0 == 0 })
            throw Diagnostic("'\(name)' of \(zero ? "zero" : "a negative number") is not defined", at: c.argumentSpan(0))
        }
        return Value.make(x.mapAmounts(f).with(.none, display: .auto))
    }

    /// `round(x)` to a whole number, `round(x, n)` to n decimals; units are kept.
    private static func round(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        guard a.count == 1 || a.count == 2 else {
            throw Diagnostic("'round' takes 1 or 2 arguments, but \(a.count) were given", at: c.span)
        }
        let q = try c.amount(a, 0, "round")
        let digits = a.count == 2 ? try c.plain(a, 1, "round") : 0
        guard digits == digits.rounded(), abs(digits) <= 15 else {
            throw Diagnostic("'round' takes a whole number of decimals between -15 and 15", at: c.argumentSpan(1))
        }
        let scale = NumberFormat.power10(Int(digits))
        return Value.make(q.mapAmounts { ($0 * scale).rounded() / scale })
    }

    private static func extreme(_ a: ArraySlice<Value>, _ c: CallSite, _ name: String, wantSmaller: Bool) throws -> Value {
        let values = try c.numbers(a, name)
        guard var best = values.first else {
            throw Diagnostic("'\(name)' needs at least one number", at: c.span)
        }
        if values.contains(where: \.isUncertain) { return try extremeDraws(values, c, wantSmaller: wantSmaller) }
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

    /// `max(0, cash)` with uncertain numbers: draw by draw, in the first number's unit (a
    /// plain number among money is money); a draw with no value on any side has none.
    private static func extremeDraws(_ values: [Quantity], _ c: CallSite, wantSmaller: Bool) throws -> Value {
        var best = values[0]
        for q in values.dropFirst() {
            let k: Double
            do { k = try Quantity(1, q.unit).converted(toMatch: best, operation: "compare", rates: c.runtime.rates, year: nil).value }
            catch let e as UnitError { throw Arithmetic.unitError(e, at: c.span) }
            let unit = best.unit.isNone ? q.unit : best.unit
            best = Quantity.lanewise(best, q) { x, y in
                x.isNaN || y.isNaN ? .nan : (wantSmaller ? Swift.min(x, y * k) : Swift.max(x, y * k))
            }.with(unit)
        }
        return Value.make(best)
    }
}

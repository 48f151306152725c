// Arithmetic: the slow paths of operators: units, money, years, strings, and their errors.
import BurnModel

enum Arithmetic {
    static func divisionByZero(_ span: Span) -> Diagnostic {
        Diagnostic("division by zero", at: span, label: "this is zero")
    }

    static func notFinite(_ span: Span) -> Diagnostic {
        Diagnostic("the result is not a finite number", at: span,
                   hint: "a value grew too large, or an undefined operation such as 0^-1 or ln(0)")
    }

    static func unitError(_ error: UnitError, at span: Span) -> Diagnostic {
        Diagnostic(error.message, at: span, hint: error.hint)
    }

    static func binary(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, node: ArithmeticNode) throws -> Value {
        if case .samples = a { return try samples(op, a, b, rt: rt, span: node.span) }
        if case .samples = b { return try samples(op, a, b, rt: rt, span: node.span) }
        switch (a, b) {
        case (.year(let y), _) where op == .add || op == .subtract:
            guard let n = b.asQuantity, n.isPlain, n.value == n.value.rounded() else {
                if case .year(let z) = b, op == .subtract { return .number(Double(y - z)) }
                break
            }
            if case .year(let z) = b { return op == .subtract ? .number(Double(y - z)) : .number(Double(y + z)) }
            let offset = Int(max(-1e6, min(1e6, n.value)))
            return .year(op == .add ? y + offset : y - offset)
        case (.string(let s), .string(let t)) where op == .add:
            return .string(s + t)
        default:
            break
        }
        guard let x = a.asQuantity, let y = b.asQuantity else {
            let culprit = a.asQuantity == nil ? node.lhs : node.rhs
            let value = a.asQuantity == nil ? a : b
            throw Diagnostic("cannot apply '\(op.rawValue)' to \(value.typeName)", at: culprit.span,
                             hint: "arithmetic works on numbers, money and quantities")
        }
        let result: Quantity
        do {
            switch op {
            case .add: result = try x.adding(y, rates: rt.rates)
            case .subtract: result = try x.adding(y, negate: true, rates: rt.rates)
            case .multiply: result = x.multiplied(by: y)
            case .divide:
                if y.value == 0 { throw divisionByZero(node.rhs.span) }
                result = x.divided(by: y, rates: rt.rates)
            default: result = try x.raised(to: y)
            }
        } catch let error as UnitError {
            throw unitError(error, at: node.span)
        }
        guard result.value.isFinite else { throw notFinite(node.span) }
        return Value.make(result)
    }

    @inline(__always) static func holds(_ op: BinaryOp, _ order: Int, equal: Bool) -> Bool {
        switch op {
        case .equal: return equal
        case .notEqual: return !equal
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    static func compare(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, node: CompareNode) throws -> Value {
        if case .samples = a { return try compareSamples(op, a, b, rt: rt, span: node.span) }
        if case .samples = b { return try compareSamples(op, a, b, rt: rt, span: node.span) }
        // An answer that does not exist (no break-even before the horizon) meets no bound.
        if case .none = a, op != .equal, op != .notEqual { return .bool(false) }
        if case .none = b, op != .equal, op != .notEqual { return .bool(false) }
        if let order = try order(a, b, rt: rt, span: node.span) {
            return .bool(holds(op, order, equal: order == 0))
        }
        guard op == .equal || op == .notEqual else {
            throw Diagnostic("cannot compare \(a.typeName) with \(b.typeName)", at: node.span)
        }
        let same = equal(a, b)
        return .bool(op == .equal ? same : !same)
    }

    /// -1, 0, 1 for ordered values (numbers, money, years, strings); nil when unordered.
    static func order(_ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Int? {
        if case .string(let s) = a, case .string(let t) = b { return s < t ? -1 : (s > t ? 1 : 0) }
        guard let x = a.asQuantity, let y = b.asQuantity else { return nil }
        do {
            return try x.compare(y, rates: rt.rates)
        } catch let error as UnitError {
            throw unitError(error, at: span)
        }
    }

    /// Structural equality for the values that have no order.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.range(let a1, let b1), .range(let a2, let b2)): return a1 == a2 && b1 == b2
        case (.month(let y1, let m1), .month(let y2, let m2)): return y1 == y2 && m1 == m2
        case (.company(let x), .company(let y)): return x == y
        case (.none, .none): return true
        case (.list(let x), .list(let y)):
            return x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { equal($0, $1) }
        default: return false
        }
    }
}

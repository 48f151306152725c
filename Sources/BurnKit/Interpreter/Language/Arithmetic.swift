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
        if let result = try years(op, a, b, rt: rt, span: node.span) { return result }
        if case .samples = a { return try samples(op, a, b, rt: rt, span: node.span) }
        if case .samples = b { return try samples(op, a, b, rt: rt, span: node.span) }
        if case .string(let s) = a, case .string(let t) = b, op == .add { return .string(s + t) }
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
            case .multiply: result = try x.multiplied(by: y)
            case .divide:
                try KindArithmetic.check(.divide, x, y)
                if y.value == 0 { throw divisionByZero(node.rhs.span) }
                result = try x.divided(by: y, rates: rt.rates)
            default: result = try x.raised(to: y)
            }
        } catch let error as UnitError {
            throw unitError(error, at: node.span)
        }
        guard result.value.isFinite else { throw notFinite(node.span) }
        return Value.make(result)
    }

    // MARK: - Years

    /// The kind of a value in the table of arithmetic (`KindArithmetic`); nil when it is not a
    /// number (a string, a condition).
    static func kind(of v: Value) -> NumberKind? {
        switch v {
        case .number: return .plain
        case .quantity(let q): return NumberKind(q)
        case .year: return .year
        case .samples(let s):
            switch s.kind {
            case .number: return NumberKind(s.quantity)
            case .year: return .year
            case .condition: return nil
            }
        default: return nil
        }
    }

    /// `a OP b` when a side is a year, certain or uncertain (nil when neither is): the table
    /// decides, and a whole plain number from 1900 to 2200 subtracted from or by a year reads
    /// as a year, so that `year - 2024` is a count of years (LANGUAGE.md section 1: the years
    /// a model speaks of).
    static func years(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value? {
        guard var ka = kind(of: a), var kb = kind(of: b), ka == .year || kb == .year else { return nil }
        if op == .subtract {
            if ka == .year, kb == .plain, looksLikeYear(b) { kb = .year }
            if kb == .year, ka == .plain, looksLikeYear(a) { ka = .year }
        }
        let outcome = KindArithmetic.outcome(kindOperator(op), ka, kb)
        if case .refused(let message, let hint) = outcome { throw Diagnostic(message, at: span, hint: hint) }
        let (x, y) = try operands(a, b, rt: rt, span: span)
        let sum = Quantity.lanewise(x, y) { op == .subtract ? $0 - $1 : $0 + $1 }.with(.none, display: .auto)
        guard outcome == .year else { return Value.make(sum) }
        if let draws = sum.draws { return .samples(Samples(Quantity(draws: draws), kind: .year)) }
        guard sum.value == sum.value.rounded(), abs(sum.value) < 1e6 else {
            throw Diagnostic("a year moves by whole years", at: span, hint: "add a whole number of years: `year + 1`")
        }
        return .year(Int(sum.value))
    }

    /// A certain whole plain number in the years a model speaks of (1900 to 2200).
    private static func looksLikeYear(_ v: Value) -> Bool {
        guard case .number(let x) = v else { return false }
        return x == x.rounded() && x >= 1900 && x <= 2200
    }

    static func kindOperator(_ op: BinaryOp) -> KindOperator {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .power: return .power
        default: return .compare
        }
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
        if let ka = kind(of: a), let kb = kind(of: b),
           case .refused(let message, let hint) = KindArithmetic.outcome(.compare, ka, kb) {
            throw Diagnostic(message, at: node.span, hint: hint)
        }
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
        case (.day(let y1, let m1, let d1), .day(let y2, let m2, let d2)): return y1 == y2 && m1 == m2 && d1 == d2
        case (.company(let x), .company(let y)): return x == y
        case (.none, .none): return true
        case (.list(let x), .list(let y)):
            return x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { equal($0, $1) }
        default: return false
        }
    }
}

// Node: the resolved, runnable tree. The resolver builds it from the AST; only it can run.
// Each node evaluates itself against the runtime; plain numbers take allocation-free fast paths.
import BurnModel

class Node {
    let span: Span
    init(span: Span) { self.span = span }
    func eval(_ rt: Runtime) throws -> Value { fatalError("abstract") }
}

final class ConstantNode: Node {
    let value: Value
    init(_ value: Value, span: Span) {
        self.value = value
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value { value }
}

final class LocalNode: Node {
    let slot: Int
    init(slot: Int, span: Span) {
        self.slot = slot
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let cell = rt.stack + (rt.registers.pointee.base + slot)
        // Plain numbers are read without the general (outlined, reference-counting) copy.
        if case .number(let x) = cell.pointee { return .number(x) }
        return cell.pointee
    }
}

final class GlobalNode: Node {
    let slot: Int
    let name: String
    init(slot: Int, name: String, span: Span) {
        self.slot = slot
        self.name = name
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        if let v = rt.globals[slot] { return v }
        throw Diagnostic("'\(name)' is used before it has a value", at: span)
    }
}

/// Evaluates `value` into local `slot` (a `let` inside a block).
final class SetLocalNode: Node {
    let slot: Int
    let value: Node
    init(slot: Int, value: Node, span: Span) {
        self.slot = slot
        self.value = value
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let v = try value.eval(rt)
        rt.stack[rt.registers.pointee.base + slot] = v
        return v
    }
}

/// `{ a; b; c }`: the value of the last.
final class SequenceNode: Node {
    let items: [Node]
    init(_ items: [Node], span: Span) {
        self.items = items
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        var last = Value.none("empty block")
        for item in items { last = try item.eval(rt) }
        return last
    }
}

final class IfNode: Node {
    let condition: Node, then: Node, otherwise: Node
    init(_ c: Node, _ t: Node, _ e: Node, span: Span) {
        condition = c
        then = t
        otherwise = e
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let c = try condition.eval(rt)
        if case .samples(let s) = c, s.isCondition { return try both(s, rt) }
        return try truth(c, at: condition.span) ? then.eval(rt) : otherwise.eval(rt)
    }

    /// An uncertain condition: both branches, each draw taking its own. A branch that no
    /// draw takes is not evaluated, so it cannot fail (`if x > 5 then fail("no") else 1`).
    private func both(_ c: Samples, _ rt: Runtime) throws -> Value {
        let picks = rt.cut(c.quantity).draws!.values
        if picks.allSatisfy({ $0 == 1 }) { return try then.eval(rt) }
        if picks.allSatisfy({ $0 == 0 }) { return try otherwise.eval(rt) }
        rt.maskedBranches += 1
        defer { rt.maskedBranches -= 1 }
        let a = try then.eval(rt), b = try otherwise.eval(rt)
        return try Arithmetic.select(c, a, b, rt: rt, span: span)
    }
}

@inline(__always) func truth(_ v: Value, at span: Span) throws -> Bool {
    if case .bool(let b) = v { return b }
    if case .samples = v {
        throw Diagnostic("this condition holds in some samples and not in others", at: span,
                         hint: "ask for its probability: `P(...)`, or use it in `if` to choose draw by draw")
    }
    throw Diagnostic("expected a boolean, found \(v.typeName)", at: span,
                     hint: "conditions are comparisons like `x > 0`, joined with `and`, `or`, `not`")
}

/// An operator and its two operands.
class BinaryNode: Node {
    let op: BinaryOp
    let lhs: Node, rhs: Node
    init(_ op: BinaryOp, _ l: Node, _ r: Node, span: Span) {
        self.op = op
        lhs = l
        rhs = r
        super.init(span: span)
    }
}

/// `a and b`, `a or b`: short-circuit on booleans, draw by draw on uncertain conditions.
final class AndNode: BinaryNode {
    init(_ l: Node, _ r: Node, span: Span) { super.init(.and, l, r, span: span) }
    override func eval(_ rt: Runtime) throws -> Value { try logic(rt, isAnd: true) }
}

final class OrNode: BinaryNode {
    init(_ l: Node, _ r: Node, span: Span) { super.init(.or, l, r, span: span) }
    override func eval(_ rt: Runtime) throws -> Value { try logic(rt, isAnd: false) }
}

extension BinaryNode {
    fileprivate func logic(_ rt: Runtime, isAnd: Bool) throws -> Value {
        let a = try lhs.eval(rt)
        if case .samples(let s) = a, s.isCondition {
            return try Arithmetic.logic(isAnd, a, try rhs.eval(rt), rt: rt, span: span)
        }
        // The left side decides alone: false for `and`, true for `or`.
        if try truth(a, at: lhs.span) != isAnd { return .bool(!isAnd) }
        let b = try rhs.eval(rt)
        if case .samples(let s) = b, s.isCondition { return b }
        return .bool(try truth(b, at: rhs.span))
    }
}

final class NotNode: Node {
    let operand: Node
    init(_ o: Node, span: Span) {
        operand = o
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let v = try operand.eval(rt)
        if case .samples(let s) = v, s.isCondition { return Arithmetic.negation(s, rt: rt) }
        return .bool(!(try truth(v, at: operand.span)))
    }
}

final class NegateNode: Node {
    let operand: Node
    init(_ o: Node, span: Span) {
        operand = o
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let v = try operand.eval(rt)
        switch v {
        case .number(let x): return .number(-x)
        case .quantity(var q):
            q.value = -q.value
            return .quantity(q)
        case .samples(let s) where !s.isCondition:
            return .samples(Samples(s.quantity.mapAmounts { -$0 }))
        default:
            throw Diagnostic("cannot negate \(v.typeName)", at: span)
        }
    }
}

/// `a + b`, `a - b`, `a * b`, `a / b`, `a ^ b`, with a fast path for plain numbers.
final class ArithmeticNode: BinaryNode {
    override func eval(_ rt: Runtime) throws -> Value {
        try combine(try lhs.eval(rt), try rhs.eval(rt), rt)
    }

    /// `a OP b` for the values of the two sides.
    @inline(__always) func combine(_ a: Value, _ b: Value, _ rt: Runtime) throws -> Value {
        if case .number(let x) = a, case .number(let y) = b {
            let r: Double
            switch op {
            case .add: r = x + y
            case .subtract: r = x - y
            case .multiply: r = x * y
            case .divide:
                if y == 0 { throw Arithmetic.divisionByZero(rhs.span) }
                r = x / y
            default: r = Math.pow(x, y)
            }
            if r.isFinite { return .number(r) }
            throw Arithmetic.notFinite(span)
        }
        return try Arithmetic.binary(op, a, b, rt: rt, node: self)
    }
}

final class CompareNode: BinaryNode {
    override func eval(_ rt: Runtime) throws -> Value {
        let a = try lhs.eval(rt)
        let b = try rhs.eval(rt)
        if case .number(let x) = a, case .number(let y) = b {
            return .bool(Arithmetic.holds(op, x < y ? -1 : (x > y ? 1 : 0), equal: x == y))
        }
        return try Arithmetic.compare(op, a, b, rt: rt, node: self)
    }
}

// FastNodes: specialised nodes for the shapes hot code has most: an operator with a plain
// constant on its right (`n - 1`, `n < 2`) and a call of a global function (`fib(n)`).
// Each skips a virtual call and a Value copy; the general node handles every other case.

/// `a OP constant`, where the constant is a plain number. Only two plain numbers take the
/// fast path: the table of arithmetic's plain-with-plain entry, a plain number
/// (`KindArithmetic`); every other kind goes through `Arithmetic.binary`, which asks the table.
final class ArithmeticConstantNode: Node {
    let op: BinaryOp
    let lhs: Node
    let constant: Double
    let general: ArithmeticNode
    init(_ general: ArithmeticNode, constant: Double) {
        op = general.op
        lhs = general.lhs
        self.constant = constant
        self.general = general
        super.init(span: general.span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let a = try lhs.eval(rt)
        guard case .number(let x) = a else {
            return try Arithmetic.binary(op, a, .number(constant), rt: rt, node: general)
        }
        let r: Double
        switch op {
        case .add: r = x + constant
        case .subtract: r = x - constant
        case .multiply: r = x * constant
        case .divide: r = x / constant
        default: r = Math.pow(x, constant)
        }
        if r.isFinite { return .number(r) }
        throw Arithmetic.notFinite(span)
    }
}

/// `a OP constant` for comparisons.
final class CompareConstantNode: Node {
    let op: BinaryOp
    let lhs: Node
    let constant: Double
    let general: CompareNode
    init(_ general: CompareNode, constant: Double) {
        op = general.op
        lhs = general.lhs
        self.constant = constant
        self.general = general
        super.init(span: general.span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let a = try lhs.eval(rt)
        guard case .number(let x) = a else {
            return try Arithmetic.compare(op, a, .number(constant), rt: rt, node: general)
        }
        let y = constant
        return .bool(Arithmetic.holds(op, x < y ? -1 : (x > y ? 1 : 0), equal: x == y))
    }
}

/// `f(args)` where `f` names a global: no callee node to evaluate.
final class GlobalCallNode: Node {
    let slot: Int
    let general: CallNode
    init(_ general: CallNode, slot: Int) {
        self.slot = slot
        self.general = general
        super.init(span: general.span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        // The globals table keeps the function alive; borrowing it skips a retain and release.
        if let function = rt.functions[slot] {
            return try function._withUnsafeGuaranteedRef { try general.call($0, rt) }
        }
        return try general.eval(rt)
    }
}

extension Resolver {
    /// The fastest node that does what `node` does.
    static func specialise(_ node: Node) -> Node {
        switch node {
        case let n as ArithmeticNode:
            if let sum = SumNode.chain(n) { return sum }
            if n.op != .divide, let c = n.rhs as? ConstantNode, case .number(let x) = c.value {
                return ArithmeticConstantNode(n, constant: x)
            }
        case let n as CompareNode:
            if let c = n.rhs as? ConstantNode, case .number(let x) = c.value { return CompareConstantNode(n, constant: x) }
        case let n as CallNode:
            if let g = n.callee as? GlobalNode { return GlobalCallNode(n, slot: g.slot) }
        default:
            break
        }
        return node
    }
}

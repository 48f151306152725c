// Resolver: turns the parser's AST into runnable nodes: names become slots, metrics and units
// are looked up, and mistakes get "did you mean" from the names in scope.
import BurnModel

struct Resolver {
    unowned let interpreter: Interpreter
    /// Block scopes of the function being resolved (innermost last); empty at top level.
    private var scopes: [[String: Int]] = []
    private var localCount = 0
    private(set) var maxLocals = 0
    /// Set while resolving a formula: bare metric names mean the formula company's metric in its year.
    var formula: FormulaScope?

    struct FormulaScope {
        /// The formula's company, or nil for a catalogue formula that every company shares.
        var company: String?
    }

    init(_ interpreter: Interpreter) { self.interpreter = interpreter }

    // MARK: - Function scopes

    /// A resolver for a function body whose parameters take the first slots.
    func forFunction(parameters: [Name]) throws -> Resolver {
        var r = Resolver(interpreter)
        r.formula = nil
        r.scopes = [[:]]
        for p in parameters {
            if r.scopes[0][p.text] != nil {
                throw Diagnostic("parameter '\(p.text)' is named twice", at: p.span)
            }
            r.scopes[0][p.text] = r.localCount
            r.localCount += 1
        }
        r.maxLocals = r.localCount
        return r
    }

    var isInFunction: Bool { !scopes.isEmpty }

    mutating func declareLocal(_ name: String) -> Int {
        let slot = localCount
        scopes[scopes.count - 1][name] = slot
        localCount += 1
        maxLocals = max(maxLocals, localCount)
        return slot
    }

    func lookupLocal(_ name: String) -> Int? {
        for scope in scopes.reversed() { if let s = scope[name] { return s } }
        return nil
    }

    // MARK: - Expressions

    mutating func expression(_ e: Expr) throws -> Node {
        switch e.kind {
        case .number(let x, let style):
            return ConstantNode(numberValue(x, style), span: e.span)
        case .money(let x, let currency):
            return ConstantNode(.quantity(.money(x, currency)), span: e.span)
        case .quantity(let amount, let unit):
            return try quantity(amount, unit: unit, span: e.span)
        case .string(let s):
            return ConstantNode(.string(s), span: e.span)
        case .bool(let b):
            return ConstantNode(.bool(b), span: e.span)
        case .month(let y, let m):
            return ConstantNode(.month(year: y, month: m), span: e.span)
        case .day(let y, let m, let d):
            return ConstantNode(.day(year: y, month: m, day: d), span: e.span)
        case .name(let name):
            return try self.name(name, span: e.span)
        case .unary(.negate, let operand):
            let node = try expression(operand)
            if let c = node as? ConstantNode, case .number(let x) = c.value { return ConstantNode(.number(-x), span: e.span) }
            return NegateNode(node, span: e.span)
        case .unary(.not, let operand):
            return NotNode(try expression(operand), span: e.span)
        case .binary(let op, let l, let r):
            return try binary(op, l, r, span: e.span)
        case .range(let l, let u):
            return RangeNode(try expression(l), try expression(u), span: e.span)
        case .list(let items):
            return ListNode(try items.map { try expression($0) }, span: e.span)
        case .call(let callee, let args):
            let call = CallNode(callee: try expression(callee), arguments: try args.map { try expression($0) }, span: e.span)
            return Resolver.specialise(call)
        case .index(let base, let index):
            return try self.index(base, index, span: e.span)
        case .member(let base, let name):
            return try member(base, name, span: e.span)
        case .convert(let value, let target):
            return try convert(value, target, span: e.span)
        case .ifElse(let c, let t, let f):
            return IfNode(try expression(c), try expression(t), try expression(f), span: e.span)
        case .block(let statements):
            return try block(statements, span: e.span)
        case .uncertain(let low, let high):
            return UncertainNode(try expression(low), try expression(high), interpreter: interpreter, span: e.span)
        case .under(let inner, let scenario):
            guard !isInFunction, formula == nil else {
                throw Diagnostic("`under` works in top-level expressions, not in functions or formulas", at: e.span)
            }
            return UnderNode(inner, scenario: scenario, interpreter: interpreter, span: e.span)
        }
    }

    private func numberValue(_ x: Double, _ style: NumberStyle) -> Value {
        switch style {
        case .plain: return .number(x)
        case .percent: return .quantity(Quantity(x, display: .percent))
        case .multiple: return .quantity(Quantity(x, display: .multiple))
        }
    }

    /// `10 GW`, `6.6B USD`, `18 months`.
    private mutating func quantity(_ amount: Expr, unit: Name, span: Span) throws -> Node {
        let value = try expression(amount)
        let vocabulary = interpreter.vocabulary
        let target: Quantity
        if vocabulary.isCurrency(unit.text) {
            target = .money(1, unit.text)
        } else if let definition = vocabulary.unit(unit.text) {
            target = Quantity(1, .named(definition))
        } else if let magnitude = Resolver.magnitudes[unit.text], isLiteral(amount) {
            throw spacedMagnitude(amount, unit, magnitude)
        } else {
            let suggestion = EditDistance.suggestion(for: unit.text, among: vocabulary.names)
            throw Diagnostic("unknown unit '\(unit.text)'", at: unit.span,
                             label: suggestion.map { "did you mean '\($0)'?" },
                             hint: "declare it with `unit \(unit.text) = ...`, or write `*` between a number and a name")
        }
        if let c = value as? ConstantNode, let q = c.value.asQuantity, q.unit.isNone {
            var result = target
            result.value = q.value
            return ConstantNode(.quantity(result), span: span)
        }
        return ArithmeticNode(.multiply, value, ConstantNode(.quantity(target), span: unit.span), span: span)
    }

    /// Magnitudes written as a word or after a space (`3.7 B`, `3.7 billion`), with their suffix.
    static let magnitudes: [String: String] = [
        "k": "k", "K": "k", "thousand": "k", "M": "M", "mn": "M", "million": "M", "millions": "M",
        "B": "B", "b": "B", "bn": "B", "Bn": "B", "billion": "B", "billions": "B", "Md": "B", "Mds": "B",
        "milliard": "B", "milliards": "B", "T": "T", "tn": "T", "trillion": "T", "trillions": "T",
    ]

    private func isLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .number(_, .plain), .money: return true
        default: return false
        }
    }

    /// `3.7 B`: the suffix belongs straight after the digits.
    private func spacedMagnitude(_ amount: Expr, _ unit: Name, _ suffix: String) -> Diagnostic {
        let written = interpreter.sources[amount.span.file]?.text(of: amount.span) ?? ""
        let fixed = written + suffix
        return Diagnostic("a magnitude goes straight after the number, with no space", at: amount.span.to(unit.span),
                          label: "did you mean '\(fixed)'?",
                          hint: "write `\(fixed)` (`k` thousand, `M` million, `B` billion, `T` trillion)")
    }

    private mutating func binary(_ op: BinaryOp, _ l: Expr, _ r: Expr, span: Span) throws -> Node {
        let lhs = try expression(l), rhs = try expression(r)
        switch op {
        case .and: return AndNode(lhs, rhs, span: span)
        case .or: return OrNode(lhs, rhs, span: span)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let compare = CompareNode(op, lhs, rhs, span: span)
            return YearBoundNode.matching(compare) ?? Resolver.specialise(compare)
        default:
            return Resolver.specialise(ArithmeticNode(op, lhs, rhs, span: span))
        }
    }

    private mutating func convert(_ value: Expr, _ target: ConversionTarget, span: Span) throws -> Node {
        let node = try expression(value)
        switch target {
        case .percent:
            return ConvertNode(node, to: .display(.percent), span: span, targetSpan: span)
        case .name(let name):
            let vocabulary = interpreter.vocabulary
            if let display = DisplayTarget.display(for: name.text) {
                return ConvertNode(node, to: .display(display), span: span, targetSpan: name.span)
            }
            if vocabulary.isCurrency(name.text) {
                return ConvertNode(node, to: .currency(name.text), span: span, targetSpan: name.span)
            }
            if let unit = vocabulary.unit(name.text) {
                return ConvertNode(node, to: .unit(unit), span: span, targetSpan: name.span)
            }
            let suggestion = EditDistance.suggestion(
                for: name.text, among: vocabulary.names + ["x", "percent", "k", "M", "B", "T", "number"])
            throw Diagnostic("cannot convert to '\(name.text)'", at: name.span,
                             label: suggestion.map { "did you mean '\($0)'?" },
                             hint: "`as` takes `%`, `x`, a magnitude (`M`, `B`, `T`), a currency (`USD`) or a unit (`GW`)")
        }
    }

    /// `{ let a = ...; a * 2 }` inside a function body or at top level.
    private mutating func block(_ statements: [Stmt], span: Span) throws -> Node {
        guard isInFunction else {
            throw Diagnostic("a block `{ ... }` can only be a function's body", at: span,
                             hint: "write `fn name() = { ... }`")
        }
        scopes.append([:])
        let savedCount = localCount
        defer {
            scopes.removeLast()
            localCount = savedCount
        }
        var nodes: [Node] = []
        for statement in statements {
            switch statement.kind {
            case .letBinding(let name, let value, let source):
                if source != nil {
                    throw Diagnostic("a `let` inside a function block has no source", at: statement.span,
                                     hint: "cite the figure where it is bound at the top level: `let \(name.text) = ... source \"...\"`")
                }
                let node = try expression(value)
                nodes.append(SetLocalNode(slot: declareLocal(name.text), value: node, span: statement.span))
            case .expression(let e), .show(let e):
                nodes.append(try expression(e))
            default:
                throw Diagnostic("only `let` and expressions can appear inside a function's block", at: statement.span)
            }
        }
        return SequenceNode(nodes, span: span)
    }
}

// CallNode: calling a function value: arguments go on the value stack, the body runs in a new frame.

final class CallNode: Node {
    let callee: Node
    let arguments: [Node]
    init(callee: Node, arguments: [Node], span: Span) {
        self.callee = callee
        self.arguments = arguments
        super.init(span: span)
    }

    override func eval(_ rt: Runtime) throws -> Value {
        let target = try callee.eval(rt)
        guard case .function(let function) = target else {
            throw Diagnostic("\(target.typeName.capitalizedFirst) cannot be called", at: callee.span,
                             hint: "only functions take arguments in parentheses")
        }
        return try call(function, rt)
    }

    @inline(__always) func call(_ function: Function, _ rt: Runtime) throws -> Value {
        if let arity = function.arity, arity != arguments.count {
            throw Diagnostic(
                "'\(function.name)' takes \(arity) argument\(arity == 1 ? "" : "s"), but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given",
                at: span)
        }
        try rt.countStep(at: span)
        if let native = function.native { return try callNative(native, rt) }
        guard let body = function.body else {
            throw Diagnostic("'\(function.name)' is declared but has no body yet", at: span)
        }
        guard rt.depth < rt.limits.depth else {
            throw Diagnostic("recursion too deep (more than \(rt.limits.depth) calls)", at: span,
                             hint: "does '\(function.name)' reach its base case?")
        }
        let frame = rt.stack.top
        rt.stack.reserve(function.localCount)
        do {
            for argument in arguments {
                let v = try argument.eval(rt)
                (rt.stack.storage + rt.stack.top).initialize(to: v)
                rt.stack.top += 1
            }
        } catch {
            rt.stack.pop(to: frame)
            throw error
        }
        for _ in arguments.count..<max(function.localCount, arguments.count) {
            (rt.stack.storage + rt.stack.top).initialize(to: .none("unset"))
            rt.stack.top += 1
        }
        let savedBase = rt.base
        rt.base = frame
        rt.depth += 1
        defer {
            rt.depth -= 1
            rt.base = savedBase
            rt.stack.pop(to: frame)
        }
        return try body.eval(rt)
    }

    private func callNative(_ native: Function.NativeFunction, _ rt: Runtime) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments { values.append(try argument.eval(rt)) }
        return try native(values[...], CallSite(runtime: rt, span: span, argumentSpans: arguments.map(\.span)))
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

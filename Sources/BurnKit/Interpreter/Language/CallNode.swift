// CallNode: calling a function value: arguments go on the value stack, the body runs in a new frame.

final class CallNode: Node {
    let callee: Node
    let arguments: [Node]
    /// The argument nodes unretained (`arguments` keeps them alive), so a call touches no
    /// reference counts to reach them.
    private let argumentRefs: UnsafeMutableBufferPointer<Unmanaged<Node>>

    init(callee: Node, arguments: [Node], span: Span) {
        self.callee = callee
        self.arguments = arguments
        argumentRefs = .allocate(capacity: arguments.count)
        _ = argumentRefs.initialize(from: arguments.map { Unmanaged.passUnretained($0) })
        super.init(span: span)
    }

    deinit { argumentRefs.deallocate() }

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
                at: span, hint: decimalCommaHint(rt))
        }
        try rt.countStep(at: span)
        if function.isNative, let native = function.native {
            if let fold = function.fold, arguments.count == 1, let list = arguments[0] as? ListNode {
                return try fold.call(list, CallSite(runtime: rt, span: span, argumentSpans: [list.span]))
            }
            return try callNative(native, rt)
        }
        guard let body = function.bodyRef else {
            throw Diagnostic("'\(function.name)' is declared but has no body yet", at: span)
        }
        let registers = rt.registers
        let frame = registers.pointee.top
        let count = argumentRefs.count
        guard registers.pointee.depth < registers.pointee.maxDepth,
              frame + function.localCount + count < Runtime.stackCapacity else {
            throw Diagnostic(limit: .depth, "recursion too deep (more than \(rt.limits.depth) calls)", at: span,
                             hint: "does '\(function.name)' reach its base case?")
        }
        do {
            var i = 0
            while i < count {
                let v = try argumentRefs[i]._withUnsafeGuaranteedRef { try $0.eval(rt) }
                (rt.stack + registers.pointee.top).initialize(to: v)
                registers.pointee.top += 1
                i += 1
            }
        } catch {
            rt.pop(to: frame)
            throw error
        }
        var extra = function.localCount - count
        while extra > 0 {
            (rt.stack + registers.pointee.top).initialize(to: .bool(false))
            registers.pointee.top += 1
            extra -= 1
        }
        let savedBase = registers.pointee.base
        registers.pointee.base = frame
        registers.pointee.depth += 1
        defer {
            registers.pointee.depth -= 1
            registers.pointee.base = savedBase
            rt.pop(to: frame)
        }
        do {
            return try body._withUnsafeGuaranteedRef { try $0.eval(rt) }
        } catch let error as Diagnostic {
            throw fromLibrary(error, function, rt)
        }
    }

    /// An error raised inside a standard-library function, moved to the user's call that asked
    /// for it; the library line where it arose becomes a note.
    private func fromLibrary(_ error: Diagnostic, _ function: Function, _ rt: Runtime) -> Diagnostic {
        rt.owner?.fromLibrary(error, to: span, what: "in '\(function.name)'", label: "in this call to '\(function.name)'",
                              hint: "`:help \(function.name)` shows what '\(function.name)' expects") ?? error
    }

    /// `cagr(3,7B, 98,7B, 4)`: two number arguments joined by a comma with no space read as
    /// one French decimal, which explains a wrong count of arguments.
    private func decimalCommaHint(_ rt: Runtime) -> String? {
        guard let file = rt.owner?.sources[span.file], arguments.count > 1 else { return nil }
        for i in 0..<(arguments.count - 1) {
            let a = arguments[i].span, b = arguments[i + 1].span
            guard arguments[i] is ConstantNode, arguments[i + 1] is ConstantNode, a.file == b.file,
                  b.start == a.end + 1, file.text(of: Span(file: a.file, start: a.end, end: b.start)) == "," else { continue }
            let written = file.text(of: a.to(b))
            let fixed = written.replacingAll(",", with: ".")
            return "`\(written)` reads as two arguments: write `\(fixed)` (decimals take a point; `locale fr` reads French numbers)"
        }
        return nil
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

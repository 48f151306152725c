// CoreBuiltins: functions about values themselves: fail, type_of.

enum CoreBuiltins {
    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("fail", 1, { a, c in
            guard case .string(let message) = a[a.startIndex] else { throw c.bad(0, "fail", "string", a[a.startIndex]) }
            throw Diagnostic(message, at: c.span)
        }),
        ("type_of", 1, { a, _ in .string(a[a.startIndex].typeName) }),
    ]
}

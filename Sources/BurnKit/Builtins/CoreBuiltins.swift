// CoreBuiltins: functions about values themselves: fail, none, type_of.

enum CoreBuiltins {
    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("fail", 1, { a, c in
            guard case .string(let message) = a[a.startIndex] else { throw c.bad(0, "fail", "string", a[a.startIndex]) }
            throw Diagnostic(message, at: c.span)
        }),
        // An answer that does not exist (a runway when nothing burns), with the reason.
        ("none", 1, { a, c in
            guard case .string(let reason) = a[a.startIndex] else { throw c.bad(0, "none", "string", a[a.startIndex]) }
            return .none(reason)
        }),
        ("type_of", 1, { a, _ in .string(a[a.startIndex].typeName) }),
    ]
}

// Arguments: shared argument checks for native functions, so every error reads alike:
// "bad argument #1 to 'sqrt' (number expected, got a string)".
import BurnModel

extension CallSite {
    func bad(_ position: Int, _ function: String, _ expected: String, _ got: Value) -> Diagnostic {
        Diagnostic("bad argument #\(position + 1) to '\(function)' (\(expected) expected, got \(got.typeName))",
                   at: argumentSpan(position))
    }

    func quantity(_ args: ArraySlice<Value>, _ i: Int, _ function: String) throws -> Quantity {
        let v = args[args.startIndex + i]
        guard let q = v.asQuantity else { throw bad(i, function, "number", v) }
        return q
    }

    /// A number, certain or uncertain (cut to the lanes being evaluated), for functions that
    /// work draw by draw.
    func amount(_ args: ArraySlice<Value>, _ i: Int, _ function: String) throws -> Quantity {
        let v = args[args.startIndex + i]
        if case .samples(let s) = v, s.kind == .number { return runtime.cut(s.quantity) }
        guard let q = v.asQuantity else { throw bad(i, function, "number", v) }
        return q
    }

    /// A plain number, certain or uncertain.
    func plainAmount(_ args: ArraySlice<Value>, _ i: Int, _ function: String) throws -> Quantity {
        let v = args[args.startIndex + i]
        guard let q = try? amount(args, i, function), q.unit.isNone else { throw bad(i, function, "plain number", v) }
        return q
    }

    func plain(_ args: ArraySlice<Value>, _ i: Int, _ function: String) throws -> Double {
        let v = args[args.startIndex + i]
        guard let q = v.asQuantity, q.unit.isNone else { throw bad(i, function, "plain number", v) }
        return q.value
    }

    /// The numbers of a list, a series or the arguments themselves.
    func numbers(_ args: ArraySlice<Value>, _ function: String) throws -> [Quantity] {
        if args.count == 1 {
            switch args[args.startIndex] {
            case .list(let list):
                return try list.items.enumerated().map { i, v in
                    if case .samples(let s) = v, s.kind == .number { return runtime.cut(s.quantity) }
                    guard let q = v.asQuantity else {
                        throw Diagnostic("'\(function)' needs numbers, but item \(i) is \(v.typeName)", at: argumentSpan(0))
                    }
                    return q
                }
            case .seriesValues(let s): return s.values
            case .series:
                throw Diagnostic("'\(function)' needs the years of the series", at: argumentSpan(0),
                                 hint: "index it by a range: `revenue[2024..2030]`")
            default: break
            }
        }
        return try args.indices.map { try amount(args, $0 - args.startIndex, function) }
    }

    func finite(_ q: Quantity) throws -> Value {
        guard q.isFinite else { throw Arithmetic.notFinite(span) }
        return Value.make(q)
    }
}

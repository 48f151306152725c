// Arguments: shared argument checks for native functions, so every error reads alike:
// "'sqrt' needs a plain number, found a string", "the second argument of 'normal' must be a
// number, found a string", with the caret under the argument.
import BurnModel

extension CallSite {
    /// The argument at `position` is not what `function` needs.
    func bad(_ position: Int, _ function: String, _ expected: String, _ got: Value, hint: String? = nil) -> Diagnostic {
        let needed = CallSite.withArticle(expected)
        let message = argumentSpans.count > 1
            ? "the \(CallSite.ordinal(position)) argument of '\(function)' must be \(needed), found \(got.typeName)"
            : "'\(function)' needs \(needed), found \(got.typeName)"
        return Diagnostic(message, at: argumentSpan(position), hint: hint)
    }

    /// For money or a quantity where a plain number goes: how to divide the unit out.
    static func unitHint(_ v: Value, _ function: String) -> String? {
        guard let q = v.asQuantity, !q.unit.isNone else { return nil }
        let one = q.unit.isMoney ? "1B \(q.unit.currency ?? "USD")" : "1 \(q.unit.description)"
        return "'\(function)' works on plain numbers: divide out the unit, as in `\(function)(x / \(one))`"
    }

    /// `a number`, `an uncertain number`.
    static func withArticle(_ noun: String) -> String {
        guard let first = noun.first else { return noun }
        return ("aeiou".contains(first) ? "an " : "a ") + noun
    }

    /// `first`, `second`, ... for argument positions counted from 0.
    static func ordinal(_ position: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
        return position < words.count ? words[position] : "\(position + 1)th"
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
        guard let q = try? amount(args, i, function), q.unit.isNone else {
            throw bad(i, function, "plain number", v, hint: CallSite.unitHint(v, function))
        }
        return q
    }

    func plain(_ args: ArraySlice<Value>, _ i: Int, _ function: String) throws -> Double {
        let v = args[args.startIndex + i]
        guard let q = v.asQuantity, q.unit.isNone else {
            throw bad(i, function, "plain number", v, hint: CallSite.unitHint(v, function))
        }
        return q.value
    }

    /// The numbers of a list, a series or the arguments themselves.
    func numbers(_ args: ArraySlice<Value>, _ function: String) throws -> [Quantity] {
        if args.count == 1 {
            switch args[args.startIndex] {
            case .list(let list):
                return try list.items.enumerated().map { i, v in try item(v, i, function) }
            case .seriesValues(let s): return s.values
            case .series:
                throw Diagnostic("'\(function)' needs the years of the series", at: argumentSpan(0),
                                 hint: "index it by a range: `revenue[2024..2030]`")
            default: break
            }
        }
        return try args.indices.map { try amount(args, $0 - args.startIndex, function) }
    }

    /// Item `i` of a list given as the only argument, as a number.
    func item(_ v: Value, _ i: Int, _ function: String) throws -> Quantity {
        if case .samples(let s) = v, s.kind == .number { return runtime.cut(s.quantity) }
        guard let q = v.asQuantity else {
            throw Diagnostic("'\(function)' needs numbers, but item \(i) is \(v.typeName)", at: argumentSpan(0))
        }
        return q
    }

    func finite(_ q: Quantity) throws -> Value {
        guard q.isFinite else { throw Arithmetic.notFinite(span) }
        return Value.make(q)
    }
}

// CollectionNodes: lists, ranges, indexing and member access.
import BurnModel

/// Lists may nest this deep; deeper would risk the stack when printed or freed.
let maximumNesting = 1_000

final class ListNode: Node {
    let items: [Node]
    init(_ items: [Node], span: Span) {
        self.items = items
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items { values.append(try item.eval(rt)) }
        let list = ListValue(values)
        if list.depth > maximumNesting {
            throw Diagnostic("lists nested too deeply (more than \(maximumNesting) levels)", at: span)
        }
        return .list(list)
    }
}

final class RangeNode: Node {
    let lower: Node, upper: Node
    init(_ l: Node, _ u: Node, span: Span) {
        lower = l
        upper = u
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let a = try wholeNumber(lower.eval(rt), at: lower.span, what: "a range bound")
        let b = try wholeNumber(upper.eval(rt), at: upper.span, what: "a range bound")
        guard a <= b else {
            // `2024..30` is a year cut short, not a range to turn around.
            if CalendarYear.bounds.contains(a), (0...99).contains(b) { try checkCalendarYear(b, at: upper.span) }
            throw Diagnostic("this range is empty: \(a) is after \(b)", at: span, hint: "write the smaller bound first: `\(b)..\(a)`")
        }
        return .range(a, b)
    }
}

/// A whole number (a year, a position, a count) from a value.
func wholeNumber(_ v: Value, at span: Span, what: String) throws -> Int {
    switch v {
    case .year(let y): return y
    case .number(let x) where x == x.rounded() && abs(x) < 1e15: return Int(x)
    case .quantity(let q) where q.unit.isNone && q.value == q.value.rounded() && abs(q.value) < 1e15:
        return Int(q.value)
    default:
        // 1e20 is whole, but no year, count or position is that large.
        if let x = v.asQuantity?.value, x.isFinite, x == x.rounded(), abs(x) >= 1e15 {
            throw Diagnostic("\(describe(v)) is too large for \(what)", at: span)
        }
        throw Diagnostic("\(what) must be a whole number, found \(describe(v))", at: span)
    }
}

/// A short description of a value for error messages: its type, and the value when short,
/// printed by `f` (the session's formatter, so in its locale, where the caller has it).
func describe(_ v: Value, _ f: ValueFormatter = ValueFormatter()) -> String {
    switch v {
    case .number, .quantity, .year: return "\(v.typeName) (\(f.format(v)))"
    default: return v.typeName
    }
}

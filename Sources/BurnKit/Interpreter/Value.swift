// Value: every value a Burn program can compute (LANGUAGE.md section 2).
import BurnModel

public enum Value {
    /// A plain number with no unit and no display hint: the fast path of arithmetic.
    case number(Double)
    /// A number with a unit (money, GW, months) or a display hint (percent, multiple).
    indirect case quantity(Quantity)
    case bool(Bool)
    case string(String)
    case year(Int)
    case month(year: Int, month: Int)
    /// An inclusive range of whole numbers (years): `2024..2030`.
    case range(Int, Int)
    case list(ListValue)
    case function(Function)
    /// A company's metric as a whole; indexing it by a year asks the model.
    indirect case series(company: String, metric: String)
    /// A company's metric over a range of years, computed.
    indirect case seriesValues(SeriesValues)
    case company(String)
    indirect case round(RoundValue)
    /// An uncertain number: samples of one draw each (LANGUAGE.md section 7).
    case samples(Samples)
    /// An answer that does not exist, e.g. runway when nothing burns or no break-even before a year.
    case none(String)

    /// A quantity as the canonical value: plain numbers take the fast case.
    /// An uncertain quantity becomes samples.
    @inline(__always) static func make(_ q: Quantity) -> Value {
        if q.draws != nil { return .samples(Samples(q)) }
        return q.unit.isNone && q.display == .auto ? .number(q.value) : .quantity(q)
    }

    /// The value as a quantity, if it is a number of some kind.
    var asQuantity: Quantity? {
        switch self {
        case .number(let x): return Quantity(x)
        case .quantity(let q): return q
        case .year(let y): return Quantity(Double(y))
        default: return nil
        }
    }

    /// What the value is, for error messages: `a number`, `money`, `a string`.
    var typeName: String {
        switch self {
        case .number: return "a number"
        case .quantity(let q):
            if q.unit.isMoney { return "money" }
            if q.unit.isNone { return q.display == .percent ? "a percentage" : q.display == .multiple ? "a multiple" : "a number" }
            return "a quantity in \(q.unit.description)"
        case .bool: return "a boolean"
        case .string: return "a string"
        case .year: return "a year"
        case .month: return "a month"
        case .range: return "a range"
        case .list: return "a list"
        case .function: return "a function"
        case .series, .seriesValues: return "a series"
        case .company: return "a company"
        case .round: return "a round"
        case .samples(let s):
            switch s.kind {
            case .number: return "an uncertain number"
            case .condition: return "an uncertain condition"
            case .year: return "an uncertain year"
            }
        case .none: return "no value"
        }
    }
}

/// A list; a class so that nesting depth is known without walking it (and bounded).
public final class ListValue {
    public let items: [Value]
    /// 1 for a flat list; deep values are refused before they could overflow the stack when freed.
    public let depth: Int

    init(_ items: [Value]) {
        self.items = items
        var d = 0
        for case .list(let inner) in items { d = max(d, inner.depth) }
        self.depth = d + 1
    }
}

/// Values of one metric over consecutive years.
public struct SeriesValues {
    public var company: String
    public var metric: String
    public var firstYear: Int
    public var values: [Quantity]
}

/// A funding round, as a value: `OpenAI.rounds[0].post`.
public struct RoundValue {
    public var company: String
    public var index: Int
    /// How it prints: `round "Oct 2024" (2024-10): $6.6B at $157B post`.
    public var summary: String
}

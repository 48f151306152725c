// Value: every value a Burn program can compute (LANGUAGE.md section 2).
import BurnModel

/// A value is immutable and `Sendable`: a host may keep it, compare it and hand it to another
/// thread. What it is: one case per kind below; the typed accessors (`double`, `money`,
/// `yearValues`, `mean`, …, in ValueAccessors below) read it without a `switch`.
public enum Value: Sendable {
    /// A plain number with no unit and no display hint: the fast path of arithmetic.
    case number(Double)
    /// A number with a unit (money, GW, months) or a display hint (percent, multiple).
    indirect case quantity(Quantity)
    case bool(Bool)
    case string(String)
    case year(Int)
    case month(year: Int, month: Int)
    /// A day, `2024-10-02`, for dated cash flows.
    case day(year: Int, month: Int, day: Int)
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
        case .day: return "a day"
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
public final class ListValue: Sendable {
    /// The list's elements, in order.
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
public struct SeriesValues: Sendable, Equatable {
    /// The company the metric belongs to.
    public var company: String
    /// The metric's name.
    public var metric: String
    /// The year of `values[0]`.
    public var firstYear: Int
    /// One per year from `firstYear`; a year nothing gives (inside a materialised series's
    /// known years) is NaN in the series's unit.
    public var values: [Quantity]
}

/// A funding round, as a value: `OpenAI.rounds[0].post`.
public struct RoundValue: Sendable, Equatable {
    /// The company the round belongs to.
    public var company: String
    /// The round's position in the company's rounds (0-based, as `rounds[0]`).
    public var index: Int
    /// How it prints: `round "Oct 2024" (2024-10): $6.6B at $157B post`.
    public var summary: String
    /// Its figures, filled in when the value is handed to a host (`Session.evaluate`); nil
    /// inside the interpreter, which reads them from the model when asked (`.post`).
    public var fields: RoundFields? = nil
}

/// A round's figures, as `OpenAI.rounds[0].amount`, `.pre`, `.post`, … give them: a figure
/// the round does not have is `.none` (e.g. no valuation given).
public struct RoundFields: Sendable, Equatable {
    /// How much the round raised.
    public var amount: Value
    /// The pre-money valuation, or `.none` when the round has no valuation.
    public var pre: Value
    /// The post-money valuation, or `.none` when the round has no valuation.
    public var post: Value
    /// amount / post, a percentage.
    public var dilution: Value
    /// post over the valuation before it, a multiple.
    public var stepUp: Value
    /// The year the round closed.
    public var year: Int
    /// The round's label; nil when it has none.
    public var label: String?
    /// The lead investor; nil when none was named.
    public var lead: String?
}

// A function value is shared, not copied: a host can read its name, arity and doc, which do
// not change once it is defined, and cannot call it (calls run on the session's thread).
extension Function: @unchecked Sendable {}

// MARK: - Equality

extension Value: Equatable {
    /// Two values are equal when they are the same kind with the same contents. Numbers compare
    /// as `Double`s, exactly (so NaN is equal to nothing, and `0.1 + 0.2 != 0.3`); a quantity
    /// also compares its unit and display (`80%` is not the plain `0.8`); an uncertain number
    /// is equal to another with the same draws (bit for bit), unit, display and kind; functions
    /// are equal when they are the same function. Compare with a tolerance through the
    /// accessors (`double`, `mean`) when a computation may round differently.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.quantity(let x), .quantity(let y)): return Value.same(x, y)
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.year(let x), .year(let y)): return x == y
        case (.month(let y1, let m1), .month(let y2, let m2)): return y1 == y2 && m1 == m2
        case (.day(let y1, let m1, let d1), .day(let y2, let m2, let d2)): return y1 == y2 && m1 == m2 && d1 == d2
        case (.range(let a1, let b1), .range(let a2, let b2)): return a1 == a2 && b1 == b2
        case (.list(let x), .list(let y)): return x === y || x.items == y.items
        case (.function(let f), .function(let g)): return f === g
        case (.series(let c1, let m1), .series(let c2, let m2)): return c1 == c2 && m1 == m2
        case (.seriesValues(let x), .seriesValues(let y)): return x == y
        case (.company(let x), .company(let y)): return x == y
        case (.round(let x), .round(let y)): return x == y
        case (.samples(let x), .samples(let y)): return x === y || (x.kind == y.kind && Value.same(x.quantity, y.quantity))
        case (.none(let x), .none(let y)): return x == y
        default: return false
        }
    }

    /// Same unit and display, and the same amount (certain) or the same draws bit for bit
    /// (uncertain: a draw with no value, NaN, matches one with no value).
    /// With `noValueMatches`, a certain NaN (a year of a series nothing gives) matches NaN too.
    static func same(_ x: Quantity, _ y: Quantity, noValueMatches: Bool = false) -> Bool {
        guard x.unit == y.unit, x.display == y.display else { return false }
        switch (x.draws, y.draws) {
        case (nil, nil): return x.value == y.value || (noValueMatches && x.value.isNaN && y.value.isNaN)
        case (let a?, let b?):
            return a.values.count == b.values.count && zip(a.values, b.values).allSatisfy { $0.bitPattern == $1.bitPattern }
        default: return false
        }
    }
}

extension SeriesValues {
    /// Same company, metric and first year, and the same values (a year with no value matches one with no
    /// value).
    public static func == (a: SeriesValues, b: SeriesValues) -> Bool {
        a.company == b.company && a.metric == b.metric && a.firstYear == b.firstYear
            && a.values.count == b.values.count && zip(a.values, b.values).allSatisfy { Value.same($0, $1, noValueMatches: true) }
    }
}

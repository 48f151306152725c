// ValueAccessors: typed reads of a Value for hosts, one per kind, nil when the value is another kind.
import BurnModel

extension Value {
    // MARK: - Numbers

    /// The amount of a certain number with no unit: a plain number, a percentage as a fraction
    /// (`80%` is 0.8), a multiple as its factor (`3.1x` is 3.1). Nil for money, quantities with
    /// a unit, years and uncertain numbers (see `mean`).
    public var double: Double? {
        switch self {
        case .number(let x): return x
        case .quantity(let q) where q.unit.isNone && q.draws == nil: return q.value
        default: return nil
        }
    }

    /// Certain money: its amount and ISO currency code (`$3.7B` is (3.7e9, "USD")).
    public var money: (amount: Double, currency: String)? {
        guard case .quantity(let q) = self, q.draws == nil, q.unit.isMoney, let code = q.unit.currency else { return nil }
        return (q.value, code)
    }

    /// A certain percentage, as a fraction: `4.2%` is 0.042.
    public var percent: Double? {
        guard case .quantity(let q) = self, q.draws == nil, q.unit.isNone, q.display == .percent else { return nil }
        return q.value
    }

    /// A certain multiple: `42.4x` is 42.4.
    public var multiple: Double? {
        guard case .quantity(let q) = self, q.draws == nil, q.unit.isNone, q.display == .multiple else { return nil }
        return q.value
    }

    /// A certain number with a unit (money included), the unit as Burn writes it: `10 GW` is
    /// (10, "GW"), `$35B/GW` is (3.5e10, "USD/GW"), `$1B` is (1e9, "USD").
    public var quantity: (amount: Double, unit: String)? {
        guard case .quantity(let q) = self, q.draws == nil, !q.unit.isNone else { return nil }
        return (q.value, Value.unitText(q.unit))
    }

    /// A unit as a host shows it: a currency by its code, units by name, `·` between factors
    /// and `/` before each one divided by (`USD/GW`, `GW·month`); empty for none.
    public static func unitText(_ unit: Unit) -> String {
        var above: [String] = [], below: [String] = []
        func add(_ name: String, _ power: Int) {
            guard power != 0 else { return }
            let text = abs(power) == 1 ? name : "\(name)^\(abs(power))"
            if power > 0 { above.append(text) } else { below.append(text) }
        }
        add(unit.currency ?? "money", unit.moneyPower)
        for factor in unit.factors { add(factor.unit.name, factor.power) }
        guard !above.isEmpty || !below.isEmpty else { return "" }
        let top = above.isEmpty ? "1" : above.joined(separator: "·")
        return below.isEmpty ? top : top + "/" + below.joined(separator: "/")
    }

    /// The value as the model's `Quantity` (amount or draws, unit, display): certain numbers of
    /// every kind and uncertain numbers; nil for other values.
    public var asModelQuantity: Quantity? {
        switch self {
        case .number(let x): return Quantity(x)
        case .quantity(let q): return q
        case .samples(let s) where s.kind == .number: return s.quantity
        default: return nil
        }
    }

    // MARK: - Other single values

    /// A year: `2030`, or `OpenAI.breakeven` when the model is certain.
    public var year: Int? {
        if case .year(let y) = self { return y }
        return nil
    }

    /// A month: `2024-10`.
    public var month: (year: Int, month: Int)? {
        if case .month(let y, let m) = self { return (y, m) }
        return nil
    }

    /// The boolean, for `.bool`; nil for any other value.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The text, for `.string`; nil for any other value.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// An inclusive range of years: `2024..2030`.
    public var yearRange: ClosedRange<Int>? {
        guard case .range(let a, let b) = self, a <= b else { return nil }
        return a...b
    }

    /// The name of a company value (`OpenAI`, `"Aleph Alpha"`).
    public var companyName: String? {
        if case .company(let name) = self { return name }
        return nil
    }

    /// A round with its figures (filled in by `Session.evaluate`).
    public var round: RoundValue? {
        if case .round(let r) = self { return r }
        return nil
    }

    /// The items of a list.
    public var items: [Value]? {
        if case .list(let list) = self { return list.items }
        return nil
    }

    /// Why there is no value (`none before 2031`); nil for a value.
    public var noValueReason: String? {
        if case .none(let why) = self { return why }
        return nil
    }

    // MARK: - Series

    /// A materialised series (`Session.evaluate` materialises `OpenAI.revenue`) as `(year,
    /// value)` pairs in year order, amounts in `seriesUnit`; a year nothing gives is left out;
    /// an uncertain year gives the mean of its draws. Nil for other values.
    public var yearValues: [(year: Int, value: Double)]? {
        guard case .seriesValues(let s) = self else { return nil }
        return s.values.enumerated().compactMap { offset, q in
            let x = q.draws?.mean ?? q.value
            return x.isNaN ? nil : (s.firstYear + offset, x)
        }
    }

    /// The unit of a materialised series as Burn writes it (`USD`, `GW`; empty for plain numbers).
    public var seriesUnit: String? {
        guard case .seriesValues(let s) = self else { return nil }
        return s.values.first.map { Value.unitText($0.unit) } ?? ""
    }

    /// The company and metric of a series (materialised or not).
    public var seriesName: (company: String, metric: String)? {
        switch self {
        case .series(let company, let metric): return (company, metric)
        case .seriesValues(let s): return (s.company, s.metric)
        default: return nil
        }
    }

    // MARK: - Uncertain numbers

    /// Whether the value is an uncertain number (a distribution, LANGUAGE.md section 7).
    public var isUncertain: Bool {
        if case .samples = self { return true }
        return false
    }

    /// The draws of an uncertain number (NaN: a draw with no value), in its unit (`seriesUnit`
    /// style: see `uncertainUnit`).
    public var draws: [Double]? {
        guard case .samples(let s) = self else { return nil }
        return s.values
    }

    /// The unit of an uncertain number as Burn writes it (empty for plain numbers).
    public var uncertainUnit: String? {
        guard case .samples(let s) = self else { return nil }
        return Value.unitText(s.unit)
    }

    /// The mean of an uncertain number's draws that have a value (for an uncertain condition,
    /// the share of draws where it holds); a certain number's own amount.
    public var mean: Double? {
        if case .samples(let s) = self { return s.mean }
        return asModelQuantity?.value
    }

    /// Percentiles (each 0...100) of an uncertain number's draws that have a value,
    /// interpolated as `percentile(x, p)` is; nil for other values.
    public func percentiles(_ ranks: [Double]) -> [Double]? {
        guard case .samples(let s) = self else { return nil }
        return s.percentiles(ranks)
    }

    /// One percentile (0...100) of an uncertain number.
    public func percentile(_ rank: Double) -> Double? { percentiles([rank])?.first }

    /// The 5th percentile of an uncertain number: the low end of its 90% interval.
    public var p5: Double? { percentile(5) }

    /// The 95th percentile of an uncertain number: the high end of its 90% interval.
    public var p95: Double? { percentile(95) }

    /// The share of an uncertain condition's draws where it holds (`P(...)`), 0...1.
    public var probability: Double? {
        guard case .samples(let s) = self, s.isCondition else { return nil }
        return s.mean
    }

    /// The share of draws with no value (a break-even that never comes), 0...1.
    public var noneShare: Double? {
        guard case .samples(let s) = self else { return nil }
        return s.draws.noneShare
    }
}

// Rates: exchange rates declared with `rate EUR = 1.0824 USD [in 2024]`.

/// The exchange rates of a model: how much one currency is worth in another, in a year or in every year.
public struct Rates: Sendable, Equatable {
    private struct Key: Hashable, Sendable {
        var from: String
        var to: String
        var year: Int?
    }

    private var table: [Key: Double] = [:]

    /// No rates.
    public init() {}

    /// One `from` is worth `value` of `to`, in `year` or (nil) in every year.
    public mutating func declare(_ from: String, equals value: Double, _ to: String, year: Int? = nil) {
        table[Key(from: from, to: to, year: year)] = value
    }

    /// True when no rate was declared.
    public var isEmpty: Bool { table.isEmpty }

    /// The rate from one currency to another: that year's, else the all-years one, else the
    /// latest declared year's; directly, inverted, or through a third currency.
    public func rate(from: String, to: String, year: Int? = nil) -> Double? {
        if from == to { return 1 }
        if let r = direct(from, to, year) { return r }
        if let r = direct(to, from, year) { return 1 / r }
        for via in currencies where via != from && via != to {
            if let a = rate1(from, via, year), let b = rate1(via, to, year) { return a * b }
        }
        return nil
    }

    private func rate1(_ from: String, _ to: String, _ year: Int?) -> Double? {
        if let r = direct(from, to, year) { return r }
        if let r = direct(to, from, year) { return 1 / r }
        return nil
    }

    private func direct(_ from: String, _ to: String, _ year: Int?) -> Double? {
        if let year, let r = table[Key(from: from, to: to, year: year)] { return r }
        if let r = table[Key(from: from, to: to, year: nil)] { return r }
        let years = table.keys.filter { $0.from == from && $0.to == to }.compactMap(\.year)
        guard let latest = years.max() else { return nil }
        return table[Key(from: from, to: to, year: latest)]
    }

    private var currencies: [String] {
        Array(Set(table.keys.flatMap { [$0.from, $0.to] })).sorted()
    }
}

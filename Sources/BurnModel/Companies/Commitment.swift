// Commitment: money promised over a range of years (`commit 300B to Oracle over 2027..2031`).

/// A spending commitment, spread evenly over its years as capex (default) or costs.
public struct Commitment {
    /// Who it is made to (`Oracle`), if said.
    public var counterparty: String?
    /// The total, or nil when it is priced from a capacity.
    public var amount: Quantity?
    /// `10 GW`, with `price` `$35B/GW`.
    public var capacity: Quantity?
    /// The price of one unit of `capacity` (`$35B/GW`); nil for a commitment in money.
    public var price: Quantity?
    /// The years it is spread over, inclusive.
    public var years: ClosedRange<Int>
    /// The metric each year's share feeds besides `commitments`: `capex` or `costs`.
    public var metric: String
    /// The `source "..."` citation; nil when not given.
    public var source: String?
    /// Where the commitment is declared.
    public var at: SourceRef?

    /// `commit 300B to Oracle over 2027..2031 [as costs]`.
    public init(to counterparty: String? = nil, amount: Quantity, over years: ClosedRange<Int>,
                as metric: String = "capex", source: String? = nil, at: SourceRef? = nil) {
        self.counterparty = counterparty
        self.amount = amount
        self.years = years
        self.metric = metric
        self.source = source
        self.at = at
    }

    /// `commit 10 GW to Nvidia at $35B/GW over 2026..2030`.
    public init(to counterparty: String? = nil, capacity: Quantity, price: Quantity, over years: ClosedRange<Int>,
                as metric: String = "capex", source: String? = nil, at: SourceRef? = nil) {
        self.counterparty = counterparty
        self.capacity = capacity
        self.price = price
        self.years = years
        self.metric = metric
        self.source = source
        self.at = at
    }

    /// The whole commitment as money (plain amounts in `currency`).
    public func total(currency: String) throws -> Quantity {
        var total: Quantity
        if let amount {
            total = amount
        } else if let capacity, let price {
            do { total = try capacity.multiplied(by: price) } catch { throw ModelError(error, at: at) }
        } else {
            throw ModelError(.invalid, "a commitment needs an amount, or a capacity and a price", at: at)
        }
        if total.isPlain { total = Quantity(total.value, .money(currency)) }
        guard total.unit.isMoney else {
            throw ModelError(.unitMismatch, "a commitment must come to money, not \(total.unit.description)",
                             hint: "price a capacity per unit: `commit 10 GW at $35B/GW`", at: at)
        }
        return total
    }

    /// One year's share of the total.
    public func share(currency: String) throws -> Quantity {
        var t = try total(currency: currency)
        t.value /= Double(years.count)
        return t
    }
}

// Round: a funding round, and the figures derived from it (pre, post, dilution, step-up).

/// A round's valuation, given one way: post-money or pre-money.
public enum RoundValuation: Sendable, Hashable {
    case post(Quantity)
    case pre(Quantity)
}

/// An investor of a round, with the part of the amount they put in when it is known.
public struct Investor: Sendable, Hashable {
    /// The investor's name, as written.
    public var name: String
    /// The investor's part of the round's amount; nil when not given.
    public var amount: Quantity?
    /// An investor `name`, with the amount it put in if known.
    public init(_ name: String, amount: Quantity? = nil) {
        self.name = name
        self.amount = amount
    }
}

/// `round "Oct 2024" in 2024-10 raise 6.6B at 157B post led by "Thrive Capital" with Microsoft`.
public struct Round: Sendable, Hashable {
    /// The round's quoted label (`"Oct 2024"`); nil when not given.
    public var label: String?
    /// The year the round closed.
    public var year: Int
    /// 1...12, when the round is dated to the month.
    public var month: Int?
    /// How much the round raised.
    public var amount: Quantity
    /// The valuation given, pre- or post-money; nil when none was given.
    public var valuation: RoundValuation?
    /// The lead investor; nil when not given.
    public var lead: String?
    /// The investors named after `with`, in order.
    public var investors: [Investor]
    /// The `source "..."` citation; nil when not given.
    public var source: String?
    /// Where the round is declared, for diagnostics and `sources`.
    public var at: SourceRef?

    /// A round raising `amount` in `year` (and `month`), with its optional valuation, lead, investors and
    /// source.
    public init(_ label: String? = nil, year: Int, month: Int? = nil, amount: Quantity,
                valuation: RoundValuation? = nil, lead: String? = nil, investors: [Investor] = [],
                source: String? = nil, at: SourceRef? = nil) {
        self.label = label
        self.year = year
        self.month = month
        self.amount = amount
        self.valuation = valuation
        self.lead = lead
        self.investors = investors
        self.source = source
        self.at = at
    }

    /// The label, or `round of 2024-10` when it has none.
    public var name: String {
        if let label { return label }
        if let month { return "round of \(year)-\(month < 10 ? "0" : "")\(month)" }
        return "round of \(year)"
    }

    /// Post-money valuation (given, or pre + amount).
    public func post(rates: Rates) throws -> Quantity? {
        switch valuation {
        case .post(let v): return v
        case .pre(let v): return try v.adding(amount, rates: rates, year: year)
        case nil: return nil
        }
    }

    /// Pre-money valuation (given, or post - amount).
    public func pre(rates: Rates) throws -> Quantity? {
        switch valuation {
        case .pre(let v): return v
        case .post(let v): return try v.adding(amount, negate: true, rates: rates, year: year)
        case nil: return nil
        }
    }
}

/// What a round implies: `r.pre`, `r.post`, `r.dilution`, `r.step_up`.
public struct RoundFigures: Sendable {
    /// The round the figures are of.
    public var round: Round
    /// The pre-money valuation; nil when the round has no valuation.
    public var pre: Quantity?
    /// The post-money valuation; nil when the round has no valuation.
    public var post: Quantity?
    /// amount / post, shown as a percentage.
    public var dilution: Quantity?
    /// post over the valuation before it, shown as a multiple.
    public var stepUp: Quantity?
    /// The valuation the step-up is measured from, and its year.
    public var previousValuation: Quantity?
    /// The year of `previousValuation`.
    public var previousValuationYear: Int?
}

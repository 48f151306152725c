// Company: one company's facts, formulas, rules, rounds and commitments.

/// A known value: `revenue[2024] = 3.7B source "001"`.
public struct Fact {
    public var value: Quantity
    public var source: String?
    public var at: SourceRef?
    /// Declaration order across the model, for `sources` and messages.
    public var sequence: Int
}

/// A company of the model. Read it through `Model.company(named:)`; change it through
/// `Model`'s mutating methods, which keep the caches right.
public struct Company {
    public let name: String
    public internal(set) var currency: String = "USD"
    public internal(set) var founded: Int?
    public internal(set) var notes: [String] = []
    public internal(set) var at: SourceRef?
    /// Rounds in declaration order (`Model.rounds(company:)` gives them by date).
    public internal(set) var rounds: [Round] = []
    public internal(set) var commitments: [Commitment] = []

    /// metric → year → fact.
    var facts: [Int: [Int: Fact]] = [:]
    /// metric → the company's own formula.
    var formulas: [Int: FormulaEntry] = [:]
    /// metric → rules in declaration order.
    var rules: [Int: [GrowthRule]] = [:]
    /// Indices of `rounds` sorted by date (stable).
    var roundOrder: [Int] = []
    /// The metric each commitment feeds (besides `commitments`), parallel to `commitments`.
    var commitmentMetrics: [Int] = []
    var firstFlowYear: Int?
    var firstAnyYear: Int?

    init(name: String, at: SourceRef?) {
        self.name = name
        self.at = at
    }

    /// The company's first year: its earliest flow fact or round, else its earliest fact.
    /// Projections start there, and a stock with a formula (cash) is 0 the year before.
    public var firstYear: Int? { firstFlowYear ?? firstAnyYear }

    /// The fact for a metric in a year, if any.
    func fact(_ metric: Int, _ year: Int) -> Fact? { facts[metric]?[year] }

    mutating func noteYear(_ year: Int, flow: Bool) {
        if flow { firstFlowYear = min(firstFlowYear ?? year, year) }
        firstAnyYear = min(firstAnyYear ?? year, year)
    }

    mutating func sortRounds() {
        roundOrder = rounds.indices.sorted { a, b in
            let ra = rounds[a], rb = rounds[b]
            if ra.year != rb.year { return ra.year < rb.year }
            if (ra.month ?? 0) != (rb.month ?? 0) { return (ra.month ?? 0) < (rb.month ?? 0) }
            return a < b
        }
    }
}

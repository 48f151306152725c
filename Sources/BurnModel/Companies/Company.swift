// Company: one company's facts, formulas, rules, rounds and commitments.

/// A known value: `revenue[2024] = 3.7B source "001"`.
public struct Fact {
    /// The value given.
    public var value: Quantity
    /// The `source "..."` citation; nil when not given.
    public var source: String?
    /// Where the fact is declared.
    public var at: SourceRef?
    /// Declaration order across the model, for `sources` and messages.
    public var sequence: Int
}

/// The facts given for one cell (a metric in a year): one, or several when sources differ
/// (LANGUAGE.md section 4, "Several sources for one cell"). Never empty.
public struct FactCell {
    /// In the order given; an edit (the same source restated) keeps its place.
    public internal(set) var facts: [Fact]
    /// True when two of the facts differ by more than 0.5%: reading the cell is then an
    /// error that names them all, never a silent choice.
    public internal(set) var isDisputed = false

    init(_ fact: Fact) { facts = [fact] }

    /// The fact that gives the cell its value when the facts agree: the first given.
    public var first: Fact { facts[0] }
}

/// A company of the model. Read it through `Model.company(named:)`; change it through
/// `Model`'s mutating methods, which keep the caches right.
///
/// Its fields live in one shared storage, copied when a copy of the company changes: a REPL
/// keeps the model before each cell (for `:undo` and a failed cell), and the first change
/// after that copied every company field by field (a dozen references each), so a cell cost
/// time in proportion to the model's size.
public struct Company {
    /// The company's name, as declared.
    public var name: String { storage.name }
    /// The currency its money is reported in (`currency EUR`); USD by default.
    public internal(set) var currency: String {
        get { storage.currency }
        _modify { yield &unique().currency }
    }
    /// The year it was founded (`founded 2015`); nil when not given.
    public internal(set) var founded: Int? {
        get { storage.founded }
        _modify { yield &unique().founded }
    }
    /// Its `note "..."` lines, in order.
    public internal(set) var notes: [String] {
        get { storage.notes }
        _modify { yield &unique().notes }
    }
    /// Where the company is declared.
    public internal(set) var at: SourceRef? {
        get { storage.at }
        _modify { yield &unique().at }
    }
    /// Rounds in declaration order (`Model.rounds(company:)` gives them by date).
    public internal(set) var rounds: [Round] {
        get { storage.rounds }
        _modify { yield &unique().rounds }
    }
    /// Its commitments (`commit ...`), in declaration order.
    public internal(set) var commitments: [Commitment] {
        get { storage.commitments }
        _modify { yield &unique().commitments }
    }

    /// metric → year → the facts given for that cell.
    var facts: [Int: [Int: FactCell]] {
        get { storage.facts }
        _modify { yield &unique().facts }
    }
    /// metric → the company's own formula.
    var formulas: [Int: FormulaEntry] {
        get { storage.formulas }
        _modify { yield &unique().formulas }
    }
    /// metric → rules in declaration order.
    var rules: [Int: [GrowthRule]] {
        get { storage.rules }
        _modify { yield &unique().rules }
    }
    /// Indices of `rounds` sorted by date (stable).
    var roundOrder: [Int] {
        get { storage.roundOrder }
        _modify { yield &unique().roundOrder }
    }
    /// The metric each commitment feeds (besides `commitments`), parallel to `commitments`.
    var commitmentMetrics: [Int] {
        get { storage.commitmentMetrics }
        _modify { yield &unique().commitmentMetrics }
    }
    var firstFlowYear: Int? {
        get { storage.firstFlowYear }
        _modify { yield &unique().firstFlowYear }
    }
    var firstAnyYear: Int? {
        get { storage.firstAnyYear }
        _modify { yield &unique().firstAnyYear }
    }

    /// The fields, shared between copies until one changes.
    private final class Storage: @unchecked Sendable {
        let name: String
        var currency = "USD"
        var founded: Int?
        var notes: [String] = []
        var at: SourceRef?
        var rounds: [Round] = []
        var commitments: [Commitment] = []
        var facts: [Int: [Int: FactCell]] = [:]
        var formulas: [Int: FormulaEntry] = [:]
        var rules: [Int: [GrowthRule]] = [:]
        var roundOrder: [Int] = []
        var commitmentMetrics: [Int] = []
        var firstFlowYear: Int?
        var firstAnyYear: Int?

        init(name: String, at: SourceRef?) {
            self.name = name
            self.at = at
        }

        func copy() -> Storage {
            let c = Storage(name: name, at: at)
            (c.currency, c.founded, c.notes, c.rounds, c.commitments) = (currency, founded, notes, rounds, commitments)
            (c.facts, c.formulas, c.rules, c.roundOrder) = (facts, formulas, rules, roundOrder)
            (c.commitmentMetrics, c.firstFlowYear, c.firstAnyYear) = (commitmentMetrics, firstFlowYear, firstAnyYear)
            return c
        }
    }

    private var storage: Storage

    /// The storage, copied first if another company shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    init(name: String, at: SourceRef?) {
        storage = Storage(name: name, at: at)
    }

    /// The company's first year: its earliest flow fact or round, else its earliest fact.
    /// Projections start there, and a stock with a formula (cash) is 0 the year before.
    public var firstYear: Int? { firstFlowYear ?? firstAnyYear }

    /// The first fact for a metric in a year, if any (see `FactCell.first`).
    func fact(_ metric: Int, _ year: Int) -> Fact? { facts[metric]?[year]?.first }

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

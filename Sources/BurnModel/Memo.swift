// Memo: values already worked out, per (company, metric, year), dropped whenever the model changes.

/// One cell of the model: a company's metric in a year, as small integers.
struct CellKey: Hashable {
    var company: Int32
    var metric: Int32
    var year: Int32

    @inline(__always) init(_ company: Int, _ metric: Int, _ year: Int) {
        self.company = Int32(truncatingIfNeeded: company)
        self.metric = Int32(truncatingIfNeeded: metric)
        self.year = Int32(truncatingIfNeeded: year)
    }
}

/// How a cell's value was obtained (positions refer to the company's or model's lists).
enum How {
    case fact
    /// Rounds of that year (raised, valuation), by index into the company's rounds.
    case rounds([Int])
    /// Commitments covering the year (the `commitments` metric).
    case commitments([Int])
    /// Commitments feeding capex or costs.
    case commitmentFeed([Int])
    /// A stock with a formula, before the company's first year.
    case startsAtZero
    case formula(isDefault: Bool)
    /// Index into the model's identities.
    case identity(Int)
    /// Index into the company's rules for the metric.
    case rule(Int)
    case interpolation(from: Int, to: Int)
    case carried(from: Int)
    case zero
}

/// What a cell came to. Unknown is not thrown inside the evaluator: identity solving
/// probes many cells that turn out unknown, and throwing is slow under some runtimes.
enum Stored {
    case value(Quantity)
    case unknown(ModelError)
    case error(any Error)
}

/// A worked-out cell: its value or error, how, and the cells it read.
struct Entry {
    var result: Stored
    var how: How
    var inputs: [CellKey]
    /// For `explain` only: inputs worked out under this cell's assumptions (not cached).
    var context: [CellKey: Entry] = [:]
}

/// The cache. A class so that queries on an immutable `Model` can fill it; every mutating
/// method of `Model` replaces it with a fresh one.
final class Memo {
    var entries: [CellKey: Entry] = [:]
}

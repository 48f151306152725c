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
enum How: Equatable {
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
    /// A rule's value plus the commitments booked to the metric that year (indices).
    case ruleAndCommitments(Int, [Int])
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
final class Entry {
    let result: Stored
    let how: How
    let inputs: [CellKey]
    /// For `explain` only: inputs worked out under this cell's assumptions (not cached).
    let context: [CellKey: Entry]

    init(result: Stored, how: How, inputs: [CellKey], context: [CellKey: Entry]) {
        self.result = result
        self.how = how
        self.inputs = inputs
        self.context = context
    }
}

/// The cache, and the marks of cells in progress. A class so that queries on an immutable
/// `Model` can fill it; every mutating method of `Model` replaces it with a fresh one.
/// Indexed by company, metric, then year from a base: no hashing on the hot path.
final class Memo {
    enum Slot {
        case empty
        /// Being computed, at this depth of the evaluator's stack.
        case busy(Int)
        case done(Entry)
    }

    private struct Row {
        var base = 0
        var slots: [Slot] = []
    }

    private var rows: [[Row]] = []
    /// The company of `rows[0]`.
    private var companyBase = 0
    /// How each cell of an uncertain model is found, shared by its questions and their slices.
    private(set) lazy var plan = Plan()
    /// Each company's shape number (see `Model.shapeNumbers`), once worked out.
    var shapeNumbers: [Int32]?

    // `slot` and `set` touch `rows` once each, through a static function: every access to a
    // class's stored property is checked for exclusivity at run time, and these run for every
    // cell the evaluator reads.

    func slot(_ key: CellKey) -> Slot { Memo.find(key, in: rows, base: companyBase) }

    func entry(_ key: CellKey) -> Entry? {
        if case .done(let e) = slot(key) { return e }
        return nil
    }

    /// Whether any cell of company `c` was placed (cached, or marked in progress).
    func touched(company c: Int) -> Bool {
        let i = c - companyBase
        return i >= 0 && i < rows.count && !rows[i].isEmpty
    }

    func set(_ key: CellKey, _ slot: Slot) { Memo.place(slot, at: key, in: &rows, base: &companyBase) }

    private static func find(_ key: CellKey, in rows: [[Row]], base: Int) -> Slot {
        let c = Int(key.company) - base, m = Int(key.metric)
        guard c >= 0, c < rows.count, m < rows[c].count else { return .empty }
        let i = Int(key.year) - rows[c][m].base
        guard i >= 0, i < rows[c][m].slots.count else { return .empty }
        return rows[c][m].slots[i]
    }

    private static func place(_ slot: Slot, at key: CellKey, in rows: inout [[Row]], base: inout Int) {
        // Rows start at the first company placed: a slice's memo holding one company of a
        // portfolio of thousands costs one row, not thousands.
        if rows.isEmpty { base = Int(key.company) }
        if Int(key.company) < base {
            rows.insert(contentsOf: Array(repeating: [Row](), count: base - Int(key.company)), at: 0)
            base = Int(key.company)
        }
        let c = Int(key.company) - base, m = Int(key.metric), y = Int(key.year)
        while rows.count <= c { rows.append([]) }
        while rows[c].count <= m { rows[c].append(Row()) }
        if rows[c][m].slots.isEmpty {
            rows[c][m].base = y - 8
            rows[c][m].slots = Array(repeating: .empty, count: 64)
        }
        if y < rows[c][m].base {
            let extra = rows[c][m].base - y + 16
            rows[c][m].slots.insert(contentsOf: repeatElement(Slot.empty, count: extra), at: 0)
            rows[c][m].base -= extra
        }
        let i = y - rows[c][m].base
        if i >= rows[c][m].slots.count {
            rows[c][m].slots.append(contentsOf: repeatElement(Slot.empty, count: i - rows[c][m].slots.count + 32))
        }
        rows[c][m].slots[i] = slot
    }
}

/// How each cell of an uncertain model was worked out in the first slices of its draws, for
/// the next slices to work it out the same way directly.
final class Plan {
    var methods: [CellKey: How] = [:]
    /// How a cell of each company shape is found, by (shape number, metric, year): learnt from
    /// cells found without depending on a cell in progress (so by the method a fresh
    /// evaluation finds), and tried first for every company of that shape.
    var shapes: [CellKey: How] = [:]
    /// How many companies each shape has (certain models: see `Model.shapeKernelValue`).
    var shapeSizes: [Int] = []
    /// Certain questions compiled per shape, by (shape number, metric, year).
    var shapeKernels: [CellKey: ShapeKernelSlot] = [:]
    /// Uncertain questions traced per shape, by (shape number, metric, year).
    var shapeDraws: [CellKey: ShapeDrawSlot] = [:]
    /// The drawn-again inputs the question being asked reads (see `InputPins`).
    let pins = InputPins()
}

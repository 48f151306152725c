// Tracer: watches the first slice of an uncertain question being worked out, to compile the
// rest of the question into a `Program`: the cells in the order they were finished, and the
// last step that reads each.

/// What the evaluator did for the first slice of draws. Every cell it kept (memoised) is a
/// step, in the order it was finished, so each step's inputs come before it. A read by a cell
/// that was not kept (it depended on a cell in progress) counts as a read by the cell that
/// works it out again: its parent.
final class Tracer {
    /// The cells read by each cell in progress, innermost last, and whether it evaluated a
    /// formula.
    private var reads: [[CellKey]] = []
    private var formulas: [Bool] = []
    /// Whether each step's value is the same in every slice: certain (or unknown) without
    /// evaluating a formula or reading a step that is not. A formula's `if` on draws can be
    /// certain in one slice (every draw took one branch) and not in the next.
    private(set) var fixed: [Bool] = []
    /// The cells kept, in the order they were finished.
    private(set) var order: [CellKey] = []
    /// Their entries (values, unknowns, errors) in the first slice.
    private(set) var entries: [Entry] = []
    /// Whether the language evaluated a formula for each step (or for a cell it worked out again).
    private(set) var language: [Bool] = []
    /// The last step that read each step's cell (its own step when nothing did).
    private(set) var lastUse: [Int] = []
    private var step: [CellKey: Int] = [:]

    /// A cell is read by the cell being worked out (top-level reads are answers, not inputs).
    @inline(__always) func read(_ key: CellKey) {
        guard !reads.isEmpty else { return }
        reads[reads.count - 1].append(key)
    }

    /// A cell starts being worked out.
    func enter() {
        reads.append([])
        formulas.append(false)
    }

    /// Whether the language evaluated a formula in this slice (its slices then run on one
    /// thread: the language's runtime is not shared between threads).
    private(set) var languageUsed = false

    /// The cell being worked out evaluates a formula in the language.
    func formulaEvaluated() {
        languageUsed = true
        if !formulas.isEmpty { formulas[formulas.count - 1] = true }
    }

    /// Set to record in `finished` every cell worked out, kept or not.
    var recordsAll = false
    /// Every cell worked out, in the order finished, with what it came to; a cell worked out
    /// inside another (not kept) may appear more than once. Only when `recordsAll`.
    private(set) var finished: [(key: CellKey, entry: Entry)] = []

    /// A cell is finished, kept or not (see `finished`).
    func found(_ key: CellKey, _ entry: Entry) {
        if recordsAll { finished.append((key, entry)) }
    }

    /// A cell is finished: a step when it was kept, else its reads become its parent's.
    func leave(_ key: CellKey, kept entry: Entry?) {
        let inputs = reads.removeLast()
        let formula = formulas.removeLast()
        guard let entry else {
            if !reads.isEmpty {
                reads[reads.count - 1] += inputs
                if formula { formulas[formulas.count - 1] = true }
            }
            return
        }
        let i = order.count
        order.append(key)
        entries.append(entry)
        lastUse.append(i)
        step[key] = i
        var same = !formula
        switch entry.result {
        case .value(let q): same = same && q.draws == nil
        case .unknown: break
        case .error: same = false
        }
        // A cell read but not kept was worked out inside this one: its reads (and whether it
        // evaluated a formula) are this cell's, so they decide, not the cell itself.
        for input in inputs {
            if let j = step[input], j < i {
                lastUse[j] = i
                same = same && fixed[j]
            }
        }
        fixed.append(same)
        language.append(formula)
    }

    /// A cell given up (a stop): nothing of it is kept.
    func abandon() {
        if !reads.isEmpty { reads.removeLast() }
        if !formulas.isEmpty { formulas.removeLast() }
    }

    /// The step that finished `key`, if it was kept.
    func step(of key: CellKey) -> Int? { step[key] }
}

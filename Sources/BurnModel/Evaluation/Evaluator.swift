// Evaluator: works out one cell — fact, formula, identity, rule, interpolation, default — with memoisation.

/// Evaluates cells of one model for one query. Keeps the stack of cells in progress, to
/// report formula cycles and to keep identity solving from using a cell to solve itself.
/// A value worked out while assuming that a cell lower on the stack was unknown depends on
/// that assumption, so it is only cached once the lowest such cell is finished.
final class Evaluator {
    struct Frame {
        var key: CellKey
        var inputs: [CellKey] = []
        /// The lowest stack depth whose in-progress state this computation relied on.
        var lowestGuard = Int.max
        /// A real failure met while trying identities, reported if nothing else works.
        var realError: (any Error)?
        /// When recording: inputs whose values depended on cells in progress.
        var context: [CellKey: Entry] = [:]
    }

    static let maxDepth = 1200
    /// Queries further than this past the company's first year warm the cache year by
    /// year first, so recursion through `cash[year - 1]` stays shallow.
    static let warmSpan = 32

    let model: Model
    let memo: Memo
    var frames: [Frame] = []
    /// Keeps, for `explain`, the inputs of every cell and the values that could not be cached
    /// under the cells that used them.
    let recording: Bool
    /// For an uncertain model, the draws this evaluator works on (a slice of them); uncertain
    /// inputs are cut to these lanes as they are read. Nil: every draw, or a certain model.
    let lanes: Range<Int>?
    /// Inputs already cut to `lanes`, by the address of their draws (stable while the model
    /// holding them lives).
    private var cuts: [Int: Draws] = [:]
    /// How the slices before this one worked out each cell, shared by them all.
    let plan: Plan?
    /// Each company's shape number (`Model.shapeNumbers`); empty when recording for `explain`.
    let shapes: [Int32]
    /// The years the facts settle a metric in, by company and metric (see `settledYears`).
    var settled: [Int: [Int]] = [:]
    /// Cells worked out, counted as steps by the monitor every 256.
    private(set) var work = 0
    /// Whether formulas that are sums of metrics are worked out by the model (`MetricSum`);
    /// false for the reference evaluator, which calls the language for every formula.
    var lowering = true
    /// False on a worker thread: the plan is only read, and a formula the language must
    /// evaluate throws `NeedsOneThread` (the language's runtime is not shared between threads).
    var shared = false
    /// Set for the first slice of an uncertain question: records the steps of its `Program`.
    var tracer: Tracer?
    /// A searching kernel's result for this slice: the year per draw (none when the kernel
    /// wrote them in place, in its `years` buffer) and the last year reached.
    var searched: (years: [Double], through: Int)?
    /// A stop an identity's probe met (it catches errors to try other ways): thrown as soon as
    /// the probe returns.
    private var stop: Error?

    init(_ model: Model) {
        self.model = model
        self.memo = model.memo
        self.recording = false
        self.lanes = nil
        self.plan = model.memo.plan
        self.shapes = model.shapeNumbers
    }

    /// An evaluator with its own cache for one slice of an uncertain model's draws.
    init(_ model: Model, lanes: Range<Int>, plan: Plan) {
        self.model = model
        self.memo = Memo()
        self.recording = false
        self.lanes = lanes
        self.plan = plan
        self.shapes = model.shapeNumbers
    }

    /// The evaluator as it was before questions were compiled: its own cache, no plan, no
    /// shapes, every cell found by trying each way in order (over `lanes`, or certain). The
    /// tests compare the compiled path with it.
    init(reference model: Model, lanes: Range<Int>?) {
        self.model = model
        self.memo = Memo()
        self.recording = false
        self.lanes = lanes
        self.plan = nil
        self.shapes = []
        self.lowering = false
    }

    /// A certain evaluator with its own cache and the model's plan: every cell a question
    /// needs is worked out (and kept as a step of its tracer).
    init(tracing model: Model) {
        self.model = model
        self.memo = Memo()
        self.recording = false
        self.lanes = nil
        self.plan = model.memo.plan
        self.shapes = model.shapeNumbers
    }

    /// An evaluator with its own cache, recording everything `explain` needs.
    init(recording model: Model) {
        self.model = model
        self.memo = Memo()
        self.recording = true
        self.lanes = nil
        self.plan = nil
        self.shapes = []
    }

    /// A stored input (a fact, a rule's rate) cut to the lanes being evaluated; each input is
    /// cut once per slice, however many years read it.
    @inline(__always) func input(_ q: Quantity) -> Quantity {
        guard let lanes, let draws = q.draws else { return q }
        let key = draws.identity
        var cut = q
        if let done = cuts[key] {
            cut.draws = done
        } else {
            cut.draws = (plan?.pins.whole(draws) ?? draws).slice(lanes)
            cuts[key] = cut.draws
        }
        return cut
    }

    /// `f` applied to a cell's amounts and a stored input's (a rule's rate), draw by draw. In
    /// a slice, an input holding every draw is read at the slice's lanes where it lies (one
    /// made a stretch at a time is made at them: see `DrawStream`).
    @inline(__always) func lanewise(_ q: Quantity, _ stored: Quantity, _ f: (Double, Double) -> Double) -> Quantity {
        guard let lanes, let x = q.draws, let drawn = stored.draws, drawn.stream == nil,
              case let all = plan?.pins.whole(drawn) ?? drawn,
              x.count == lanes.count, all.count >= lanes.upperBound, all.count != x.count else {
            return Quantity.lanewise(q, input(stored), f)
        }
        var result = q
        result.draws = Draws.zip(x, all, offset: lanes.lowerBound, f)
        return result
    }

    // MARK: - Entry points

    /// A value or the reason it is unknown; real errors are thrown.
    enum Found {
        case value(Quantity)
        case unknown(ModelError)
    }

    /// A top-level query.
    func top(_ key: CellKey) throws -> Quantity {
        switch try topLookup(key) {
        case .value(let q): return q
        case .unknown(let e): throw e
        }
    }

    /// A top-level query that reports unknown values without throwing.
    func topLookup(_ key: CellKey) throws -> Found {
        // A certain question about a company of a large shape: its compiled kernel.
        if lanes == nil, tracer == nil, plan != nil, !recording, memo.entry(key) == nil,
           let (q, work) = model.shapeKernelValue(key) {
            model.statistics.shapeKernelAnswers += 1
            try countWork(work)
            return .value(q)
        }
        if memo.entry(key) == nil, let first = model.companyList[Int(key.company)].firstYear,
           Int(key.year) - first > Evaluator.warmSpan {
            // Start after the latest year already worked out.
            var y = Int(key.year) - 1
            while y > first, memo.entry(CellKey(Int(key.company), Int(key.metric), y)) == nil { y -= 1 }
            while y < Int(key.year) {
                // A year's error is the query's own (asked below); a stop ends the warming.
                do { _ = try lookup(CellKey(Int(key.company), Int(key.metric), y)) } catch where stopsEvaluation(error) {
                    throw error
                } catch {}
                y += 1
            }
        }
        return try lookup(key)
    }

    /// A read from a formula or rule: recorded as an input of the cell being computed.
    func read(_ key: CellKey) throws -> Quantity {
        if recording, !frames.isEmpty { frames[frames.count - 1].inputs.append(key) }
        return try value(key)
    }

    func value(_ key: CellKey) throws -> Quantity {
        switch try lookup(key) {
        case .value(let q): return q
        case .unknown(let e): throw e
        }
    }

    func lookup(_ key: CellKey) throws -> Found {
        tracer?.read(key)
        switch memo.slot(key) {
        case .done(let entry):
            switch entry.result {
            case .value(let q): return .value(q)
            case .unknown(let e): return .unknown(e)
            case .error(let e): throw e
            }
        case .busy(let depth):
            markGuard(depth)
            throw cycleError(from: depth, to: key)
        case .empty:
            break
        }
        // Every 256 cells, the monitor counts them as steps and checks the limits.
        work &+= 1
        if work & 255 == 0, let monitor = model.monitor { try monitor.checkNow(256) }
        guard frames.count < Evaluator.maxDepth else {
            throw ModelError(.tooDeep, "\(name(key, full: true)) needs more than \(Evaluator.maxDepth) values in a chain",
                             hint: "a formula probably reaches back year after year without a fact to stop at")
        }
        let depth = frames.count
        frames.append(Frame(key: key))
        tracer?.enter()
        memo.set(key, .busy(depth))
        let stored: Stored
        var how = How.zero
        do {
            switch try compute(key) {
            case .value(let q, let h):
                try refuseNegative(q, key, h)
                stored = .value(q)
                how = h
            case .unknown(let e):
                stored = .unknown(e)
            }
        } catch where stopsEvaluation(error) {
            try abandon(key, error)
        } catch {
            stored = .error(error)
        }
        // A probe met a stop, or a loop over draws was cut short: nothing here is kept.
        if let stop { try abandon(key, stop) }
        if let monitor = model.monitor, monitor.tripped {
            // The monitor throws the reason (the interruption, the deadline).
            do { try monitor.checkNow() } catch { try abandon(key, error) }
            try abandon(key, EvaluationStopped())
        }
        let frame = frames.removeLast()
        if frame.lowestGuard < depth { markGuard(frame.lowestGuard) }
        let entry = Entry(result: stored, how: how, inputs: frame.inputs, context: frame.context)
        tracer?.found(key, entry)
        // The plan keeps the first way a cell was found, even one found while a cell it could
        // have used was busy: later ways round through an identity back to the same value.
        if let plan, !shared, case .value = stored {
            let shaped = shapeKey(key)
            let shapeMethod = shaped.flatMap { plan.shapes[$0] }
            // A cell found its shape's way needs no entry of its own (a portfolio of like
            // companies would otherwise keep one per cell, and hash them all).
            if lanes != nil, shapeMethod != how, plan.methods[key] == nil { plan.methods[key] = how }
            if frame.lowestGuard >= depth, let shaped, shapeMethod == nil { plan.shapes[shaped] = how }
        }
        if frame.lowestGuard >= depth {
            memo.set(key, .done(entry))
            tracer?.leave(key, kept: entry)
        } else {
            memo.set(key, .empty)
            tracer?.leave(key, kept: nil)
            if recording, !frames.isEmpty, case .value = stored {
                frames[frames.count - 1].context[key] = entry
            }
        }
        switch stored {
        case .value(let q): return .value(q)
        case .unknown(let e): return .unknown(e)
        case .error(let e): throw e
        }
    }

    /// Drops the cell being worked out (an interruption or a limit stops the evaluation: it is
    /// not the cell's value) and throws `error`.
    private func abandon(_ key: CellKey, _ error: Error) throws -> Never {
        frames.removeLast()
        tracer?.abandon()
        memo.set(key, .empty)
        stop = error
        throw error
    }

    // MARK: - The order of evaluation

    enum Computed {
        case value(Quantity, How)
        case unknown(ModelError)
    }

    /// Fact, events, formula (the company's, then the catalogue's), identities, rules,
    /// interpolation, late events, zero for sums of events; else unknown.
    private func compute(_ key: CellKey) throws -> Computed {
        if let plan, let how = plan.methods[key] ?? shapeKey(key).flatMap({ plan.shapes[$0] }),
           let replayed = try replay(how, key) {
            return replayed
        }
        let c = Int(key.company), m = Int(key.metric), y = Int(key.year)
        let decl = model.metricList[m]
        if let cell = model.companyList[c].facts[m]?[y] {
            return .value(input(try model.settledValue(cell, company: c, metric: m, year: y)), .fact)
        }
        if let role = decl.role, let r = try eventValue(role, c, m, y) { return .value(r.0, r.1) }

        let own = model.companyList[c].formulas[m]
        let fallback = model.defaultFormulas[m]
        if decl.kind == .stock, own != nil || fallback != nil {
            guard let first = model.companyList[c].firstYear else { return .unknown(unknown(key)) }
            if y < first { return startBeforeFirstYear(key) }
        }
        if let own {
            do {
                return .value(try evaluate(own, key), .formula(isDefault: false))
            } catch let e as ModelError where e.kind == .unknown {
                return .unknown(e)
            }
        }
        var deferred: ModelError?
        if let fallback {
            do {
                return .value(try evaluate(fallback, key), .formula(isDefault: true))
            } catch let e as ModelError where e.kind == .unknown {
                deferred = e
            }
        }
        for index in model.identitiesByMetric[m] {
            if let (q, inputs) = try solve(index, for: key) {
                if recording { frames[frames.count - 1].inputs = inputs }
                return .value(q, .identity(index))
            }
        }
        resetInputs()
        // The identities give this cell from the year's facts, but not now (a term is being
        // worked out lower on the stack): a rule or interpolation must not stand in for it,
        // as a fact beats a rule. The identity that is waiting finds it another way.
        if !model.identitiesByMetric[m].isEmpty, settledYears(c, m).contains(y) {
            if let real = frames[frames.count - 1].realError { throw real }
            return .unknown(unknown(key))
        }
        if let r = try applyRule(c, m, y) { return .value(r.0, r.1) }
        resetInputs()
        if let r = try interpolate(decl, c, m, y) { return .value(r.0, r.1) }
        resetInputs()
        // Commitments alone stand for the metric only when nothing else could give it: not
        // while an identity waits on a cell in progress (revenue[2027] asking costs[2027],
        // which an identity gives from revenue once that is known). Taken then, the
        // commitments would pass for the whole of the costs, and revenue would follow.
        let waiting = frames[frames.count - 1].lowestGuard < frames.count - 1
        if !(waiting && decl.role == nil), let r = try lateEventValue(decl, c, m, y) { return .value(r.0, r.1) }
        if decl.defaultsToZero { return .value(zero(m, c), .zero) }
        if let real = frames[frames.count - 1].realError { throw real }
        return .unknown(deferred ?? unknown(key))
    }

    private func evaluate(_ entry: FormulaEntry, _ key: CellKey) throws -> Quantity {
        resetInputs()
        let c = Int(key.company)
        if lowering, let sum = entry.sum, let q = try evaluateSum(sum, key) {
            return try model.normalize(q, metric: Int(key.metric), company: c, year: Int(key.year), at: entry.at)
        }
        tracer?.formulaEvaluated()
        if shared { throw NeedsOneThread() }
        let context = FormulaContext(year: Int(key.year), company: model.companyList[c].name,
                                     currency: model.companyList[c].currency,
                                     rates: model.rates, lanes: lanes, drawCount: model.drawCount,
                                     evaluator: self, companyIndex: c)
        let q = try entry.formula.evaluate(context)
        guard q.isFinite else {
            throw ModelError(.invalid, "the formula for \(name(key, full: true)) gives a number that is not finite",
                             at: entry.at)
        }
        return try model.normalize(q, metric: Int(key.metric), company: c, year: Int(key.year), at: entry.at)
    }

    /// A cell worked out the way the earlier slices did, skipping the search for a method
    /// (identities tried and failed, cells probed): the methods depend on the model, not on
    /// the draws. Nil when that way does not give a value here, or is cheap to find anyway.
    private func replay(_ how: How, _ key: CellKey) throws -> Computed? {
        let c = Int(key.company), m = Int(key.metric), y = Int(key.year)
        switch how {
        case .identity(let index):
            guard let (q, inputs) = try solve(index, for: key) else { return nil }
            if recording { frames[frames.count - 1].inputs = inputs }
            return .value(q, how)
        case .rule, .ruleAndCommitments:
            guard let r = try applyRule(c, m, y) else { return nil }
            return .value(r.0, r.1)
        case .formula(let isDefault):
            guard let entry = isDefault ? model.defaultFormulas[m] : model.companyList[c].formulas[m] else { return nil }
            return .value(try evaluate(entry, key), how)
        default:
            return nil
        }
    }

    // MARK: - Identities

    /// Solves an identity for the cell when every other term is known; nil otherwise.
    private func solve(_ index: Int, for key: CellKey) throws -> (Quantity, [CellKey])? {
        if let ratio = model.identities[index].ratio { return try solve(ratio: ratio, index, for: key) }
        // By index, read in place: a copy of the identity would retain its arrays, per cell.
        let target = Quantity(0, model.canonicalUnit(Int(key.metric), company: Int(key.company)))
        // A term in progress lower on the stack settles it: nothing to solve, and no other
        // term needs probing (a probe can itself try identity after identity).
        for (_, metric) in model.identities[index].terms where metric != Int(key.metric) {
            if busy(CellKey(Int(key.company), metric, Int(key.year))) { return nil }
        }
        var terms: [(Double, Quantity)] = []
        var own = 0.0
        var inputs: [CellKey] = []
        for (coefficient, metric) in model.identities[index].terms {
            if metric == Int(key.metric) { own += coefficient; continue }
            let k = CellKey(Int(key.company), metric, Int(key.year))
            guard let q = identityInput(k) else { return nil }
            do {
                terms.append((coefficient, try q.converted(toMatch: target, operation: "add", rates: model.rates,
                                                           year: Int(key.year))))
            } catch {
                throw ModelError(error, at: model.identities[index].identity.at)
            }
            if recording { inputs.append(k) }
        }
        guard own != 0 else { return nil }
        let result = Quantity.linear(model.identities[index].constant, terms, divisor: -own).with(target.unit, display: target.display)
        return (displayed(result, Int(key.metric)), inputs)
    }

    /// Another term of an identity being solved: nil when it is unknown, has no value, or is
    /// being worked out lower on the stack (an identity must not solve a cell from itself).
    /// A real error is kept, to report if nothing else gives the cell.
    func identityInput(_ k: CellKey) -> Quantity? {
        if busy(k) { return nil }
        do {
            guard case .value(let found) = try lookup(k) else { return nil }
            return found
        } catch let e as ModelError where e.kind == .unknown || e.kind == .cycle || e.kind == .noValue {
            return nil
        } catch where stopsEvaluation(error) {
            stop = error
            return nil
        } catch {
            if frames[frames.count - 1].realError == nil { frames[frames.count - 1].realError = error }
            return nil
        }
    }

    /// True when the cell is being worked out lower on the stack; what is found now then
    /// depends on that, so it is not cached beyond that cell.
    func busy(_ k: CellKey) -> Bool {
        guard case .busy(let depth) = memo.slot(k) else { return false }
        markGuard(depth)
        return true
    }

    // MARK: - Helpers

    /// The method the plan gives a cell (its own, else its shape's), if any.
    func plannedMethod(_ key: CellKey) -> How? {
        guard let plan else { return nil }
        return plan.methods[key] ?? shapeKey(key).flatMap { plan.shapes[$0] }
    }

    /// Counts `n` cells worked out elsewhere (a compiled kernel) as `lookup` counts its own:
    /// the monitor hears of every 256.
    func countWork(_ n: Int) throws {
        let before = work
        work &+= n
        let crossed = (work >> 8) - (before >> 8)
        if crossed > 0, let monitor = model.monitor { try monitor.checkNow(256 * crossed) }
    }

    /// The key of a cell's method among the companies of its shape; nil for a company of no shape.
    @inline(__always) private func shapeKey(_ key: CellKey) -> CellKey? {
        let c = Int(key.company)
        guard c < shapes.count, shapes[c] >= 0 else { return nil }
        return CellKey(Int(shapes[c]), Int(key.metric), Int(key.year))
    }

    /// A metric that is never negative (revenue, costs...) derived below zero: an error that
    /// says how, never a silent `-$1.3B` of costs (from a loss larger than the revenue).
    /// Uncertain too: a draw below zero is a world in which the metric is impossible, so the
    /// whole number is refused.
    private func refuseNegative(_ q: Quantity, _ key: CellKey, _ how: How) throws {
        guard model.metricList[Int(key.metric)].neverNegative else { return }
        if case .fact = how { return }
        let metric = model.metricList[Int(key.metric)].name
        if let draws = q.draws {
            // Counted in the slice of draws being worked out, which may be the first of many:
            // the message names no share.
            guard draws.countBelowZero > 0 else { return }
            throw ModelError(.invalid, "\(name(key, full: true)) is below zero in some draws, but \(metric) is never negative",
                             hint: "check the ranges it comes from (`explain` shows them): a growth range reaching below "
                                 + "-100%, or a loss larger than the revenue in some draws, gives such values",
                             notes: ruleNote(key, how))
        }
        guard q.value < 0 else { return }
        throw ModelError(.invalid, "\(name(key, full: true)) comes out at \(Format.brief(q)), but \(metric) is never negative",
                         hint: "check the facts it comes from (`explain` shows them): a loss larger than the revenue, "
                             + "or a rate below -100%, gives such a value",
                         notes: ruleNote(key, how))
    }

    /// Where the rule that gave a cell is written: the error is met at the question that reads
    /// the cell, often far below the rule that made it negative.
    private func ruleNote(_ key: CellKey, _ how: How) -> [ModelError.Note] {
        let index: Int
        switch how {
        case .rule(let i), .ruleAndCommitments(let i, _): index = i
        default: return []
        }
        guard let rule = model.companyList[Int(key.company)].rules[Int(key.metric)]?[index], let at = rule.at else { return [] }
        return [ModelError.Note("\(name(key, full: true)) comes from the rule written here", at: at)]
    }

    func resetInputs() {
        // Inputs are only kept when recording; otherwise skip the access to `frames`.
        guard recording else { return }
        frames[frames.count - 1].inputs.removeAll(keepingCapacity: true)
    }

    private func markGuard(_ depth: Int) {
        guard !frames.isEmpty else { return }
        let top = frames.count - 1
        if depth < frames[top].lowestGuard { frames[top].lowestGuard = depth }
    }

    /// 0 in the metric's unit for the company.
    func zero(_ m: Int, _ c: Int) -> Quantity {
        displayed(Quantity(0, model.canonicalUnit(m, company: c)), m)
    }

    func displayed(_ q: Quantity, _ m: Int) -> Quantity {
        var q = q
        switch model.metricList[m].measure {
        case .percent: q.display = .percent
        case .multiple: q.display = .multiple
        default: break
        }
        return q
    }

    func unknown(_ key: CellKey) -> ModelError {
        ModelError.unknown(company: model.companyList[Int(key.company)].name,
                           metric: model.metricList[Int(key.metric)].name, year: Int(key.year))
    }

    /// `revenue[2024]`, or `OpenAI.revenue[2024]` when `full`.
    func name(_ key: CellKey, full: Bool) -> String {
        let metric = "\(model.metricList[Int(key.metric)].name)[\(key.year)]"
        return full ? "\(model.companyList[Int(key.company)].name).\(metric)" : metric
    }

    private func cycleError(from depth: Int, to key: CellKey) -> ModelError {
        let path = frames[depth...].map(\.key) + [key]
        let full = path.contains { $0.company != key.company }
        let text = path.map { name($0, full: full) }.joined(separator: " -> ")
        return ModelError(.cycle, "formula cycle: \(text)",
                          hint: "one of these formulas must not need the others in the same year; give a fact to break the cycle")
    }
}

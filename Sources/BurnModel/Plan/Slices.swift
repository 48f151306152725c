// Slices: an uncertain model evaluated a slice of draws at a time, so that memory stays
// bounded whatever the number of draws: each slice has its own cache, dropped after it.

/// Watches long evaluations of an uncertain model: reports progress, says when to stop, and
/// enforces the host's limits (the language connects these to its own).
public final class Monitor: @unchecked Sendable {
    /// Called with 0 draws done as a sliced evaluation starts, then after each slice with
    /// the draws done so far, out of the total.
    public var progress: ((_ done: Int, _ total: Int) -> Void)?
    /// Whether to stop now, without consuming the reason: polled before each slice and every
    /// 4,096 draws by the loops over draws (which then stop early and set `tripped`).
    public var shouldStop: (() -> Bool)?
    /// Counts work (model cells) and throws when a limit is met or a stop was asked: called
    /// before and after each slice and every 256 cells worked out.
    public var check: ((_ work: Int) throws -> Void)?
    /// Throws when a simulation would hold this many draws at once beyond the memory budget.
    public var reserve: ((_ draws: Int) throws -> Void)?
    /// Set when a loop over draws stopped early: its result is incomplete, so the evaluation
    /// must throw (at `check`) before anything keeps it. Only the evaluating thread touches it.
    public var tripped = false

    /// A monitor with no callbacks: it reports nothing and never stops an evaluation.
    public init() {}

    /// Throws when a limit is met or a stop was asked (`EvaluationStopped` when only
    /// `shouldStop` is set).
    func checkNow(_ work: Int = 0) throws {
        if let check {
            try check(work)
            if tripped { throw EvaluationStopped() }
        } else if tripped || shouldStop?() == true {
            tripped = false
            throw EvaluationStopped()
        }
    }
}

/// An error that stops an evaluation outright (an interruption, a limit met): the model
/// never keeps it as a cell's value nor tries another way past it.
public protocol StopsEvaluation: Error {
    var stopsEvaluation: Bool { get }
}

/// Thrown when a `Monitor` asked a long evaluation to stop.
public struct EvaluationStopped: Error, Sendable, StopsEvaluation {
    /// True: a stop asked by the monitor ends the evaluation wherever it is.
    public var stopsEvaluation: Bool { true }
}

/// True for an error that stops the evaluation (see `StopsEvaluation`).
@inline(__always) func stopsEvaluation(_ error: Error) -> Bool {
    if error is ModelError { return false }
    return (error as? any StopsEvaluation)?.stopsEvaluation == true
}

extension Model {
    /// Draws per slice: wide, so that a slice's fixed cost (a walk through the question's
    /// cells) is small beside its arithmetic. The same whatever the model's size: a question
    /// compiled to a `Program` holds only the cells still to be read, not the whole model.
    static let sliceWidth = 16384
    /// Draws in a question's first slice, which works out how to find each cell (probing
    /// identities) and keeps every cell it finds: few, as the slice holds the whole question.
    static let traceWidth = 64
    /// Draws of answers a batch of slices holds at once at most (32 MB): a question of many
    /// answers (a portfolio's cells) runs narrower slices, so memory stays bounded.
    static let answerBudget = 1 << 22
    /// Slices a thread runs in a batch of a parallel sweep at most: their answers are held
    /// until the batch ends.
    static let slicesPerThread = 8
    /// The same when no slice's answer is held (a year search's kernel writes each draw's year
    /// in place; a column's reader puts its slice's draws in place): fewer batches are fewer
    /// waits for the last slice of each (P(breakeven <= 2030) at a million draws 1.7 ms
    /// quicker with batches of 64 slices than of 16).
    static let slicesPerThreadInPlace = 32

    /// Runs `body` with an evaluator for each slice of draws, in order, until it returns
    /// false (a certain answer is known from the first slice). The slices share the model's
    /// plan: a cell is found the way the first slice (or an earlier question) found it.
    func forEachSlice(_ body: (Evaluator, Range<Int>) throws -> Bool) throws {
        let total = drawCount ?? 1, plan = memo.plan
        var start = 0
        monitor?.progress?(0, total)
        // The loops over draws of this thread see the monitor, to stop within a slice.
        let saved = KernelWatch.install(monitor)
        defer { KernelWatch.restore(saved) }
        while start < total {
            try monitor?.checkNow()
            let lanes = start..<min(total, start + Model.sliceWidth)
            let more = try body(Evaluator(self, lanes: lanes, plan: plan), lanes)
            // A slice cut short by a stop is never kept.
            try monitor?.checkNow()
            guard more else { return }
            start = lanes.upperBound
            monitor?.progress?(start, total)
        }
    }

    /// Works out `keys` over every draw. The first slice is traced and compiled into a
    /// `Program`, which the other slices run, on every core when no step needs the language.
    /// `read(evaluator, a)` reads answer `a` from a slice (on the slice's thread: it must only
    /// read); `take(a, answer, lanes)` receives it on this thread, slice after slice in
    /// order. Later slices are skipped for an answer that is the same in every slice (certain
    /// or unknown without depending on draws). `perSlice` reads more from each slice (then
    /// nothing is dropped, and the slices run here one by one). `finished(lanes)` is called once
    /// a slice's answers are all taken; false ends the sweep there (the answer is known).
    /// `years`: where a searching kernel writes each draw's year. `answersHeld`: false when
    /// `read` hands over no draws (it put them in place), so batches may be larger.
    func sweep<R>(_ keys: [CellKey], perSlice: ((Evaluator) throws -> Void)? = nil,
                  read: (Evaluator, Int) throws -> R, take: (Int, R, Int) throws -> Void,
                  finished: ((Int) throws -> Bool)? = nil, search: YearTest? = nil,
                  years: UnsafeMutablePointer<Double>? = nil, answersHeld: Bool = true) throws {
        let total = drawCount ?? 1, plan = memo.plan
        // The first slice is traced and compiled first (a fraction of a millisecond): the
        // helpers are woken now, so that they are up when the other slices are shared out,
        // when there are draws enough for that (a portfolio's questions of 10,000 draws each
        // run on this thread: the helpers would only look for a loop in vain).
        if total * 16 >= Program.threadsWorth { Parallel.expectLoop(within: 2000) }
        plan.pins.clear()
        monitor?.progress?(0, total)
        let saved = KernelWatch.install(monitor)
        defer { KernelWatch.restore(saved) }
        try monitor?.checkNow()
        let first = 0..<min(total, Model.traceWidth)
        let tracer = Tracer()
        // Every cell, kept or not, for a kernel (a projection reads more than its answers: none).
        tracer.recordsAll = perSlice == nil
        let traced = Evaluator(self, lanes: first, plan: plan)
        traced.tracer = tracer
        for a in keys.indices { try take(a, try read(traced, a), first.count) }
        try perSlice?(traced)
        traced.tracer = nil
        if tracer.recordsAll, search == nil, keys.count == 1 { keepShapeTemplate(keys[0], tracer) }
        try monitor?.checkNow()
        monitor?.progress?(first.upperBound, total)
        guard try finished?(first.count) ?? true else { return }
        let pending = keys.indices.filter { a in tracer.step(of: keys[a]).map { !tracer.fixed[$0] } ?? true }
        guard !pending.isEmpty || perSlice != nil, first.upperBound < total else { return }
        var program = Program(tracer, keys: keys, answers: pending, keepAll: perSlice != nil)
        if program == nil { statistics.fallbacks += 1 }
        if perSlice == nil, program != nil, let compiled = kernelProgram(keys, pending, tracer, traced, search: search) {
            program = compiled
            program?.kernel?.years = years
            statistics.kernels += 1
            statistics.kernelOperations += compiled.kernel?.ops.count ?? 0
        }
        if let program, perSlice == nil, !tracer.languageUsed, Parallel.threads > 1,
           program.worthThreads(draws: total - first.upperBound) {
            statistics.parallel += 1
            try sweepInParallel(program, from: first.upperBound, plan: plan, answersHeld: answersHeld && years == nil,
                                read: read, take: take, finished: finished)
            return
        }
        if program != nil { statistics.oneThread += 1 }
        var start = first.upperBound
        while start < total {
            try monitor?.checkNow()
            let lanes = start..<min(total, start + (program?.widthFor(threads: 1) ?? Model.sliceWidth))
            let evaluator = Evaluator(self, lanes: lanes, plan: plan)
            if let program {
                try program.run(evaluator) { try take($0, try read(evaluator, $0), lanes.count) }
            } else {
                for a in pending { try take(a, try read(evaluator, a), lanes.count) }
            }
            try perSlice?(evaluator)
            try monitor?.checkNow()
            start = lanes.upperBound
            monitor?.progress?(start, total)
            guard try finished?(lanes.count) ?? true else { return }
        }
    }

    /// The question's program with a kernel, when every cell the first slice worked out has an operation.
    /// With `search`, the kernel searches the keys (a metric's years) and hands the result
    /// over as the first pending answer (`Evaluator.searched`).
    private func kernelProgram(_ keys: [CellKey], _ pending: [Int], _ tracer: Tracer, _ traced: Evaluator,
                               search: YearTest?) -> Program? {
        var compiler = KernelCompiler(tracer, evaluator: traced)
        let compiled = search.map { compiler.compileSearch(keys: keys, test: $0, answer: pending[0]) }
            ?? compiler.compile(keys: keys, answers: pending)
        guard let kernel = compiled else { return nil }
        var program = Program(tracer, keys: keys, answers: pending, keepAll: false)
        program?.kernel = kernel
        return program
    }

    /// The slices from `start` on, a batch of one per thread at a time.
    private func sweepInParallel<R>(_ program: Program, from start: Int, plan: Plan, answersHeld: Bool,
                                    read: (Evaluator, Int) throws -> R, take: (Int, R, Int) throws -> Void,
                                    finished: ((Int) throws -> Bool)?) throws {
        let total = drawCount ?? 1, threads = Parallel.threads
        // Slices narrower than the usual width when that gives each thread one, or when the
        // answers of a batch would hold more than `answerBudget` draws at once.
        let width = min(program.widthFor(threads: threads),
                        max(Model.traceWidth * 16, (total - start + threads - 1) / threads))
        // Several slices per thread in a batch, within the answers' budget: the threads meet
        // once a batch (a wake-up costs tens of microseconds), not once a slice.
        let perThread = answersHeld ? Model.slicesPerThread : Model.slicesPerThreadInPlace
        let perBatch = max(threads, min(threads * perThread, Model.answerBudget / (width * program.answerCount)))
        var start = start
        while start < total {
            try monitor?.checkNow()
            var batch: [Range<Int>] = []
            while batch.count < perBatch, start < total {
                batch.append(start..<min(total, start + width))
                start = batch[batch.count - 1].upperBound
            }
            for (lanes, result) in zip(batch, runBatch(program, batch, plan: plan, read: read)) {
                if result.tripped { monitor?.tripped = true }
                if let error = result.error, error is NeedsOneThread {
                    // A step needed the language: this slice again, here.
                    statistics.slicesRedone += 1
                    let evaluator = Evaluator(self, lanes: lanes, plan: plan)
                    try program.run(evaluator) { try take($0, try read(evaluator, $0), lanes.count) }
                    try monitor?.checkNow()
                    guard try finished?(lanes.count) ?? true else { return }
                    continue
                }
                if let error = result.error, stopsEvaluation(error) {
                    try monitor?.checkNow()
                    throw error
                }
                for (a, answer) in result.answers { try take(a, answer, lanes.count) }
                if let error = result.error { throw error }
                try monitor?.checkNow(result.work)
                guard try finished?(lanes.count) ?? true else { return }
            }
            monitor?.progress?(start, total)
        }
    }

    /// Refuses, before it starts, a simulation that would hold `columns` answers of every draw.
    func reserve(columns: Int) throws {
        guard let drawCount, let reserve = monitor?.reserve else { return }
        let (draws, overflow) = drawCount.multipliedReportingOverflow(by: max(1, columns))
        try reserve(overflow ? .max : draws)
    }

    /// A cell with all its draws (an unknown value is not thrown).
    func uncertainLookup(_ key: CellKey) throws -> Evaluator.Found {
        try reserve(columns: 1)
        if let found = try shapeDrawLookup(key) { return found }
        // Every draw's place: each slice's reader puts its draws there, on the slice's thread.
        let total = drawCount ?? 1
        var column = SliceColumn()
        let placed = try [Double](unsafeUninitializedCapacity: total) { all, initialized in
            let out = all.baseAddress!
            column = SliceColumn(into: out)
            try sweep([key], read: { evaluator, _ in
                ColumnRead(try evaluator.topLookup(key), lanes: evaluator.lanes, placingIn: out)
            }, take: { _, read, lanes in
                column.add(read, lanes: lanes, total: total)
            }, answersHeld: false)
            initialized = column.placed == total ? total : 0
        }
        switch column.joined(placed) {
        case .value(let q): return .value(q)
        case .unknown(let e): return .unknown(e)
        case .none(let why): throw ModelError.noValue(why)
        }
    }

    /// Cells with all their draws.
    func uncertainCells(_ keys: [CellKey]) throws -> [Cell] {
        try reserve(columns: keys.count)
        var columns = [SliceColumn](repeating: SliceColumn(), count: keys.count)
        try sweep(keys, read: { evaluator, i in try evaluator.cell(keys[i]) }) { i, cell, lanes in
            columns[i].add(SliceColumn.Found(cell), lanes: lanes, total: drawCount ?? lanes)
        }
        return columns.indices.map { i in
            defer { columns[i] = SliceColumn() }
            return Cell(columns[i].joined())
        }
    }

    /// Cells summarised by the mean of their draws (for tables: a million draws of every cell
    /// would not fit in memory); a cell with no value in any draw is "none". A certain cell
    /// is shown as it is.
    func meanCells(_ keys: [CellKey], also perSlice: ((Evaluator) throws -> Void)? = nil) throws -> [Cell] {
        var means = [SliceMean](repeating: SliceMean(), count: keys.count)
        try sweep(keys, perSlice: perSlice, read: { evaluator, i in try evaluator.cell(keys[i]) }) { i, cell, lanes in
            means[i].add(cell, lanes: lanes)
        }
        return means.map(\.cell)
    }

    // MARK: - Searching years

    /// `searchSlice` over an evaluator's slice: each year's cell worked out when the search reaches it.
    func searchSlice(_ evaluator: Evaluator, _ c: Int, _ m: Int, from first: Int, until: Int,
                     _ test: YearTest) throws -> (answer: YearAnswer?, years: [Double], through: Int) {
        try searchSlice(width: evaluator.lanes?.count ?? 1, from: first, until: until, test) { year in
            try evaluator.cell(CellKey(c, m, year))
        }
    }

    /// The first year from `first` through `until` whose value meets `test`, draw by draw in
    /// one slice of `width` draws, `cell(year)` read year after year (an error is thrown only
    /// when the search reaches its year): a year answer, or, once draws are involved, the year
    /// per draw (NaN where there is none) and the last year searched.
    func searchSlice(width: Int, from first: Int, until: Int, _ test: YearTest,
                     cell: (Int) throws -> Cell) throws -> (answer: YearAnswer?, years: [Double], through: Int) {
        // +infinity while a draw has no year yet: `min` then keeps the first year found.
        var years = [Double](repeating: .infinity, count: width)
        var remaining = width, sawDraws = false
        var year = first
        while year <= until, remaining > 0 {
            guard case .value(let q) = try cell(year) else { break }
            if let draws = q.draws {
                sawDraws = true
                remaining = test.mark(Double(year), where: draws, in: &years)
            } else if test.holds(q.value) {
                if !sawDraws { return (.year(year), years, year) }
                for i in 0..<width { years[i] = min(years[i], Double(year)) }
                remaining = 0
            }
            if remaining > 0 { year += 1 }
        }
        for i in 0..<width where years[i] == .infinity { years[i] = .nan }
        // Where draws remain without a year, the search reached `year - 1` (stopped early by an unknown value).
        let through = remaining == 0 ? until : year - 1
        return (sawDraws ? nil : .noneThrough(through), years, through)
    }

    /// `search` for an uncertain model: the cells of every year asked as one compiled question,
    /// each slice searched once its cells are in, the slices' answers joined. A year answer
    /// (certain) ends the sweep at the slice that finds it.
    func uncertainSearch(_ c: Int, _ m: Int, until: Int, _ test: YearTest) throws -> YearAnswer {
        statistics.searches += 1
        guard let first = companyList[c].firstYear, until >= first else { return .noneThrough(until) }
        try reserve(columns: 1)
        let keys = (first...until).map { CellKey(c, m, $0) }
        var answer: YearAnswer?
        var through = until
        // The first slice's cells: a year the same in every slice is only taken there.
        var firstCells: [Result<Cell, Error>] = []
        var cells: [Result<Cell, Error>] = []
        // A slice a searching kernel worked out: its years (none if written in place) and the
        // last year it reached.
        var searched: (years: [Double], through: Int)?
        // Every draw's year, each slice's at its lanes: a searching kernel writes them there
        // itself, on its thread; the other slices' are copied there.
        let total = drawCount ?? 1
        let all = try [Double](unsafeUninitializedCapacity: total) { all, initialized in
            let out = all.baseAddress!
            var filled = 0
            try sweep(keys, read: { evaluator, a -> SearchRead in
                if let result = evaluator.searched { return .searched(result) }
                return .cell(Result { try evaluator.cell(keys[a]) })
            }, take: { a, read, _ in
                switch read {
                case .searched(let result): searched = result
                case .cell(let cell) where firstCells.count < keys.count: firstCells.append(cell)
                case .cell(let cell): cells[a] = cell
                }
            }, finished: { width in
                if cells.isEmpty { cells = firstCells }
                let slice: (answer: YearAnswer?, years: [Double], through: Int) = try searched.map { (nil, $0.years, $0.through) }
                    ?? searchSlice(width: width, from: first, until: until, test) { try cells[$0 - first].get() }
                searched = nil
                cells = firstCells
                if let certain = slice.answer {
                    answer = certain
                    return false
                }
                if !slice.years.isEmpty { (out + filled).update(from: slice.years, count: width) }
                filled += width
                through = min(through, slice.through)
                return true
            }, search: test, years: out)
            initialized = answer == nil ? filled : 0
        }
        return answer ?? .draws(Draws(all), through: through)
    }
}

/// What a year search reads from a slice: a year's cell, or a searching kernel's result.
enum SearchRead {
    case cell(Result<Cell, Error>)
    case searched((years: [Double], through: Int))
}

/// What a year search looks for: break-even (operating income at least 0), positive free
/// cash flow (above 0) or the cash running out (below 0).
enum YearTest {
    case atLeastZero
    case aboveZero
    case belowZero

    func holds(_ x: Double) -> Bool {
        switch self {
        case .atLeastZero: return x >= 0
        case .aboveZero: return x > 0
        case .belowZero: return x < 0
        }
    }

    /// `mark` over raw buffers of `n` draws (a kernel's block); false when a draw is infinite.
    func mark(_ year: Double, _ x: UnsafePointer<Double>, into years: UnsafeMutablePointer<Double>, _ n: Int) -> Bool {
        switch self {
        case .atLeastZero: return YearTest.mark(year, x, years, n) { $0 >= 0 }
        case .aboveZero: return YearTest.mark(year, x, years, n) { $0 > 0 }
        case .belowZero: return YearTest.mark(year, x, years, n) { $0 < 0 }
        }
    }

    @inline(__always)
    private static func mark(_ year: Double, _ p: UnsafePointer<Double>, _ o: UnsafeMutablePointer<Double>, _ n: Int,
                             _ test: (Double) -> Bool) -> Bool {
        var infinities = 0, i = 0
        while i < n {
            let candidate = test(p[i]) ? year : .infinity
            o[i] = o[i] < candidate ? o[i] : candidate
            infinities &+= Draws.isInfinite(p[i])
            i &+= 1
        }
        return infinities == 0
    }

    /// Sets `year` in `years` where it is still +infinity and the draw meets the test (without
    /// branches, which random draws would mispredict); returns how many draws still have none.
    func mark(_ year: Double, where draws: Draws, in years: inout [Double]) -> Int {
        switch self {
        case .atLeastZero: return YearTest.mark(year, draws, &years) { $0 >= 0 }
        case .aboveZero: return YearTest.mark(year, draws, &years) { $0 > 0 }
        case .belowZero: return YearTest.mark(year, draws, &years) { $0 < 0 }
        }
    }

    @inline(__always)
    private static func mark(_ year: Double, _ draws: Draws, _ years: inout [Double], _ test: (Double) -> Bool) -> Int {
        draws.values.withUnsafeBufferPointer { x in
            years.withUnsafeMutableBufferPointer { y -> Int in
                guard let p = x.baseAddress, let o = y.baseAddress else { return 0 }
                let n = min(x.count, y.count)
                var remaining = 0, i = 0
                while i < n {
                    let hit = test(p[i])
                    let candidate = hit ? year : .infinity
                    let marked = o[i] < candidate ? o[i] : candidate
                    o[i] = marked
                    remaining &+= marked == .infinity ? 1 : 0
                    i &+= 1
                }
                return remaining
            }
        }
    }
}

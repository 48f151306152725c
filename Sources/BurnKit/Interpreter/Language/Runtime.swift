// Runtime: the state evaluation runs against: the value stack, globals, limits and the model.
import BurnModel
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds on what one run may do (a `Session.run` or `evaluate`, a REPL cell; an import
/// counts toward the run that imports it), so that no script can hang, exhaust the stack or
/// the memory. Each limit met is a `BurnError` whose diagnostic names it (`Diagnostic.limit`),
/// and the session stays usable: the run's changes are kept up to the failing statement, as
/// for any error (a REPL cell is undone).
public struct Limits: Sendable, Equatable {
    /// Evaluation work allowed per run: a step is a function call, a model cell worked out,
    /// or 1,024 draws of an operation on uncertain numbers.
    public var steps: Int
    /// Nested calls allowed at once.
    public var depth: Int
    /// Wall time allowed per run, in seconds; checked inside simulations too, so a run stops
    /// within a few milliseconds of it.
    public var seconds: Double
    /// The largest `samples N` a script may ask for.
    public var samples: Int
    /// Bytes of draws (8 per draw) one simulation may hold at once: an uncertain model's
    /// answers over all their draws, or one uncertain number.
    public var memory: Int

    /// Limits with these values; the defaults are generous for real models.
    public init(steps: Int = 500_000_000, depth: Int = 1_000, seconds: Double = 120,
                samples: Int = 10_000_000, memory: Int = 2 << 30) {
        self.steps = steps
        self.depth = depth
        self.seconds = seconds
        self.samples = samples
        self.memory = memory
    }

    /// The default limits: `Limits()`, what a session starts with.
    public static let `default` = Limits()
}

/// The registers evaluation touches on every call, kept behind a pointer so that reading and
/// writing them needs no dynamic exclusivity check.
struct Registers {
    /// Base of the current call frame in the value stack.
    var base = 0
    /// First free slot of the value stack.
    var top = 0
    var depth = 0
    var steps = 0
    var maxDepth = Limits.default.depth
    var maxSteps = Limits.default.steps
}

final class Runtime {
    /// Room for this many values on the stack; the pages are only touched as the stack grows.
    static let stackCapacity = 1 << 20
    /// Room for this many global names.
    static let globalCapacity = 1 << 20

    let stack = UnsafeMutablePointer<Value>.allocate(capacity: Runtime.stackCapacity)
    let registers = UnsafeMutablePointer<Registers>.allocate(capacity: 1)
    /// Global slots; nil until a value is bound.
    let globals = UnsafeMutablePointer<Value?>.allocate(capacity: Runtime.globalCapacity)
    private(set) var globalCount = 0
    /// For each global slot holding a function, that function unretained (for fast calls).
    let functions = UnsafeMutablePointer<Unmanaged<Function>?>.allocate(capacity: Runtime.globalCapacity)

    var limits = Limits.default {
        didSet {
            registers.pointee.maxDepth = limits.depth
            registers.pointee.maxSteps = limits.steps
        }
    }
    var deadline: UInt64 = .max
    /// Set from another thread (Ctrl-C) to stop evaluation at the next check.
    let interrupt = InterruptFlag()
    /// Runs in progress (an import runs inside the run that imports it): limits count from
    /// the outermost one.
    var runDepth = 0
    /// The limit a run met, kept until the run ends: an error swallowed on the way (an
    /// identity probing a cell, `try?`) is thrown again at the next check.
    var stopped: Error?
    /// The kernel watch installed before this run, put back when it ends.
    private var savedWatch: Monitor?
    var rates = Rates()
    /// The year and company of the formula being evaluated, when inside one.
    var formula: FormulaFrame?
    /// When the model is evaluated a slice of draws at a time: the slice being evaluated, and
    /// the model's number of draws (an uncertain number that wide is cut to the slice).
    var lanes: Range<Int>?
    var laneTotal: Int?
    /// Inside the branches of an `if` whose condition is uncertain, a draw that fails (a
    /// division by zero) has no value instead of stopping the run: the branch may not be
    /// chosen in that draw.
    var maskedBranches = 0
    /// The model, as the language sees it.
    var world: World!
    /// The interpreter this runtime belongs to (for built-ins that draw samples).
    weak var owner: Interpreter?
    var interpreter: Interpreter { owner! }

    init() { registers.initialize(to: Registers()) }

    deinit {
        stack.deinitialize(count: registers.pointee.top)
        stack.deallocate()
        globals.deinitialize(count: globalCount)
        globals.deallocate()
        functions.deallocate()
        registers.deallocate()
    }

    // MARK: - Globals

    /// A new global slot (nil), or nil when there is no room left.
    func addGlobal() -> Int? {
        guard globalCount < Runtime.globalCapacity else { return nil }
        (globals + globalCount).initialize(to: nil)
        (functions + globalCount).initialize(to: nil)
        globalCount += 1
        return globalCount - 1
    }

    /// Binds a global slot (always through here, so that `functions` stays in step).
    func setGlobal(_ slot: Int, _ value: Value?) {
        globals[slot] = value
        if case .function(let f)? = value { functions[slot] = Unmanaged.passUnretained(f) } else { functions[slot] = nil }
    }

    var globalValues: [Value?] { Array(UnsafeBufferPointer(start: globals, count: globalCount)) }

    /// Puts back globals saved with `globalValues` (slots added since are dropped).
    func restoreGlobals(_ saved: [Value?]) {
        globals.deinitialize(count: globalCount)
        globalCount = 0
        for v in saved {
            _ = addGlobal()
            setGlobal(globalCount - 1, v)
        }
    }

    // MARK: - Stack

    /// Drops stack values down to `newTop`.
    @inline(__always) func pop(to newTop: Int) {
        var top = registers.pointee.top
        while top > newTop {
            top -= 1
            // Numbers need no destruction; only values holding references do.
            if case .number = stack[top] { continue }
            (stack + top).deinitialize(count: 1)
        }
        registers.pointee.top = newTop
    }

    /// Starts one evaluation with an empty stack; outside a run, it counts steps and time alone.
    func beginEvaluation() {
        pop(to: 0)
        registers.pointee.base = 0
        registers.pointee.depth = 0
        if runDepth == 0 { startBudget() }
        // The interrupt flag is left as it is: a Ctrl-C that came between two statements of a
        // REPL cell, or just before the cell started, still stops it.
    }

    /// Starts a run: the outermost one resets the steps and the clock, and lets loops over
    /// draws (BurnModel's kernels) see this session's stop conditions.
    func beginRun() {
        runDepth += 1
        guard runDepth == 1 else { return }
        startBudget()
        savedWatch = KernelWatch.install(world.state.monitor)
    }

    /// Ends a run: out of runs, nothing has a deadline (a value formatted later reads the model
    /// without one).
    func endRun() {
        runDepth -= 1
        guard runDepth == 0 else { return }
        KernelWatch.restore(savedWatch)
        savedWatch = nil
        deadline = .max
        stopped = nil
    }

    private func startBudget() {
        registers.pointee.steps = 0
        deadline = limits.seconds.isFinite ? Clock.nanoseconds() &+ UInt64(max(0, min(limits.seconds, 1e9)) * 1e9) : .max
        stopped = nil
        world.state.monitor?.tripped = false
    }

    /// Called on every function call: enforces the step, time and interrupt limits.
    @inline(__always) func countStep(at span: Span) throws {
        registers.pointee.steps &+= 1
        if registers.pointee.steps & 1023 == 0 { try checkSlowLimits(at: span) }
    }

    /// Counts `work` steps at once (model cells, draws); checks the limits each time the count
    /// passes a multiple of 1,024, and at once when a loop over draws stopped early.
    @inline(__always) func countWork(_ work: Int, at span: Span) throws {
        let before = registers.pointee.steps
        registers.pointee.steps &+= work
        if (before ^ registers.pointee.steps) >> 10 != 0 || world.state.monitor?.tripped == true {
            try checkSlowLimits(at: span)
        }
    }

    /// Draws' worth of work: one step per 1,024 draws (at least one).
    @inline(__always) func countDraws(_ draws: Int, at span: Span) throws {
        try countWork((draws >> 10) | 1, at: span)
    }

    /// Throws a stop a swallowed error hid (see `stopped`).
    func checkStopped() throws {
        if let stopped { throw stopped }
        if world.state.monitor?.tripped == true { try checkSlowLimits(at: .none) }
    }

    /// Whether a loop should stop now (without throwing: BurnModel's kernels ask this).
    var mustStop: Bool {
        stopped != nil || interrupt.isSet || (deadline != .max && Clock.nanoseconds() > deadline)
    }

    func checkSlowLimits(at span: Span) throws {
        if let stopped { throw stopped }
        let error: Error
        if registers.pointee.steps > limits.steps {
            error = Diagnostic(limit: .steps, "the script ran too long (\(limits.steps) steps)", at: span,
                               hint: "a recursion that never stops? check its base case; the host sets `Limits.steps`")
        } else if interrupt.isSet {
            interrupt.clear()
            error = Interrupted()
        } else if deadline != .max, Clock.nanoseconds() > deadline {
            error = Diagnostic(limit: .seconds, "the script ran too long (over \(NumberFormat.significant(limits.seconds, 6)) s)",
                               at: span, hint: "a long simulation, or a recursion that never stops? `burn run --seconds N` allows more time; a host sets `Limits.seconds`")
        } else if world.state.monitor?.tripped == true {
            // A loop over draws stopped for a request that is gone now (the flag was cleared).
            error = Interrupted()
        } else {
            return
        }
        world.state.monitor?.tripped = false
        stopped = error
        throw error
    }

    // MARK: - Memory and samples

    /// Refuses `samples n` above `Limits.samples`, or whose one uncertain number would not fit
    /// `Limits.memory`.
    func checkSampleCount(_ n: Int, at span: Span) throws {
        if n > limits.samples {
            throw Diagnostic(limit: .samples, "`samples \(n)` is above this session's limit of \(limits.samples)", at: span,
                             hint: "ask for at most `samples \(limits.samples)`; the host sets `Limits.samples`")
        }
        try reserveDraws(n, at: span)
    }

    /// Refuses a simulation that would hold `draws` draws at once beyond `Limits.memory`.
    func reserveDraws(_ draws: Int, at span: Span) throws {
        let bytes = draws.multipliedReportingOverflow(by: 8)
        guard bytes.overflow || bytes.partialValue > limits.memory else { return }
        throw Diagnostic(limit: .memory,
                         "this simulation needs \(draws) draws (\(Runtime.megabytes(draws))) at once, above this session's memory budget of \(Runtime.megabytes(limits.memory / 8))",
                         at: span, hint: "lower `samples N`, or ask about fewer years or metrics at once; the host sets `Limits.memory`")
    }

    /// `80 MB` for 10,000,000 draws of 8 bytes.
    static func megabytes(_ draws: Int) -> String {
        NumberFormat.significant(Double(draws) * 8 / 1e6, 4) + " MB"
    }

    /// Connects the model's monitor to this runtime's limits: slices and cells count as steps
    /// and check the limits, kernels see a stop, a simulation reserves its draws.
    func watch(_ monitor: Monitor) {
        monitor.shouldStop = { [weak self] in self?.mustStop ?? false }
        // Between slices (no work counted) every limit is checked; cells count as steps.
        monitor.check = { [weak self] work in
            if work == 0 { try self?.checkSlowLimits(at: .none) } else { try self?.countWork(work, at: .none) }
        }
        monitor.reserve = { [weak self] draws in try self?.reserveDraws(draws, at: .none) }
    }
}

/// The formula being evaluated: bare metric names mean this company's metric in this year.
struct FormulaFrame {
    var company: String
    var year: Int
}

/// Thrown when an evaluation is interrupted (Ctrl-C, or the host's `InterruptFlag`).
public struct Interrupted: Error, Sendable, StopsEvaluation {
    /// An interruption.
    public init() {}
    /// True: an interruption stops the evaluation wherever it is.
    public var stopsEvaluation: Bool { true }
}

extension Diagnostic: StopsEvaluation {
    /// A limit's error stops the evaluation: the model neither keeps it as a cell's value nor
    /// tries another way past it.
    public var stopsEvaluation: Bool { limit != nil }
}

/// A flag set from a signal handler or another thread, read by the evaluator. It stays set
/// until it stops an evaluation (which clears it) or the host clears it. Atomic: setting it
/// from any thread is safe, and the evaluation sees it at its next check (every 1,024 steps,
/// every 4,096 draws of a loop over draws, every slice of a simulation).
public final class InterruptFlag: @unchecked Sendable {
    // Allocated, so that its address is stable for a C signal handler (which stores a
    // `sig_atomic_t`, the same 32 bits).
    private let cell = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: 1)

    init() { cell.initialize(to: Atomic(0)) }
    deinit {
        cell.deinitialize(count: 1)
        cell.deallocate()
    }

    /// Where a signal handler writes 1.
    public var address: UnsafeMutablePointer<sig_atomic_t> {
        UnsafeMutableRawPointer(cell).assumingMemoryBound(to: sig_atomic_t.self)
    }
    /// Asks the running evaluation to stop (from any thread).
    public func set() { cell.pointee.store(1, ordering: .releasing) }
    /// Drops a request that no evaluation took (it came as the evaluation ended).
    public func clear() { cell.pointee.store(0, ordering: .releasing) }
    /// Whether a stop is requested.
    public var isSet: Bool { cell.pointee.load(ordering: .acquiring) != 0 }
}

// Runtime: the state evaluation runs against: the value stack, globals, limits and the model.
import BurnModel

/// Bounds on what one evaluation may do, so that no script can hang or exhaust the stack.
public struct Limits: Sendable {
    /// Function calls allowed per evaluation.
    public var steps: Int
    /// Nested calls allowed at once.
    public var depth: Int
    /// Wall time allowed per evaluation, in seconds.
    public var seconds: Double

    public init(steps: Int = 500_000_000, depth: Int = 1_000, seconds: Double = 120) {
        self.steps = steps
        self.depth = depth
        self.seconds = seconds
    }

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
    /// Set from another thread (Ctrl-C) to stop evaluation at the next call.
    let interrupt = InterruptFlag()
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

    /// Starts counting steps and time for one evaluation, with an empty stack.
    func beginEvaluation() {
        pop(to: 0)
        registers.pointee.base = 0
        registers.pointee.steps = 0
        registers.pointee.depth = 0
        deadline = limits.seconds.isFinite ? Clock.nanoseconds() &+ UInt64(limits.seconds * 1e9) : .max
        // The interrupt flag is left as it is: a Ctrl-C that came between two statements of a
        // REPL cell, or just before the cell started, still stops it.
    }

    /// Called on every function call: enforces the step, time and interrupt limits.
    @inline(__always) func countStep(at span: Span) throws {
        registers.pointee.steps &+= 1
        if registers.pointee.steps & 1023 == 0 { try checkSlowLimits(at: span) }
    }

    private func checkSlowLimits(at span: Span) throws {
        if registers.pointee.steps > limits.steps {
            throw Diagnostic("the script ran too long (\(limits.steps) steps)", at: span,
                             hint: "a recursion that never stops? check its base case")
        }
        if interrupt.isSet {
            interrupt.clear()
            throw Interrupted()
        }
        if Clock.nanoseconds() > deadline {
            throw Diagnostic("the script ran too long (over \(NumberFormat.significant(limits.seconds, 6)) s)", at: span,
                             hint: "a recursion that never stops? check its base case")
        }
    }
}

/// The formula being evaluated: bare metric names mean this company's metric in this year.
struct FormulaFrame {
    var company: String
    var year: Int
}

/// Thrown when an evaluation is interrupted (Ctrl-C).
public struct Interrupted: Error, Sendable {}

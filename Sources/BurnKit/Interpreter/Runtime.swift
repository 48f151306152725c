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

/// A contiguous stack of values; frames are windows into it addressed from `base`.
struct ValueStack {
    private(set) var storage: UnsafeMutablePointer<Value>
    private(set) var capacity: Int
    var top = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    mutating func reserve(_ count: Int) {
        guard top + count > capacity else { return }
        let newCapacity = max(capacity * 2, top + count)
        let bigger = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: storage, count: top)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }

    /// Drops values down to `newTop`.
    mutating func pop(to newTop: Int) {
        if top > newTop { (storage + newTop).deinitialize(count: top - newTop) }
        top = newTop
    }

    func release() {
        storage.deinitialize(count: top)
        storage.deallocate()
    }
}

final class Runtime {
    var stack = ValueStack(capacity: 1024)
    /// Base of the current call frame in `stack`.
    var base = 0
    var globals: [Value?] = []
    var depth = 0
    var steps = 0
    var limits = Limits.default
    var deadline: UInt64 = .max
    /// Set from another thread (Ctrl-C) to stop evaluation at the next call.
    let interrupt = InterruptFlag()
    var rates = Rates()
    /// The year and company of the formula being evaluated, when inside one.
    var formula: FormulaFrame?
    /// The model, as the language sees it.
    var world: World!

    deinit { stack.release() }

    /// Starts counting steps and time for one evaluation.
    func beginEvaluation() {
        steps = 0
        depth = 0
        deadline = limits.seconds.isFinite ? Clock.nanoseconds() &+ UInt64(limits.seconds * 1e9) : .max
        interrupt.clear()
    }

    /// Called on every function call: enforces the step, time and interrupt limits.
    @inline(__always) func countStep(at span: Span) throws {
        steps &+= 1
        if steps & 1023 == 0 { try checkSlowLimits(at: span) }
    }

    private func checkSlowLimits(at span: Span) throws {
        if steps > limits.steps {
            throw Diagnostic("the script ran too long (\(limits.steps) steps)", at: span,
                             hint: "a recursion that never stops? check its base case")
        }
        if interrupt.isSet { throw Interrupted() }
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

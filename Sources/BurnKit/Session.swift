// Session: the embedding API. A host creates a session (standard library loaded), runs sources,
// evaluates expressions and reads values; printing goes wherever `output` says.
import BurnModel

/// A Burn interpreter with its model, for a host program: run sources, evaluate expressions,
/// inject data (`setKnob`, `bind`, `addCompany`, `setFact`) and read typed `Value`s.
///
/// ## Threads
///
/// A session belongs to one thread at a time: call it from any thread, but not from two at
/// once (it is not `Sendable`; hand it over, never share it). Every call that evaluates
/// (`run`, `evaluate`, the data injection methods, `ReplSession.submit`) runs the evaluation on
/// a big-stack thread of BurnKit's own while the calling thread waits, so that deep recursion
/// ends in a limit error, never a stack overflow. The host closures given to the session
/// (`define`'s body, `output`, `events`, `progress`, `checkFailureOutput`) therefore run on
/// that thread, synchronously, one at a time, and finish before the evaluating call returns;
/// they are `@Sendable`, so the compiler refuses a main-actor closure (one written in
/// `main.swift` that touches main-actor state), which would otherwise trap at run time. A
/// closure that must reach the main actor should copy what it needs into a lock-protected
/// value, or hop there itself; it must not call back into the session.
///
/// Sessions share nothing mutable: several sessions may run on several threads at once, each
/// with its own model, random stream and limits, and give the same answers as one by one.
/// `interruptFlag` is the one exception by design: it may be set from any thread (or a signal
/// handler) while the session evaluates. On two cores or more, the draws of ranges (`1 to 2`)
/// are made on a thread of BurnKit's own from the moment a statement writes them, while the
/// session goes on (see `heldDrawMemory`), and a big question is shared with helper threads
/// BurnKit keeps for the life of the process, one per core; no host closure runs there.
public final class Session {
    let interpreter = Interpreter()
    // The host's closures, kept with their `@Sendable` type (the interpreter holds plain
    // copies; `ReplSession` swaps its own sink in and out there).
    private var hostOutput: @Sendable (String) -> Void = { _ in }
    private var hostEvents: (@Sendable (OutputEvent) -> Void)?
    private var hostProgress: (@Sendable (Double) -> Void)?
    private var hostCheckOutput: (@Sendable (String) -> Void)?

    /// Creates a session; with `standardLibrary`, the units, metric catalogue and finance functions.
    public init(standardLibrary: Bool = true) {
        if standardLibrary { loadStandardLibrary() }
        interpreter.book = ScenarioBook()
        interpreter.baseline = interpreter.snapshot()
    }

    /// Where printed text goes (values of expression statements, tables, failed checks).
    /// It receives the same bytes whether or not `events` is set. Runs on BurnKit's evaluation
    /// thread (see Threads above).
    public var output: @Sendable (String) -> Void {
        get { hostOutput }
        set { hostOutput = newValue; interpreter.output = newValue }
    }

    /// What statements show, as typed events (a value, a table with typed cells, a chart, an
    /// explain tree, text, a counted check failure), each right after its text went to
    /// `output`, in the same order. Called synchronously on the thread that evaluates: BurnKit
    /// runs evaluation on a big-stack thread of its own while the thread that called `run`,
    /// `evaluate` (or `ReplSession.submit`) waits, so a handler runs one event at a time and
    /// everything it does happens before that call returns; it must not call back into the
    /// session. Nothing is reported while a scenario replays the model.
    public var events: (@Sendable (OutputEvent) -> Void)? {
        get { hostEvents }
        set { hostEvents = newValue; interpreter.events = newValue }
    }

    /// Bounds on each evaluation: calls, nesting and time.
    public var limits: Limits {
        get { interpreter.runtime.limits }
        set { interpreter.runtime.limits = newValue }
    }

    /// Bytes of ranges' draws (`1 to 2`, `lognormal(a, b)`, `uniform(a, b)`) kept between reads; past it, the
    /// ranges read longest ago are let go and drawn again when read, with the same bits, so
    /// answers never change with it, only time and memory. Sessions share one budget of
    /// 128 MB (`HeldDraws.defaultBudget`) until this is set, which gives the session a budget
    /// of its own, for the ranges drawn from then on.
    public var heldDrawMemory: Int {
        get { interpreter.heldDraws.budget }
        set {
            guard interpreter.heldDraws !== HeldDraws.shared else {
                interpreter.heldDraws = HeldDraws(budget: max(0, newValue))
                return
            }
            interpreter.heldDraws.budget = max(0, newValue)
        }
    }

    /// Which directories `import`, `export` and notebooks may touch. None by default.
    public var files: FileAccess {
        get { interpreter.files }
        set { interpreter.files = newValue }
    }

    /// How values print (`:set digits N` changes it).
    public var formatter: ValueFormatter {
        get { interpreter.formatter }
        set { interpreter.formatter = newValue }
    }

    /// How `project`, `table`, `compare`, `sources` and `captable` print their tables.
    public var tableStyle: TableStyle {
        get { interpreter.tableStyle }
        set { interpreter.tableStyle = newValue }
    }

    /// Whether what the session prints may use ANSI colour: charts then draw their bars in
    /// colour. Off by default; the `burn` command turns it on when standard output is a
    /// terminal and `NO_COLOR` is not set. Never on for text that is saved (notebooks).
    public var outputColor: Bool {
        get { interpreter.outputColor }
        set { interpreter.outputColor = newValue }
    }

    /// Set this flag (from any thread or a signal handler) to stop the running evaluation.
    public var interruptFlag: InterruptFlag { interpreter.runtime.interrupt }

    /// Called while a simulation (an uncertain model evaluated draw by draw) runs for over a
    /// second: the share done, 0...1, then 1 when it is over. The `burn` command draws a
    /// progress line on a terminal with it. Runs on BurnKit's evaluation thread.
    public var progress: (@Sendable (Double) -> Void)? {
        get { hostProgress }
        set { hostProgress = newValue; interpreter.progress.show = newValue }
    }

    // MARK: - Running

    /// Runs a source: every syntax error is reported before anything runs; then statements run
    /// in order and the first error stops the run. Each expression statement prints its value.
    /// Transactional: when any statement fails, the session is put back as it was before the
    /// run (what the statements before it printed stays printed). Throws `BurnError`, or
    /// `Interrupted` when `interruptFlag` stopped it.
    public func run(source: String, name: String = "<input>") throws {
        let file = interpreter.addSource(name: name, text: source)
        try transaction {
            try interpreter.run(file) { value, _ in interpreter.show(value) }
        }
    }

    /// Reads and runs a file (the host has allowed its directory, or it is given explicitly).
    public func run(file path: String) throws {
        try run(source: try read(path), name: path)
    }

    /// Runs a source as `run(source:name:)` does, but hands each top-level statement to
    /// `each` once it has run, instead of printing expression values: what the statement
    /// printed (a table, an explanation) has gone to `output` before the call. For hosts that
    /// show each statement beside its result (`burn run --annotate`).
    /// Transactional as `run(source:name:)` is; `each` runs on BurnKit's evaluation thread.
    public func run(source: String, name: String = "<input>", each: @Sendable (StatementRun) -> Void) throws {
        let file = interpreter.addSource(name: name, text: source)
        try transaction {
            try interpreter.run(file, afterEach: { statement, value in
                each(StatementRun(source: file, span: statement.span, value: value))
            }, onValue: { _, _ in })
        }
    }

    /// Reads a file for `run(file:)`, or throws the error that says it cannot.
    public func read(_ path: String) throws -> String {
        switch FilePaths.readSource(path) {
        case .success(let text): return text
        case .failure(let failure):
            let (message, hint) = failure.message(path)
            throw BurnError(Diagnostic(message, at: .none, hint: hint))
        }
    }

    /// Evaluates one expression (or the statements of `source`, returning the last expression's value).
    public func evaluate(_ source: String, name: String = "<eval>") throws -> Value {
        let file = interpreter.addSource(name: name, text: source)
        var last: Value = .none("no value")
        try wrap {
            try interpreter.run(file) { value, _ in last = value }
        }
        return last.materialised(in: self)
    }

    /// Prints a value as the REPL and `show` do.
    public func format(_ value: Value) -> String { interpreter.formatter.format(value) }

    /// Adds a host function callable from Burn, taking `arity` arguments. An error it throws
    /// becomes a diagnostic at the call (`'name' failed: ...`). The body runs on BurnKit's
    /// evaluation thread, hence `@Sendable`.
    public func define(_ name: String, arity: Int, _ body: @escaping @Sendable ([Value]) throws -> Value) {
        let function = Function(name: name, arity: arity) { args, call in
            do { return try body(Array(args)) } catch let d as Diagnostic { throw d } catch {
                throw Diagnostic("'\(name)' failed: \(error)", at: call.span)
            }
        }
        interpreter.define(name, .function(function))
    }

    // MARK: - Errors

    /// The caret display of an error thrown by this session.
    public func render(_ error: Error, color: Bool = false) -> String {
        let renderer = DiagnosticRenderer(color: color)
        guard let burnError = error as? BurnError else {
            if error is Interrupted { return "interrupted\n" }
            return "error: \(error)\n"
        }
        return burnError.diagnostics.map {
            renderer.render($0, file: interpreter.sources[$0.span.file], files: interpreter.sources)
        }.joined()
    }

    /// Checks run so far (`check` statements), for `burn check`.
    public var checkCounts: (passed: Int, failed: Int) { (interpreter.checksPassed, interpreter.checksFailed) }

    /// When true, a failed `check` is counted and printed instead of stopping the run.
    public var countsFailedChecks: Bool {
        get { interpreter.countChecks }
        set { interpreter.countChecks = newValue }
    }

    /// Where failed checks print when they are counted; `output` when nil. Runs on BurnKit's
    /// evaluation thread.
    public var checkFailureOutput: (@Sendable (String) -> Void)? {
        get { hostCheckOutput }
        set { hostCheckOutput = newValue; interpreter.checkOutput = newValue }
    }

    /// The documentation of the standard library's functions, by name.
    public var functionDocs: [String: FunctionDoc] { interpreter.docs }

    // MARK: - Internals

    /// Runs `body` as `wrap` does; when it throws, the session goes back to its state before.
    func transaction(_ body: () throws -> Void) throws {
        let before = interpreter.snapshot()
        do { try wrap(body) } catch {
            interpreter.restore(before)
            throw error
        }
    }

    /// Runs on a big-stack thread, turning any error into a `BurnError` the host can render.
    func wrap(_ body: () throws -> Void) throws {
        do { try BigStack.run(body) } catch let d as Diagnostic { throw BurnError(d) } catch is EvaluationStopped {
            throw Interrupted()
        }
    }

    private func loadStandardLibrary() {
        let saved = interpreter.files
        interpreter.files = .none
        defer { interpreter.files = saved }
        for module in EmbeddedStdlib.modules {
            do {
                try run(source: module.source, name: "Stdlib/" + module.name)
            } catch {
                preconditionFailure("the standard library failed to load:\n" + render(error))
            }
        }
    }
}

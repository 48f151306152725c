// Session: the embedding API. A host creates a session (standard library loaded), runs sources,
// evaluates expressions and reads values; printing goes wherever `output` says.
import BurnModel

public final class Session {
    let interpreter = Interpreter()

    /// Creates a session; with `standardLibrary`, the units, metric catalogue and finance functions.
    public init(standardLibrary: Bool = true) {
        if standardLibrary { loadStandardLibrary() }
        interpreter.book = ScenarioBook()
        interpreter.baseline = interpreter.snapshot()
    }

    /// Where printed text goes (values of expression statements, tables, failed checks).
    /// It receives the same bytes whether or not `events` is set.
    public var output: (String) -> Void {
        get { interpreter.output }
        set { interpreter.output = newValue }
    }

    /// What statements show, as typed events (a value, a table with typed cells, a chart, an
    /// explain tree, text, a counted check failure), each right after its text went to
    /// `output`, in the same order. Called synchronously on the thread that evaluates: BurnKit
    /// runs evaluation on a big-stack thread of its own while the thread that called `run`,
    /// `evaluate` (or `ReplSession.submit`) waits, so a handler runs one event at a time and
    /// everything it does happens before that call returns; it must not call back into the
    /// session. Nothing is reported while a scenario replays the model.
    public var events: ((OutputEvent) -> Void)? {
        get { interpreter.events }
        set { interpreter.events = newValue }
    }

    /// Bounds on each evaluation: calls, nesting and time.
    public var limits: Limits {
        get { interpreter.runtime.limits }
        set { interpreter.runtime.limits = newValue }
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

    /// Set this flag (from any thread or a signal handler) to stop the running evaluation.
    public var interruptFlag: InterruptFlag { interpreter.runtime.interrupt }

    /// Called while a simulation (an uncertain model evaluated draw by draw) runs for over a
    /// second: the share done, 0...1, then 1 when it is over. The `burn` command draws a
    /// progress line on a terminal with it.
    public var progress: ((Double) -> Void)? {
        get { interpreter.progress.show }
        set { interpreter.progress.show = newValue }
    }

    // MARK: - Running

    /// Runs a source: every syntax error is reported before anything runs; then statements run
    /// in order and the first error stops the run. Each expression statement prints its value.
    /// Throws `BurnError`.
    public func run(source: String, name: String = "<input>") throws {
        let file = interpreter.addSource(name: name, text: source)
        try wrap {
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
    public func run(source: String, name: String = "<input>", each: (StatementRun) -> Void) throws {
        let file = interpreter.addSource(name: name, text: source)
        try wrap {
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
        return last
    }

    /// Prints a value as the REPL and `show` do.
    public func format(_ value: Value) -> String { interpreter.formatter.format(value) }

    /// Adds a host function callable from Burn.
    public func define(_ name: String, arity: Int, _ body: @escaping ([Value]) throws -> Value) {
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

    /// Where failed checks print when they are counted; `output` when nil.
    public var checkFailureOutput: ((String) -> Void)? {
        get { interpreter.checkOutput }
        set { interpreter.checkOutput = newValue }
    }

    /// The documentation of the standard library's functions, by name.
    public var functionDocs: [String: FunctionDoc] { interpreter.docs }

    // MARK: - Internals

    /// Turns any error into a `BurnError` the host can render.
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

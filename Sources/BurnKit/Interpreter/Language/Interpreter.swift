// Interpreter: the driver. It parses a source, reports every syntax error before anything runs,
// then resolves and executes one statement at a time against the runtime and the model.
import BurnModel

final class Interpreter {
    let runtime = Runtime()
    let world: World
    var globalSlots: [String: Int] = [:]
    var vocabulary = Vocabulary()
    var currentCompany: String?
    var sources: [Int: SourceFile] = [:]
    var output: (String) -> Void = { _ in }
    /// Typed output, beside `output`: each event is also printed there as text (`emit`).
    var events: ((OutputEvent) -> Void)?
    var formatter = ValueFormatter() { didSet { formatter.seriesReader = SeriesReader(self) } }
    var tableStyle = TableStyle.text
    /// Whether charts printed as text may use ANSI colour (`Session.outputColor`).
    var outputColor = false
    /// Under `burn check`, failed checks are counted and reported instead of stopping the run.
    var countChecks = false
    var checkOutput: ((String) -> Void)?
    var checksPassed = 0
    var checksFailed = 0
    var files = FileAccess.none
    /// Doc comments of functions, by name, for `:help`.
    var docs: [String: FunctionDoc] = [:]
    /// Files being imported (to refuse cycles) and already imported (to run each once).
    var importing: [String] = []
    var imported: Set<String> = []
    /// Statements run so far, scenarios and knobs, for replaying the model in a scenario.
    var book = ScenarioBook()
    /// Knob values of the scenario being replayed.
    var knobOverrides: [String: Knob] = [:]
    var replaying = false
    /// How many scenarios (`using`, `under`, `compare scenarios`, solve and sweep trials) the
    /// running statement is inside: a knob set there changes that scenario, not the base.
    var scenarioDepth = 0
    /// The state right after the standard library loaded: where replays start.
    var baseline: Snapshot!
    /// Nested evaluations (a scenario inside an expression) keep the outer stack.
    var evaluationDepth = 0
    var seed: UInt64 = 42
    var rng = Random(seed: 42)
    var sampleCount = 10_000
    /// Where the draws of ranges (`a to b`) are held while read lately, within a budget; the
    /// others are drawn again when read (see `DrawRecipe`).
    var heldDraws = HeldDraws.shared
    /// `let` values and formulas given with `source "..."`, in order, for `sources`.
    var sourcedDefinitions: [SourcedDefinition] = []
    /// Progress of long evaluations of an uncertain model, for the host to show.
    let progress = ProgressReporter()
    private var nextSourceID = 0

    init() {
        world = World(runtime: runtime)
        runtime.world = world
        runtime.owner = self
        Builtins.register(into: self)
        let monitor = Monitor()
        let reporter = progress
        // Slices, cells and loops over draws answer to the runtime's limits and interrupt.
        runtime.watch(monitor)
        monitor.progress = { reporter.report(done: $0, total: $1) }
        world.state.monitor = monitor
        formatter.seriesReader = SeriesReader(self)
    }

    // MARK: - Sources

    func addSource(name: String, text: String, firstLine: Int = 1) -> SourceFile {
        let file = SourceFile(id: nextSourceID, name: name, text: text, firstLine: firstLine)
        nextSourceID += 1
        sources[file.id] = file
        return file
    }

    /// Parses the whole file, its numbers read in the session's locale (`locale fr` switches
    /// it for the lines below); throws every syntax error at once.
    func parse(_ file: SourceFile) throws -> [Stmt] {
        let (statements, diagnostics) = Parser.parse(file, locale: formatter.locale)
        if !diagnostics.isEmpty { throw BurnError(diagnostics) }
        return statements
    }

    /// Runs a whole file; `onValue` receives the value of each expression statement, and
    /// `afterEach` every statement once it has run, with its value if it has one.
    func run(_ file: SourceFile, afterEach: (Stmt, Value?) -> Void = { _, _ in }, onValue: (Value, Stmt) -> Void) throws {
        runtime.beginRun()
        defer { runtime.endRun() }
        let statements = try parse(file)
        predeclareFunctions(statements)
        for statement in statements {
            let value = try execute(statement, file: file)
            try runtime.checkStopped()
            if importing.isEmpty, !replaying, Interpreter.changesState(statement) { book.history.append((statement, file)) }
            if let value { onValue(value, statement) }
            afterEach(statement, value)
        }
    }

    /// Gives every top-level `fn` its slot first, so functions may call ones defined below them.
    func predeclareFunctions(_ statements: [Stmt]) {
        for case .function(let name, _, _) in statements.map(\.kind) { _ = slot(for: name.text) }
    }

    /// The source a statement came from.
    func currentFile(_ statement: Stmt) -> SourceFile {
        sources[statement.span.file] ?? addSource(name: "<unknown>", text: "")
    }

    // MARK: - Output

    /// Shows what a statement produced: its text to `output` (a counted check's failure to
    /// `checkOutput` when set), the event itself to `events`. A scenario's replay of the model
    /// silences both.
    func emit(_ event: OutputEvent) {
        if case .checkFailure = event, let checkOutput {
            checkOutput(event.plainText)
        } else {
            output(event.plainText)
        }
        events?(event)
    }

    /// Shows a value as it prints; `cell` is the REPL cell number shown as `[n] `.
    func show(_ value: Value, cell: Int? = nil) {
        emit(.value(value, text: formatter.format(value), cell: cell))
    }

    // MARK: - Globals

    func slot(for name: String) -> Int {
        if let s = globalSlots[name] { return s }
        guard let s = runtime.addGlobal() else {
            preconditionFailure("more than \(Runtime.globalCapacity) global names")
        }
        globalSlots[name] = s
        return s
    }

    func define(_ name: String, _ value: Value) {
        runtime.setGlobal(slot(for: name), value)
    }

    func global(_ name: String) -> Value? {
        globalSlots[name].flatMap { runtime.globals[$0] }
    }

    // MARK: - Cell values

    /// `_n`, the value of REPL cell n, at index n - 1 (nil: the cell showed no value). Kept
    /// apart from the globals and only appended to, so that the snapshot a cell takes records
    /// a count instead of copying every earlier cell's value: memory grows linearly with the
    /// cells, not with their square.
    private(set) var cellValues: [Value?] = []

    /// Records `value` as cell `number`'s (cells are numbered from 1, in order).
    func setCellValue(_ number: Int, _ value: Value?) {
        guard number >= 1 else { return }
        if cellValues.count >= number { cellValues.removeSubrange((number - 1)...) }
        cellValues.append(contentsOf: [Value?](repeating: nil, count: number - 1 - cellValues.count))
        cellValues.append(value)
    }

    /// The value of `_n` (`name` is `_` and digits), if cell n showed one.
    func cellValue(named name: String) -> Value? {
        guard name.count > 1, name.first == "_", let n = Int(name.dropFirst()), n >= 1, n <= cellValues.count,
              name.dropFirst().allSatisfy(\.isASCII) else { return nil }
        return cellValues[n - 1]
    }

    // MARK: - Expressions

    /// Resolves and evaluates an expression at top level.
    func evaluate(_ expr: Expr) throws -> Value {
        var resolver = Resolver(self)
        let node = try resolver.expression(expr)
        return try evaluate(node)
    }

    func evaluate(_ node: Node) throws -> Value {
        if evaluationDepth > 0 { return try node.eval(runtime) }
        evaluationDepth += 1
        defer { evaluationDepth -= 1 }
        runtime.beginEvaluation()
        return try node.eval(runtime)
    }

    // MARK: - Transactions

    /// Everything a statement can change, so that a failed REPL cell can be undone.
    struct Snapshot {
        var globals: [Value?]
        var globalSlots: [String: Int]
        var vocabulary: Vocabulary
        var currentCompany: String?
        var rates: Rates
        var world: World.State
        var docs: [String: FunctionDoc]
        var imported: Set<String>
        var seed: UInt64
        var sampleCount: Int
        /// The scenario book without its history: the history is only appended to (a replay
        /// puts it back as it was), so its count is enough, and a snapshot holding the
        /// history itself made each later append copy all of it (a REPL keeps a snapshot per
        /// cell for `:undo`: piping in 2,000 companies took 4.5 s, most of it copying).
        var book: ScenarioBook
        var historyCount: Int
        var rng: Random
        var sourcedDefinitions: [SourcedDefinition]
        /// `locale fr` is state: a cell that fails or is undone leaves the locale as it was.
        var locale: NumberLocale
        /// How many cells had a value (`cellValues` is only appended to, so a count is enough).
        var cellValueCount: Int
    }

    func snapshot() -> Snapshot {
        var kept = book
        kept.history = []
        return Snapshot(globals: runtime.globalValues, globalSlots: globalSlots, vocabulary: vocabulary,
                        currentCompany: currentCompany, rates: runtime.rates, world: world.state, docs: docs,
                        imported: imported, seed: seed, sampleCount: sampleCount, book: kept,
                        historyCount: book.history.count, rng: rng, sourcedDefinitions: sourcedDefinitions,
                        locale: formatter.locale, cellValueCount: cellValues.count)
    }

    func restore(_ s: Snapshot) {
        runtime.restoreGlobals(s.globals)
        globalSlots = s.globalSlots
        vocabulary = s.vocabulary
        currentCompany = s.currentCompany
        runtime.rates = s.rates
        world.state = s.world
        docs = s.docs
        imported = s.imported
        seed = s.seed
        sampleCount = s.sampleCount
        var history = book.history
        book = s.book
        if history.count > s.historyCount { history.removeSubrange(s.historyCount...) }
        book.history = history
        rng = s.rng
        sourcedDefinitions = s.sourcedDefinitions
        formatter.locale = s.locale
        if cellValues.count > s.cellValueCount { cellValues.removeSubrange(s.cellValueCount...) }
    }
}

/// A standard-library function's documentation, from its `##` comment lines.
public struct FunctionDoc: Sendable {
    /// The function's name.
    public var name: String
    /// How it is called, with its parameters (`cagr(start, end, years)`).
    public var signature: String
    /// What it does, from its `##` comment lines.
    public var text: String
    /// A call that shows it at work; nil when the documentation has none.
    public var example: String?
    /// What the example prints.
    public var result: String?
}

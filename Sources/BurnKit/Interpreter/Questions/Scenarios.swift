// Scenarios: `assume` knobs, `scenario` and `using` blocks, `expr under name`, and `compare
// scenarios`. A scenario is the base script replayed from the standard library with its own
// knob values, then its own statements; the base state is restored afterwards.
import BurnModel

/// The statements run so far, replayable, and the scenarios and knobs they declared.
struct ScenarioBook {
    /// Top-level statements in the order they ran (questions are skipped on replay).
    var history: [(Stmt, SourceFile)] = []
    var scenarios: [String: (body: [Stmt], file: SourceFile)] = [:]
    var knobs: [String] = []
    /// Knobs the base script set again after declaring them (`assume g = 60%` later on): the
    /// base is rebuilt as if each had that value from its first `assume`, and every replay
    /// starts from these values (a scenario's own values win).
    var baseKnobs: [String: Knob] = [:]
}

/// A knob's value in a scenario: an expression from a `scenario` block, or a trial value.
enum Knob {
    case expression(Expr)
    case value(Value)
}

extension Interpreter {
    /// Statements that change state; the rest only print and are not replayed.
    static func changesState(_ statement: Stmt) -> Bool {
        switch statement.kind {
        case .expression, .show, .project, .table, .compare, .compareScenarios, .explain, .sources,
             .captable, .check, .chart, .export, .solve, .sweep, .using:
            return false
        default:
            return true
        }
    }

    func assume(_ name: Name, _ value: Expr) throws {
        let v: Value
        switch knobOverrides[name.text] {
        case .expression(let e)?: v = try evaluate(e)
        case .value(let given)?: v = given
        case nil: v = try evaluate(value)
        }
        guard World.amount(v) != nil else {
            throw Diagnostic("a knob is a number, found \(v.typeName)", at: value.span,
                             hint: "write `assume growth = 50%`, or `assume growth = 40% to 60%` for an uncertain one")
        }
        let changesBase = book.knobs.contains(name.text) && !replaying && scenarioDepth == 0
        define(name.text, v)
        if !book.knobs.contains(name.text) { book.knobs.append(name.text) }
        if changesBase { try rebuildBase(setting: name, to: v) }
    }

    /// A knob set again in the base: every rule and formula that used it must see the new
    /// value, as a scenario's would, never the old one silently. The base is replayed from
    /// the standard library with the knob at its new value.
    private func rebuildBase(setting name: Name, to value: Value) throws {
        guard importing.isEmpty else {
            throw Diagnostic("'\(name.text)' is already set: an imported file cannot change a knob", at: name.span,
                             hint: "set it in the importing script, or in a `scenario`")
        }
        book.baseKnobs[name.text] = .value(value)
        try replay(overrides: [:])
        knobOverrides = [:]
    }

    func declareScenario(_ name: Name, _ body: [Stmt], file: SourceFile) throws {
        if name.text == "base" { throw Diagnostic("'base' is the script as written; name this scenario otherwise", at: name.span) }
        for statement in body where !Interpreter.changesState(statement) {
            throw Diagnostic("a scenario holds changes (assume, facts, rules...), not questions", at: statement.span,
                             hint: "ask inside `using \(name.text) { ... }`, or with `... under \(name.text)`")
        }
        for statement in body { try requireKnob(statement, in: name) }
        book.scenarios[name.text] = (body, file)
    }

    /// A scenario may only set knobs that exist (LANGUAGE.md section 6): `assume groth = 25%`
    /// in a scenario is a misspelling, never a new knob.
    private func requireKnob(_ statement: Stmt, in scenario: Name) throws {
        guard case .assume(let knob, _) = statement.kind, !book.knobs.contains(knob.text) else { return }
        let suggestion = EditDistance.suggestion(for: knob.text, among: book.knobs)
        let hint = suggestion.map { _ in "a scenario changes the knobs of the base model; it cannot add one" }
            ?? "declare the knob in the base model first: `assume \(knob.text) = ...` before `scenario \(scenario.text)`"
        throw Diagnostic("unknown knob '\(knob.text)' in '\(scenario.text)'", at: knob.span,
                         label: suggestion.map { "did you mean '\($0)'?" }, hint: hint)
    }

    /// Runs `body` in the state of scenario `name` (or with `overrides` of knobs), then puts
    /// the base state back, whatever happens.
    func inScenario<T>(_ name: Name?, overrides: [String: Knob] = [:], _ body: () throws -> T) throws -> T {
        scenarioDepth += 1
        defer { scenarioDepth -= 1 }
        var knobs = overrides
        var extra: [Stmt] = []
        var file: SourceFile?
        if let name, name.text != "base" {
            guard let scenario = book.scenarios[name.text] else {
                let suggestion = EditDistance.suggestion(for: name.text, among: Array(book.scenarios.keys) + ["base"])
                throw Diagnostic("unknown scenario '\(name.text)'", at: name.span,
                                 label: suggestion.map { "did you mean '\($0)'?" },
                                 hint: suggestion == nil ? "declare it with `scenario \(name.text) { assume ... }`" : nil)
            }
            file = scenario.file
            for statement in scenario.body {
                if case .assume(let knob, let value) = statement.kind, book.knobs.contains(knob.text), knobs[knob.text] == nil {
                    knobs[knob.text] = .expression(value)
                } else {
                    extra.append(statement)
                }
            }
        } else if knobs.isEmpty {
            return try body()
        }
        let saved = snapshot()
        let savedOverrides = knobOverrides
        defer {
            restore(saved)
            knobOverrides = savedOverrides
        }
        try replay(overrides: knobs)
        if let file { for statement in extra { try execute(statement, file: file) } }
        return try body()
    }

    /// Rebuilds the state from the standard library by running the history again.
    private func replay(overrides: [String: Knob]) throws {
        let history = book.history
        let scenarios = book.scenarios
        let baseKnobs = book.baseKnobs
        // The locale is how the session reads and prints, not part of the model: a scenario
        // prints in the locale of the cell that asks (`:set locale fr` is in no history).
        let locale = formatter.locale
        restore(baseline)
        formatter.locale = locale
        book.history = history
        book.scenarios = scenarios
        book.baseKnobs = baseKnobs
        knobOverrides = baseKnobs.merging(overrides) { _, scenario in scenario }
        let (saved, savedEvents) = (output, events)
        (output, events) = ({ _ in }, nil)
        defer { (output, events) = (saved, savedEvents) }
        replaying = true
        defer { replaying = false }
        for (statement, file) in history where Interpreter.changesState(statement) {
            try execute(statement, file: file)
        }
    }

    /// `using bear { ... }`: the block's statements run in the scenario and print as usual.
    func using(_ name: Name, _ body: [Stmt], file: SourceFile) throws {
        for statement in body { try requireKnob(statement, in: name) }
        try inScenario(name) {
            for statement in body {
                if let value = try execute(statement, file: file) { show(value) }
            }
        }
    }

    /// `compare scenarios base, bear on e1, e2`: one row an expression, one column a scenario.
    func compareScenarios(_ names: [Name], _ expressions: [Expr], file: SourceFile) throws {
        var columns: [[TableCell]] = []
        for name in names {
            columns.append(try inScenario(name) {
                try expressions.map { e in
                    let v = try evaluate(e)
                    return TableCell(v, text: formatter.format(v))
                }
            })
        }
        let rows = expressions.indices.map { i in [TableCell.label(file.text(of: expressions[i].span))] + columns.map { $0[i] } }
        emit(.table(TableEvent(columns: [TableColumn("", .left)] + names.map { TableColumn($0.text, .right) }, rows: rows,
                               style: tableStyle)))
    }
}

/// `expr under scenario`: the expression evaluated in that scenario.
final class UnderNode: Node {
    let expression: Expr
    let scenario: Name
    unowned let interpreter: Interpreter
    init(_ expression: Expr, scenario: Name, interpreter: Interpreter, span: Span) {
        self.expression = expression
        self.scenario = scenario
        self.interpreter = interpreter
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        try interpreter.inScenario(scenario) { try interpreter.evaluate(expression) }
    }
}

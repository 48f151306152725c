// ReplSession: the REPL's logic with no terminal in it: numbered cells, `_` and `_n`,
// transactional cells (a failed cell changes nothing), and `:` commands. Driven by strings.

/// The REPL without a terminal: type a cell with `submit`, read what it printed. The terminal
/// REPL, notebooks and the Jupyter kernel all drive it.
public final class ReplSession {
    /// The session the cells run in.
    public let session: Session
    /// The number the next cell will get.
    public internal(set) var nextCell = 1
    /// Cells that succeeded: number, source, what they printed.
    public internal(set) var cells: [Cell] = []
    /// True once `:quit` was entered.
    public internal(set) var wantsToQuit = false
    /// Whether errors are drawn with colour.
    public var color = false
    /// `:time`: each cell's outcome ends with its wall time.
    public internal(set) var showsTime = false
    /// `:set digits`: significant digits, nil for the defaults.
    public internal(set) var digits: Int?
    /// The state before each cell of `cells`, so that `:undo` can go back one cell.
    /// Only the last `undoDepth` are kept (older entries are nil): a snapshot holds every global,
    /// so keeping one a cell made memory grow with the square of the cells.
    var statesBefore: [Interpreter.Snapshot?] = []
    /// How many cells `:undo` can take back, one after another.
    static let undoDepth = 100

    /// A cell that succeeded, as `:cells` lists it and `:save` writes it.
    public struct Cell: Sendable {
        /// Its number: `[3]`, `_3`.
        public var number: Int
        /// What was typed.
        public var source: String
        /// What it printed.
        public var output: String
        /// `:set digits` when it ran (nil: the defaults), so a saved notebook replays alike.
        public var digits: Int?
        /// The locale when it started and when it ended (`locale fr` in the cell changes it), so
        /// a saved notebook sets it where `:set locale` did.
        public var locale: NumberLocale = .english
        /// The locale when it ended.
        public var localeAfter: NumberLocale = .english
    }

    /// What a cell printed, and whether it failed.
    public struct Outcome: Sendable {
        /// The output, errors included, as the REPL shows it.
        public var text: String
        /// Whether the cell failed (and so changed nothing).
        public var failed: Bool
    }

    /// A REPL over `session` (a fresh one, standard library loaded, by default).
    public init(session: Session = Session()) {
        self.session = session
    }

    /// True while `text` is unfinished: an open bracket or a trailing operator; show `...`.
    public static func needsMoreInput(_ text: String) -> Bool {
        Parser.needsMoreInput(text)
    }

    /// Runs one cell (source or `:command`) and returns what it printed. Its errors point at
    /// `<cell N>` (the number the cell takes if it succeeds).
    public func submit(_ text: String) -> Outcome {
        submit(text, source: "<cell \(nextCell)>", line: 1)
    }

    /// Runs one cell read from a stream, whose errors point at the stream's lines: piped input
    /// (`<stdin>`, the cell starting on line `line`), where cell numbers would not lead back
    /// to the input.
    public func submit(_ text: String, source name: String, line: Int) -> Outcome {
        let trimmed = text.trimmingSpaces().trimmingTrailingNewlines().trimmingSpaces()
        if trimmed.isEmpty { return Outcome(text: "", failed: false) }
        if trimmed.hasPrefix(":") { return command(trimmed) }
        return runCell([Piece(name: name, text: text, firstLine: line)], recordedAs: text)
    }

    // MARK: - Cells

    /// A source that a cell runs: typed text, a script, or one block of a notebook.
    struct Piece {
        var name: String
        var text: String
        var firstLine = 1
    }

    /// Runs `pieces` as one cell: each value prints as `[n] value`; on any error the state
    /// goes back to what it was before the cell, and the cell keeps no number.
    func runCell(_ pieces: [Piece], recordedAs source: String) -> Outcome {
        let interpreter = session.interpreter
        let number = nextCell
        let before = interpreter.snapshot()
        let localeBefore = interpreter.formatter.locale
        let started = Clock.nanoseconds()
        var printed = ""
        let savedOutput = interpreter.output
        interpreter.output = { printed += $0 }
        defer { interpreter.output = savedOutput }
        do {
            var last: Value?
            try session.wrap {
                for piece in pieces {
                    let file = interpreter.addSource(name: piece.name, text: piece.text, firstLine: piece.firstLine)
                    try interpreter.run(file) { value, _ in
                        // Printed as `[n] value`; the session's `events` see a value of cell n.
                        interpreter.show(value, cell: number)
                        last = value
                    }
                }
            }
            if let last { interpreter.define("_", last) }
            // `_n` is not a global: a global per cell made each cell's snapshot copy them all.
            interpreter.setCellValue(number, last)
            // A chart coloured for the terminal is saved (`:save`) without its colour.
            cells.append(Cell(number: number, source: source, output: NotebookIpynb.withoutANSI(printed), digits: digits,
                              locale: localeBefore, localeAfter: interpreter.formatter.locale))
            statesBefore.append(before)
            if statesBefore.count > Self.undoDepth { statesBefore[statesBefore.count - Self.undoDepth - 1] = nil }
            nextCell += 1
            return Outcome(text: printed + timing(since: started), failed: false)
        } catch {
            interpreter.restore(before)
            return Outcome(text: printed + session.render(error, color: color) + timing(since: started), failed: true)
        }
    }

    /// `time: 1.23 ms` when `:time` is on; never part of a cell's saved output.
    private func timing(since started: UInt64) -> String {
        guard showsTime else { return "" }
        let milliseconds = Double(Clock.nanoseconds() &- started) / 1e6
        return "time: " + NumberFormat.significant(milliseconds, 3) + " ms\n"
    }

    // MARK: - Undo and reset

    /// Drops the last cell and puts back the state from before it; nil when there is none.
    func dropLastCell() -> Cell? {
        guard let last = statesBefore.last, let state = last, let cell = cells.popLast() else { return nil }
        statesBefore.removeLast()
        session.interpreter.restore(state)
        nextCell = cell.number
        return cell
    }

    /// Back to the state right after the standard library loaded; settings stay.
    func resetState() {
        let locale = session.formatter.locale
        session.interpreter.restore(session.interpreter.baseline)
        session.formatter.locale = locale
        cells = []
        statesBefore = []
        nextCell = 1
    }

    /// Changes the significant digits of everything printed (nil: the defaults).
    func setDigits(_ value: Int?) {
        digits = value
        session.formatter = ValueFormatter(digits: value, locale: session.formatter.locale)
    }
}

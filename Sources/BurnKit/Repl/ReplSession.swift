// ReplSession: the REPL's logic with no terminal in it: numbered cells, `_` and `_n`,
// transactional cells (a failed cell changes nothing), and `:` commands. Driven by strings.

public final class ReplSession {
    public let session: Session
    /// The number the next cell will get.
    public private(set) var nextCell = 1
    /// Cells that succeeded: number, source, what they printed.
    public private(set) var cells: [Cell] = []
    /// True once `:quit` was entered.
    public private(set) var wantsToQuit = false
    /// Whether errors are drawn with colour.
    public var color = false

    public struct Cell: Sendable {
        public var number: Int
        public var source: String
        public var output: String
    }

    /// What a cell printed, and whether it failed.
    public struct Outcome: Sendable {
        public var text: String
        public var failed: Bool
    }

    public init(session: Session = Session()) {
        self.session = session
    }

    /// True while `text` is unfinished: an open bracket or a trailing operator; show `...`.
    public static func needsMoreInput(_ text: String) -> Bool {
        Parser.needsMoreInput(text)
    }

    /// Runs one cell (source or `:command`) and returns what it printed.
    public func submit(_ text: String) -> Outcome {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return Outcome(text: "", failed: false) }
        if trimmed.hasPrefix(":") { return command(trimmed) }
        return runCell(text)
    }

    private func runCell(_ text: String) -> Outcome {
        let interpreter = session.interpreter
        let number = nextCell
        let snapshot = interpreter.snapshot()
        var printed = ""
        let savedOutput = interpreter.output
        interpreter.output = { printed += $0 }
        defer { interpreter.output = savedOutput }
        let file = interpreter.addSource(name: "<cell \(number)>", text: text)
        do {
            var last: Value?
            try session.wrap {
                try interpreter.run(file) { value, _ in
                    if let previous = last { printed += "[\(number)] " + interpreter.formatter.format(previous) + "\n" }
                    last = value
                }
            }
            if let last {
                printed += "[\(number)] " + interpreter.formatter.format(last) + "\n"
                interpreter.define("_", last)
                interpreter.define("_\(number)", last)
            }
            cells.append(Cell(number: number, source: text, output: printed))
            nextCell += 1
            return Outcome(text: printed, failed: false)
        } catch {
            interpreter.restore(snapshot)
            return Outcome(text: printed + session.render(error, color: color), failed: true)
        }
    }

    // MARK: - Commands

    private func command(_ line: String) -> Outcome {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingSpaces() : ""
        switch name {
        case "quit", "q", "exit":
            wantsToQuit = true
            return Outcome(text: "", failed: false)
        case "help", "h":
            return Outcome(text: ReplHelp.text(for: argument, docs: session.functionDocs), failed: false)
        case "cells":
            let text = cells.map { "[\($0.number)] \($0.source.trimmingSpaces())\n" }.joined()
            return Outcome(text: text.isEmpty ? "no cells yet\n" : text, failed: false)
        default:
            let known = ["help", "quit", "cells"]
            let suggestion = EditDistance.suggestion(for: name, among: known)
            return Outcome(text: "error: unknown command ':\(name)'" + (suggestion.map { ", did you mean ':\($0)'?" } ?? "")
                           + "\n  = help: `:help` lists the commands\n", failed: true)
        }
    }
}

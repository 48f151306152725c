// NotebookRunner: runs a notebook's code blocks as REPL cells, in order, and compares what each
// printed with its saved output (`burn run`, `burn check`, `burn run --update`).

/// What running a notebook found: each block's saved and actual output, and the checks.
public struct NotebookRun: Sendable {
    /// One code block of a notebook as run.
    public struct Block: Sendable {
        /// The line of the block's code in the notebook.
        public var line: Int
        /// The output saved in the notebook.
        public var expected: String
        /// The output the block gives now.
        public var actual: String
        /// Whether the cell failed (its error is its output).
        public var failed: Bool
        /// `check` statements of this block that failed (each printed in its output).
        public var checksFailed: Int
        /// True when the block prints what the notebook saved.
        public var matches: Bool { expected == actual }
    }

    /// The blocks, in document order.
    public var blocks: [Block]
    /// `check` statements that held and that failed inside the blocks.
    public var checksPassed: Int
    /// `check` statements that failed inside the blocks.
    public var checksFailed: Int

    /// A block failed, and its saved output does not show that error: the notebook is broken.
    public var hasUnexpectedFailure: Bool { blocks.contains { $0.failed && !$0.matches } }

    /// The unified-style diff of every block whose output changed, each headed by `path:line`.
    public func differences(path: String) -> String {
        blocks.filter { !$0.matches }.map { block in
            LineDiff.unified(expected: block.expected, actual: block.actual,
                             expectedLabel: "\(path):\(block.line) (saved output)",
                             actualLabel: "\(path):\(block.line) (output now)")
        }.joined()
    }
}

extension ReplSession {
    /// Runs `notebook`'s blocks as cells, exactly as if typed at the REPL: an error is the
    /// block's output as the REPL prints it (`--> <cell 3>:1:5`, without colour), so outputs do
    /// not change when prose is edited or the file moves. A failed `check` is counted and
    /// printed in its block instead of failing the cell. Without `fileCommands` (`burn check`,
    /// which must change nothing and read nothing beyond the notebook), `:save` and `:load`
    /// blocks are refused: their output says so.
    public func run(_ notebook: Notebook, fileCommands: Bool = true) -> NotebookRun {
        let savedColor = color, savedCounting = session.countsFailedChecks, savedSink = session.checkFailureOutput
        color = false
        session.countsFailedChecks = true
        session.checkFailureOutput = nil
        defer {
            color = savedColor
            session.countsFailedChecks = savedCounting
            session.checkFailureOutput = savedSink
        }
        let checksBefore = session.checkCounts
        var blocks: [NotebookRun.Block] = []
        for block in notebook.codeBlocks {
            let failedBefore = session.checkCounts.failed
            let outcome = fileCommands ? submit(block.source) : submitWithoutFiles(block.source)
            // An output block always ends its last line; so does what is compared with it.
            let actual = outcome.text.isEmpty || outcome.text.hasSuffix("\n") ? outcome.text : outcome.text + "\n"
            // A notebook saved with Windows line breaks compares line by line all the same.
            blocks.append(NotebookRun.Block(line: block.line, expected: block.expected.withUnixLineBreaks, actual: actual,
                                            failed: outcome.failed,
                                            checksFailed: session.checkCounts.failed - failedBefore))
        }
        if let line = notebook.unclosedBlockLine {
            // Located as cells are (`<cell 3>:1:5`): the notebook's line, column 1.
            let message = "error: the ```burn block opened at line \(line) is never closed\n"
                + " --> <notebook>:\(line):1\n"
                + "  = help: end it with a line of three backticks: ```\n"
            blocks.append(NotebookRun.Block(line: line, expected: "", actual: message, failed: true, checksFailed: 0))
        }
        let checks = session.checkCounts
        return NotebookRun(blocks: blocks, checksPassed: checks.passed - checksBefore.passed,
                           checksFailed: checks.failed - checksBefore.failed)
    }
}

extension ReplSession {
    /// A cell whose `:save` or `:load` is refused (the commands that write or read files).
    func submitWithoutFiles(_ source: String) -> Outcome {
        let command = source.trimmingLeadingSpace().prefix { $0 != " " && $0 != "\n" && $0 != "\t" }
        guard command == ":save" || command == ":load" else { return submit(source) }
        return Outcome(text: "error: `\(command)` is not run by `burn check`, which writes and reads no files\n"
                           + "  = help: `burn run` runs it; keep it out of a notebook that is checked\n",
                       failed: true)
    }
}

extension String {
    /// `\r\n` as `\n` (a lone `\r` stays).
    var withUnixLineBreaks: String {
        guard contains("\r\n") else { return self }
        var out = ""
        out.unicodeScalars.reserveCapacity(unicodeScalars.count)
        var pendingReturn = false
        for scalar in unicodeScalars {
            if pendingReturn, scalar != "\n" { out.unicodeScalars.append("\r") }
            pendingReturn = scalar == "\r"
            if !pendingReturn { out.unicodeScalars.append(scalar) }
        }
        if pendingReturn { out.unicodeScalars.append("\r") }
        return out
    }

    /// Every `\n` as `\r\n`, for writing into a notebook saved with Windows line breaks.
    var withWindowsLineBreaks: String {
        var out = ""
        for scalar in withUnixLineBreaks.unicodeScalars {
            if scalar == "\n" { out.unicodeScalars.append("\r") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

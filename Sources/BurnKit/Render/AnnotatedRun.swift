// AnnotatedRun: a script printed with its results, for `burn run --annotate`: every line of
// the script in order (its comments and blank lines too), each expression statement followed
// by `# => value` with the `# =>` aligned across consecutive expression lines, and what any
// other statement prints (a table, an explanation) under its line as `#> ` comment lines. The
// result is itself a valid script that reads on its own; annotating it again gives the same
// text (a `# =>` comment and `#>` lines are the last annotation's, replaced, not kept).

/// Builds the annotated text of one source as its statements run. Give `capture` to the
/// session as its `output`, each `StatementRun` to `add`, then call `finish` (or `abandon`
/// when the run stopped at an error); the text goes to `emit` as soon as it is settled.
/// `@unchecked Sendable`: `capture` and `add` run on the session's evaluation thread while the
/// thread that called `run` waits, so nothing here is ever touched by two threads at once.
public final class AnnotatedRun: @unchecked Sendable {
    /// An expression statement waiting for the `# =>` column of its run of lines.
    private struct Entry {
        var leadingLines: [String]
        var code: String
        var comment: String
        var value: String
        var printed: String
    }

    private let file: SourceFile
    private let format: (Value) -> String
    private let emit: (String) -> Void
    /// The first line (0-based) not yet emitted.
    private var nextLine = 0
    /// Consecutive expression statements, with no line between them, not yet emitted.
    private var pending: [Entry] = []
    /// What the running statement printed so far.
    private var printed = ""

    /// `text` is the source being run (the same bytes, so that spans point into it).
    public init(text: String, format: @escaping (Value) -> String, emit: @escaping (String) -> Void) {
        file = SourceFile(id: -1, name: "", text: text)
        self.format = format
        self.emit = emit
    }

    /// The session's output while the source runs: kept until its statement is annotated.
    public func capture(_ text: String) { printed += text }

    /// A statement has run: its leading comments, its lines and its result are settled.
    public func add(_ run: StatementRun) {
        let first = file.lineIndex(of: run.span.start)
        let last = max(first, file.lineIndex(of: max(run.span.start, run.span.end - 1)))
        let gap = lines(nextLine..<first)
        let output = printed
        printed = ""
        nextLine = last + 1
        guard let value = run.value else {
            flush()
            emit(joined(gap + lines(first..<last + 1)) + commented(output))
            return
        }
        if !gap.isEmpty { flush() }
        // The code of the last line ends with the statement; a comment after it is kept after the value.
        let lastStart = file.lineStarts[last]
        let code = String(decoding: file.bytes[lastStart..<max(lastStart, run.span.end)], as: UTF8.self)
        var comment = String(decoding: file.lineText(last).utf8.dropFirst(code.utf8.count), as: UTF8.self).trimmingSpaces()
        if comment.hasPrefix("# =>") { comment = "" }
        pending.append(Entry(leadingLines: gap + lines(first..<last), code: code, comment: comment,
                             value: format(value), printed: output))
        if !output.isEmpty { flush() }
    }

    /// The run is over: the last expressions and the lines after the last statement.
    public func finish() {
        flush()
        emit(joined(lines(nextLine..<lineCount)) + commented(printed))
        printed = ""
        nextLine = lineCount
    }

    /// The run stopped at an error: what ran is emitted, the failing statement is not.
    public func abandon() {
        flush()
        emit(commented(printed))
        printed = ""
    }

    // MARK: - Text

    /// Emits the pending expressions with their `# =>` at one column, two spaces after the
    /// longest line's code.
    private func flush() {
        guard !pending.isEmpty else { return }
        let column = (pending.map(\.code.count).max() ?? 0) + 2
        var text = ""
        for entry in pending {
            text += joined(entry.leadingLines)
            let valueLines = entry.value.split(separator: "\n", omittingEmptySubsequences: false)
            let pad = String(repeating: " ", count: column - entry.code.count)
            text += entry.code + pad + "# => " + (valueLines.first.map(String.init) ?? "")
                + (entry.comment.isEmpty ? "" : "  " + entry.comment) + "\n"
            for more in valueLines.dropFirst() {
                text += String(repeating: " ", count: column) + "#    " + more + "\n"
            }
            text += commented(entry.printed)
        }
        pending = []
        emit(text)
    }

    /// The number of lines of the source (a final newline does not start one more).
    private var lineCount: Int {
        if file.bytes.isEmpty { return 0 }
        return file.bytes.last == UInt8(ascii: "\n") ? file.lineStarts.count - 1 : file.lineStarts.count
    }

    /// The source's lines in `range`, without the `#>` lines an earlier annotation printed.
    private func lines(_ range: Range<Int>) -> [String] {
        range.clamped(to: 0..<lineCount).map { file.lineText($0) }.filter { !($0 == "#>" || $0.hasPrefix("#> ")) }
    }

    private func joined(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    /// Printed text as `#> ` lines, so that it reads as output and the whole stays a script.
    private func commented(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { $0.isEmpty ? "#>\n" : "#> " + $0 + "\n" }.joined()
    }
}

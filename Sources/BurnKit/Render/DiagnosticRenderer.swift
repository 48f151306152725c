// DiagnosticRenderer: the caret display of LANGUAGE.md section 8, with colour as a separate layer.

/// Turns a diagnostic into the text a terminal shows: `error: message`, the file, line and column, the
/// source line with a caret under the culprit, its label, notes and the `help:` line.
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour the text with ANSI escapes (for a terminal).
    public var color: Bool

    /// A renderer, in colour or not.
    public init(color: Bool = false) { self.color = color }

    /// Renders one diagnostic against the file it points into (nil when it has no source).
    public func render(_ d: Diagnostic, file: SourceFile?) -> String {
        render(d, file: file, files: file.map { [$0.id: $0] } ?? [:])
    }

    /// Renders with every file the session knows, so notes can say where they point.
    public func render(_ d: Diagnostic, file: SourceFile?, files: [Int: SourceFile]) -> String {
        var out = paint(d.severity.rawValue, severityStyle(d.severity)) + paint(": " + d.message, bold) + "\n"
        if let file, d.span.file == file.id {
            out += snippet(file: file, span: d.span, label: d.label)
        } else if let label = d.label {
            out += "  = " + label + "\n"
        }
        for note in d.notes {
            var place = ""
            if let span = note.span, let noteFile = files[span.file] {
                let (line, column) = noteFile.location(of: span.start)
                place = " (\(noteFile.name):\(line):\(column))"
            }
            out += "  " + paint("= note:", blue) + " " + note.message + place + "\n"
        }
        if let hint = d.hint {
            out += "  " + paint("= help:", blue) + " " + hint + "\n"
        }
        return out
    }

    /// ` --> file:line:col`, the gutter, the line, and a caret under the span.
    func snippet(file: SourceFile, span: Span, label: String?) -> String {
        let (line, column) = file.location(of: span.start)
        let lineIndex = file.lineIndex(of: span.start)
        let fullText = file.lineText(lineIndex)
        let width = String(line).count
        let pad = String(repeating: " ", count: width)
        var out = pad + paint("-->", blue) + " \(file.name):\(line):\(column)\n"
        out += pad + paint(" |", blue) + "\n"
        let lineEnd = file.lineStarts[lineIndex] + fullText.utf8.count
        let endOffset = min(max(span.end, span.start + 1), max(lineEnd, span.start + 1))
        let caretCount = max(1, file.text(of: Span(file: span.file, start: span.start, end: endOffset)).count)
        let window = Self.window(of: fullText.replacingTabs(), column: column, carets: caretCount)
        out += paint(String(line), blue) + paint(" |", blue) + " " + window.text + "\n"
        let carets = String(repeating: "^", count: window.carets)
        out += pad + paint(" |", blue) + " " + String(repeating: " ", count: window.column - 1)
            + paint(carets + (label.map { " " + $0 } ?? ""), red) + "\n"
        return out
    }

    /// The most characters of a source line shown under an error.
    static let maximumLineWidth = 160

    /// A long line cut to `maximumLineWidth` characters around the caret, with `…` where it was
    /// cut: a minified or generated line of a megabyte would otherwise print whole with each
    /// error. Returns the text, the caret's column in it, and how many carets fit.
    static func window(of text: String, column: Int, carets: Int) -> (text: String, column: Int, carets: Int) {
        guard text.count > maximumLineWidth else { return (text, column, carets) }
        let characters = Array(text)
        let first = max(0, min(column - 1 - maximumLineWidth / 3, characters.count - maximumLineWidth))
        let last = min(characters.count, first + maximumLineWidth)
        let shown = (first > 0 ? "…" : "") + String(characters[first..<last]) + (last < characters.count ? "…" : "")
        let caretColumn = column - first + (first > 0 ? 1 : 0)
        return (shown, caretColumn, max(1, min(carets, last - (column - 1))))
    }

    // MARK: - Colour

    private let red = "\u{1B}[1;31m", blue = "\u{1B}[1;34m", bold = "\u{1B}[1m", yellow = "\u{1B}[1;33m"

    private func severityStyle(_ s: Severity) -> String {
        switch s {
        case .error: return red
        case .warning: return yellow
        case .note: return blue
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        color ? style + text + "\u{1B}[0m" : text
    }
}

private extension String {
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}

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
        let text = file.lineText(lineIndex).replacingTabs()
        let width = String(line).count
        let pad = String(repeating: " ", count: width)
        var out = pad + paint("-->", blue) + " \(file.name):\(line):\(column)\n"
        out += pad + paint(" |", blue) + "\n"
        out += paint(String(line), blue) + paint(" |", blue) + " " + text + "\n"
        let lineEnd = file.lineStarts[lineIndex] + Array(file.lineText(lineIndex).utf8).count
        let endOffset = min(max(span.end, span.start + 1), max(lineEnd, span.start + 1))
        let caretCount = max(1, file.text(of: Span(file: span.file, start: span.start, end: endOffset)).count)
        let carets = String(repeating: "^", count: caretCount)
        out += pad + paint(" |", blue) + " " + String(repeating: " ", count: column - 1)
            + paint(carets + (label.map { " " + $0 } ?? ""), red) + "\n"
        return out
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

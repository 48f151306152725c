// CellDisplay: what a cell shows in Jupyter, as iopub messages: printed text (`stream`),
// values (`execute_result`, a MIME bundle) and an error (`error`, with the caret display).
// Today BurnKit gives a cell's output as one string (values as `[n] value` lines); when it gives
// structured events (tables, charts), each becomes a bundle here with `text/html` or
// `image/svg+xml` beside `text/plain`, and nothing else in the kernel changes.
import BurnKit

/// A MIME bundle: the same content in several forms, the richest a front end can show wins.
public struct MimeBundle: Sendable, Equatable {
    /// (MIME type, data) in order; `text/plain` is always there.
    public var forms: [(String, String)]

    public init(plain: String) { forms = [("text/plain", plain)] }

    public var json: JSONValue { .object(forms.map { JSONMember(key: $0.0, value: .string($0.1)) }) }

    public static func == (a: MimeBundle, b: MimeBundle) -> Bool {
        a.forms.map(\.0) == b.forms.map(\.0) && a.forms.map(\.1) == b.forms.map(\.1)
    }
}

/// One piece of a cell's display, in the order the cell produced it.
public enum CellDisplay: Sendable, Equatable {
    /// Printed text (tables, `project`'s lines, `:help`): an iopub `stream` on stdout.
    case stream(String)
    /// Values of expression statements: an `execute_result` with the cell's number.
    case result(MimeBundle)
    /// The cell failed: iopub `error`, and the reply's status is `error`.
    case error(name: String, value: String, traceback: [String])

    /// Splits a REPL cell's outcome into displays (NotebookIpynb.pieces, which `.ipynb`
    /// conversion shares): lines `[n] value` (n: this cell's number) are values, shown without
    /// the `[n] ` (Jupyter shows `Out[n]`), consecutive ones one result; other lines are
    /// printed text; in a failed cell, the caret display from its `error:` line on is the error.
    public static func split(_ outcome: ReplSession.Outcome, number: Int) -> [CellDisplay] {
        NotebookIpynb.pieces(of: outcome.text, failed: outcome.failed, number: number).map { piece in
            switch piece {
            case .printed(let text): return .stream(text)
            case .values(let lines): return .result(MimeBundle(plain: lines.joined(separator: "\n")))
            case .error(let lines): return errorDisplay(lines)
            }
        }
    }

    /// `error`'s name and value from the first line of the caret display (`error: unknown name
    /// 'x'` → `BurnError`, `unknown name 'x'`); the whole display, ANSI-free, is the traceback.
    static func errorDisplay(_ lines: [String]) -> CellDisplay {
        let first = lines.first ?? "error"
        if first == "interrupted" { return .error(name: "Interrupted", value: "interrupted", traceback: lines) }
        let value = first.hasPrefix("error:") ? String(first.dropFirst(6)).trimmingSpacesJupyter() : first
        return .error(name: "BurnError", value: value, traceback: lines)
    }
}

extension String {
    func trimmingSpacesJupyter() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

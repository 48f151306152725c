// CellDisplay: what a cell shows in Jupyter, as iopub messages, made from BurnKit's output
// events: values an `execute_result`, tables and `explain` a `display_data` with `text/html`
// beside `text/plain`, charts one with `image/svg+xml`, other printed text a `stream`, a failed
// cell an `error` with the caret display. A cell with no events (a `:command`) is split from
// its printed text.
import BurnKit

/// A MIME bundle: the same content in several forms, the richest a front end can show wins.
public struct MimeBundle: Sendable, Equatable {
    /// (MIME type, data) in order; `text/plain` is always there.
    public var forms: [(String, String)]

    public init(plain: String) { forms = [("text/plain", plain)] }

    /// A rich form (`text/html`, `image/svg+xml`) with its plain-text fallback.
    public init(_ type: String, _ data: String, plain: String) { forms = [(type, data), ("text/plain", plain)] }

    /// The data of one MIME type, if the bundle has it.
    public subscript(type: String) -> String? { forms.first { $0.0 == type }?.1 }

    public var json: JSONValue { .object(forms.map { JSONMember(key: $0.0, value: .string($0.1)) }) }

    public static func == (a: MimeBundle, b: MimeBundle) -> Bool {
        a.forms.map(\.0) == b.forms.map(\.0) && a.forms.map(\.1) == b.forms.map(\.1)
    }
}

/// One piece of a cell's display, in the order the cell produced it.
public enum CellDisplay: Sendable, Equatable {
    /// Printed text (`show`, `wrote file.csv`, `:help`): an iopub `stream` on stdout.
    case stream(String)
    /// A failed check counted rather than thrown (a host's choice; in the kernel a failed
    /// check fails its cell, as in the REPL): a `stream` on stderr.
    case stderr(String)
    /// Values of expression statements: an `execute_result` with the cell's number.
    case result(MimeBundle)
    /// A table, a chart or an explain tree: a `display_data`.
    case display(MimeBundle)
    /// The cell failed: iopub `error`, and the reply's status is `error`.
    case error(name: String, value: String, traceback: [String])

    /// A cell's displays from the events it produced (`Session.events`, in order) and its
    /// outcome: each event its display, consecutive values one result and consecutive text one
    /// stream; what the outcome printed after the events (a failed cell's error, `:time`)
    /// follows. Without events, or when the outcome's text does not begin with theirs (a
    /// command printed it), the outcome's text is split as `split` does.
    public static func displays(_ outcome: ReplSession.Outcome, events: [OutputEvent], number: Int) -> [CellDisplay] {
        let printed = Array(events.map(\.plainText).joined().utf8)
        let text = Array(outcome.text.utf8)
        guard !events.isEmpty, text.starts(with: printed) else { return split(outcome, number: number) }
        var displays: [CellDisplay] = []
        for event in events { append(display(of: event, number: number), to: &displays) }
        let rest = String(decoding: text[printed.count...], as: UTF8.self)
        for display in CellDisplay.displays(of: NotebookIpynb.pieces(of: rest, failed: outcome.failed, number: number)) {
            append(display, to: &displays)
        }
        return displays
    }

    /// How one event shows in Jupyter.
    static func display(of event: OutputEvent, number: Int) -> CellDisplay {
        switch event {
        case .value(_, let text, let cell) where cell == number: return .result(MimeBundle(plain: text))
        case .value, .text: return .stream(event.plainText)
        case .table(let table): return .display(MimeBundle("text/html", HTMLRender.table(table), plain: event.plainText))
        case .chart(let chart): return .display(MimeBundle("image/svg+xml", chart.svg, plain: event.plainText))
        case .explain(let tree): return .display(MimeBundle("text/html", HTMLRender.explain(tree), plain: event.plainText))
        case .checkFailure: return .stderr(event.plainText)
        }
    }

    /// Adds `display` after the others, joined to the last one when both are values (one
    /// `Out[n]`, its lines in order) or both printed text on the same stream.
    static func append(_ display: CellDisplay, to displays: inout [CellDisplay]) {
        switch (displays.last, display) {
        case (.result(let a)?, .result(let b)):
            displays[displays.count - 1] = .result(MimeBundle(plain: (a["text/plain"] ?? "") + "\n" + (b["text/plain"] ?? "")))
        case (.stream(let a)?, .stream(let b)): displays[displays.count - 1] = .stream(a + b)
        case (.stderr(let a)?, .stderr(let b)): displays[displays.count - 1] = .stderr(a + b)
        default: displays.append(display)
        }
    }

    /// Splits a REPL cell's outcome into displays (NotebookIpynb.pieces, which `.ipynb`
    /// conversion shares): lines `[n] value` (n: this cell's number) are values, shown without
    /// the `[n] ` (Jupyter shows `Out[n]`), consecutive ones one result; other lines are
    /// printed text; in a failed cell, the caret display from its `error:` line on is the error.
    public static func split(_ outcome: ReplSession.Outcome, number: Int) -> [CellDisplay] {
        displays(of: NotebookIpynb.pieces(of: outcome.text, failed: outcome.failed, number: number))
    }

    private static func displays(of pieces: [NotebookIpynb.OutputPiece]) -> [CellDisplay] {
        pieces.map { piece in
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

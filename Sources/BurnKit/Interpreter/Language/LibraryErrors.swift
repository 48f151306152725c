// LibraryErrors: an error that arises inside the standard library (a function of Stdlib/ or a
// catalogue formula such as `margin = operating_income / revenue`) is moved to the user's
// call or statement that asked for it; where it arose in Stdlib/ becomes a note.

extension Interpreter {
    /// Whether `file` is part of the standard library.
    static func isLibrary(_ file: SourceFile) -> Bool { file.name.hasPrefix("Stdlib/") }

    /// `error` moved to `span` (a user's call or statement) when it arose in the standard
    /// library, with a note naming `what` and the library code; nil when it needs no move.
    func fromLibrary(_ error: Diagnostic, to span: Span, what: String, label: String, hint: String?) -> Diagnostic? {
        guard let inner = sources[error.span.file], Interpreter.isLibrary(inner),
              let here = sources[span.file], !Interpreter.isLibrary(here) else { return nil }
        var code = inner.text(of: error.span)
        if code.count > 40 { code = String(code.prefix(37)) + "..." }
        let why = error.label.map { ": \($0)" } ?? ""
        let note = Diagnostic.Note("\(what) at `\(code)`\(why)", span: error.span)
        var moved = Diagnostic(error.message, at: span, label: label, hint: error.hint ?? hint, notes: error.notes + [note])
        moved.limit = error.limit
        return moved
    }

    /// A statement's error that arose in a catalogue formula: the note shows the formula's line.
    func fromLibrary(_ error: Diagnostic, statement: Stmt) -> Diagnostic? {
        guard let inner = sources[error.span.file] else { return nil }
        let line = inner.lineText(inner.lineIndex(of: error.span.start)).trimmingSpaces()
        return fromLibrary(error, to: statement.span, what: "in the standard library's `\(line)`",
                           label: "this uses a formula of the standard library", hint: nil)
    }
}

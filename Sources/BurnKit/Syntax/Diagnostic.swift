// Diagnostic: an error or warning as plain data; DiagnosticRenderer turns it into text.

/// How serious a diagnostic is.
public enum Severity: String, Sendable {
    case error
    case warning
    case note
}

/// A problem found at some stage of the pipeline, with where it is and how to fix it.
public struct Diagnostic: Error, Sendable, Equatable {
    public var severity: Severity
    /// Lowercase, no trailing period, code in quotes: `unknown metric 'revnue'`.
    public var message: String
    public var span: Span
    /// Shown under the caret, e.g. `did you mean 'revenue'?`.
    public var label: String?
    /// A `help:` line with the fix.
    public var hint: String?
    /// Further lines, e.g. the other fact in a contradiction.
    public var notes: [Note]

    public struct Note: Sendable, Equatable {
        public var message: String
        public var span: Span?
        public init(_ message: String, span: Span? = nil) {
            self.message = message
            self.span = span
        }
    }

    public init(
        _ message: String, at span: Span, label: String? = nil, hint: String? = nil,
        notes: [Note] = [], severity: Severity = .error
    ) {
        self.severity = severity
        self.message = message
        self.span = span
        self.label = label
        self.hint = hint
        self.notes = notes
    }
}

/// One or more diagnostics thrown together (a file with several syntax errors).
public struct BurnError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}

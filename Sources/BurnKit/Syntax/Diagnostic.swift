// Diagnostic: an error or warning as plain data; DiagnosticRenderer turns it into text.

/// How serious a diagnostic is.
public enum Severity: String, Sendable {
    case error
    case warning
    case note
}

/// A problem found at some stage of the pipeline, with where it is and how to fix it.
public struct Diagnostic: Error, Sendable, Equatable {
    /// Whether this is an error, a warning or a note.
    public var severity: Severity
    /// Lowercase, no trailing period, code in quotes: `unknown metric 'revnue'`.
    public var message: String
    /// Where the culprit is; the caret points here.
    public var span: Span
    /// Shown under the caret, e.g. `did you mean 'revenue'?`.
    public var label: String?
    /// A `help:` line with the fix.
    public var hint: String?
    /// Further lines, e.g. the other fact in a contradiction.
    public var notes: [Note]
    /// Which limit stopped the evaluation, when this is a limit's error; nil for the others.
    public var limit: LimitKind?

    /// A further line under a diagnostic, with the place it points to when it has one.
    public struct Note: Sendable, Equatable {
        /// The note's text (lowercase, no trailing period).
        public var message: String
        /// Where the note points; nil for a note about no place.
        public var span: Span?
        /// A note saying `message`, pointing at `span` if given.
        public init(_ message: String, span: Span? = nil) {
            self.message = message
            self.span = span
        }
    }

    /// A diagnostic saying `message` at `span`, with its caret label, `help:` hint and notes.
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
        self.limit = nil
    }

    /// The error of a limit the evaluation ran into (`Limits`): the host can tell it from
    /// errors in the script by `limit`.
    init(limit: LimitKind, _ message: String, at span: Span, hint: String) {
        self.init(message, at: span, hint: hint)
        self.limit = limit
    }
}

/// The limits of `Limits`, as `Diagnostic.limit` names the one an evaluation ran into.
public enum LimitKind: String, Sendable, Hashable {
    /// `Limits.steps`: evaluation work (calls, model cells, draws).
    case steps
    /// `Limits.depth`: nested calls.
    case depth
    /// `Limits.seconds`: wall time.
    case seconds
    /// `Limits.samples`: the largest `samples N`.
    case samples
    /// `Limits.memory`: the bytes of draws one simulation may hold.
    case memory
}

/// One or more diagnostics thrown together (a file with several syntax errors).
public struct BurnError: Error, Sendable {
    /// The diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// Several diagnostics thrown together.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// A single diagnostic.
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}

// MARK: - Locations, for hosts

/// A diagnostic with its places resolved to file names, lines and columns: what a host shows
/// or stores without rendering the caret display (`Session.render` does that).
public struct LocatedDiagnostic: Sendable, Equatable {
    /// Whether this is an error, a warning or a note.
    public var severity: Severity
    /// What is wrong (lowercase, no trailing period).
    public var message: String
    /// Where the culprit is; nil for an error that comes from no source (a host's call).
    public var location: SourceRange?
    /// Shown under the caret, e.g. `did you mean 'revenue'?`.
    public var label: String?
    /// The fix (the `help:` line).
    public var hint: String?
    /// Further facts, each with its own place when it has one.
    public var notes: [LocatedNote]
    /// Which limit stopped the evaluation, for a limit's error.
    public var limit: LimitKind?
}

/// A note of a `LocatedDiagnostic`.
public struct LocatedNote: Sendable, Equatable {
    /// The note's text.
    public var message: String
    /// Where the note points; nil for a note about no place.
    public var location: SourceRange?
}

extension Diagnostic {
    /// This diagnostic's places, looked up in `sources` (a session keeps every source it has
    /// read: the host's, imported files and the standard library).
    public func located(in sources: [Int: SourceFile]) -> LocatedDiagnostic {
        func place(_ span: Span?) -> SourceRange? {
            guard let span, let file = sources[span.file] else { return nil }
            return file.location(of: span)
        }
        return LocatedDiagnostic(severity: severity, message: message, location: place(span), label: label, hint: hint,
                                 notes: notes.map { LocatedNote(message: $0.message, location: place($0.span)) },
                                 limit: limit)
    }

    /// This diagnostic's places in the sources `session` has read.
    public func located(in session: Session) -> LocatedDiagnostic { located(in: session.interpreter.sources) }

    /// Where the culprit is, in the sources `session` has read; nil for no source.
    public func location(in session: Session) -> SourceRange? { located(in: session).location }
}

extension BurnError {
    /// Every diagnostic with its places resolved in the sources `session` has read.
    public func located(in session: Session) -> [LocatedDiagnostic] {
        diagnostics.map { $0.located(in: session) }
    }
}

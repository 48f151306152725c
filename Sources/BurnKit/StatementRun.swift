// StatementRun: one top-level statement of a run, handed to a host once it has run, so that
// the host can show each statement beside its result (`burn run --annotate`).

/// A statement that ran: where it is in its source, and its value if it is an expression
/// statement (the value a plain run prints).
public struct StatementRun {
    /// The source the statement is in.
    public let source: SourceFile
    /// Where the statement is, from its first token to its last (comments excluded).
    public let span: Span
    /// The value of an expression statement; nil for every other statement.
    public let value: Value?

    /// A statement of `source` at `span` that ran, with its value if it is an expression statement.
    public init(source: SourceFile, span: Span, value: Value?) {
        self.source = source
        self.span = span
        self.value = value
    }
}

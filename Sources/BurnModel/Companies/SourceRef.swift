// SourceRef: an opaque place in the source that facts, rounds, rules and commitments came from.

/// Where a statement came from: a file number the language assigns and a byte range in it.
/// The model never reads it; it hands it back in errors and explanations.
public struct SourceRef: Hashable, Sendable {
    /// The language's number for the file.
    public var file: Int
    /// Offset of the first character.
    public var start: Int
    /// Offset just past the last character.
    public var end: Int

    /// The place `[start, end)` in the file numbered `file`.
    public init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = end
    }
}

// Source: a named text the pipeline reads, and spans that point into it.

/// A stretch of a source, as UTF-8 byte offsets `[start, end)` into the file with id `file`.
public struct Span: Sendable, Hashable {
    /// The id of the `SourceFile` the span lies in (`-1` for none).
    public var file: Int
    /// The offset of the span's first byte.
    public var start: Int
    /// The offset just past the span's last byte.
    public var end: Int

    /// The span `[start, end)` in the source file with id `file`.
    public init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    public func to(_ other: Span) -> Span {
        Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// A span for values that come from no source (host code, built-ins).
    public static let none = Span(file: -1, start: 0, end: 0)
}

/// A source file (or REPL cell) held in memory, with a line index for diagnostics.
public final class SourceFile: Sendable {
    /// The file's id, as `Span.file` refers to it.
    public let id: Int
    /// The name the source was run under (a path, `<input>`, `<eval>`).
    public let name: String
    /// The source text.
    public let text: String
    /// UTF-8 bytes of `text`, for the lexer.
    public let bytes: [UInt8]
    /// Byte offset at which each line starts.
    public let lineStarts: [Int]
    /// The line number of this text's first line (a REPL cell may start mid-session).
    public let firstLine: Int

    /// A source `text` named `name`, whose first line is numbered `firstLine`.
    public init(id: Int, name: String, text: String, firstLine: Int = 1) {
        self.id = id
        self.name = name
        self.text = text
        self.firstLine = firstLine
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// 0-based line index holding byte `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The text of 0-based line `index`, without its newline.
    public func lineText(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// 1-based line and column (in characters) of byte `offset`.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let index = lineIndex(of: offset)
        let start = lineStarts[index]
        let clamped = min(max(offset, start), bytes.count)
        let column = String(decoding: bytes[start..<clamped], as: UTF8.self).count + 1
        return (index + firstLine, column)
    }

    /// The source text a span covers.
    public func text(of span: Span) -> String {
        let lo = min(max(span.start, 0), bytes.count)
        let hi = min(max(span.end, lo), bytes.count)
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// Where a span lies, for a host: the file's name, and 1-based lines and columns counted in
/// characters (not bytes), from the span's first character to just past its last one.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    /// The name the source was run under: a path for files and imports, `Stdlib/core.burn`
    /// for the standard library, `<input>` or `<eval>` for text given by the host.
    public var file: String
    /// The 1-based line of the span's first character.
    public var line: Int
    /// The 1-based column of the span's first character, counted in characters.
    public var column: Int
    /// The line and column just past the span's last character (equal to the start for an
    /// empty span).
    public var endLine: Int
    /// The column just past the span's last character.
    public var endColumn: Int

    /// A range from `line`:`column` to `endLine`:`endColumn` in `file`.
    public init(file: String, line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// `file:line:column`, as the caret display writes it.
    public var description: String { "\(file):\(line):\(column)" }
}

extension SourceFile {
    /// The location of a span of this file (clamped to the text).
    public func location(of span: Span) -> SourceRange {
        let start = min(max(span.start, 0), bytes.count)
        let end = min(max(span.end, start), bytes.count)
        let (line, column) = location(of: start)
        let (endLine, endColumn) = location(of: end)
        return SourceRange(file: name, line: line, column: column, endLine: endLine, endColumn: endColumn)
    }
}

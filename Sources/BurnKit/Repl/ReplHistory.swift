// ReplHistory: the REPL's history file: one entry a line (a multi-line cell's newlines and its
// backslashes escaped), the newest last; each entry is appended, and the file is trimmed (one
// crash-safe rewrite) only when it has grown to twice the cap.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cells typed in earlier sessions, for the line editor's Up arrow.
public struct ReplHistory: Sendable {
    /// The most entries kept; the oldest go first.
    public static let limit = 1000
    /// The history file's path.
    public let path: String
    /// The entries, oldest first.
    public private(set) var entries: [String]

    /// Lines in the file as far as this session knows (other sessions may append too).
    private var linesOnDisk: Int

    /// Reads the history at `path` (none yet is an empty history).
    public init(path: String) {
        self.path = path
        let all = FilePaths.read(path).map(Self.decode) ?? []
        linesOnDisk = all.count
        entries = Self.withoutRepeats(all.suffix(Self.limit))
    }

    /// `$XDG_STATE_HOME/burn/history`, else `$HOME/.local/state/burn/history`; nil with neither.
    public static func defaultPath(environment: (String) -> String? = Self.environment) -> String? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/burn/history" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.local/state/burn/history" }
        return nil
    }

    /// The environment variable `name`; nil when it is not set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Adds an entry (not a repeat of the last one): one line appended to the file, so a long
    /// history costs nothing per cell. When the file reaches twice the cap it is rewritten with
    /// the newest entries (other sessions' included). Returns false when the file cannot be
    /// written (the history is then kept in memory).
    @discardableResult
    public mutating func append(_ entry: String) -> Bool {
        guard !entry.isEmpty, entries.last != entry else { return true }
        entries.append(entry)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        guard FilePaths.makeDirectories(FilePaths.directory(of: path)) else { return false }
        guard FilePaths.append(Self.encode([entry]), to: path) else { return false }
        linesOnDisk += 1
        return linesOnDisk < 2 * Self.limit || trim()
    }

    /// Rewrites the file with its newest `limit` entries.
    private mutating func trim() -> Bool {
        let all = FilePaths.read(path).map(Self.decode) ?? entries
        let kept = Self.withoutRepeats(all.suffix(Self.limit))
        guard FilePaths.writeAtomically(Self.encode(kept), to: path) else { return false }
        linesOnDisk = kept.count
        return true
    }

    /// Two sessions may each append the same line: the Up arrow shows it once.
    static func withoutRepeats(_ entries: ArraySlice<String>) -> [String] {
        var kept: [String] = []
        for entry in entries where kept.last != entry { kept.append(entry) }
        return kept
    }

    // MARK: - Format

    /// One line an entry: `\n` for a newline inside a cell, `\\` for a backslash.
    public static func encode(_ entries: [String]) -> String {
        entries.map { entry in
            var line = ""
            for c in entry.unicodeScalars {
                switch c {
                case "\\": line += "\\\\"
                case "\n": line += "\\n"
                case "\r": line += "\\r"
                default: line.unicodeScalars.append(c)
                }
            }
            return line + "\n"
        }.joined()
    }

    /// The entries of a history file's text, oldest first (the escapes undone).
    public static func decode(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            var entry = ""
            var escaped = false
            for c in line.unicodeScalars {
                if escaped {
                    entry.unicodeScalars.append(c == "n" ? "\n" : c == "r" ? "\r" : c)
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    entry.unicodeScalars.append(c)
                }
            }
            return entry
        }
    }
}

// FileAccess: which files a session may read and write, checked on the real path (links
// followed), or writes handed to the host in memory.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which directories a session may read and write (imports, exports, charts, notebooks).
///
/// A path is checked after it is resolved the way the system will open it: `..` and `.`
/// folded and every symbolic link followed (`realpath`); for a file that does not exist yet,
/// its folder is resolved and the name added. So a link inside an allowed folder that points
/// outside it is refused, and a link outside that points in is allowed. The resolved path is
/// the one read or written, so the check and the access agree.
///
/// With `inMemory`, writes never reach the disk: each is handed to the host as a name and bytes.
public struct FileAccess: Sendable {
    /// nil: anywhere. Otherwise only inside these directories (each resolved as paths are).
    public var directories: [String]?
    /// When set, `export` and `chart ... to` hand their bytes here instead of writing a file.
    public var writeHandler: (@Sendable (_ name: String, _ bytes: [UInt8]) -> Void)?

    /// File access limited to `directories` (nil: anywhere).
    public init(directories: [String]?) { self.directories = directories }

    /// No file may be read or written.
    public static let none = FileAccess(directories: [])
    /// Every file the process may open (the `burn` command's default).
    public static let everywhere = FileAccess(directories: nil)

    /// Writes go to `receive` (the name the script gave, as a path from the script's folder,
    /// and the file's bytes), never to the disk; reads are allowed only inside `readable`.
    public static func inMemory(readable: [String] = [],
                                _ receive: @escaping @Sendable (_ name: String, _ bytes: [UInt8]) -> Void) -> FileAccess {
        var access = FileAccess(directories: readable)
        access.writeHandler = receive
        return access
    }

    /// Whether `path` may be read or written (a write in memory is always allowed).
    public func allows(_ path: String) -> Bool { resolved(path) != nil }

    /// The real path `path` names (links followed, `..` folded), when it lies inside an
    /// allowed directory; nil when it does not, or cannot be resolved.
    public func resolved(_ path: String) -> String? {
        let real = FileAccess.realPath(path)
        // Anywhere: the path as given when it cannot be resolved (opening it then fails).
        guard let directories else { return real ?? path }
        guard let real else { return nil }
        let inside = directories.contains { dir in
            guard let d = FileAccess.realPath(dir) else { return false }
            return real == d || real.hasPrefix(d == "/" ? "/" : d + "/")
        }
        return inside ? real : nil
    }

    // MARK: - Reading and writing

    /// The text of a file the session may read; nil when it may not or cannot be read.
    func read(_ path: String) -> String? {
        resolved(path).flatMap(FilePaths.read)
    }

    /// A source file (`import`) at `path`: allowed, then a regular file under the size cap.
    func readSource(_ path: String) -> Result<String, FilePaths.ReadFailure> {
        guard let path = resolved(path) else { return .failure(.unreadable) }
        return FilePaths.readSource(path)
    }

    /// What a write did: written (to disk or to the host), refused, or failed.
    enum WriteOutcome: Equatable {
        case written
        case refused
        case failed
    }

    /// Writes `text` to `path` (a path from the current directory, as the script's folder
    /// joined with the name it gave): to the host when writes are in memory, else crash-safely
    /// to the resolved path when it is allowed.
    func write(_ text: String, to path: String) -> WriteOutcome {
        if let writeHandler {
            writeHandler(path, Array(text.utf8))
            return .written
        }
        guard let target = resolved(path) else { return .refused }
        return FilePaths.writeAtomically(text, to: target) ? .written : .failed
    }

    // MARK: - Resolving

    /// The absolute path with every link followed. For a path that does not exist yet, its
    /// deepest existing folder is resolved and the missing names added (which may not hold
    /// `..`). A dangling link is refused (nil): where it would lead is not known.
    static func realPath(_ path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FilePaths.join(FilePaths.currentDirectory(), path)
        if let real = systemRealPath(absolute) { return real }
        var existing = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var missing: [String] = []
        while let last = existing.last {
            let prefix = "/" + existing.joined(separator: "/")
            var info = stat()
            if lstat(prefix, &info) == 0 {
                // It exists: a folder (or a link to one) to resolve; anything else (a file, a
                // dangling link, a loop) cannot have the missing names below it.
                var target = stat()
                guard stat(prefix, &target) == 0, (target.st_mode & S_IFMT) == S_IFDIR else { return nil }
                break
            }
            missing.insert(last, at: 0)
            existing.removeLast()
        }
        missing.removeAll { $0 == "." }
        guard !missing.contains(".."), let folder = systemRealPath("/" + existing.joined(separator: "/")) else { return nil }
        return (folder == "/" ? "" : folder) + "/" + missing.joined(separator: "/")
    }

    private static func systemRealPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

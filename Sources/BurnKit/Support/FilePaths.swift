// FilePaths: joining, normalising and reading paths without Foundation.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, named apart from `FilePaths.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Public for the `burn` executable and the Jupyter kernel, so that every part of Burn reads
/// and writes files one way.
public enum FilePaths {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The lowercased extension of a file name: `csv` for `out.CSV`.
    static func extensionOf(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// An absolute path with `.` and `..` folded, for comparing and for access checks.
    static func normalize(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") { absolute = join(currentDirectory(), path) }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The file's text as UTF-8, or nil if it cannot be read (`readSource` says why).
    static func read(_ path: String) -> String? {
        try? readSource(path).get()
    }

    /// The most a source file (a script, an import, a notebook) may hold: 64 MB.
    static let maximumSourceBytes = 64 << 20

    /// Why a source file was not read.
    enum ReadFailure: Error, Equatable {
        case unreadable, notRegularFile, tooLarge

        /// The diagnostic's message and hint for `path` as the user wrote it.
        func message(_ path: String) -> (message: String, hint: String) {
            switch self {
            case .unreadable: ("cannot read '\(path)'", "check the path and its permissions")
            case .notRegularFile: ("'\(path)' is not a regular file",
                                   "a source must be a file: not a directory, a device or a pipe")
            case .tooLarge: ("'\(path)' is larger than 64 MB",
                             "split it into files that `import` each other")
            }
        }
    }

    /// A source file's text as UTF-8: only a regular file (`/dev/zero` or a pipe would never
    /// end), of at most 64 MB. A UTF-8 byte-order mark is dropped: editors on Windows add it,
    /// and it would be an invisible first character.
    static func readSource(_ path: String) -> Result<String, ReadFailure> {
        // O_NONBLOCK: opening a pipe with no writer must not wait; it is refused below.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
        guard info.st_size <= maximumSourceBytes else { return .failure(.tooLarge) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return .failure(.unreadable) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // A file that grows while it is read is held to the same bound.
            if bytes.count > maximumSourceBytes { return .failure(.tooLarge) }
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = bytes.starts(with: bom) ? bytes.dropFirst(3) : bytes[...]
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// The file's bytes, or nil if it cannot be read.
    public static func readBytes(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, handle)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        return ferror(handle) != 0 ? nil : bytes
    }

    /// Whether `path` is a directory (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
    }

    /// Adds `text` at the end of the file (created with mode 600 if missing) in one `write`.
    static func append(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Replaces the file with `text` crash-safely (`SafeSave`).
    static func writeAtomically(_ text: String, to path: String) -> Bool {
        writeAtomically(Array(text.utf8), to: path)
    }

    /// Replaces the file with `bytes` crash-safely (`SafeSave`): the old or the new bytes,
    /// never a torn file; a symbolic link is followed and the file's mode kept.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        SafeSave.replace(path, with: bytes)
    }
}

extension FilePaths {
    /// `~/x` → `$HOME/x`; anything else unchanged.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// Creates `path` and its missing parents (like `mkdir -p`); true when it exists after.
    static func makeDirectories(_ path: String, mode: mode_t = 0o700) -> Bool {
        if isDirectory(path) { return true }
        let parent = directory(of: path)
        if parent != path, parent != ".", parent != "/", !makeDirectories(parent, mode: mode) { return false }
        return mkdir(path, mode) == 0 || isDirectory(path)
    }

    /// The names in a directory (without `.` and `..`), sorted; empty when it cannot be read.
    static func contents(of directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

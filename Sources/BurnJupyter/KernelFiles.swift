// KernelFiles: the file operations of `burn jupyter` and `burn notebook`: read and write whole
// files (bytes or text), make directories, find the running executable.
import BurnKit
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

public enum KernelFiles {
    /// The file's bytes, or nil when it cannot be read (or is a directory).
    public static func readBytes(_ path: String) -> [UInt8]? {
        guard !isDirectory(path) else { return nil }
        return FilePaths.readBytes(path)
    }

    public static func read(_ path: String) -> String? {
        readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes through a temporary file and a rename, so a reader never sees half a file.
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        FilePaths.writeAtomically(bytes, to: path)
    }

    public static func write(_ text: String, to path: String) -> Bool { write(Array(text.utf8), to: path) }

    public static func isDirectory(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its missing parents (like `mkdir -p`); true when it exists after.
    public static func makeDirectories(_ path: String) -> Bool {
        if isDirectory(path) { return true }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if !isDirectory(prefix), mkdir(prefix, 0o755) != 0, !isDirectory(prefix) { return false }
            prefix += "/"
        }
        return isDirectory(path)
    }

    /// The absolute path of the running executable (`/proc/self/exe`), or nil.
    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

// SafeSave: the one way Burn replaces a file (notebooks, exports, charts, history trims, kernel
// specs): the old bytes or the new ones are on disk after any crash, never a torn file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum SafeSave {
    /// Replaces the file at `path` with `bytes`:
    /// 1. a symbolic link is followed, so the link stays and its target gets the new bytes;
    /// 2. the bytes go to a file in the target's own directory (unnamed, with `O_TMPFILE`, where
    ///    the file system allows: a process killed before step 4 leaves nothing behind);
    /// 3. it gets the old file's permissions (a mode-600 notebook stays 600), then `fsync`;
    /// 4. it is given a temporary name and renamed over the target (atomic), and the
    ///    directory is synced so the rename itself survives a power cut.
    /// On any failure the temporary file is removed and the old file is untouched.
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        let target = resolvingLinks(path)
        let directory = FilePaths.directory(of: target)
        let temporary = temporaryName(for: target)
        removeStaleTemporaries(of: target)
        var old = stat()
        let keepsMode = stat(target, &old) == 0
        let mode = keepsMode ? mode_t(old.st_mode & 0o7777) : 0o666
        guard let (fd, named) = openTemporary(in: directory, named: temporary, mode: mode) else { return false }
        var ok = writeAll(fd, bytes) && (!keepsMode || fchmod(fd, mode) == 0) && fsync(fd) == 0
        if ok, !named { ok = linkUnnamed(fd, to: temporary) }
        close(fd)
        ok = ok && rename(temporary, target) == 0
        if !ok {
            unlink(temporary)
            return false
        }
        syncDirectory(directory)
        return true
    }

    /// The file a chain of symbolic links ends at (the path itself when it is not a link, or
    /// when the chain is too long to be real).
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : FilePaths.join(FilePaths.directory(of: current), link)
        }
        return path
    }

    /// `.NAME.burn-save-PID`, beside the target: same file system, so the rename is atomic.
    private static func temporaryName(for target: String) -> String {
        let name = target.split(separator: "/").last.map(String.init) ?? target
        return FilePaths.join(FilePaths.directory(of: target), ".\(name).burn-save-\(getpid())")
    }

    /// Temporary files of earlier saves whose process died between naming and renaming.
    private static func removeStaleTemporaries(of target: String) {
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let prefix = ".\(name).burn-save-"
        let directory = FilePaths.directory(of: target)
        for entry in FilePaths.contents(of: directory) where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(FilePaths.join(directory, entry))
        }
    }

    /// An unnamed file in `directory` (false: it needs a link), else the named temporary.
    private static func openTemporary(in directory: String, named temporary: String, mode: mode_t) -> (Int32, Bool)? {
        // O_TMPFILE is `__O_TMPFILE | O_DIRECTORY` (Linux); Swift does not import the macro.
        #if os(Linux)
        let unnamed = open(directory, 0o20_000_000 | O_DIRECTORY | O_WRONLY | O_CLOEXEC, mode)
        if unnamed >= 0 { return (unnamed, false) }
        #endif
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        return fd >= 0 ? (fd, true) : nil
    }

    private static func linkUnnamed(_ fd: Int32, to temporary: String) -> Bool {
        unlink(temporary)
        return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

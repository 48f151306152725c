// PseudoTerminal: runs the built `burn` on a pseudo-terminal that is its controlling terminal,
// so a test types as a user does (arrows, Tab, Ctrl-C, Ctrl-D) and reads what the screen shows.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        var marker: String
        var screen: String
        var description: String { "no \(marker.debugDescription) within the time allowed; the terminal showed:\n\(screen.debugDescription)" }
    }

    let pid: pid_t
    private let master: Int32
    private let slave: Int32
    private var bytes: [UInt8] = []
    /// How far `waitFor` has read: each wait looks only at what came after the previous one.
    private var consumed = 0
    private var exitStatus: Int32?

    /// Starts `burn ARGS` with exactly `environment`.
    init(_ arguments: [String] = [], environment: [String: String]) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.EIO) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master
        self.slave = slave
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &name, name.count) == 0 else { throw POSIXError(.EIO) }
        pid = try Self.spawn(BurnBinary.executable.path, arguments, environment: environment,
                             terminal: String(cString: name))
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
        close(slave)
    }

    /// The child starts a session of its own whose controlling terminal is the pty: posix_spawn
    /// runs setsid before the file actions, and a session leader opening a terminal acquires it.
    private static func spawn(_ path: String, _ arguments: [String], environment: [String: String],
                              terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID (glibc)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Test threads may block signals; the child must receive Ctrl-C's SIGINT.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        return pid
    }

    // MARK: - Typing

    /// Types `text` (`\r` is Enter, `\u{1B}[A` is Up, `\t` is Tab, `\u{03}` is Ctrl-C).
    func type(_ text: String) {
        let data = Array(text.utf8)
        var offset = 0
        while offset < data.count {
            let n = data[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
    }

    /// Ctrl-D at the next prompt; the exit status. Typed while a cell runs, the terminal (still
    /// in its line mode) would turn it into an end-of-line mark, which libedit reads as a NUL;
    /// and libedit prints the prompt a moment before it leaves line mode: hence the pause.
    func leave() throws -> Int32 {
        try waitFor("> ")
        Thread.sleep(forTimeInterval: 0.2)
        type("\u{04}")
        return try waitForExit()
    }

    // MARK: - Reading

    /// Everything the terminal showed so far.
    var screen: String { String(decoding: bytes, as: UTF8.self) }

    /// Reads until `marker` shows up after the previous wait; returns what came up to its end.
    @discardableResult
    func waitFor(_ marker: String, timeout: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let needle = Array(marker.utf8)
        while true {
            if let end = find(needle) {
                let seen = String(decoding: bytes[consumed..<end], as: UTF8.self)
                consumed = end
                return seen
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Timeout(marker: marker, screen: screen) }
            _ = readSome(timeout: left)
        }
    }

    /// Waits for the process to end; its exit status.
    func waitForExit(timeout: Double = 30) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exitStatus = code
                return code
            }
            _ = readSome(timeout: 0.05)
        }
        throw Timeout(marker: "<exit>", screen: screen)
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard bytes.count - consumed >= needle.count, !needle.isEmpty else { return nil }
        for start in consumed...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<(start + needle.count)]) == needle { return start + needle.count }
        }
        return nil
    }

    /// Reads what is there, waiting at most `timeout`; false when nothing came.
    private func readSome(timeout: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(min(timeout, 1) * 1000)) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &chunk, chunk.count)
        guard n > 0 else { return false }
        bytes += chunk[0..<n]
        return true
    }
}

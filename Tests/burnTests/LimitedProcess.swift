// LimitedProcess: runs a program under an address-space limit (`prlimit --as`) and a wall-clock
// deadline, and reports its status, the signal that killed it, its time and its peak memory
// (`wait4`'s rusage), for the hostile corpus and the fuzzers' found inputs.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct LimitedResult {
    /// The exit status, or nil when a signal ended the program.
    var status: Int32?
    /// The signal that ended it (SIGKILL at the deadline, SIGILL/SIGTRAP for a Swift trap).
    var signal: Int32?
    var timedOut: Bool
    var seconds: Double
    /// Peak resident memory, in megabytes.
    var peakMegabytes: Int
    var stdout: String
    var stderr: String
}

enum LimitedProcess {
    /// Runs `executable arguments` in `directory` with at most `addressSpace` bytes of virtual
    /// memory; killed after `seconds`. Output goes through files (no pipe to drain).
    static func run(_ executable: String, _ arguments: [String], directory: String,
                    seconds: Double, addressSpace: Int) throws -> LimitedResult {
        let scratch = try TemporaryDirectoryForRun()
        let outPath = scratch.path + "/stdout", errPath = scratch.path + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The shell enters the directory and becomes prlimit, which becomes the program: one
        // process, so `wait4` reports the program's own peak memory.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec /usr/bin/prlimit --as=\(addressSpace) -- \"$@\"",
                    directory, executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cEnv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        let start = Date()
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if !timedOut, Date().timeIntervalSince(start) > seconds {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(5_000)
        }
        let elapsed = Date().timeIntervalSince(start)
        // WIFEXITED / WTERMSIG by hand: the macros are not imported into Swift.
        let signal = status & 0x7F
        return LimitedResult(
            status: signal == 0 ? (status >> 8) & 0xFF : nil,
            signal: signal == 0 ? nil : signal,
            timedOut: timedOut, seconds: elapsed, peakMegabytes: Int(usage.ru_maxrss) / 1024,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: String(decoding: (FileManager.default.contents(atPath: errPath) ?? Data()), as: UTF8.self))
    }
}

/// A directory for one run's output files, removed afterwards.
private final class TemporaryDirectoryForRun {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("burn-limited-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

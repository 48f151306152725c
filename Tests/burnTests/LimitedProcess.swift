// LimitedProcess: runs a program under an address-space limit (`prlimit --as`) and a wall-clock
// deadline, and reports its status, the signal that killed it, its time and its peak memory,
// for the hostile corpus, the fuzzers' found inputs and the REPL's memory tests.
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
        // The shell enters the directory and becomes a small Python process, which forks the
        // program (through prlimit) and writes its peak memory and wait status to a file.
        // `wait4` on our own child would not do: a child made by `posix_spawn` (or `fork`)
        // starts from this process's memory, and Linux counts this test process's resident
        // memory (400 MB under the full suite) in the child's peak.
        let reportPath = scratch.path + "/report"
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec python3 -c \"$@\"", directory, Self.reporter, reportPath,
                    "/usr/bin/prlimit", "--as=\(addressSpace)", "--", executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        var cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cEnv { free(p) } }
        // A process group of its own, so that the deadline kills the program with its reporter.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, &cArgs, &cEnv)
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
                kill(-pid, SIGKILL)
                timedOut = true
            }
            usleep(5_000)
        }
        let elapsed = Date().timeIntervalSince(start)
        // The program's own status and peak (kilobytes), as its reporter saw them; the
        // reporter's when it could not tell (killed at the deadline).
        let report = ((try? String(contentsOfFile: reportPath, encoding: .utf8)) ?? "").split(separator: " ")
        var peakKilobytes = 0
        if report.count == 2, let kilobytes = Int(report[0]), let programStatus = Int32(report[1]) {
            peakKilobytes = kilobytes
            status = programStatus
        } else {
            peakKilobytes = Int(usage.ru_maxrss)
        }
        // WIFEXITED / WTERMSIG by hand: the macros are not imported into Swift.
        let signal = status & 0x7F
        return LimitedResult(
            status: signal == 0 ? (status >> 8) & 0xFF : nil,
            signal: signal == 0 ? nil : signal,
            timedOut: timedOut, seconds: elapsed, peakMegabytes: peakKilobytes / 1024,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: String(decoding: (FileManager.default.contents(atPath: errPath) ?? Data()), as: UTF8.self))
    }
}

extension LimitedProcess {
    /// `python3 -c reporter REPORT PROGRAM ARGS...`: runs the program as a child and writes
    /// `peak-kilobytes wait-status` to REPORT. Its child starts from Python's small memory,
    /// so the peak is the program's own.
    static let reporter = """
        import os, sys
        pid = os.fork()
        if pid == 0:
            try:
                os.execv(sys.argv[2], sys.argv[2:])
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        with open(sys.argv[1], "w") as report:
            report.write(f"{usage.ru_maxrss} {status}")
        """
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

// LocaleEnvironmentTests: the machine's locale never changes what burn prints (LANGUAGE.md
// section 12): the same runs under `LANG=C` and under a French `LANG`/`LC_ALL` give the same bytes.
import Foundation
import Testing

@Suite("Outputs under any LANG")
struct LocaleEnvironmentTests {
    /// A French locale compiled into a temporary directory with `localedef` where the tool is
    /// there (so the C library really is French: `printf "%.1f"` writes `4,2`); `LOCPATH`
    /// points at it. Without `localedef` the variables are still set, a weaker test.
    static let frenchEnvironment: [String: String] = {
        var env = ["LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "LC_NUMERIC": "fr_FR.UTF-8"]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burn-locales-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for tool in ["/usr/bin/localedef", "/usr/sbin/localedef"] where FileManager.default.isExecutableFile(atPath: tool) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-i", "fr_FR", "-f", "UTF-8", directory.appendingPathComponent("fr_FR.UTF-8").path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil {
                process.waitUntilExit()
                env["LOCPATH"] = directory.path
            }
            break
        }
        return env
    }()

    static let english = ["LANG": "C", "LC_ALL": "C"]

    /// Each run: a script in English, French golden files, an expression, a piped REPL session.
    static let runs: [(arguments: [String], input: String?)] = [
        (["run", "Scripts/openai-2024.burn"], nil),
        (["run", "Tests/Golden/french/print_money.burn"], nil),
        (["run", "Tests/Golden/french/table.burn"], nil),
        (["run", "Tests/Golden/french/print_uncertain.burn"], nil),
        (["eval", "6.6B / 157B as %"], nil),
        (["eval", "[1.5, 1400, $6250, 4.2%, 42.4x]"], nil),
        (["run", "Tests/Golden/french/error_comma_between_arguments.burn"], nil),
        ([], "$6.6B * 2\n:set locale fr\n6,6 Md$ * 2\n1 400,5\n:set digits 6\n12 345,678 $\n"),
    ]

    @Test(arguments: 0..<runs.count)
    func sameBytesUnderAFrenchMachineLocale(_ index: Int) throws {
        let run = Self.runs[index]
        let plain = try BurnBinary.run(run.arguments, input: run.input, environment: Self.english)
        let french = try BurnBinary.run(run.arguments, input: run.input, environment: Self.frenchEnvironment)
        #expect(!plain.stdout.isEmpty || !plain.stderr.isEmpty)
        #expect(Array(french.stdout.utf8) == Array(plain.stdout.utf8), "stdout of \(run.arguments)")
        #expect(Array(french.stderr.utf8) == Array(plain.stderr.utf8), "stderr of \(run.arguments)")
        #expect(french.status == plain.status)
    }

    @Test func theDefaultIsEnglishUnderAFrenchMachineLocale() throws {
        let result = try BurnBinary.run(["eval", "6.6B / 157B as %"], environment: Self.frenchEnvironment)
        #expect(result.stdout == "4.2%\n")
    }

    @Test func theFrenchLocaleIsReallyFrench() throws {
        // Guards the test itself: with LOCPATH set, the C library reads and writes `0,5`.
        guard Self.frenchEnvironment["LOCPATH"] != nil, FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "printf '%.1f' 0,5"]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in Self.frenchEnvironment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "0,5")
    }
}

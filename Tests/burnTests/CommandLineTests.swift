// CommandLineTests: the `burn` binary as a user runs it: subcommands, pipes, exit codes, locale.
import Foundation
import Testing
import TestSupport

@Suite("burn, the command")
struct CommandLineTests {
    @Test func help() throws {
        let r = try BurnBinary.run(["--help"])
        #expect(r.status == 0)
        for word in ["run", "eval", "check", "repl"] { #expect(r.stdout.contains(word)) }
    }

    @Test func evalPrintsAValue() throws {
        let r = try BurnBinary.run(["eval", "157B / 3.7B as x"])
        #expect(r.stdout == "42.4x\n")
        #expect(r.status == 0)
    }

    @Test func evalTakesAnExpressionThatStartsWithAMinus() throws {
        // `-1234.5` is an expression, not an option; `--help` still is one.
        #expect(try BurnBinary.run(["eval", "-1234.5"]).stdout == "-1234.5\n")
        #expect(try BurnBinary.run(["eval", "-$74B / 4"]).stdout == "-$18.5B\n")
        #expect(try BurnBinary.run(["eval", "--help"]).stdout.contains("USAGE: burn eval"))
    }

    @Test func aCommandIsACellOfItsOwn() throws {
        let r = try BurnBinary.run([], input: "1 + 1\n")
        #expect(r.status == 0)
        let dir = try TemporaryDirectory()
        try dir.write("```burn\n:set locale fr\ncompany OpenAI\n```\n", to: "cmd.md")
        let run = try BurnBinary.run(["run", dir.path + "/cmd.md"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("`:set locale fr` is a command of its own, and this cell has more lines after it"))
    }

    @Test func evalErrorIsAStatusOne() throws {
        let r = try BurnBinary.run(["eval", "1 +* 2"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.stderr.contains(" --> <eval>:1:"))
        #expect(r.stdout.isEmpty)
    }

    @Test func pipedInputIsAReplSession() throws {
        let input = "let x = 2\nx * 3\n1 / 0\nx +\n  1\nnope\nx\n"
        let r = try BurnBinary.run([], input: input)
        #expect(r.stdout == "[2] 6\n[3] 3\n[4] 2\n")
        #expect(r.stderr.contains("error: division by zero"))
        #expect(r.stderr.contains("error: unknown name 'nope'"))
        #expect(r.status == 1)
    }

    /// Errors of piped cells point at the input's lines: `<cell N>` named the number the next
    /// cell would take, the same for every failed cell in a row, and led nowhere in the input.
    @Test func pipedErrorsNameTheInputLine() throws {
        let input = "1 + 1\nlet x = 2\n\nx + nope\nfn f(a) = {\n  a +\n  zz\n}\nx\n"
        let r = try BurnBinary.run([], input: input)
        #expect(r.stdout == "[1] 2\n[3] 2\n")
        #expect(r.stderr.contains(" --> <stdin>:4:5\n  |\n4 | x + nope\n"), "\(r.stderr)")
        #expect(r.stderr.contains(" --> <stdin>:7:3\n  |\n7 |   zz\n"), "\(r.stderr)")
        #expect(!r.stderr.contains("<cell"))
        #expect(r.status == 1)
    }

    /// A script stopped by `--seconds` says how to give it more time on the command line (its
    /// hint spoke of a recursion and of a host's `Limits.seconds` only).
    @Test func aScriptOverItsSecondsSaysHowToAllowMore() throws {
        let script = try temporaryFile("samples 1_000_000\ncompany L\nrevenue[2024] = 3B\ncosts[2024] = 5B\n"
            + "cash[2024] = 10B\nrevenue grows uniform(1%, 3%) per year\nproject cash until 2140\n")
        let r = try BurnBinary.run(["run", "--seconds", "0.05", script])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the script ran too long (over 0.05 s)"), "\(r.stderr)")
        #expect(r.stderr.contains("`burn run --seconds N` allows more time"), "\(r.stderr)")
    }

    @Test func pipedSessionWithoutErrorsExitsZero() throws {
        let r = try BurnBinary.run([], input: "1 + 1\n")
        #expect(r.stdout == "[1] 2\n")
        #expect(r.status == 0)
    }

    @Test func syntaxErrorsAreReportedBeforeAnythingRuns() throws {
        let script = try temporaryFile("1 + 1\nlet = 3\n2 +* 2\n3 + 3\n")
        let r = try BurnBinary.run(["run", script])
        #expect(r.stdout.isEmpty)
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "error:").count - 1 >= 2)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let r = try BurnBinary.run(["eval", String(repeating: "(", count: 10_000) + "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nested too deeply"))
    }

    @Test func outputIsTheSameInEveryLocale() throws {
        let script = "1234567.891\n$41666.67\n6.6B / 157B as %\n€210B\n"
        let c = try BurnBinary.run([], input: script, environment: ["LANG": "C", "LC_ALL": "C"])
        let de = try BurnBinary.run([], input: script, environment: ["LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        #expect(c.stdout == de.stdout)
        #expect(c.stdout == "[1] 1.235M\n[2] $41,667\n[3] 4.2%\n[4] €210B\n")
    }

    /// `burn model.burn` (new-user trial): not "Unexpected argument" with the REPL's usage, but
    /// how to run it; nothing runs and the status is a usage error's.
    @Test func aFileWithoutRunSaysHowToRunIt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("1 + 1\n", to: "model.burn")
        let r = try BurnBinary.run(["model.burn"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("run it with `burn run model.burn`"), "\(r.stderr)")
        #expect(r.status == 64)
        // A subcommand's name is still the subcommand.
        let help = try BurnBinary.run(["help", "grows"], directory: URL(fileURLWithPath: dir.path))
        #expect(help.status == 0)
    }

    @Test func checkCountsPassesAndFailures() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("burn-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "check 1 + 1 == 2\ncheck $8.7B ~ $8.75B within 1%\n".write(
            to: dir.appendingPathComponent("a.burn"), atomically: true, encoding: .utf8)
        try "check 2 > 3\n".write(to: dir.appendingPathComponent("b.burn"), atomically: true, encoding: .utf8)
        let r = try BurnBinary.run(["check", dir.path])
        #expect(r.stdout.hasSuffix("2 passed, 1 failed\n"))
        #expect(r.stderr.contains("check failed: 2 > 3: left is 2, right is 3"))
        #expect(r.status == 1)
    }

    /// Starts a binary just copied. While the copy was open for writing, another test may have
    /// started a process, whose child held the file open until it ran its own program: the
    /// system then refuses to run the copy ("text file busy") for a moment.
    private func runFreshCopy(_ process: Process) throws {
        for attempt in 1... {
            do {
                return try process.run()
            } catch where attempt < 50 && Self.textFileBusy(error) {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    private static func textFileBusy(_ error: Error) -> Bool {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY)
    }

    @Test func theStandardLibraryTravelsWithTheBinary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("burn-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("burn")
        try FileManager.default.copyItem(at: BurnBinary.executable, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["eval", "cagr(3.7B, 98.7B, 4)"]
        process.currentDirectoryURL = dir
        let out = Pipe()
        process.standardOutput = out
        try runFreshCopy(process)
        process.waitUntilExit()
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "127.3%\n")
    }

    private func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("burn-\(UUID().uuidString).burn")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

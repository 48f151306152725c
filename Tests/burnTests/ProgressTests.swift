// ProgressTests: a simulation over a second shows a progress line on a terminal, erased when
// it ends; never in a pipe; and Ctrl-C stops it with the session intact.
import Foundation
import TestSupport
import Testing

@Suite("progress of long simulations")
struct ProgressTests {
    /// Three million draws through a 22-year projection: seconds in a debug build.
    static let simulation = """
        samples 3_000_000
        company Lab
        revenue[2024] = 3.7B
        costs[2024] = 8.7B
        revenue grows uniform(50%, 150%) per year
        costs grow uniform(30%, 90%) per year

        """
    static let question = "P(Lab.breakeven <= 2045)"

    static let environment = ["TERM": "xterm", "NO_COLOR": "1", "LANG": "C", "PATH": "/usr/bin:/bin"]

    @Test func aTerminalSeesProgressThenTheAnswer() throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.simulation + Self.question + "\n", to: "long.burn")
        let burn = try PseudoTerminal(["run", directory.path + "/long.burn"], environment: Self.environment)
        try burn.waitFor("simulating… ", timeout: 120)
        let rest = try burn.waitFor("%\r\n", timeout: 120)
        // The progress line was erased before the answer was printed on it.
        #expect(rest.contains("\r\u{1B}[K"))
        #expect(try burn.waitForExit(timeout: 60) == 0)
    }

    @Test func aPipeSeesOnlyTheAnswer() throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.simulation + Self.question + "\n", to: "long.burn")
        let result = try BurnBinary.run(["run", directory.path + "/long.burn"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasSuffix("%\n") && !result.stdout.contains("simulating"))
    }

    @Test func ctrlCStopsASimulationAndTheSessionGoesOn() throws {
        let directory = try TemporaryDirectory()
        var environment = Self.environment
        environment["HOME"] = directory.path
        environment["XDG_STATE_HOME"] = directory.path + "/state"
        let burn = try PseudoTerminal(environment: environment)
        try burn.waitFor("> ")
        for line in Self.simulation.split(separator: "\n") {
            burn.type(line + "\r")
            try burn.waitFor("> ")
        }
        burn.type("let share = " + Self.question + "\r")
        try burn.waitFor("simulating… ", timeout: 120)
        burn.type("\u{03}")
        // The progress line is erased before the message (it stayed on the terminal).
        let stop = try burn.waitFor("interrupted", timeout: 60)
        #expect(stop.contains("\r\u{1B}[K"), "\(stop.debugDescription)")
        try burn.waitFor("> ")
        // The stopped cell defined nothing; the model is as it was.
        burn.type("share\r")
        try burn.waitFor("unknown name 'share'")
        try burn.waitFor("> ")
        burn.type("revenue[2024]\r")
        try burn.waitFor("$3.7B")
        #expect(try burn.leave() == 0)
    }
}

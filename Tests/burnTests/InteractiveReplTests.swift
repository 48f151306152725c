// InteractiveReplTests: `burn` on a pseudo-terminal, typed at as a user types: line editing,
// history recalled in a second session, Tab completion, `...` continuation, Ctrl-C at the
// prompt and during a long evaluation, Ctrl-D, non-ASCII input. Every wait is for a marker on
// the screen, with a generous time limit, so a loaded machine only makes them slower.
import Foundation
import TestSupport
import Testing

@Suite("burn on a terminal")
struct InteractiveReplTests {
    /// A home and a state directory of the test's own, no colour, and a C locale (burn must
    /// still take UTF-8 input).
    final class Home {
        let directory: TemporaryDirectory
        var environment: [String: String] {
            ["HOME": directory.path, "XDG_STATE_HOME": directory.path + "/state", "TERM": "xterm",
             "NO_COLOR": "1", "LANG": "C", "PATH": "/usr/bin:/bin"]
        }
        init() throws { directory = try TemporaryDirectory() }

        func start() throws -> PseudoTerminal {
            let terminal = try PseudoTerminal(environment: environment)
            try terminal.waitFor("Ctrl-D to leave")
            try terminal.waitFor("> ")
            return terminal
        }
    }

    @Test func editsALineWithTheArrowKeys() throws {
        let home = try Home()
        let burn = try home.start()
        // Type 12, go left twice, insert 3 at the start; Ctrl-A and Ctrl-E move too.
        burn.type("12\u{1B}[D\u{1B}[D3\r")
        try burn.waitFor("[1] 312")
        burn.type("+ 1\u{01}100 \u{05} + 2\r")
        try burn.waitFor("[2] 103")
        #expect(try burn.leave() == 0)
    }

    @Test func historyIsRecalledInTheNextSession() throws {
        let home = try Home()
        let first = try home.start()
        first.type("fn g(x) = {\r")
        try first.waitFor("... ")
        first.type("x * 2\r")
        try first.waitFor("... ")
        first.type("}\r")
        try first.waitFor("> ")
        first.type("g(21)\r")
        try first.waitFor("[2] 42")
        #expect(try first.leave() == 0)
        let saved = try String(contentsOfFile: home.directory.path + "/state/burn/history", encoding: .utf8)
        #expect(saved == "fn g(x) = {\\nx * 2\\n}\ng(21)\n")

        let second = try home.start()
        // Up twice: the three-line function, entered again whole.
        second.type("\u{1B}[A\u{1B}[A\r")
        try second.waitFor("}\r\n> ")
        Thread.sleep(forTimeInterval: 0.2)
        // Up twice again (the function is now the last entry): g(21).
        second.type("\u{1B}[A\u{1B}[A\r")
        try second.waitFor("[2] 42")
        #expect(try second.leave() == 0)
    }

    @Test func tabCompletesCompaniesMetricsAndCommands() throws {
        let home = try Home()
        let burn = try home.start()
        burn.type("company OpenAI\r")
        try burn.waitFor("> ")
        burn.type("revenue[2024] = 3.7B\r")
        try burn.waitFor("> ")
        burn.type("Open\t.reve\t[2024] * 2\r")
        try burn.waitFor("[3] $7.4B")
        burn.type(":ce\t\r")
        try burn.waitFor("[1] company OpenAI")
        burn.type(":quit\r")
        #expect(try burn.waitForExit() == 0)
    }

    @Test func anOpenBlockContinuesOnTheDotsPrompt() throws {
        let home = try Home()
        let burn = try home.start()
        burn.type("fn f(x) = {\r")
        try burn.waitFor("... ")
        burn.type("let y = x + 1\r")
        try burn.waitFor("... ")
        burn.type("y * 2\r")
        try burn.waitFor("... ")
        burn.type("}\r")
        try burn.waitFor("> ")
        burn.type("f(20) +\r")
        try burn.waitFor("... ")
        burn.type("0\r")
        try burn.waitFor("[2] 42")
        #expect(try burn.leave() == 0)
    }

    @Test func ctrlCAbandonsTheLine() throws {
        let home = try Home()
        let burn = try home.start()
        burn.type("1 +")
        try burn.waitFor("1 +")
        burn.type("\u{03}")
        try burn.waitFor("^C")
        try burn.waitFor("> ")
        burn.type("2 + 2\r")
        try burn.waitFor("[1] 4")
        #expect(try burn.leave() == 0)
    }

    @Test func ctrlCInterruptsALongEvaluationAndTheSessionGoesOn() throws {
        let home = try Home()
        let burn = try home.start()
        burn.type("let kept = 7\r")
        try burn.waitFor("> ")
        burn.type("fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\r")
        try burn.waitFor("> ")
        // fib(60) would run for hours: only Ctrl-C ends it. The echoed line break shows that
        // the line was entered.
        burn.type("let kept = fib(60)\r")
        try burn.waitFor("let kept = fib(60)\r\n")
        // libedit echoes the line break before it hands the line over: a Ctrl-C in between
        // abandons the line. Let the evaluation start first.
        Thread.sleep(forTimeInterval: 0.5)
        burn.type("\u{03}")
        try burn.waitFor("interrupted")
        try burn.waitFor("> ")
        // The interrupted cell changed nothing and took no number.
        burn.type("kept + fib(10)\r")
        try burn.waitFor("[3] 62")
        #expect(try burn.leave() == 0)
    }

    @Test func nonASCIIInputSurvives() throws {
        let home = try Home()
        let burn = try home.start()
        burn.type("let s = \"€ café\"\r")
        try burn.waitFor("> ")
        burn.type("s\r")
        try burn.waitFor("[2] € café")
        burn.type("€210B\r")
        try burn.waitFor("[3] €210B")
        #expect(try burn.leave() == 0)
    }

    @Test func errorsAreShownAndTheSessionGoesOn() throws {
        let home = try Home()
        let burn = try home.start()
        burn.type("1 / 0\r")
        try burn.waitFor("error: division by zero")
        burn.type(":nope\r")
        try burn.waitFor("unknown command ':nope'")
        burn.type("6 * 7\r")
        try burn.waitFor("[1] 42")
        #expect(try burn.leave() == 0)
    }
}

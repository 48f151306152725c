// ChartColourTests: a terminal chart is coloured when `burn` writes to a terminal (`burn run`
// and the REPL on a pseudo-terminal), and plain with NO_COLOR set or in a pipe.
import Foundation
import TestSupport
import Testing

@Suite("Chart colour on a terminal")
struct ChartColourTests {
    static let script = "company A\nrevenue[2025] = 4B\ncompany B\nrevenue[2025] = 2B\nchart revenue for A, B in 2025\n"
    /// The first series' bars: ANSI 256-colour 25.
    static let blue = "\u{1B}[38;5;25m"

    func environment(_ directory: TemporaryDirectory, noColor: Bool) -> [String: String] {
        var environment = ["HOME": directory.path, "XDG_STATE_HOME": directory.path + "/state", "TERM": "xterm",
                           "LANG": "C", "PATH": "/usr/bin:/bin"]
        if noColor { environment["NO_COLOR"] = "1" }
        return environment
    }

    @Test func burnRunColoursBarsOnATerminalOnly() throws {
        let directory = try TemporaryDirectory()
        try directory.write(Self.script, to: "bars.burn")
        let path = directory.path + "/bars.burn"
        let coloured = try PseudoTerminal(["run", path], environment: environment(directory, noColor: false))
        #expect(try coloured.waitFor("$2B").contains(Self.blue + "████"))
        #expect(try coloured.waitForExit() == 0)
        let plain = try PseudoTerminal(["run", path], environment: environment(directory, noColor: true))
        #expect(!(try plain.waitFor("$2B")).contains("\u{1B}["))
        #expect(try plain.waitForExit() == 0)
        // In a pipe: the bars as they are, never an escape.
        let piped = try BurnBinary.run(["run", path])
        #expect(piped.stdout == "revenue in 2025\n  A  ████████████████████████████████████████ $4B\n"
            + "  B  ████████████████████                     $2B\n")
    }

    /// The REPL colours the chart it shows; `:save` writes the notebook without the colour.
    @Test func theReplShowsColourAndSavesPlainText() throws {
        let directory = try TemporaryDirectory()
        let burn = try PseudoTerminal([], environment: environment(directory, noColor: false))
        try burn.waitFor("> ")
        burn.type(Self.script.replacingOccurrences(of: "\n", with: "\r"))
        #expect(try burn.waitFor("$2B").contains(Self.blue))
        burn.type(":save \(directory.path)/saved.md\r")
        try burn.waitFor("saved.md")
        #expect(try burn.leave() == 0)
        let saved = try directory.read("saved.md")
        #expect(saved.contains("  A  ████████████████████████████████████████ $4B") && !saved.contains("\u{1B}"))
    }
}

// PipedRepl: a REPL session without a terminal: cells run as lines arrive, no prompts;
// errors go to standard error and the session goes on; status 1 if any cell failed.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import BurnKit

struct PipedRepl {
    let terminal: Terminal

    func run() -> Int32 {
        let repl = ReplSession(session: terminal.makeSession())
        repl.session.outputColor = terminal.outputColor
        var failed = false
        var buffer = ""
        // Errors name the input's lines (`<stdin>:12:5`): the line read last, and the line
        // the cell in the buffer starts on.
        var lineNumber = 0, cellLine = 1
        while var line = readLine(strippingNewline: true) {
            lineNumber += 1
            // A byte-order mark before the first cell is dropped, as at the start of a file.
            if lineNumber == 1, line.unicodeScalars.first == "\u{FEFF}" { line = String(line.unicodeScalars.dropFirst()) }
            if buffer.isEmpty { cellLine = lineNumber }
            buffer += buffer.isEmpty ? line : "\n" + line
            if ReplSession.needsMoreInput(buffer) { continue }
            failed = submit(buffer, line: cellLine, to: repl) || failed
            buffer = ""
            if repl.wantsToQuit { break }
        }
        if !buffer.isEmpty { failed = submit(buffer, line: cellLine, to: repl) || failed }
        terminal.flushOutput()
        return failed ? 1 : 0
    }

    /// Runs the cell that starts on input line `line`; returns true when it failed.
    private func submit(_ text: String, line: Int, to repl: ReplSession) -> Bool {
        let outcome = repl.submit(text, source: "<stdin>", line: line)
        if outcome.failed { terminal.error(outcome.text) } else { terminal.write(outcome.text) }
        return outcome.failed
    }
}

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
        var first = true
        while var line = readLine(strippingNewline: true) {
            // A byte-order mark before the first cell is dropped, as at the start of a file.
            if first, line.unicodeScalars.first == "\u{FEFF}" { line = String(line.unicodeScalars.dropFirst()) }
            first = false
            buffer += buffer.isEmpty ? line : "\n" + line
            if ReplSession.needsMoreInput(buffer) { continue }
            failed = submit(buffer, to: repl) || failed
            buffer = ""
            if repl.wantsToQuit { break }
        }
        if !buffer.isEmpty { failed = submit(buffer, to: repl) || failed }
        terminal.flushOutput()
        return failed ? 1 : 0
    }

    /// Runs one cell; returns true when it failed.
    private func submit(_ text: String, to repl: ReplSession) -> Bool {
        let outcome = repl.submit(text)
        if outcome.failed { terminal.error(outcome.text) } else { terminal.write(outcome.text) }
        return outcome.failed
    }
}

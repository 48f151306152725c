// InteractiveRepl: the terminal REPL: lines from the LineEditor, `...` while a cell is
// unfinished, each cell run by BurnKit's ReplSession; Ctrl-C interrupts a running cell.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import BurnKit
import CEditLineShim

struct InteractiveRepl {
    let terminal: Terminal

    func run() -> Int32 {
        let repl = ReplSession(session: terminal.makeSession())
        repl.color = terminal.errorColor
        repl.session.outputColor = terminal.outputColor
        let editor = LineEditor(historyPath: ReplHistory.defaultPath()) { line, cursor in
            repl.complete(line, cursor: cursor)
        }
        terminal.write("Burn 0.1 — type :help for help, Ctrl-D to leave\n")
        var buffer = ""
        while !repl.wantsToQuit {
            terminal.flushOutput()
            switch editor.read(prompt: buffer.isEmpty ? "> " : "... ") {
            case .end:
                terminal.write("\n")
                return 0
            case .interrupted:
                // The line (and any unfinished cell) is dropped; a fresh prompt follows.
                terminal.write("^C\n")
                buffer = ""
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if ReplSession.needsMoreInput(buffer) { continue }
                let cell = buffer
                buffer = ""
                if cell.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) { continue }
                editor.remember(cell)
                evaluate(cell, in: repl)
            }
        }
        terminal.flushOutput()
        return 0
    }

    /// Runs a cell; meanwhile Ctrl-C sets the session's interrupt flag, so the evaluator stops
    /// at its next check, the cell fails (`interrupted`) and the session is as it was.
    private func evaluate(_ cell: String, in repl: ReplSession) {
        let flag = repl.session.interruptFlag
        burn_interrupt_target(flag.address)
        // A Ctrl-C pressed after Enter but before the line reached us is meant for this cell.
        if burn_interrupt_take() != 0 { flag.set() }
        let outcome = repl.submit(cell)
        burn_interrupt_target(nil)
        // The terminal echoed `^C`: the message goes on a line of its own, or on the progress
        // line once erased (it kept `simulating… 43%` before `interrupted`).
        let pressed = burn_interrupt_take() != 0
        if !Terminal.eraseProgress(), pressed { terminal.write("\n") }
        // A Ctrl-C that came as the cell ended is dropped, not kept for the next cell.
        flag.clear()
        if outcome.failed { terminal.error(outcome.text) } else { terminal.write(outcome.text) }
    }
}

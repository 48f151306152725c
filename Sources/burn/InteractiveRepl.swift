// InteractiveRepl: the terminal REPL on libedit: line editing, history, `...` continuation.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import BurnKit
import CEditLine

struct InteractiveRepl {
    let terminal: Terminal

    func run() -> Int32 {
        setlocale(LC_CTYPE, "")
        let repl = ReplSession(session: terminal.makeSession())
        repl.color = terminal.errorColor
        terminal.write("Burn 0.1 — type :help for help, Ctrl-D to leave\n")
        var buffer = ""
        while !repl.wantsToQuit {
            let prompt = buffer.isEmpty ? "> " : "... "
            guard let raw = readline(prompt) else { break }
            let line = String(cString: raw)
            free(raw)
            buffer += buffer.isEmpty ? line : "\n" + line
            if ReplSession.needsMoreInput(buffer) { continue }
            if !buffer.trimmingCharactersInSpace.isEmpty { add_history(buffer) }
            let outcome = repl.submit(buffer)
            if outcome.failed { terminal.error(outcome.text) } else { terminal.write(outcome.text) }
            terminal.flushOutput()
            buffer = ""
        }
        terminal.write("\n")
        return 0
    }
}

private extension String {
    var trimmingCharactersInSpace: String { filter { $0 != " " && $0 != "\t" } }
}

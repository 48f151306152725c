// burn: the command line. `burn` starts the REPL (or reads cells from a pipe), `burn run`,
// `burn eval` and `burn check` run scripts; see `burn --help`.
import ArgumentParser
import BurnKit

@main
struct Burn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "burn",
        abstract: "Model the finances of AI companies: revenue, losses, rounds, burn, cash and runway.",
        discussion: """
        With no subcommand, burn starts the line-editing REPL; with input from a pipe it runs each \
        line as a REPL cell (`burn < cells.burn`). The language is described in LANGUAGE.md.
        """,
        version: "0.1.0",
        subcommands: [Repl.self, Run.self, Eval.self, Check.self],
        defaultSubcommand: Repl.self
    )
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the REPL (the default). Reads cells from standard input when it is not a terminal.")

    func run() throws {
        let terminal = Terminal()
        let code = terminal.inputIsTerminal ? InteractiveRepl(terminal: terminal).run() : PipedRepl(terminal: terminal).run()
        if code != 0 { throw ExitCode(code) }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Burn scripts in order; stop with status 1 at the first error.")

    @Argument(help: "The .burn files to run.")
    var files: [String]

    func run() throws {
        let terminal = Terminal()
        let session = terminal.makeSession()
        for path in files {
            do {
                try session.run(file: path)
            } catch {
                terminal.flushOutput()
                terminal.error(session.render(error, color: terminal.errorColor))
                throw ExitCode(1)
            }
        }
        terminal.flushOutput()
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate an expression (or statements) and print the value.")

    @Argument(help: "The expression, e.g. '157B / 3.7B as x'.")
    var expression: String

    func run() throws {
        let terminal = Terminal()
        let session = terminal.makeSession()
        do {
            let value = try session.evaluate(expression, name: "<eval>")
            if case .none = value {} else { terminal.write(session.format(value) + "\n") }
            terminal.flushOutput()
        } catch {
            terminal.flushOutput()
            terminal.error(session.render(error, color: terminal.errorColor))
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the `check` statements of scripts (files or directories); print `N passed, N failed`.")

    @Argument(help: "Files or directories (searched for .burn files).")
    var paths: [String]

    func run() throws {
        let code = CheckRunner(terminal: Terminal()).run(paths)
        if code != 0 { throw ExitCode(code) }
    }
}

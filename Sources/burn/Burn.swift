// burn: the command line. `burn` starts the REPL (or reads cells from a pipe), `burn run`,
// `burn eval` and `burn check` run scripts; see `burn --help`.
import ArgumentParser
import BurnKit
import CAllocator
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

@main
struct Burn: ParsableCommand {
    /// `burn eval EXPR` and `burn run FILE...` without options skip swift-argument-parser's
    /// reflection, which costs more than the rest of start-up together; anything else
    /// (options, help, mistakes) goes through it.
    static func main() {
        burn_keep_freed_memory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `-1234.5` and `-$74B / 4` are expressions, not options (`--help` is one).
        func isOption(_ a: String) -> Bool {
            a.hasPrefix("-") && !(a.dropFirst().first.map { $0.isNumber || "$€£.(".contains($0) } ?? false)
        }
        if let command = arguments.first, ["eval", "run"].contains(command), arguments.count > 1,
           !arguments.dropFirst().contains(where: isOption) {
            let code = command == "eval" ? Eval.evaluate(arguments[1]) : Run.runFiles(Array(arguments.dropFirst()))
            Terminal().flushOutput()
            Glibc.exit(code)
        }
        refuseBareFile(arguments)
        main(nil)
    }

    /// `burn model.burn`: a file where a subcommand goes would be "Unexpected argument" with
    /// the REPL's usage; say how to run it instead.
    private static func refuseBareFile(_ arguments: [String]) {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let first = arguments.first, !names.contains(first), !first.hasPrefix("-"),
              first.hasSuffix(".burn") || first.hasSuffix(".ipynb") || access(first, F_OK) == 0 else { return }
        let files = arguments.joined(separator: " ")
        fputs("""
            error: `burn \(files)` does not run a file
              = help: run it with `burn run \(files)` (or check it with `burn check \(files)`)

            """, stderr)
        Glibc.exit(64)
    }

    static let configuration = CommandConfiguration(
        commandName: "burn",
        abstract: "Model the finances of AI companies: revenue, losses, rounds, burn, cash and runway.",
        discussion: """
        With no subcommand, burn starts the line-editing REPL; with input from a pipe it runs each \
        line as a REPL cell (`burn < cells.burn`). The language reference is built in: `burn help` \
        lists its topics, `burn help TOPIC` (or `:help TOPIC` in the REPL) shows one with a tested \
        example; the whole reference is Sources/BurnKit/BurnKit.docc/LanguageReference.md in Burn's \
        repository.
        """,
        version: "0.1.0",
        subcommands: [Repl.self, Run.self, Eval.self, Check.self, Jupyter.self, NotebookCommand.self, HelpCommand.self],
        defaultSubcommand: Repl.self
    )
}

struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the REPL (the default). Reads cells from standard input when it is not a terminal.")

    func run() throws {
        let terminal = Terminal()
        let code = terminal.inputIsTerminal ? InteractiveRepl(terminal: terminal).run() : PipedRepl(terminal: terminal).run()
        if code != 0 { throw ExitCode(code) }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Burn scripts and notebooks in order; stop with status 1 at the first error.")

    @Argument(help: "The .burn scripts and .md notebooks to run.")
    var files: [String]

    @Option(help: "How tables print: text (aligned columns) or markdown.")
    var tables: TableStyle = .text

    @Flag(help: "Rewrite the notebooks' saved outputs (```output blocks) with what their code prints now.")
    var update = false

    @Flag(help: "Print each script with its results: an expression's value after `# =>` on its line, what other statements print under them as `#>` lines.")
    var annotate = false

    @Option(help: "Stop a file that runs longer than this many seconds, with an error (default 120).")
    var seconds: Double?

    func run() throws {
        if let seconds, !(seconds > 0) { throw ValidationError("--seconds takes a number of seconds above 0") }
        let code = Run.runFiles(files, tables: tables, update: update, annotate: annotate, seconds: seconds)
        if code != 0 { throw ExitCode(code) }
    }

    static func runFiles(_ files: [String], tables: TableStyle = .text, update: Bool = false, annotate: Bool = false,
                         seconds: Double? = nil) -> Int32 {
        let terminal = Terminal()
        if annotate, let refusal = AnnotatedScripts.refusal(files, update: update) {
            terminal.error(refusal)
            return 1
        }
        let session = terminal.makeSession()
        session.tableStyle = tables
        if let seconds { session.limits.seconds = seconds }
        for path in files {
            // Colour only where the text is read on a terminal, never in a notebook's saved outputs.
            session.outputColor = terminal.outputColor && !annotate && !NotebookFiles.isNotebookPath(path)
            if annotate {
                let code = AnnotatedScripts(terminal: terminal).run(path, in: session)
                if code != 0 { return code }
                continue
            }
            if NotebookFiles.isNotebookPath(path) {
                let notebooks = NotebookFiles(terminal: terminal)
                let code = update ? notebooks.update(path, in: session) : notebooks.run(path, in: session)
                if code != 0 { return code }
                continue
            }
            do {
                try session.run(file: path)
            } catch {
                terminal.error(session.render(error, color: terminal.errorColor))
                return 1
            }
        }
        terminal.flushOutput()
        return 0
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate an expression (or statements) and print the value.")

    @Argument(help: "The expression, e.g. '157B / 3.7B as x'.")
    var expression: String

    func run() throws {
        let code = Eval.evaluate(expression)
        if code != 0 { throw ExitCode(code) }
    }

    static func evaluate(_ expression: String) -> Int32 {
        let terminal = Terminal()
        let session = terminal.makeSession()
        session.outputColor = terminal.outputColor
        do {
            let value = try session.evaluate(expression, name: "<eval>")
            if case .none = value {} else { terminal.write(session.format(value) + "\n") }
            terminal.flushOutput()
            return 0
        } catch {
            terminal.error(session.render(error, color: terminal.errorColor))
            return 1
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the `check` statements of scripts and the saved outputs of notebooks; print `N passed, N failed`.")

    @Argument(help: "Files or directories (searched for .burn scripts and .md notebooks).")
    var paths: [String]

    func run() throws {
        let code = CheckRunner(terminal: Terminal()).run(paths)
        if code != 0 { throw ExitCode(code) }
    }
}

extension TableStyle: ExpressibleByArgument {}

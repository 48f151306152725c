// HelpCommand: `burn help [TOPIC]` prints what `:help [TOPIC]` prints in the REPL: the topics,
// or one statement, metric, function, command or concept with its example.
import ArgumentParser
import BurnKit

struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show the language's help topics, or one topic (`burn help grows`, `burn help cagr`).")

    @Argument(help: "A statement, metric, function, REPL command (`:undo`) or concept; none lists them all.")
    var topic: [String] = []

    func run() throws {
        let code = HelpCommand.show(topic.joined(separator: " "))
        if code != 0 { throw ExitCode(code) }
    }

    /// Prints the topic (or, for an unknown one, the error with the nearest topic) and returns
    /// the exit status.
    static func show(_ topic: String) -> Int32 {
        let terminal = Terminal()
        let repl = ReplSession(session: Session())
        repl.color = terminal.errorColor
        let outcome = repl.submit(topic.isEmpty ? ":help" : ":help " + topic)
        if outcome.failed, let command = subcommand(topic) {
            terminal.write(Burn.helpMessage(for: command) + "\n")
            return 0
        }
        if outcome.failed {
            terminal.error(outcome.text)
            return 1
        }
        terminal.write(outcome.text)
        terminal.flushOutput()
        return 0
    }

    /// `burn help run`: a subcommand that is no topic of the language gets its usage.
    private static func subcommand(_ name: String) -> ParsableCommand.Type? {
        Burn.configuration.subcommands.first { $0.configuration.commandName == name && $0 != HelpCommand.self }
    }
}

// ReplCommands: the `:` commands of the REPL. A command never takes a cell number; a mistyped
// command or a bad argument is an `error:` with a hint and changes nothing.

extension ReplSession {
    /// A REPL command: its name, how it is written, and what it does (for `:help`).
    public struct Command: Sendable {
        /// The command's name, colon included (`:undo`).
        public var name: String
        /// How it is written, with its arguments (`:set digits N`).
        public var usage: String
        /// What it does, in one line.
        public var summary: String
    }

    /// The commands, in the order `:help` lists them.
    public static let commands: [Command] = [
        Command(name: "help", usage: ":help [topic]", summary: "list the topics, or show one with its tested example"),
        Command(name: "load", usage: ":load FILE", summary: "run a .burn script, or a notebook's code blocks, as one cell"),
        Command(name: "save", usage: ":save FILE.md", summary: "write the cells that succeeded and their outputs as a notebook (.burn: code only)"),
        Command(name: "cells", usage: ":cells", summary: "list the cells so far"),
        Command(name: "metrics", usage: ":metrics", summary: "list the metrics: the catalogue and those declared with `metric`"),
        Command(name: "companies", usage: ":companies", summary: "list the companies, with their facts, years, rounds and commitments"),
        Command(name: "knobs", usage: ":knobs", summary: "list the knobs (`assume`), their values and the scenarios that change them"),
        Command(name: "scenarios", usage: ":scenarios", summary: "list the scenarios and what each changes"),
        Command(name: "undo", usage: ":undo", summary: "drop the last cell, and everything it changed"),
        Command(name: "reset", usage: ":reset", summary: "start afresh: no cells, the standard library only"),
        Command(name: "set", usage: ":set digits N", summary: "significant digits, 1 to 15; `:set locale fr` (or `en`): French numbers"),
        Command(name: "time", usage: ":time [on|off]", summary: "print each cell's wall time after its output"),
        Command(name: "quit", usage: ":quit", summary: "leave (Ctrl-D also leaves)"),
    ]

    static let commandAliases = ["q": "quit", "exit": "quit", "h": "help", "?": "help", "l": "load"]

    func command(_ line: String) -> Outcome {
        let body = line.dropFirst()
        let name = String(body.prefix { $0 != " " && $0 != "\t" && $0 != "\n" })
        // A command is one line: `:set locale fr` followed by code in the same cell would
        // otherwise take the code for its argument.
        if let newline = body.firstIndex(of: "\n") {
            let first = ":" + String(body[..<newline]).trimmingSpaces()
            return failure("`\(first)` is a command of its own, and this cell has more lines after it",
                           hint: "put `\(first)` in a cell of its own, and the code below it in the next cell")
        }
        let argument = String(body.dropFirst(name.count)).trimmingSpaces()
        switch Self.commandAliases[name] ?? name {
        case "help": return help(argument)
        case "load": return load(argument)
        case "save": return save(argument)
        case "cells": return noArgument(name, argument) ?? listCells()
        case "metrics": return noArgument(name, argument) ?? listMetrics()
        case "companies": return noArgument(name, argument) ?? listCompanies()
        case "knobs": return noArgument(name, argument) ?? listKnobs()
        case "scenarios": return noArgument(name, argument) ?? listScenarios()
        case "undo": return noArgument(name, argument) ?? undo()
        case "reset": return noArgument(name, argument) ?? reset()
        case "set": return set(argument)
        case "time": return time(argument)
        case "quit":
            if let error = noArgument(name, argument) { return error }
            wantsToQuit = true
            return Outcome(text: "", failed: false)
        default:
            let suggestion = EditDistance.suggestion(for: name, among: Self.commands.map(\.name))
            return failure("unknown command ':\(name)'" + (suggestion.map { ", did you mean ':\($0)'?" } ?? ""),
                           hint: "`:help` lists the commands")
        }
    }

    // MARK: - The commands

    private func help(_ topic: String) -> Outcome {
        guard let text = ReplHelp.text(for: topic, docs: session.functionDocs) else {
            let suggestion = EditDistance.suggestion(for: topic, among: ReplHelp.topics(docs: session.functionDocs))
            return failure("no help for '\(topic)'" + (suggestion.map { ", did you mean '\($0)'?" } ?? ""),
                           hint: "`:help` lists the topics")
        }
        return Outcome(text: text, failed: false)
    }

    private func listCells() -> Outcome {
        guard !cells.isEmpty else { return Outcome(text: "no cells yet\n", failed: false) }
        var text = ""
        for cell in cells {
            let label = "[\(cell.number)] "
            let indent = String(repeating: " ", count: label.count)
            let lines = cell.source.trimmingTrailingNewlines().split(separator: "\n", omittingEmptySubsequences: false)
            text += label + lines.joined(separator: "\n" + indent) + "\n"
        }
        return Outcome(text: text, failed: false)
    }

    private func undo() -> Outcome {
        guard let cell = dropLastCell() else {
            if !cells.isEmpty {
                return failure("cannot undo further: `:undo` takes back the last \(Self.undoDepth) cells",
                               hint: "`:reset` starts afresh; `:save` then `:load` keeps the cells you want")
            }
            return failure("nothing to undo", hint: "`:cells` lists the cells; `:undo` drops the last one")
        }
        let firstLine = cell.source.split(separator: "\n").first.map(String.init) ?? ""
        return Outcome(text: "undid [\(cell.number)] \(firstLine.trimmingSpaces())\n", failed: false)
    }

    private func reset() -> Outcome {
        resetState()
        return Outcome(text: "a fresh session: the standard library only\n", failed: false)
    }

    private func set(_ argument: String) -> Outcome {
        let words = argument.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let setting = words.first else { return Outcome(text: settingsText(), failed: false) }
        if setting == "locale" { return setLocale(Array(words.dropFirst())) }
        guard setting == "digits" else {
            let suggestion = EditDistance.suggestion(for: setting, among: ["digits", "locale"])
            return failure("unknown setting '\(setting)'" + (suggestion.map { ", did you mean '\($0)'?" } ?? ""),
                           hint: "`:set digits 6` shows six significant digits")
        }
        guard words.count == 2 else {
            if words.count == 1 { return Outcome(text: settingsText(), failed: false) }
            return failure("':set digits' takes one number", hint: "`:set digits 6`, or `:set digits default`")
        }
        if words[1] == "default" {
            setDigits(nil)
        } else {
            guard let n = Int(words[1]), (1...15).contains(n) else {
                return failure("':set digits' needs a whole number from 1 to 15, found '\(words[1])'",
                               hint: "`:set digits 6`, or `:set digits default`")
            }
            setDigits(n)
        }
        return Outcome(text: Self.digitsSetting(digits) + "\n", failed: false)
    }

    /// `digits 6` (or `default`): what `:set digits` prints, and (after `:set `) what a saved
    /// notebook writes where the session changed the digits.
    static func digitsSetting(_ digits: Int?) -> String {
        "digits " + (digits.map(String.init) ?? "default")
    }

    private func settingsText() -> String {
        let digitsText = digits.map { "digits \($0)" } ?? "digits default (4 for money and large numbers, 6 for plain numbers)"
        return digitsText + "\nlocale " + session.formatter.locale.code + "\ntime " + (showsTime ? "on" : "off") + "\n"
    }

    /// `:set locale fr` / `:set locale en`: how numbers read and print from the next cell on,
    /// as the statement `locale fr` does (LANGUAGE.md section 12).
    private func setLocale(_ words: [String]) -> Outcome {
        guard words.count == 1, let locale = NumberLocale(code: words[0]) else {
            let found = words.isEmpty ? "nothing" : "'\(words.joined(separator: " "))'"
            return failure("':set locale' takes `fr` or `en`, found \(found)",
                           hint: "`:set locale fr` reads and prints `6,6 Md$`; `:set locale en` reads and prints `$6.6B`")
        }
        session.formatter.locale = locale
        return Outcome(text: "locale \(locale.code)\n", failed: false)
    }

    private func time(_ argument: String) -> Outcome {
        switch argument {
        case "": showsTime.toggle()
        case "on": showsTime = true
        case "off": showsTime = false
        default:
            return failure("':time' takes `on`, `off` or nothing, found '\(argument)'",
                           hint: "`:time` turns the timing of each cell on or off")
        }
        return Outcome(text: "time " + (showsTime ? "on" : "off") + "\n", failed: false)
    }

    // MARK: - Helpers

    private func noArgument(_ name: String, _ argument: String) -> Outcome? {
        guard !argument.isEmpty else { return nil }
        return failure("':\(name)' takes no argument, found '\(argument)'", hint: "`:help :\(name)`")
    }

    /// A command's error, rendered as every error is.
    func failure(_ message: String, hint: String? = nil) -> Outcome {
        let text = DiagnosticRenderer(color: color).render(Diagnostic(message, at: .none, hint: hint), file: nil)
        return Outcome(text: text, failed: true)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

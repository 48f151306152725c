// ReplHelp: the text of `:help` (and `burn help`): the listing of every topic by group, or one
// topic: its forms, what it does, and its tested example. The topics themselves are data, in
// Sources/BurnKit/Help/; a function's `##` doc comment is a topic too.

enum ReplHelp {
    /// Help on `topic` (empty: the listing), or nil when there is none.
    static func text(for topic: String, docs: [String: FunctionDoc]) -> String? {
        let catalogue = HelpCatalogue(docs: docs)
        if topic.isEmpty { return listing(catalogue) }
        return catalogue.topic(named: topic).map(render)
    }

    /// Every name `:help` knows, for suggestions and completion: the topics, and the commands
    /// without their colon too (`:help undo`).
    static func topics(docs: [String: FunctionDoc]) -> [String] {
        let names = HelpCatalogue(docs: docs).topics.map(\.name)
        let bare = ReplSession.commands.map(\.name).filter { !names.contains($0) }
        return names + bare
    }

    // MARK: - One topic

    /// Forms, summary, text, example, see also. A concept's forms do not name it, so its
    /// name comes first, with its summary.
    static func render(_ topic: HelpTopic) -> String {
        var out: String
        if topic.group == .concepts {
            out = topic.name + ": " + topic.summary + "\n" + topic.forms.map { "  " + $0 + "\n" }.joined()
        } else {
            out = (topic.forms.isEmpty ? [topic.name] : topic.forms).joined(separator: "\n") + "\n"
            out += topic.summary + "\n"
        }
        if !topic.text.isEmpty { out += wrapped(topic.text) + "\n" }
        out += example(topic)
        if !topic.seeAlso.isEmpty { out += "see also: " + topic.seeAlso.joined(separator: ", ") + "\n" }
        return out
    }

    /// `example: cagr(3.7B, 98.7B, 4)  # => 127.3%` for one line that prints one value in
    /// cell 1; otherwise the lines typed, then what they print, indented.
    private static func example(_ topic: HelpTopic) -> String {
        guard !topic.example.isEmpty else { return "" }
        let lines = topic.example.split(separator: "\n", omittingEmptySubsequences: false)
        let printed = topic.output.trimmingTrailingNewlines()
        if lines.count == 1, printed.hasPrefix("[1] "), !printed.contains("\n") {
            return "example: " + topic.example + "  # => " + printed.dropFirst(4) + "\n"
        }
        var out = "example:\n" + indented(topic.example)
        out += printed.isEmpty ? "prints nothing\n" : "prints:\n" + indented(printed)
        return out
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "\n" : "  " + $0 + "\n" }.joined()
    }

    /// The text with each line longer than `width` broken at spaces; shorter lines (the
    /// columns of `:help printing`) stay as written.
    static func wrapped(_ text: String, width: Int = 92) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width else { return String(line) }
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ") {
                if !current.isEmpty, current.count + 1 + word.count > width {
                    lines.append(current)
                    current = ""
                }
                current += (current.isEmpty ? "" : " ") + word
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    // MARK: - The listing

    private static func listing(_ catalogue: HelpCatalogue) -> String {
        let width = ReplSession.commands.map(\.usage.count).max() ?? 0
        let commands = ReplSession.commands.map {
            "  " + $0.usage + String(repeating: " ", count: width - $0.usage.count + 2) + $0.summary + "\n"
        }.joined()
        let groups = HelpGroup.allCases.filter { $0 != .commands }
        let titleWidth = groups.map(\.title.count).max() ?? 0
        let topics = groups.map { group in
            let names = catalogue.topics.filter { $0.group == group }.map(\.name)
            return wrapped(names, label: "  " + group.title + String(repeating: " ", count: titleWidth - group.title.count + 2))
        }.joined()
        return """
        Burn: type a statement or an expression; each input is a numbered cell.
          company OpenAI            make OpenAI the current company
          revenue[2024] = 3.7B      a fact; `loss[2024] = 5B` gives costs[2024]
          costs[2024]               an expression prints its value as [n] value
          _ and _3                  the last value, and the value of cell 3
        A cell that fails changes nothing. A line that leaves a bracket open continues on `...`.
        Commands (`:help :NAME` for more):
        \(commands)\
        Topics (`:help NAME`, or `burn help NAME` from the shell):
        \(topics)\
        The whole reference: Sources/BurnKit/BurnKit.docc/LanguageReference.md in Burn's repository.

        """
    }

    /// `names` after `label`, comma-separated, wrapped at 96 columns under the first name.
    private static func wrapped(_ names: [String], label: String) -> String {
        let indent = String(repeating: " ", count: label.count)
        var lines: [String] = []
        var line = label
        for (i, name) in names.enumerated() {
            let item = name + (i == names.count - 1 ? "" : ",")
            if line.count > indent.count, line.count + 1 + item.count > 96 {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + item
        }
        lines.append(line)
        return lines.map { $0 + "\n" }.joined()
    }
}

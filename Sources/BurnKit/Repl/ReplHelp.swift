// ReplHelp: the text of `:help`: general, a command, a topic, or a standard-library function's
// documentation and its (tested) example.

enum ReplHelp {
    /// Help on `topic` (empty: the general text), or nil when there is none.
    static func text(for topic: String, docs: [String: FunctionDoc]) -> String? {
        if topic.isEmpty { return general(docs) }
        if let doc = docs[topic] {
            var out = doc.signature + "\n" + doc.text + "\n"
            if let example = doc.example {
                out += "example: " + example + (doc.result.map { "  # => " + $0 } ?? "") + "\n"
            }
            return out
        }
        let name = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if let command = ReplSession.commands.first(where: { $0.name == name }) {
            return command.usage + "\n" + command.summary + "\n" + (details[command.name].map { $0 + "\n" } ?? "")
        }
        return topics[topic]
    }

    /// Every name `:help` knows, for suggestions and completion.
    static func topics(docs: [String: FunctionDoc]) -> [String] {
        Array(docs.keys).sorted() + ReplSession.commands.map(\.name) + topics.keys.sorted()
    }

    private static func general(_ docs: [String: FunctionDoc]) -> String {
        let width = ReplSession.commands.map(\.usage.count).max() ?? 0
        let commands = ReplSession.commands.map {
            "  " + $0.usage + String(repeating: " ", count: width - $0.usage.count + 2) + $0.summary + "\n"
        }.joined()
        return """
        Burn: type a statement or an expression; each input is a numbered cell.
          company OpenAI            make OpenAI the current company
          revenue[2024] = 3.7B      a fact; `loss[2024] = 5B` gives costs[2024]
          costs[2024]               an expression prints its value as [n] value
          _ and _3                  the last value, and the value of cell 3
        A cell that fails changes nothing. A line that leaves a bracket open continues on `...`.
        Commands:
        \(commands)\
        Topics: :help keys, :help notebooks, :help uncertainty
        Functions with help: \(docs.keys.sorted().joined(separator: ", "))

        """
    }

    /// More about some commands, after their usage line.
    private static let details: [String: String] = [
        "load": "A notebook (.md) runs its ```burn blocks; a script (.burn) runs whole. Either is one cell: if it fails, nothing changes.",
        "save": "Writes atomically (a temporary file, then a rename). `burn check FILE.md` re-runs the notebook and compares the outputs.",
        "undo": "The cell's number is given to the next cell.",
        "reset": "Settings (`:set`, `:time`) stay.",
        "time": "The time is shown after the output and never saved in a notebook.",
    ]

    private static let topics: [String: String] = [
        "keys": """
        Line editing (libedit, Emacs keys):
          Left, Right, Ctrl-A, Ctrl-E   move; Alt-B, Alt-F by word
          Up, Down, Ctrl-R              history (kept in $XDG_STATE_HOME/burn/history)
          Tab                           complete keywords, names, metrics, functions, commands, paths
          Ctrl-C                        abandon the line, or interrupt a running cell
          Ctrl-D                        leave

        """,
        "uncertainty": """
        `4B to 5B` draws a lognormal number with that 90% interval (normal when the low bound is
        not positive); also normal(mean, sd), uniform(a, b), lognormal(p5, p95). `samples N`
        and `seed N` set how many draws and where they start (10,000 and a fixed seed).
        Uncertain facts and rule rates flow through identities, formulas, cash and projections
        draw by draw; tables show each cell's mean, and `X.breakeven` becomes a distribution
        over years. P(cond), mean, percentile(x, p), p5 and p95 summarise. Rounds and
        commitments take single amounts; a formula cannot draw (draw once with `let`).

        """,
        "notebooks": """
        A notebook is Markdown: prose, then ```burn blocks, each followed by an ```output block
        holding what it printed. `:save FILE.md` writes one from the cells that succeeded;
        `burn run FILE.md` runs it, `burn check FILE.md` fails where an output changed (with a
        diff), `burn run --update FILE.md` rewrites the outputs. Prose is kept byte for byte.

        """,
    ]
}

// ReplHelp: the text of `:help`, general or for one standard-library function.

enum ReplHelp {
    static func text(for topic: String, docs: [String: FunctionDoc]) -> String {
        if topic.isEmpty { return general(docs) }
        if let doc = docs[topic] {
            var out = doc.signature + "\n" + doc.text + "\n"
            if let example = doc.example {
                out += "example: " + example + (doc.result.map { "  # => " + $0 } ?? "") + "\n"
            }
            return out
        }
        let suggestion = EditDistance.suggestion(for: topic, among: Array(docs.keys))
        return "no help for '\(topic)'" + (suggestion.map { ", did you mean '\($0)'?" } ?? "") + "\n"
    }

    private static func general(_ docs: [String: FunctionDoc]) -> String {
        """
        Burn: type a statement or an expression; each input is a numbered cell.
          company OpenAI            make OpenAI the current company
          revenue[2024] = 3.7B      a fact; `loss[2024] = 5B` gives costs[2024]
          costs[2024]               an expression prints its value as [n] value
          _ and _3                  the last value, and the value of cell 3
        Commands:
          :help [name]   this text, or a function's documentation and example
          :cells         the cells so far
          :quit          leave (Ctrl-D also leaves)
        Functions with help: \(docs.keys.sorted().joined(separator: ", "))

        """
    }
}

// HelpTopic: one topic of `:help` and `burn help`: its forms, what it does, and an example
// whose output is written here and checked by the tests (HelpExampleTests).

/// The groups `:help` lists its topics under.
public enum HelpGroup: String, Sendable, CaseIterable {
    case statements, questions, metrics, functions, commands, concepts

    /// The heading of the group in the `:help` listing.
    var title: String {
        switch self {
        case .commands: return "REPL commands"
        default: return rawValue
        }
    }
}

/// A help topic. Its example is typed into a fresh REPL one line at a time (a line that leaves
/// a bracket open continues onto the next), and `output` is everything those cells print.
public struct HelpTopic: Sendable {
    /// What `:help NAME` is typed with: `grows`, `revenue`, `cagr`, `:undo`, `round()`.
    public var name: String
    /// The group `:help` lists the topic under.
    public var group: HelpGroup
    /// The forms, one a line: `METRIC grows RATE per year [from YEAR] [until YEAR]`.
    public var forms: [String]
    /// One line: what it is.
    public var summary: String
    /// More, as short paragraphs (may be empty).
    public var text: String
    /// REPL input, one cell a line (`:commands` included); empty for no example.
    public var example: String
    /// What the example prints, cell numbers included.
    public var output: String
    /// Related topics.
    public var seeAlso: [String]
    /// True when the example reads or writes files: the tests run it in a directory of its own.
    public var touchesFiles: Bool

    /// A topic `name` in `group`, with its forms, summary, text, example and the example's output.
    public init(_ name: String, _ group: HelpGroup, forms: [String] = [], summary: String, text: String = "",
                example: String = "", output: String = "", seeAlso: [String] = [], touchesFiles: Bool = false) {
        self.name = name
        self.group = group
        self.forms = forms
        self.summary = summary
        self.text = text
        self.example = example
        self.output = output
        self.seeAlso = seeAlso
        self.touchesFiles = touchesFiles
    }
}

// HelpCatalogue: every help topic of a session, in listing order, and how a typed name finds
// one: `grows`, `cagr`, `:undo` or `undo`, `round()` (the function, where a statement has the name).

/// Every help topic a session has (statements, questions, metrics, functions, REPL commands, concepts), and
/// the lookup `:help NAME` uses.
public struct HelpCatalogue: Sendable {
    /// The topics, grouped in the order `:help` lists them.
    public let topics: [HelpTopic]

    /// The built-in topics, plus one for each documented function of `docs` (the standard
    /// library's `##` comments and the session's own).
    public init(docs: [String: FunctionDoc]) {
        let fixed = HelpStatements.topics + HelpQuestions.topics + HelpMetrics.topics
        // A documented function of the session replaces a native one of its name.
        let native = HelpFunctions.topics.filter { docs[$0.name] == nil }
        let functions = (native + docs.keys.sorted().compactMap { docs[$0].map(HelpCatalogue.topic) })
            .sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
            .map { HelpCatalogue.keyed($0, avoiding: fixed) }
        topics = fixed + functions + HelpCommands.topics + HelpConcepts.topics
    }

    /// A fresh session's topics: the built-in ones and the standard library's functions.
    public static var standard: HelpCatalogue { HelpCatalogue(docs: Session().functionDocs) }

    /// The topic `name` asks for, if any.
    public func topic(named typed: String) -> HelpTopic? {
        let name = HelpCatalogue.aliases[typed] ?? typed
        if name.hasPrefix(":") {
            let command = ":" + (ReplSession.commandAliases[String(name.dropFirst())] ?? String(name.dropFirst()))
            return topics.first { $0.name == command }
        }
        if let exact = topics.first(where: { $0.name == name }) { return exact }
        if name.hasSuffix("()") {
            let bare = String(name.dropLast(2))
            return topics.first { $0.group == .functions && ($0.name == bare || $0.name == bare + "()") }
        }
        return topics.first { $0.name == ":" + name }
    }

    /// A function's `##` documentation as a topic; its example is one cell.
    static func topic(_ doc: FunctionDoc) -> HelpTopic {
        HelpTopic(doc.name, .functions, forms: [doc.signature], summary: doc.text,
                  example: doc.example ?? "", output: doc.result.map { "[1] " + $0 } ?? "")
    }

    /// A function named like a statement or metric (`round`) is asked for as `round()`.
    private static func keyed(_ topic: HelpTopic, avoiding others: [HelpTopic]) -> HelpTopic {
        guard others.contains(where: { $0.name == topic.name }) else { return topic }
        var keyed = topic
        keyed.name += "()"
        return keyed
    }

    /// Other words for a topic: the singular, a clause's keyword, an attribute.
    static let aliases: [String: String] = [
        "fact": "facts", "grow": "grows", "reach": "reaches", "source": "sources",
        "founded": "company", "note": "company", "currency": "company",
        "formula": "formulas", "rule": "grows", "rules": "grows", "identities": "identity",
        "to": "uncertainty", "%": "percent", "if": "expressions", "_": "cells",
    ]
}

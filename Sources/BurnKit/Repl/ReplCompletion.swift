// ReplCompletion: what Tab offers for the word before the cursor: keywords, names, companies,
// metrics and functions in code; `Company.` members; commands after `:`; help topics after
// `:help`; file paths after `:load` and `:save`.

extension ReplSession {
    /// The word before the cursor and what may replace it.
    public struct Completion: Sendable, Equatable {
        /// Where the word starts, in characters from the start of the line.
        public var start: Int
        /// Whole replacements for the word, sorted.
        public var candidates: [String]
    }

    /// Candidates for the word that ends at `cursor` (in characters); each replaces it whole.
    public func completions(for line: String, cursor: Int) -> [String] {
        complete(line, cursor: cursor).candidates
    }

    /// The word that ends at `cursor` (in characters) and its candidates.
    public func complete(_ line: String, cursor: Int) -> Completion {
        let before = String(line.prefix(max(0, cursor)))
        let indent = before.prefix { $0 == " " || $0 == "\t" }.count
        if before.dropFirst(indent).hasPrefix(":") { return completeCommand(before, from: indent) }
        let word = String(before.reversed().prefix(while: Self.isWordCharacter).reversed())
        let start = before.count - word.count
        if let first = word.first, first.isNumber { return Completion(start: start, candidates: []) }
        if let dot = word.lastIndex(of: ".") {
            let base = String(word[..<dot]), member = String(word[word.index(after: dot)...])
            let names = matching(member, in: members(of: base)).map { base + "." + $0 }
            return Completion(start: start, candidates: names)
        }
        return Completion(start: start, candidates: matching(word, in: codeNames()))
    }

    // MARK: - Code

    static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "."
    }

    /// Keywords, companies, metrics, functions and the names bound so far (not `_n`).
    private func codeNames() -> [String] {
        let interpreter = session.interpreter
        let keywords = Array(Parser.statementWords.keys) + Array(Parser.reserved) + Array(Parser.clauseKeywords)
        let globals = interpreter.globalSlots.compactMap { name, slot -> String? in
            guard interpreter.runtime.globals[slot] != nil, !name.hasPrefix("_") else { return nil }
            return name
        }
        let companies = interpreter.world.companyNames.filter { !$0.contains(" ") }
        return keywords + companies + interpreter.world.metricNames + globals
    }

    /// After `OpenAI.`: its metrics and members; nothing for a name that is not a company.
    private func members(of base: String) -> [String] {
        let world = session.interpreter.world
        guard world.isCompany(base) else { return [] }
        return world.metricNames + World.companyMembers
    }

    private func matching(_ prefix: String, in names: [String]) -> [String] {
        Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }

    // MARK: - Commands

    private func completeCommand(_ before: String, from indent: Int) -> Completion {
        let body = before.dropFirst(indent + 1)
        guard let space = body.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let names = ReplSession.commands.map { ":" + $0.name }
            return Completion(start: indent, candidates: matching(":" + body, in: names))
        }
        let name = String(body[..<space])
        let argument = body[space...].drop { $0 == " " || $0 == "\t" }
        let start = before.count - argument.count
        switch name {
        case "load", "l", "save":
            return Completion(start: start, candidates: paths(String(argument)))
        case "help", "h", "?":
            return Completion(start: start, candidates: matching(String(argument), in: ReplHelp.topics(docs: session.functionDocs)))
        case "set":
            return Completion(start: start, candidates: matching(String(argument), in: ["digits", "locale"]))
        case "time":
            return Completion(start: start, candidates: matching(String(argument), in: ["on", "off"]))
        default:
            return Completion(start: start, candidates: [])
        }
    }

    /// Directories (with a trailing `/`), scripts and notebooks whose path starts with `partial`.
    private func paths(_ partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directoryPart = slash.map { String(partial[...$0]) } ?? ""
        let namePart = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let directory = FilePaths.expandingHome(directoryPart.isEmpty ? "." : directoryPart)
        return FilePaths.contents(of: directory).compactMap { name in
            guard name.hasPrefix(namePart), !name.hasPrefix(".") || namePart.hasPrefix(".") else { return nil }
            let full = directoryPart + name
            if FilePaths.isDirectory(FilePaths.join(directory, name)) { return full + "/" }
            return ["burn", "md"].contains(FilePaths.extensionOf(name)) ? full : nil
        }
    }
}

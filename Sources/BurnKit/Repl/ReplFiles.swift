// ReplFiles: `:load` (a script or a notebook's code blocks, as one cell) and `:save` (the cells
// that succeeded, as a notebook or a script, written atomically).

extension ReplSession {
    func load(_ argument: String) -> Outcome {
        let path = FilePaths.expandingHome(Self.unquoted(argument))
        guard !path.isEmpty else {
            return failure("':load' needs a file", hint: "`:load model.burn`, or `:load notebook.md`")
        }
        guard session.files.allows(path) else {
            return failure("this session may not read '\(path)'", hint: "the host allows only some directories")
        }
        guard !FilePaths.isDirectory(path), let text = FilePaths.read(path) else {
            return failure("cannot read '\(path)'", hint: "check the path and its permissions")
        }
        guard FilePaths.extensionOf(path) == "md" else {
            return runCell([Piece(name: path, text: text)], recordedAs: text)
        }
        // A notebook's commands (`:set digits 6`) cannot run inside one cell: its code runs alone.
        let blocks = Notebook(parsing: text).codeBlocks.filter { !$0.isCommand }
        guard !blocks.isEmpty else {
            return failure("'\(path)' has no ```burn blocks", hint: "a notebook's code is in ```burn fenced blocks")
        }
        let pieces = blocks.map { Piece(name: path, text: $0.source, firstLine: $0.line) }
        return runCell(pieces, recordedAs: blocks.map(\.source).joined(separator: "\n"))
    }

    func save(_ argument: String) -> Outcome {
        let path = FilePaths.expandingHome(Self.unquoted(argument))
        guard !path.isEmpty else {
            return failure("':save' needs a file name", hint: "`:save session.md` writes a notebook")
        }
        let text: String
        switch FilePaths.extensionOf(path) {
        case "md": text = Notebook.render(cells)
        case "burn": text = cells.map { $0.source.trimmingTrailingNewlines() + "\n" }.joined()
        default:
            return failure("':save' writes a notebook (.md) or a script (.burn), not '\(path)'",
                           hint: "`:save session.md`")
        }
        guard session.files.allows(path) else {
            return failure("this session may not write '\(path)'", hint: "the host allows only some directories")
        }
        guard FilePaths.writeAtomically(text, to: path) else {
            return failure("cannot write '\(path)'", hint: "check that its directory exists and is writable")
        }
        let count = cells.count == 1 ? "1 cell" : "\(cells.count) cells"
        return Outcome(text: "saved \(count) to \(path)\n", failed: false)
    }

    /// `"my file.md"` → `my file.md`: a path may be quoted when it has spaces.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast())
    }
}

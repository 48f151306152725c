// Notebook: a Markdown notebook as data: prose kept byte for byte, ```burn code blocks, and
// the ```output block after each; rendering gives back the very same text.

/// A Markdown document whose `burn` code blocks are cells; the `output` block
/// right after a code block (blank lines between) holds what the cell printed.
public struct Notebook: Sendable {
    /// The document in order: prose (any text, other fenced blocks included) and code blocks.
    public var chunks: [Chunk]

    /// A piece of the document: prose, or a `burn` code block with its output.
    public enum Chunk: Sendable {
        case prose(String)
        case code(CodeBlock)
    }

    /// A `burn` code block, its fences as written, and the output block after it if any.
    public struct CodeBlock: Sendable {
        /// The opening fence line (three backticks, `burn`, and its newline), exactly as written.
        public var opening: String
        /// The code between the fences.
        public var source: String
        /// The closing fence line, exactly as written (without a newline at the end of a file).
        public var closing: String
        /// The 1-based line of the code's first line in the document.
        public var line: Int
        /// The `output` block after the code block; nil when there is none.
        public var output: OutputBlock?

        /// A REPL command (`:set digits 6`) rather than Burn code.
        public var isCommand: Bool { source.trimmingLeadingSpace().hasPrefix(":") }
        /// The saved output; empty when there is no output block.
        public var expected: String { output?.text ?? "" }
    }

    /// An `output` block after a code block: what the cell printed, with its fences as written.
    public struct OutputBlock: Sendable {
        /// The blank lines between the code block and this one.
        public var gap: String
        /// The opening fence line (three backticks, `output`, and its newline), exactly as written.
        public var opening: String
        /// What the cell printed, as saved.
        public var text: String
        /// The closing fence line, exactly as written.
        public var closing: String
    }

    /// The line of a `burn` code fence that is never closed: running the notebook
    /// reports it as a failed cell rather than skipping the code silently.
    public var unclosedBlockLine: Int?

    /// Reads a document; text that is not a ```burn block (or its output) is prose.
    public init(parsing text: String) {
        var parser = NotebookParser(text)
        chunks = parser.parse()
        unclosedBlockLine = parser.unclosedBurnFence
    }

    /// A notebook made of `chunks`, in order.
    public init(chunks: [Chunk]) { self.chunks = chunks }

    /// Reads the notebook at `path`; nil when the file cannot be read.
    public init?(contentsOf path: String) {
        guard !FilePaths.isDirectory(path), let text = FilePaths.read(path) else { return nil }
        self.init(parsing: text)
    }

    /// Writes the notebook through a temporary file and a rename, so that a reader never sees
    /// half of it and a failed write leaves the old file as it was.
    public func write(to path: String) -> Bool {
        FilePaths.writeAtomically(text, to: path)
    }

    /// The document as text: the prose exactly as read, the blocks with their current outputs.
    public var text: String {
        var out = ""
        for chunk in chunks {
            switch chunk {
            case .prose(let text): out += text
            case .code(let block):
                out += block.opening + block.source + block.closing
                if let o = block.output { out += o.gap + o.opening + o.text + o.closing }
            }
        }
        return out
    }

    /// The code blocks (cells), in document order.
    public var codeBlocks: [CodeBlock] {
        chunks.compactMap { if case .code(let block) = $0 { return block } else { return nil } }
    }

    /// Whether the document has a ```burn block at all (a README has none).
    public var isNotebook: Bool { !codeBlocks.isEmpty || unclosedBlockLine != nil }

    /// Replaces the outputs of the code blocks, in order: an empty output removes the block,
    /// a missing block is added after its code (prose is never touched).
    public mutating func setOutputs(_ outputs: [String]) {
        var index = 0
        for (position, chunk) in chunks.enumerated() {
            guard case .code(var block) = chunk, index < outputs.count else { continue }
            block.setOutput(outputs[index])
            chunks[position] = .code(block)
            index += 1
        }
    }

    // MARK: - Writing

    /// A new notebook of REPL cells: a heading, then each cell's code and output.
    public static func render(_ cells: [ReplSession.Cell]) -> String {
        var out = "# Burn notebook\n\nSaved from the Burn REPL; `burn check` re-runs it and compares the outputs.\n"
        var digits: Int?
        var locale = NumberLocale.english
        for cell in cells {
            if cell.locale != locale {
                // `:set locale fr` between cells: the notebook switches where the session did.
                out += "\n" + fenced(":set locale \(cell.locale.code)\n", info: "burn")
                out += "\n" + fenced("locale \(cell.locale.code)\n", info: "output")
            }
            locale = cell.localeAfter
            if cell.digits != digits {
                // The outputs depend on the digits: the notebook sets them where the session did.
                let setting = ReplSession.digitsSetting(cell.digits)
                out += "\n" + fenced(":set " + setting + "\n", info: "burn")
                out += "\n" + fenced(setting + "\n", info: "output")
                digits = cell.digits
            }
            out += "\n" + fenced(cell.source.trimmingTrailingNewlines() + "\n", info: "burn")
            if !cell.output.isEmpty { out += "\n" + fenced(cell.output, info: "output") }
        }
        return out
    }

    /// A fenced block, its fence longer than any run of backticks that starts a line inside.
    static func fenced(_ text: String, info: String) -> String {
        let body = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        var longest = 2
        for line in body.split(separator: "\n") {
            longest = max(longest, line.trimmingLeadingSpace().prefix { $0 == "`" }.count)
        }
        let fence = String(repeating: "`", count: longest + 1)
        return fence + info + "\n" + body + fence + "\n"
    }
}

extension Notebook.CodeBlock {
    mutating func setOutput(_ text: String) {
        if text.isEmpty {
            output = nil
            return
        }
        var body = text.hasSuffix("\n") ? text : text + "\n"
        // A notebook with Windows line breaks gets its outputs with them too.
        let windows = opening.unicodeScalars.suffix(2).elementsEqual(["\r", "\n"])
        if windows { body = body.withWindowsLineBreaks }
        if var existing = output, Self.fits(body, fence: existing.closing) {
            existing.text = body
            output = existing
            return
        }
        // By scalars: in Swift, "```\r\n" does not have the suffix "\n" (`\r\n` is one Character).
        if closing.unicodeScalars.last != "\n" { closing += windows ? "\r\n" : "\n" }
        let block = Notebook.fenced(body.withUnixLineBreaks, info: "output")
        let firstNewline = block.firstIndex(of: "\n")!
        let lastFence = block.dropLast().lastIndex(of: "\n")!
        let opening = String(block[...firstNewline]), fence = String(block[block.index(after: lastFence)...])
        output = Notebook.OutputBlock(
            gap: output?.gap ?? (windows ? "\r\n" : "\n"),
            opening: windows ? opening.withWindowsLineBreaks : opening,
            text: body,
            closing: windows ? fence.withWindowsLineBreaks : fence)
    }

    /// Whether `text` can sit inside the fence without a line of it closing the block early.
    private static func fits(_ text: String, fence: String) -> Bool {
        let fenceLength = fence.trimmingLeadingSpace().prefix { $0 == "`" || $0 == "~" }.count
        return !text.split(separator: "\n").contains { line in
            let marks = line.trimmingLeadingSpace().prefix { $0 == "`" || $0 == "~" }.count
            return marks >= fenceLength
        }
    }
}

extension StringProtocol {
    func trimmingLeadingSpace() -> SubSequence {
        self[(firstIndex { $0 != " " && $0 != "\t" } ?? endIndex)...]
    }
}

// NotebookParser: splits Markdown into prose and ```burn blocks (with their ```output blocks),
// following CommonMark's fences: ``` or ~~~, at most three spaces of indent, a closing fence at
// least as long as the opening one. An unclosed fence is prose, but an unclosed ```burn fence
// is reported (`unclosedBurnFence`): it is a cell the author meant to run.

struct NotebookParser {
    /// The lines, each with its line break (the last may have none).
    private let lines: [Substring]
    /// The 1-based line of a ```burn fence that nothing closes, found by `parse`.
    private(set) var unclosedBurnFence: Int?

    init(_ text: String) {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let next = text.utf8.index(after: index)
            if text.utf8[index] == UInt8(ascii: "\n") {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start != text.endIndex { lines.append(text[start...]) }
        self.lines = lines
    }

    mutating func parse() -> [Notebook.Chunk] {
        var chunks: [Notebook.Chunk] = []
        var prose = ""
        var i = 0
        while i < lines.count {
            guard let fence = Self.openingFence(lines[i]), let close = closing(of: fence, after: i) else {
                if unclosedBurnFence == nil, Self.openingFence(lines[i])?.info == "burn" { unclosedBurnFence = i + 1 }
                prose += lines[i]
                i += 1
                continue
            }
            guard fence.info == "burn" else {
                prose += lines[i...close].joined()
                i = close + 1
                continue
            }
            if !prose.isEmpty { chunks.append(.prose(prose)) }
            prose = ""
            var block = Notebook.CodeBlock(
                opening: String(lines[i]), source: lines[(i + 1)..<close].joined(), closing: String(lines[close]),
                line: i + 2, output: nil)
            i = close + 1
            if let (output, next) = output(after: i) {
                block.output = output
                i = next
            }
            chunks.append(.code(block))
        }
        if !prose.isEmpty { chunks.append(.prose(prose)) }
        return chunks
    }

    /// The ```output block that follows blank lines from `start`, and the line after it.
    private func output(after start: Int) -> (Notebook.OutputBlock, Int)? {
        var k = start
        while k < lines.count, Self.isBlank(lines[k]) { k += 1 }
        guard k < lines.count, let fence = Self.openingFence(lines[k]), fence.info == "output",
              let close = closing(of: fence, after: k) else { return nil }
        let block = Notebook.OutputBlock(
            gap: lines[start..<k].joined(), opening: String(lines[k]),
            text: lines[(k + 1)..<close].joined(), closing: String(lines[close]))
        return (block, close + 1)
    }

    // MARK: - Fences

    struct Fence {
        var mark: Character
        var length: Int
        /// The first word of the info string: `burn`, `output`, `text`.
        var info: String
    }

    static func openingFence(_ line: Substring) -> Fence? {
        let content = line.trimmingLineBreak()
        let indent = content.prefix { $0 == " " }.count
        guard indent <= 3, let mark = content.dropFirst(indent).first, mark == "`" || mark == "~" else { return nil }
        let length = content.dropFirst(indent).prefix { $0 == mark }.count
        guard length >= 3 else { return nil }
        let info = content.dropFirst(indent + length).trimmingLeadingSpace()
        if mark == "`", info.contains("`") { return nil }
        let word = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
        return Fence(mark: mark, length: length, info: String(word))
    }

    /// The index of the line that closes `fence` opened at `start`, if any.
    private func closing(of fence: Fence, after start: Int) -> Int? {
        var j = start + 1
        while j < lines.count {
            let content = lines[j].trimmingLineBreak()
            let indent = content.prefix { $0 == " " }.count
            let rest = content.dropFirst(indent)
            let length = rest.prefix { $0 == fence.mark }.count
            if indent <= 3, length >= fence.length, rest.dropFirst(length).allSatisfy({ $0 == " " || $0 == "\t" }) {
                return j
            }
            j += 1
        }
        return nil
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}

private extension Substring {
    func trimmingLineBreak() -> Substring {
        var s = self
        while let last = s.last, last == "\n" || last == "\r\n" || last == "\r" { s = s.dropLast() }
        return s
    }
}

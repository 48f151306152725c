// NotebookInputTests: notebooks as editors really save them: Windows line breaks, a byte-order
// mark, a ```burn fence left open; and `burn check`'s refusal of `:save` and `:load`.
import Foundation
import TestSupport
import Testing
@testable import BurnKit

@Suite struct NotebookInputTests {
    static func lf(_ crlf: String) -> String { crlf.replacingOccurrences(of: "\r\n", with: "\n") }

    @Test func windowsLineBreaksCompareAndUpdateAlike() {
        let text = "# T\r\n\r\n```burn\r\n1 + 2\r\n```\r\n\r\n```output\r\n[1] 3\r\n```\r\n"
        var notebook = Notebook(parsing: text)
        #expect(notebook.codeBlocks.count == 1)
        let run = ReplSession().run(notebook)
        #expect(run.blocks.map(\.matches) == [true], "a CRLF output is the same output")
        // Updated outputs keep the notebook's line breaks, and the prose is untouched.
        notebook.setOutputs(["[1] 4\n"])
        #expect(notebook.text == text.replacingOccurrences(of: "[1] 3", with: "[1] 4"))
        var fresh = Notebook(parsing: "# T\r\n\r\n```burn\r\n1 + 2\r\n```\r\n")
        fresh.setOutputs(["[1] 3\n"])
        #expect(fresh.text == text, "an added output block has CRLF fences and one blank line before it")
    }

    @Test func lineBreakConversions() {
        #expect("a\r\nb\rc\r\n".withUnixLineBreaks == "a\nb\rc\n")
        #expect("a\nb\r\n".withWindowsLineBreaks == "a\r\nb\r\n")
        #expect("no breaks".withUnixLineBreaks == "no breaks")
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/bom.md"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("```burn\n1 + 1\n```\n\n```output\n[1] 2\n```\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let notebook = try #require(Notebook(contentsOf: path))
        #expect(notebook.codeBlocks.count == 1, "the first fence is seen")
        #expect(ReplSession().run(notebook).blocks.map(\.matches) == [true])
    }

    @Test func anUnclosedBurnFenceIsAFailedCell() {
        let notebook = Notebook(parsing: "# x\n\n```burn\n1 + 1\n\nmore prose\n")
        #expect(notebook.unclosedBlockLine == 3)
        #expect(notebook.isNotebook)
        let run = ReplSession().run(notebook)
        #expect(run.blocks.count == 1)
        #expect(run.blocks[0].failed && !run.blocks[0].matches)
        #expect(run.blocks[0].actual.hasPrefix("error: the ```burn block opened at line 3 is never closed"))
        // Another language's unclosed fence is prose, as in CommonMark.
        #expect(Notebook(parsing: "```text\nnot closed\n").unclosedBlockLine == nil)
    }

    @Test func checkingRefusesFileCommands() throws {
        let dir = try TemporaryDirectory()
        let notebook = Notebook(parsing: "```burn\n:save \(dir.path)/out.md\n```\n\n```burn\n:load /etc/passwd\n```\n\n```burn\n1 + 1\n```\n")
        let run = ReplSession().run(notebook, fileCommands: false)
        #expect(run.blocks.map(\.failed) == [true, true, false])
        #expect(run.blocks[0].actual.hasPrefix("error: `:save` is not run by `burn check`"))
        #expect(run.blocks[1].actual.hasPrefix("error: `:load` is not run by `burn check`"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out.md"))
    }
}

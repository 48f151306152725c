// NotebookTests: Markdown notebooks: parsing, byte-exact round trips of the prose, outputs
// replaced and added, running as REPL cells, diffs, `:save` and `:load`, atomic writes.
import Foundation
import TestSupport
import Testing
@testable import BurnKit

@Suite struct NotebookTests {
    static let sample = """
    # Costs

    Prose with *emphasis*, trailing spaces   \n\
    and a fence that is not Burn:

    ```text
    ```burn
    not a cell
    ```

    ```burn
    let x = 20
    x + 1
    ```

    ```output
    [1] 21
    ```
    Between.
    ~~~~ burn {.numbered}
    _ * 2
    ~~~~


    ```output
    [2] 42
    ```

    ```burn
    :set digits 6
    ```
    The end, with no newline
    """

    @Test func parsesCodeBlocksOutputsAndProse() {
        let notebook = Notebook(parsing: Self.sample)
        let blocks = notebook.codeBlocks
        #expect(blocks.map(\.source) == ["let x = 20\nx + 1\n", "_ * 2\n", ":set digits 6\n"])
        #expect(blocks.map(\.expected) == ["[1] 21\n", "[2] 42\n", ""])
        #expect(blocks.map(\.line) == [12, 21, 30])
        #expect(blocks.map(\.isCommand) == [false, false, true])
        #expect(blocks[1].output?.gap == "\n\n")
    }

    @Test func roundTripKeepsEveryByte() {
        for text in [Self.sample, "", "no blocks\n", "```burn\n1\n```", "```burn\nunclosed\n", "a\r\n```burn\r\n1\r\n```\r\n"] {
            #expect(Notebook(parsing: text).text == text)
        }
    }

    @Test func setOutputsReplacesAddsAndRemovesOnlyOutputBlocks() {
        var notebook = Notebook(parsing: Self.sample)
        notebook.setOutputs(["[1] 21\n", "", "digits 6\n"])
        let text = notebook.text
        #expect(text.contains("x + 1\n```\n\n```output\n[1] 21\n```\nBetween.\n"))
        #expect(!text.contains("[2] 42"))
        #expect(text.contains(":set digits 6\n```\n\n```output\ndigits 6\n```\nThe end, with no newline"))
        #expect(text.hasPrefix(Self.sample.components(separatedBy: "```burn\nlet x")[0]))
        #expect(Notebook(parsing: text).codeBlocks.map(\.expected) == ["[1] 21\n", "", "digits 6\n"])
    }

    @Test func anOutputWithAFenceGetsALongerFence() {
        var notebook = Notebook(parsing: "```burn\nshow \"x\"\n```\n")
        notebook.setOutputs(["```\n"])
        #expect(notebook.text == "```burn\nshow \"x\"\n```\n\n````output\n```\n````\n")
        #expect(Notebook(parsing: notebook.text).codeBlocks[0].expected == "```\n")
    }

    @Test func runsBlocksAsCellsAndComparesOutputs() {
        let run = ReplSession().run(Notebook(parsing: Self.sample))
        #expect(run.blocks.map(\.matches) == [true, true, false])
        #expect(run.blocks[2].actual == "digits 6\n")
        #expect(!run.hasUnexpectedFailure)
    }

    @Test func errorsAreOutputsAsTheReplPrintsThem() {
        let text = "```burn\n1 / 0\n```\n"
        let run = ReplSession().run(Notebook(parsing: text))
        #expect(run.blocks[0].failed)
        #expect(run.blocks[0].actual == ReplSession().submit("1 / 0").text)
        #expect(run.blocks[0].actual.contains(" --> <cell 1>:1:5"))
        #expect(run.hasUnexpectedFailure)
    }

    @Test func checksAreCountedAndFailuresPrintedInTheirBlock() {
        let text = "```burn\ncheck 1 + 1 == 2\ncheck 2 > 3\n1\n```\n"
        let run = ReplSession().run(Notebook(parsing: text))
        #expect(run.checksPassed == 1)
        #expect(run.checksFailed == 1)
        #expect(run.blocks[0].checksFailed == 1)
        #expect(run.blocks[0].actual.hasPrefix("error: check failed: 2 > 3: left is 2, right is 3\n"))
        #expect(run.blocks[0].actual.hasSuffix("[1] 1\n"))
    }

    @Test func differencesAreUnifiedDiffs() {
        let run = ReplSession().run(Notebook(parsing: "```burn\n1\n2\n3\n```\n\n```output\n[1] 1\n[1] 5\n[1] 3\n```\n"))
        #expect(run.differences(path: "nb.md") == """
            --- nb.md:2 (saved output)
            +++ nb.md:2 (output now)
             [1] 1
            -[1] 5
            +[1] 2
             [1] 3

            """)
    }

    // MARK: - :save and :load

    /// A REPL whose session may read and write files anywhere, as the `burn` binary's does.
    private func fileRepl() -> ReplSession {
        let session = Session()
        session.files = .everywhere
        return ReplSession(session: session)
    }

    @Test func saveWritesANotebookThatReplaysToTheSameOutputs() throws {
        let dir = try TemporaryDirectory()
        let repl = fileRepl()
        _ = repl.submit("company OpenAI\nrevenue[2024] = 3.7B\nloss[2024] = 5B")
        _ = repl.submit("costs[2024]")
        _ = repl.submit("nope")
        _ = repl.submit(":set digits 6")
        _ = repl.submit("$98.67891B")
        let path = dir.path + "/s.md"
        #expect(repl.submit(":save \(path)").text == "saved 3 cells to \(path)\n")
        let notebook = try #require(Notebook(contentsOf: path))
        #expect(notebook.codeBlocks.map(\.source) == [
            "company OpenAI\nrevenue[2024] = 3.7B\nloss[2024] = 5B\n", "costs[2024]\n", ":set digits 6\n", "$98.67891B\n",
        ])
        #expect(!notebook.text.contains("nope"))
        #expect(dir.files() == ["s.md"])
        let replay = ReplSession().run(notebook)
        #expect(replay.blocks.allSatisfy { $0.matches })
        #expect(replay.blocks.map(\.actual)[1] == "[2] $8.7B\n")
    }

    @Test func saveAsAScriptWritesTheCode() throws {
        let dir = try TemporaryDirectory()
        let repl = fileRepl()
        _ = repl.submit("let x = 2")
        _ = repl.submit("x * 3")
        #expect(!repl.submit(":save \(dir.path)/s.burn").failed)
        #expect(try String(contentsOfFile: dir.path + "/s.burn", encoding: .utf8) == "let x = 2\nx * 3\n")
    }

    @Test func aFailedSaveLeavesNoTemporaryFileAndChangesNothing() throws {
        let dir = try TemporaryDirectory()
        let repl = fileRepl()
        _ = repl.submit("1")
        // The target is a directory holding a file: the rename fails, the directory stays.
        try FileManager.default.createDirectory(atPath: dir.path + "/nb.md", withIntermediateDirectories: false)
        try "old".write(toFile: dir.path + "/nb.md/keep", atomically: false, encoding: .utf8)
        let outcome = repl.submit(":save \(dir.path)/nb.md")
        #expect(outcome.failed)
        #expect(outcome.text.hasPrefix("error: cannot write '\(dir.path)/nb.md'\n"))
        #expect(dir.files() == ["nb.md"])
        #expect(try String(contentsOfFile: dir.path + "/nb.md/keep", encoding: .utf8) == "old")
        // A missing directory, and a name that is neither a notebook nor a script.
        #expect(repl.submit(":save \(dir.path)/missing/nb.md").text.hasPrefix("error: cannot write"))
        #expect(repl.submit(":save \(dir.path)/nb.txt").text.hasPrefix("error: ':save' writes a notebook (.md) or a script (.burn)"))
        #expect(repl.submit(":save").failed)
        #expect(repl.cells.count == 1)
    }

    @Test func saveReplacesAnOldNotebookWhole() throws {
        let dir = try TemporaryDirectory()
        try "old text that is longer than the new one\n".write(toFile: dir.path + "/nb.md", atomically: false, encoding: .utf8)
        let repl = fileRepl()
        _ = repl.submit("1")
        _ = repl.submit(":save \(dir.path)/nb.md")
        let text = try String(contentsOfFile: dir.path + "/nb.md", encoding: .utf8)
        #expect(text.hasPrefix("# Burn notebook\n"))
        #expect(!text.contains("old text"))
        #expect(dir.files() == ["nb.md"])
    }

    @Test func loadRunsAScriptOrANotebookAsOneCell() throws {
        let dir = try TemporaryDirectory()
        try "let a = 2\na * 21\n".write(toFile: dir.path + "/m.burn", atomically: false, encoding: .utf8)
        try "# N\n```burn\nlet b = 3\n```\n\n```burn\n:time\n```\ntext\n```burn\nb + a\n```\n".write(
            toFile: dir.path + "/n.md", atomically: false, encoding: .utf8)
        let repl = fileRepl()
        #expect(repl.submit(":load \(dir.path)/m.burn").text == "[1] 42\n")
        #expect(repl.submit(":load \(dir.path)/n.md").text == "[2] 5\n")
        #expect(repl.cells.map(\.source) == ["let a = 2\na * 21\n", "let b = 3\n\nb + a\n"])
        #expect(!repl.showsTime)
    }

    @Test func aFailedLoadChangesNothing() throws {
        let dir = try TemporaryDirectory()
        try "let a = 2\n1 / 0\n".write(toFile: dir.path + "/bad.burn", atomically: false, encoding: .utf8)
        let repl = fileRepl()
        let outcome = repl.submit(":load \(dir.path)/bad.burn")
        #expect(outcome.failed)
        #expect(outcome.text.contains(" --> \(dir.path)/bad.burn:2:5"))
        #expect(repl.submit("a").failed)
        #expect(repl.submit(":load \(dir.path)/none.burn").text.hasPrefix("error: cannot read '\(dir.path)/none.burn'\n"))
        #expect(repl.submit(":load \(dir.path)").text.hasPrefix("error: cannot read"))
        #expect(repl.submit(":load").text.hasPrefix("error: ':load' needs a file\n"))
        #expect(repl.nextCell == 1)
    }

    @Test func filesStayInsideWhatTheHostAllows() throws {
        let repl = ReplSession(session: Session())
        let outcome = repl.submit(":save /tmp/x.md")
        #expect(outcome.failed)
        #expect(outcome.text.hasPrefix("error: this session may not write '/tmp/x.md'"))
    }
}

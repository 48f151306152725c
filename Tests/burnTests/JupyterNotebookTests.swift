// JupyterNotebookTests: `.ipynb` conversion (md → ipynb → md gives the same bytes, for the
// repository's Markdown and for notebooks built to be awkward), `burn notebook convert`,
// `burn check` on an .ipynb, and `burn jupyter install` / `kernel` from the command line.
import BurnKit
import Foundation
import TestSupport
import Testing

@Suite struct NotebookIpynbTests {
    /// Markdown notebooks whose every byte must survive the round trip.
    static let awkward: [String] = [
        "",
        "no code at all\n",
        "```burn\n1 + 1\n```\n",
        "```burn\n1 + 1\n```",
        "```burn\n```\n",
        "```burn\n\n```\n",
        "\n\n# Title\n\n\n```burn\nx\n```\n\n\n```output\n[1] 2\n```\n\n\ntext without newline",
        "# CRLF\r\n\r\n```burn\r\n1\r\n```\r\n\r\n```output\r\n[1] 1\r\n```\r\n",
        "~~~burn\n1\n~~~\n\n~~~~output\n[1] 1\n~~~~\n",
        "````burn {.cell}\n```\n````\n",
        "prose\n```burn\n:set digits 6\n```\n```output\ndigits 6\n```\n```burn\n1/3\n```\n```output\n[1] 0.333333\n```\ntrailing\n\n",
        "```burn\nnope\n```\n\n```output\nerror: unknown name 'nope'\n --> <cell 1>:1:1\n```\n\n```burn\n2\n```\n\n```output\n[1] 2\n```\n",
        "```burn\nproject cash until 2025\n1\n```\n\n```output\nyear\n----\n[1] 1\n[1] 2\nafter\n```\n",
        "```python\nnot burn\n```\n\n```burn\n1\n```\n   \n \n",
        "```burn\nx\n```\n\n```output\n[7] stale number\n```\n",
    ]

    @Test(arguments: awkward)
    func roundTripIsByteIdentical(markdown: String) throws {
        let ipynb = NotebookIpynb.ipynb(from: Notebook(parsing: markdown))
        #expect(try NotebookIpynb.markdown(fromIpynb: ipynb) == markdown)
    }

    @Test func roundTripOfTheRepositorysMarkdown() throws {
        let root = BurnBinary.packageRoot
        for path in ["README.md", "Scripts/README.md", "Tests/Jupyter/workshop.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let ipynb = NotebookIpynb.ipynb(from: Notebook(parsing: text))
            #expect(try NotebookIpynb.markdown(fromIpynb: ipynb) == text, "\(path)")
        }
    }

    @Test func cellsAndOutputsAsJupyterShowsThem() throws {
        let markdown = "# T\n\n```burn\n1 + 1\n```\n\n```output\n[1] 2\n```\n\n```burn\nnope\n```\n\n```output\nerror: unknown name 'nope'\n  |\n```\n"
        let json = try JSONValue(parsing: NotebookIpynb.ipynb(from: Notebook(parsing: markdown)))
        #expect(json["nbformat"] == .number(4) && json["nbformat_minor"] == .number(5))
        #expect(json["metadata"]?["kernelspec"]?["name"] == .string("burn"))
        let cells = json["cells"]?.array ?? []
        #expect(cells.map { $0["cell_type"]?.string ?? "" } == ["markdown", "code", "code"])
        #expect(cells.map { $0["id"]?.string ?? "" } == ["cell-1", "cell-2", "cell-3"])
        #expect(cells[0]["source"] == .array([.string("# T")]))
        #expect(cells[1]["execution_count"] == .number(1))
        #expect(cells[1]["outputs"]?.array?.first == .object([
            "data": .object(["text/plain": .array([.string("2")])]),
            "execution_count": .number(1), "metadata": .object([]), "output_type": .string("execute_result"),
        ]))
        #expect(cells[2]["execution_count"] == .null)
        #expect(cells[2]["outputs"]?.array?.first == .object([
            "ename": .string("BurnError"), "evalue": .string("unknown name 'nope'"), "output_type": .string("error"),
            "traceback": .array([.string("error: unknown name 'nope'"), .string("  |")]),
        ]))
        // Ordinary Markdown needs no `burn` metadata.
        #expect(cells.allSatisfy { $0["metadata"] == .object([]) })
    }

    @Test func anIpynbFromElsewhere() throws {
        // As Jupyter saves a notebook run with the Burn kernel: sources as one string, colour in
        // the traceback, execution counts that are not the REPL's (failed cells count too).
        let ipynb = """
        {"cells": [
          {"cell_type": "markdown", "metadata": {}, "source": "# Lesson\\nText"},
          {"cell_type": "code", "execution_count": 5, "metadata": {}, "source": ["2 *\\n", " 3"],
           "outputs": [{"output_type": "execute_result", "execution_count": 5, "metadata": {}, "data": {"text/plain": "6", "text/html": "<b>6</b>"}}]},
          {"cell_type": "code", "execution_count": 6, "metadata": {}, "source": "x",
           "outputs": [{"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["\\u001b[31merror: unknown name 'x'\\u001b[0m"]}]},
          {"cell_type": "code", "execution_count": 7, "metadata": {}, "source": "```\\n1",
           "outputs": [{"output_type": "stream", "name": "stdout", "text": "printed\\n"}, {"output_type": "execute_result", "execution_count": 7, "metadata": {}, "data": {"text/plain": "1"}}]},
          {"cell_type": "raw", "metadata": {}, "source": "raw text"}
        ], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
        """
        #expect(try NotebookIpynb.markdown(fromIpynb: ipynb) == """
        # Lesson
        Text

        ```burn
        2 *
         3
        ```

        ```output
        [1] 6
        ```

        ```burn
        x
        ```

        ```output
        error: unknown name 'x'
        ```

        ````burn
        ```
        1
        ````

        ```output
        printed
        [2] 1
        ```

        raw text

        """)
        #expect(throws: (any Error).self) { try NotebookIpynb.markdown(fromIpynb: "{\"cells\": 3}") }
        #expect(throws: (any Error).self) { try NotebookIpynb.markdown(fromIpynb: "not json") }
    }
}

@Suite struct JupyterCommandTests {
    @Test func convertBothWaysAndCheckTheIpynb() throws {
        do {
            let dir = try TemporaryDirectory()
            let source = BurnBinary.packageRoot.appendingPathComponent("Tests/Jupyter/workshop.md").path
            let ipynb = dir.path + "/lesson.ipynb"
            let back = dir.path + "/back.md"
            #expect(try BurnBinary.run(["notebook", "convert", source, ipynb]).status == 0)
            #expect(try BurnBinary.run(["notebook", "convert", ipynb, back]).status == 0)
            #expect(try String(contentsOfFile: back, encoding: .utf8) == String(contentsOfFile: source, encoding: .utf8))
            let check = try BurnBinary.run(["check", ipynb])
            #expect(check.stdout == "6 passed, 0 failed\n")
            #expect(check.status == 0)
            let run = try BurnBinary.run(["run", ipynb])
            #expect(run.stdout.hasPrefix("[1] $8.7B\n[2] 42.4x\n"))
        }
    }

    @Test func convertErrors() throws {
        do {
            let dir = try TemporaryDirectory()
            let bad = dir.path + "/bad.ipynb"
            try "not json".write(toFile: bad, atomically: true, encoding: .utf8)
            let result = try BurnBinary.run(["notebook", "convert", bad, dir.path + "/x.md"])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("error: '\(bad)' is not a Jupyter notebook"))
            let same = try BurnBinary.run(["notebook", "convert", "a.md", "b.md"])
            #expect(same.status == 1)
            let missing = try BurnBinary.run(["notebook", "convert", dir.path + "/none.md", "x.ipynb"])
            #expect(missing.stderr.hasPrefix("error: cannot read"))
            let check = try BurnBinary.run(["check", bad])
            #expect(check.status == 1)
            #expect(check.stderr.contains("that it is a Jupyter notebook"))
        }
    }

    @Test func installWritesTheKernelspec() throws {
        do {
            let dir = try TemporaryDirectory()
            let result = try BurnBinary.run(["jupyter", "install", "--prefix", dir.path])
            let spec = URL(fileURLWithPath: dir.path + "/share/jupyter/kernels/burn")
            #expect(result.status == 0)
            #expect(result.stdout == "installed the Burn kernel in \(spec.path)\n")
            let json = try JSONValue(parsing: String(contentsOf: spec.appendingPathComponent("kernel.json"), encoding: .utf8))
            let argv = json["argv"]?.array?.compactMap(\.string) ?? []
            #expect(Array(argv.dropFirst()) == ["jupyter", "kernel", "-f", "{connection_file}"])
            #expect(argv.first?.hasPrefix("/") == true)
            #expect(FileManager.default.isExecutableFile(atPath: argv.first ?? ""))
            #expect(json["display_name"] == .string("Burn") && json["language"] == .string("burn"))
            #expect(json["interrupt_mode"] == .string("message"))
            let logo = try Data(contentsOf: spec.appendingPathComponent("logo-64x64.png"))
            #expect(Array(logo.prefix(4)) == [0x89, 0x50, 0x4e, 0x47])
            // --user honours JUPYTER_DATA_DIR.
            let user = try BurnBinary.run(["jupyter", "install", "--user"], environment: ["JUPYTER_DATA_DIR": dir.path + "/user"])
            #expect(user.stdout == "installed the Burn kernel in \(dir.path)/user/kernels/burn\n")
            let both = try BurnBinary.run(["jupyter", "install", "--user", "--prefix", dir.path])
            #expect(both.status != 0)
        }
    }

    @Test func kernelWithABadConnectionFile() throws {
        do {
            let dir = try TemporaryDirectory()
            let missing = try BurnBinary.run(["jupyter", "kernel", "-f", dir.path + "/none.json"])
            #expect(missing.status == 1)
            #expect(missing.stderr.hasPrefix("error: cannot read the connection file"))
            let bad = URL(fileURLWithPath: dir.path + "/bad.json")
            try "{\"shell_port\": 1".write(to: bad, atomically: true, encoding: .utf8)
            let malformed = try BurnBinary.run(["jupyter", "kernel", "-f", bad.path])
            #expect(malformed.status == 1)
            #expect(malformed.stderr.hasPrefix("error: the connection file '\(bad.path)' is not JSON"))
            #expect(malformed.stderr.contains("= help: "))
        }
    }
}

// NotebookFiles: notebooks on the command line: `burn run nb.md` prints the outputs,
// `burn run --update nb.md` rewrites them, and `burn check` compares them, showing a diff.
import BurnJupyter
import BurnKit

struct NotebookFiles {
    let terminal: Terminal

    /// Runs a notebook's blocks in `session`, printing what each printed. Status 1 when a block
    /// fails with an error its saved output does not show, or a `check` fails.
    func run(_ path: String, in session: Session) -> Int32 {
        guard let result = execute(path, in: session)?.1 else { return 1 }
        for block in result.blocks {
            if block.failed && !block.matches { terminal.error(block.actual) } else { terminal.write(block.actual) }
        }
        return result.hasUnexpectedFailure || result.checksFailed > 0 ? 1 : 0
    }

    /// Runs a notebook and writes its outputs back (adding missing ones), atomically.
    func update(_ path: String, in session: Session) -> Int32 {
        guard let (original, result) = execute(path, in: session) else { return 1 }
        var notebook = original
        let changed = result.blocks.filter { !$0.matches }.count
        notebook.setOutputs(result.blocks.map(\.actual))
        if changed > 0, !NotebookFiles.write(notebook, to: path) {
            terminal.error("error: cannot write '\(path)'\n  = help: check that the file and its directory are writable\n")
            return 1
        }
        let failures = result.blocks.filter(\.failed).count
        terminal.write("\(path): \(changed) of \(result.blocks.count) outputs updated"
                       + (failures > 0 ? "; \(failures) show an error" : "") + "\n")
        return 0
    }

    /// `burn check`: each block passes when its output is the saved one; each `check` counts too.
    func check(_ path: String, in session: Session) -> (passed: Int, failed: Int) {
        guard let (notebook, result) = execute(path, in: session, fileCommands: false) else { return (0, 1) }
        guard notebook.isNotebook else { return (0, 0) }
        let different = result.differences(path: path)
        if !different.isEmpty { terminal.error(different) }
        // A failed check whose output was saved that way still fails: say where.
        for block in result.blocks where block.matches && block.checksFailed > 0 {
            terminal.error("\(path):\(block.line): a check fails (as the saved output shows)\n" + block.actual)
        }
        let matching = result.blocks.filter(\.matches).count
        return (matching + result.checksPassed, result.blocks.count - matching + result.checksFailed)
    }

    /// Reads and runs a notebook; prints the error and gives nil when it cannot be read.
    private func execute(_ path: String, in session: Session, fileCommands: Bool = true) -> (Notebook, NotebookRun)? {
        guard let notebook = NotebookFiles.read(path) else {
            terminal.error("error: cannot read '\(path)'\n  = help: check the path and its permissions"
                           + (NotebookIpynb.isIpynbPath(path) ? ", and that it is a Jupyter notebook (JSON)" : "") + "\n")
            return nil
        }
        // A notebook's outputs are its record: no progress line among them.
        let progress = session.progress
        session.progress = nil
        defer { session.progress = progress }
        return (notebook, ReplSession(session: session).run(notebook, fileCommands: fileCommands))
    }

    static func isNotebookPath(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".md") || NotebookIpynb.isIpynbPath(path)
    }

    /// A Markdown notebook, or an .ipynb converted to one in memory.
    static func read(_ path: String) -> Notebook? {
        guard NotebookIpynb.isIpynbPath(path) else { return Notebook(contentsOf: path) }
        guard let text = KernelFiles.read(path) else { return nil }
        return try? NotebookIpynb.notebook(fromIpynb: text)
    }

    /// Writes a notebook back in its own format (an .ipynb as nbformat 4.5 JSON).
    static func write(_ notebook: Notebook, to path: String) -> Bool {
        guard NotebookIpynb.isIpynbPath(path) else { return notebook.write(to: path) }
        return KernelFiles.write(NotebookIpynb.ipynb(from: notebook), to: path)
    }
}

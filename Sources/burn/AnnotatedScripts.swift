// AnnotatedScripts: `burn run --annotate FILE...`: each script printed with its results (see
// BurnKit's AnnotatedRun), so that the output reads on its own.
import BurnKit

struct AnnotatedScripts {
    let terminal: Terminal

    /// Why `--annotate` cannot run these files, or nil. A notebook already shows each block's
    /// output under its code, so it is refused rather than run some other way.
    static func refusal(_ files: [String], update: Bool) -> String? {
        if update {
            return "error: `--annotate` and `--update` do not go together\n"
                + "  = help: `--update` rewrites notebooks' saved outputs; `--annotate` prints scripts with their results\n"
        }
        guard let notebook = files.first(where: NotebookFiles.isNotebookPath) else { return nil }
        return "error: `--annotate` prints .burn scripts, and '\(notebook)' is a notebook\n"
            + "  = help: a notebook already shows each block's output under its code: run it with `burn run \(notebook)`\n"
    }

    /// Runs one script in `session`, printing it annotated; status 1 at its first error, after
    /// the statements that ran before it.
    func run(_ path: String, in session: Session) -> Int32 {
        let text: String
        do {
            text = try session.read(path)
        } catch {
            terminal.error(session.render(error, color: terminal.errorColor))
            return 1
        }
        let annotated = AnnotatedRun(text: text, format: session.format, emit: terminal.write)
        let output = session.output
        session.output = annotated.capture
        defer { session.output = output }
        do {
            try session.run(source: text, name: path, each: annotated.add)
            annotated.finish()
            return 0
        } catch {
            annotated.abandon()
            terminal.error(session.render(error, color: terminal.errorColor))
            return 1
        }
    }
}

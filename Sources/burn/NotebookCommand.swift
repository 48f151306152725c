// NotebookCommand: `burn notebook convert IN OUT` converts a Markdown notebook to `.ipynb` or
// back, outputs included (BurnKit's NotebookIpynb).
import ArgumentParser
import BurnJupyter
import BurnKit

struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Work with notebooks: convert between Markdown (.md) and Jupyter (.ipynb).",
        subcommands: [Convert.self])

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert lesson.md to lesson.ipynb, or lesson.ipynb to lesson.md (by the extensions).")

        @Argument(help: "The notebook to read (.md or .ipynb).")
        var input: String

        @Argument(help: "The notebook to write (.ipynb or .md).")
        var output: String

        func run() throws {
            let terminal = Terminal()
            guard let text = KernelFiles.read(input) else {
                terminal.error("error: cannot read '\(input)'\n  = help: check the path and its permissions\n")
                throw ExitCode(1)
            }
            let converted: String
            switch (NotebookIpynb.isIpynbPath(input), NotebookIpynb.isIpynbPath(output)) {
            case (false, true):
                converted = NotebookIpynb.ipynb(from: Notebook(parsing: text))
            case (true, false):
                do { converted = try NotebookIpynb.markdown(fromIpynb: text) } catch {
                    terminal.error("error: '\(input)' is not a Jupyter notebook: \(error)\n  = help: an .ipynb file is JSON with a `cells` list (nbformat 4)\n")
                    throw ExitCode(1)
                }
            default:
                terminal.error("error: cannot convert '\(input)' to '\(output)'\n  = help: convert a .md notebook to .ipynb, or an .ipynb to .md\n")
                throw ExitCode(1)
            }
            guard KernelFiles.write(converted, to: output) else {
                terminal.error("error: cannot write '\(output)'\n  = help: check that the directory is writable\n")
                throw ExitCode(1)
            }
        }
    }
}

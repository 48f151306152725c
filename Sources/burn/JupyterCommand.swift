// JupyterCommand: `burn jupyter install [--user | --prefix DIR]` writes the kernelspec, and
// `burn jupyter kernel -f FILE` is the kernel Jupyter starts (see BurnJupyter).
import ArgumentParser
import BurnJupyter

struct Jupyter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jupyter",
        abstract: "Use Burn in Jupyter: install the kernelspec, or run the kernel.",
        subcommands: [Install.self, Kernel.self])

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the kernelspec `burn` (display name Burn) so Jupyter offers Burn notebooks.",
            discussion: "Without an option, system-wide in /usr/local/share/jupyter (as `jupyter kernelspec install`).")

        @Flag(help: "Install for the current user ($JUPYTER_DATA_DIR, or ~/.local/share/jupyter).")
        var user = false

        @Option(help: "Install under PREFIX/share/jupyter (for example a virtual environment's prefix).")
        var prefix: String?

        func validate() throws {
            if user && prefix != nil { throw ValidationError("give `--user` or `--prefix DIR`, not both") }
        }

        func run() throws {
            guard let executable = KernelFiles.executablePath() else {
                Terminal().error("error: cannot find the path of the burn executable\n  = help: run burn by its path\n")
                throw ExitCode(1)
            }
            let location: KernelSpec.Location = prefix.map { .prefix($0) } ?? (user ? .user : .system)
            switch KernelSpec.install(at: location, executable: executable) {
            case .success(let directory):
                Terminal().write("installed the Burn kernel in \(directory)\n")
            case .failure(let error):
                Terminal().error(error.description)
                throw ExitCode(1)
            }
        }
    }

    struct Kernel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kernel",
            abstract: "Run the Jupyter kernel (Jupyter starts it with the connection file it wrote).")

        @Option(name: .customShort("f"), help: "The connection file (ports and key) Jupyter wrote.")
        var connectionFile: String

        func run() throws {
            do {
                let info = try ConnectionInfo(path: connectionFile)
                let kernel = try BurnJupyter.Kernel(connection: info)
                let code = kernel.run()
                if code != 0 { throw ExitCode(code) }
            } catch let error as KernelError {
                Terminal().error(error.description)
                throw ExitCode(1)
            }
        }
    }
}

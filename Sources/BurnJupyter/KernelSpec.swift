// KernelSpec: `burn jupyter install`: the kernelspec directory `burn` (kernel.json and the
// logos) where Jupyter looks for kernels: per user, under a prefix, or system-wide.
import BurnKit

public enum KernelSpec {
    /// Where the kernelspec goes.
    public enum Location: Equatable, Sendable {
        /// `$JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`, else `~/.local/share/jupyter`.
        case user
        /// `PREFIX/share/jupyter` (a virtual environment's `sys.prefix`, say).
        case prefix(String)
        /// `/usr/local/share/jupyter`, as `jupyter kernelspec install` without `--user`.
        case system
    }

    /// The `kernels/burn` directory for `location`; nil when the home directory is unknown.
    public static func directory(for location: Location) -> String? {
        let data: String
        switch location {
        case .prefix(let prefix): data = (prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix) + "/share/jupyter"
        case .system: data = "/usr/local/share/jupyter"
        case .user:
            if let dir = KernelFiles.environment("JUPYTER_DATA_DIR"), !dir.isEmpty {
                data = dir
            } else if let xdg = KernelFiles.environment("XDG_DATA_HOME"), !xdg.isEmpty {
                data = xdg + "/jupyter"
            } else if let home = KernelFiles.environment("HOME"), !home.isEmpty {
                data = home + "/.local/share/jupyter"
            } else {
                return nil
            }
        }
        return data + "/kernels/burn"
    }

    /// kernel.json: Jupyter starts `burn jupyter kernel -f {connection_file}`, and interrupts
    /// with a message on the control socket.
    public static func kernelJSON(executable: String) -> String {
        JSONValue.object([
            "argv": .array([executable, "jupyter", "kernel", "-f", "{connection_file}"].map { .string($0) }),
            "display_name": .string("Burn"),
            "language": .string("burn"),
            "interrupt_mode": .string("message"),
            "metadata": .object([]),
        ]).pretty
    }

    /// Writes the kernelspec; returns its directory, or an error message with a hint.
    public static func install(at location: Location, executable: String) -> Result<String, KernelError> {
        guard let dir = directory(for: location) else {
            return .failure(.problem("cannot find the home directory", hint: "set HOME, or use `--prefix DIR`"))
        }
        guard KernelFiles.makeDirectories(dir),
              KernelFiles.write(kernelJSON(executable: executable), to: dir + "/kernel.json"),
              KernelFiles.write(KernelLogo.png32, to: dir + "/logo-32x32.png"),
              KernelFiles.write(KernelLogo.png64, to: dir + "/logo-64x64.png") else {
            let hint = location == .system ? "install for yourself with `burn jupyter install --user`, or run as root"
                                           : "check that the directory is writable"
            return .failure(.problem("cannot write the kernelspec in '\(dir)'", hint: hint))
        }
        return .success(dir)
    }
}

// JupyterKernelTests: runs the kernel's tests with a real Jupyter client (Tests/Jupyter/
// run_tests.py: jupyter_client and nbclient in .build/jupyter-venv, made once) against the
// built `burn`. Skipped, saying so, only when there is no python3.
import Foundation
import Testing

@Suite struct JupyterKernelTests {
    /// The python3 on the PATH, if any.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    @Test(.enabled(if: python != nil, "python3 is not installed: the Jupyter kernel tests (Tests/Jupyter) need it"),
          .timeLimit(.minutes(10)))
    func realClientSuite() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python ?? "python3")
        process.arguments = [BurnBinary.packageRoot.appendingPathComponent("Tests/Jupyter/run_tests.py").path,
                             "--burn", BurnBinary.executable.path]
        process.currentDirectoryURL = BurnBinary.packageRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Tests/Jupyter/run_tests.py failed:\n\(log)")
        #expect(log.contains("\nOK"), "\(log)")
    }
}

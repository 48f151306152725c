// FuzzNotebook: a libFuzzer target for notebooks: parse, print back (it must be the input,
// byte for byte), run the code blocks as `burn check` does. Built by `Tests/Fuzz/run` with
// `-DFUZZING`; in an ordinary build it replays the inputs named on its command line.
import BurnKit

/// One session for every input, put back to its state after the standard library before each
/// (loading the library per input would make fuzzing ten times slower).
nonisolated(unsafe) let shared: ReplSession = {
    let session = Session()
    session.files = .none
    session.limits = Limits(steps: 2_000_000, depth: 200, seconds: 2)
    return ReplSession(session: session)
}()

/// Parses and runs one notebook; a round trip that changes the text is a finding too.
func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let notebook = Notebook(parsing: text)
    guard notebook.text == text else {
        preconditionFailure("the notebook does not print back as it was read")
    }
    _ = shared.submit(":reset")
    let run = shared.run(notebook, fileCommands: false)
    _ = run.differences(path: "fuzz.md")
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#else
@main
enum ReplayInputs {
    /// Runs each file named on the command line once (a found input, to reproduce it).
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FilePaths.readBytes(path) else { print("cannot read \(path)"); continue }
            bytes.withUnsafeBytes { fuzzOne($0) }
        }
    }
}
#endif

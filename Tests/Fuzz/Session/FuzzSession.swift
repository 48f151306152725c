// FuzzSession: a libFuzzer target that runs each input as a Burn source through `Session.run`.
// Built by `Tests/Fuzz/run` with `-DFUZZING` (libFuzzer provides `main`); in an ordinary build
// it is a small command that replays the inputs named on its command line.
import BurnKit

/// One session for every input, put back to its state after the standard library before each
/// (loading the library per input would make fuzzing ten times slower); a found input is
/// replayed in a fresh session by `swift test` (FuzzFoundTests).
nonisolated(unsafe) let shared: ReplSession = {
    let session = Session()
    session.files = .none
    session.limits = Limits(steps: 2_000_000, depth: 200, seconds: 2)
    session.output = { _ in }
    return ReplSession(session: session)
}()

/// Runs one input as `burn run` would, with no file access and a short deadline (libFuzzer's
/// `-timeout` is the backstop). Any error is fine; a trap is the finding.
func fuzzOne(_ bytes: UnsafeRawBufferPointer) {
    _ = shared.submit(":reset")
    let session = shared.session
    let source = String(decoding: bytes, as: UTF8.self)
    do { try session.run(source: source, name: "fuzz.burn") } catch {
        _ = session.render(error)
    }
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

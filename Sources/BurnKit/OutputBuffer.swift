// OutputBuffer: a thread-safe place for a host to collect what a session prints, since the
// session's `output` closure is `@Sendable` and runs on BurnKit's evaluation thread.
import Synchronization

/// Collects text (or anything else) appended from any thread. Give `buffer.append` to
/// `Session.output`, read `text` once the evaluating call has returned.
///
///     let printed = OutputBuffer()
///     session.output = printed.append
///     try session.run(source: "1 + 1")
///     print(printed.text)  // "2\n"
public final class OutputBuffer: Sendable {
    private let storage = Mutex("")

    /// An empty buffer.
    public init() {}

    /// Adds `text` at the end.
    public func append(_ text: String) { storage.withLock { $0 += text } }

    /// Everything appended so far.
    public var text: String { storage.withLock { $0 } }

    /// Empties the buffer.
    public func clear() { storage.withLock { $0 = "" } }
}

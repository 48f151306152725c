// CellWorker: runs one cell on a thread of its own, so the kernel's main thread keeps serving
// the control socket (interrupt, shutdown) while a long simulation runs. A byte down a pipe
// says the cell is over; the main thread polls that pipe beside its sockets.
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import BurnKit

/// A thread's body, passed through `pthread_create`'s context pointer.
private final class ThreadBody: @unchecked Sendable {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Starts a thread running `body`; nil when no thread can be created.
func startThread(_ body: @escaping () -> Void) -> pthread_t? {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, { raw in
        guard let raw else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().run()
        return nil
    }, context)
    guard started == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return nil
    }
    return thread
}

/// One cell at a time, on a worker thread; its outcome is read after the pipe says it is done.
final class CellWorker: @unchecked Sendable {
    /// Readable when a cell has finished.
    let doneDescriptor: Int32
    private let doneWriter: Int32
    private var thread: pthread_t?
    /// Set while a cell is running or its outcome has not been read yet.
    private var pendingBox: OutcomeBox?

    init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        doneDescriptor = ends[0]
        doneWriter = ends[1]
        _ = fcntl(doneDescriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(doneWriter, F_SETFD, FD_CLOEXEC)
    }

    deinit {
        close(doneDescriptor)
        close(doneWriter)
    }

    var isRunning: Bool { pendingBox != nil }

    /// Runs `code` as a cell of `repl` on a new thread (when none can start, here: the cell is
    /// then done when this returns).
    func start(_ code: String, in repl: ReplSession) {
        let writer = doneWriter
        let box = OutcomeBox()
        pendingBox = box
        let run = {
            box.outcome = repl.submit(code)
            var byte: UInt8 = 1
            _ = write(writer, &byte, 1)
        }
        thread = startThread(run)
        if thread == nil { run() }
    }

    /// Waits for the running cell (the pipe must be readable, or this blocks until it is) and
    /// gives its outcome (nil only if the thread left none, which it always does).
    func finish() -> ReplSession.Outcome? {
        var byte: UInt8 = 0
        while read(doneDescriptor, &byte, 1) < 0 && errno == EINTR {}
        if let thread { pthread_join(thread, nil) }
        thread = nil
        let result = pendingBox?.outcome
        pendingBox = nil
        return result
    }
}

/// Where the worker thread leaves the outcome; read only after the thread is joined.
private final class OutcomeBox: @unchecked Sendable {
    var outcome: ReplSession.Outcome?
}

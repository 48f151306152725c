// BigStack: runs evaluation on a thread with a large stack, so that the deepest chains the
// limits allow (recursion, formula chains across many years) end in an error, never in a
// stack overflow, whichever thread the host calls from.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

enum BigStack {
    /// Reserved, not committed: pages are only touched as deep as evaluation goes.
    static let size = 1 << 30

    private final class Job: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Whether the current thread is already one of ours.
    nonisolated(unsafe) private static var key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// Runs `body` on a big-stack thread and waits for it (directly when already on one).
    static func run<T>(_ body: () throws -> T) throws -> T {
        if pthread_getspecific(key) != nil { return try body() }
        var result: Result<T, Error>?
        withoutActuallyEscaping(body) { body in
            let job = Job { result = Result { try body() } }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(job).toOpaque()
            let created = pthread_create(&thread, &attributes, { raw in
                pthread_setspecific(BigStack.key, UnsafeRawPointer(bitPattern: 1))
                let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                job.body()
                return nil
            }, context)
            if created != 0 {
                // No thread to be had: run here, with the stack we have.
                Unmanaged<Job>.fromOpaque(context).release()
                result = Result { try body() }
                return
            }
            pthread_join(thread, nil)
        }
        return try result!.get()
    }
}

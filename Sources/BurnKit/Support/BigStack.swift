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
            if worker?.run(job) == true || runOnNewThread(job) { return }
            // No thread to be had: run here, with the stack we have.
            result = Result { try body() }
        }
        return try result!.get()
    }

    /// The thread most evaluations run on, started once and kept: a thread with a 1 GB stack
    /// costs a mapping to create and, when it ends, a TLB shootdown on every core, which was
    /// most of the time of a REPL cell.
    private static let worker = Worker()

    /// A thread of its own, for when the worker is busy with another thread's evaluation
    /// (hosts may evaluate on several threads at once). False when none can be created.
    private static func runOnNewThread(_ job: Job) -> Bool {
        let context = Unmanaged.passRetained(job).toOpaque()
        guard let thread = startThread(context, { raw in
            pthread_setspecific(BigStack.key, UnsafeRawPointer(bitPattern: 1))
            Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }) else {
            Unmanaged<Job>.fromOpaque(context).release()
            return false
        }
        pthread_join(thread, nil)
        return true
    }

    fileprivate static func startThread(_ context: UnsafeMutableRawPointer,
                                        _ main: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        var thread = pthread_t()
        return pthread_create(&thread, &attributes, main, context) == 0 ? thread : nil
    }

    /// The kept thread: takes one job at a time; `run` refuses (false) while it is busy.
    private final class Worker: @unchecked Sendable {
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        private var job: Job?
        private var busy = false
        private var done = false

        /// Nil when no thread can be started.
        init?() {
            pthread_mutex_init(lock, nil)
            pthread_cond_init(wake, nil)
            pthread_cond_init(finished, nil)
            // The worker lives as long as the process: the retain is never given back.
            let context = Unmanaged.passRetained(self).toOpaque()
            guard let thread = BigStack.startThread(context, { raw in
                pthread_setspecific(BigStack.key, UnsafeRawPointer(bitPattern: 1))
                Unmanaged<Worker>.fromOpaque(raw!).takeUnretainedValue().serve()
            }) else {
                Unmanaged<Worker>.fromOpaque(context).release()
                return nil
            }
            pthread_detach(thread)
        }

        func run(_ job: Job) -> Bool {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            guard !busy else { return false }
            busy = true
            done = false
            self.job = job
            pthread_cond_signal(wake)
            while !done { pthread_cond_wait(finished, lock) }
            busy = false
            return true
        }

        private func serve() -> Never {
            pthread_mutex_lock(lock)
            while true {
                while job == nil { pthread_cond_wait(wake, lock) }
                let next = job!
                job = nil
                pthread_mutex_unlock(lock)
                next.body()
                pthread_mutex_lock(lock)
                done = true
                pthread_cond_signal(finished)
            }
        }
    }
}

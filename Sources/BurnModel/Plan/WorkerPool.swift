// WorkerPool: threads of BurnModel's own that run the items of a parallel loop beside the
// thread that asks. Dispatch's pool on Linux woke its thread late or not at all for a short
// loop (from 25 µs to over a millisecond, and some batches of slices ran on one core alone);
// a thread of our own, waiting on a condition, is there when the loop starts. Woken from
// the condition, it still came 30 µs to 0.7 ms late here (a virtual core put to sleep), so a
// helper keeps looking for a loop a while before it sleeps: after a loop (the next batch of
// slices comes a fraction of a millisecond later) and when a question is about to ask for one.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Helper threads, started at the first parallel loop and kept for the life of the process.
/// One loop at a time: a loop asked while another runs (another session's, on another thread)
/// is not shared out, since every core is already busy.
final class WorkerPool: @unchecked Sendable {
    /// The pool parallel loops use: a helper per core beside the caller's.
    static let shared = WorkerPool(helpers: Parallel.threads - 1)

    /// A loop being shared out: its body, its items and how far they are.
    private struct Loop {
        let body: (Int) -> Void
        let count: Int
        var next = 0
        var running = 0
    }

    private let helpers: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when a loop starts (the helpers wait on it).
    private let started = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Signalled when the last item of a loop is done (the caller waits on it).
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Under the mutex:
    private var loop: Loop?
    /// Helpers running items of the current loop.
    private var joined = 0
    private var threadsStarted = false
    /// Until then (a monotonic clock's nanoseconds) the helpers look for a loop without sleeping.
    private var lookUntil: UInt64 = 0

    /// How long a helper keeps looking for the next loop after one.
    static let lookAfterLoop: UInt64 = 300_000

    init(helpers: Int) {
        self.helpers = max(0, helpers)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(started, nil)
        pthread_cond_init(finished, nil)
    }

    /// Calls `body(i)` for each `i` in `0..<count`, on this thread and the helpers, each item
    /// once, and returns when all are done. False, having run nothing, when there are no
    /// helpers or the pool is running another caller's loop.
    func run(_ count: Int, _ body: (Int) -> Void) -> Bool {
        guard helpers > 0 else { return false }
        return withoutActuallyEscaping(body) { body -> Bool in
            pthread_mutex_lock(mutex)
            guard loop == nil, startThreads() else {
                pthread_mutex_unlock(mutex)
                return false
            }
            loop = Loop(body: body, count: count)
            pthread_cond_broadcast(started)
            pthread_mutex_unlock(mutex)
            runItems()
            pthread_mutex_lock(mutex)
            // Every item done, and every helper that joined gone (with its copy of the body).
            while let current = loop, current.running > 0 || current.next < current.count || joined > 0 {
                pthread_cond_wait(finished, mutex)
            }
            // The body is let go here, before `withoutActuallyEscaping` ends.
            loop = nil
            pthread_mutex_unlock(mutex)
            return true
        }
    }

    /// Has the helpers look for a loop for the next `nanoseconds` rather than sleep: a loop
    /// asked meanwhile starts on every core at once. Starts them if need be.
    func expectLoop(within nanoseconds: UInt64) {
        guard helpers > 0 else { return }
        pthread_mutex_lock(mutex)
        if startThreads() {
            lookUntil = max(lookUntil, WorkerPool.now() + nanoseconds)
            pthread_cond_broadcast(started)
        }
        pthread_mutex_unlock(mutex)
    }

    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Runs items of the current loop until none is left to start. The copies of the body
    /// it holds are gone when it returns.
    private func runItems() {
        while let (body, i) = claim() {
            Parallel.inside { body(i) }
            pthread_mutex_lock(mutex)
            loop!.running -= 1
            pthread_mutex_unlock(mutex)
        }
    }

    /// The next item of the current loop, and its body; nil when every item is started.
    private func claim() -> ((Int) -> Void, Int)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard let current = loop, current.next < current.count else { return nil }
        loop!.next += 1
        loop!.running += 1
        return (current.body, current.next)
    }

    /// Starts the helpers the first time (the mutex held); false when no thread could be had.
    private func startThreads() -> Bool {
        if threadsStarted { return true }
        for _ in 0..<helpers {
            let context = Unmanaged.passUnretained(self).toOpaque()
            var thread = pthread_t()
            let created = pthread_create(&thread, nil, { raw in
                Unmanaged<WorkerPool>.fromOpaque(raw!).takeUnretainedValue().helperLoop()
            }, context)
            guard created == 0 else { return threadsStarted }
            pthread_detach(thread)
            threadsStarted = true
        }
        return threadsStarted
    }

    /// A helper: waits for a loop with items left, joins it, runs items, and leaves.
    private func helperLoop() -> Never {
        while true {
            pthread_mutex_lock(mutex)
            waitForItems()
            joined += 1
            pthread_mutex_unlock(mutex)
            runItems()
            pthread_mutex_lock(mutex)
            joined -= 1
            lookUntil = max(lookUntil, WorkerPool.now() + WorkerPool.lookAfterLoop)
            pthread_cond_signal(finished)
            pthread_mutex_unlock(mutex)
        }
    }

    /// Returns (the mutex held, as on entry) once a loop has items left to start: looking
    /// again and again until `lookUntil`, then asleep on the condition.
    private func waitForItems() {
        while loop.map({ $0.next >= $0.count }) ?? true {
            if WorkerPool.now() < lookUntil {
                pthread_mutex_unlock(mutex)
                sched_yield()
                pthread_mutex_lock(mutex)
            } else {
                pthread_cond_wait(started, mutex)
            }
        }
    }
}

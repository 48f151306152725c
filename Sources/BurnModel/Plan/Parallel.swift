// Parallel: splits a loop over draws between the machine's cores when it is long enough to
// pay for the threads. Each part writes its own range, so the result has the same bits
// however many threads ran it (draws are never seeded per thread).
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Runs loops over index ranges on several threads.
public enum Parallel {
    /// Threads a loop is split between: the cores online, at most 8.
    public static let threads: Int = max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    /// Below this many items a loop runs on the calling thread: starting a thread costs about
    /// as much as 10,000 simple steps.
    public static let minimum = 16384

    /// Calls `body` on consecutive ranges covering `0..<count`, in parallel when `count` is at
    /// least `minimum`. `body` must only write what its range owns.
    public static func ranges(_ count: Int, minimum: Int = Parallel.minimum, _ body: (Range<Int>) -> Void) {
        let parts = count >= minimum && !isInside ? min(threads, count / (minimum / 2)) : 1
        guard parts > 1 else {
            body(0..<count)
            return
        }
        each(parts) { part in body((count * part / parts)..<(count * (part + 1) / parts)) }
    }

    /// Calls `body(i)` for each `i` in `0..<count`, the items handed out one at a time to
    /// whichever thread is free (slices of uneven cost then keep both cores busy to the end),
    /// on this thread and the `WorkerPool`'s. `body` must only write what item `i` owns.
    /// Items run on this thread alone when the pool is busy with another caller's loop, still
    /// marked as parts of a loop (`isInside`), so that a loop inside runs where they do.
    public static func each(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1, threads > 1, !isInside else {
            for i in 0..<count { body(i) }
            return
        }
        if WorkerPool.shared.run(count, body) { return }
        inside {
            for i in 0..<count { body(i) }
        }
    }

    /// True on a thread running a part of a parallel loop: a loop inside it runs on that
    /// thread alone (every core is already busy, and sharing out again only adds wake-ups:
    /// a thousand ranges drawn two at a time, each shared out again, kept 1.25 cores busy).
    public static var isInside: Bool { pthread_getspecific(insideKey) != nil }

    /// Tells the helper threads a parallel loop is likely within `microseconds` (a question
    /// being compiled), so that they are awake when it starts.
    public static func expectLoop(within microseconds: UInt64) {
        guard threads > 1, !isInside else { return }
        WorkerPool.shared.expectLoop(within: microseconds * 1000)
    }

    /// Runs `body` marked as a part of a parallel loop (see `isInside`).
    public static func inside<T>(_ body: () throws -> T) rethrows -> T {
        let before = pthread_getspecific(insideKey)
        pthread_setspecific(insideKey, UnsafeRawPointer(bitPattern: 1))
        defer { pthread_setspecific(insideKey, before) }
        return try body()
    }

    nonisolated(unsafe) private static var insideKey: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// `f` of each element of `x`, computed in parallel for long arrays.
    public static func map(_ x: [Double], _ f: (Double) -> Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { out, n in
            x.withUnsafeBufferPointer { input in
                let o = out
                ranges(x.count) { range in
                    for i in range { o[i] = f(input[i]) }
                }
            }
            n = x.count
        }
    }
}

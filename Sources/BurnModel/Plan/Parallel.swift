// Parallel: splits a loop over draws between the machine's cores when it is long enough to
// pay for the threads. Each part writes its own range, so the result has the same bits
// however many threads ran it (draws are never seeded per thread).
import Dispatch
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
        withoutActuallyEscaping(body) { body in
            let shared = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                inside { shared.value((count * part / parts)..<(count * (part + 1) / parts)) }
            }
        }
    }

    /// True on a thread running a part of a parallel loop: a loop inside it runs on that
    /// thread alone (every core is already busy, and sharing out again only adds wake-ups:
    /// a thousand ranges drawn two at a time, each shared out again, kept 1.25 cores busy).
    public static var isInside: Bool { pthread_getspecific(insideKey) != nil }

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

/// A loop body handed to other threads: safe because each call writes only its own range
/// and the caller waits for every call to return.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

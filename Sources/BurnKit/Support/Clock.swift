// Clock and InterruptFlag: monotonic time for limits, and a flag another thread may set.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Clock {
    static func nanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }
}

/// A flag set from a signal handler or another thread, read by the evaluator. It stays set
/// until it stops an evaluation (which clears it) or the host clears it.
public final class InterruptFlag: @unchecked Sendable {
    private let cell = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)

    init() { cell.initialize(to: 0) }
    deinit { cell.deallocate() }

    /// Where a signal handler writes 1.
    public var address: UnsafeMutablePointer<sig_atomic_t> { cell }
    public func set() { cell.pointee = 1 }
    /// Drops a request that no evaluation took (it came as the evaluation ended).
    public func clear() { cell.pointee = 0 }
    var isSet: Bool { cell.pointee != 0 }
}

// KernelWatch: the monitor the loops over draws of this thread answer to, so that a stop (an
// interruption, a deadline) ends even one long pass over millions of draws within milliseconds.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The current thread's monitor for loops over draws (`Draws.map`, `Draws.zip`, `LaneSum`).
/// A loop asks it every `KernelWatch.stride` draws; asking costs a thread-local read, a
/// closure call and, while a deadline is set, a clock read: nothing next to 4,096 draws.
/// Installed for the length of a run or a simulation, and put back after (so a monitor is
/// never seen by another session's loops on the same thread).
public enum KernelWatch {
    /// Draws between two questions.
    public static let stride = 4096

    nonisolated(unsafe) private static var key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// Makes `monitor` this thread's (unretained: the caller keeps it alive until `restore`);
    /// returns the one it replaces.
    public static func install(_ monitor: Monitor?) -> Monitor? {
        let previous = current
        pthread_setspecific(key, monitor.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) })
        return previous
    }

    /// Puts back the monitor `install` replaced.
    public static func restore(_ monitor: Monitor?) { _ = install(monitor) }

    static var current: Monitor? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<Monitor>.fromOpaque(raw).takeUnretainedValue()
    }

    /// True when the loop asking should stop now; the monitor is then marked `tripped`, so the
    /// evaluation throws before it keeps the loop's incomplete result.
    public static func shouldStop() -> Bool {
        guard let monitor = current, monitor.tripped || monitor.shouldStop?() == true else { return false }
        monitor.tripped = true
        return true
    }
}

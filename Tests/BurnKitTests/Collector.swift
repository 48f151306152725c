// Collector: a thread-safe list for tests, since a session's host closures are `@Sendable`.
// A pthread mutex (NSLock) rather than `Synchronization.Mutex`: the thread sanitizer sees
// pthread locks, but not the futex under a prebuilt `Mutex`, and reported a race that was not.
import Foundation

final class Collector<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []
    init() {}
    func append(_ element: Element) { lock.withLock { storage.append(element) } }
    var items: [Element] { lock.withLock { storage } }
}

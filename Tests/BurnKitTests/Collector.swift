// Collector: a thread-safe list for tests, since a session's host closures are `@Sendable`.
import Synchronization

final class Collector<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])
    init() {}
    func append(_ element: Element) { storage.withLock { $0.append(element) } }
    var items: [Element] { storage.withLock { $0 } }
}

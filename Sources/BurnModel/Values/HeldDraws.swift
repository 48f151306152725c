// HeldDraws: the draws of the recipes read lately, within a budget of bytes, and the ranges
// waiting to be drawn. A portfolio makes a thousand ranges one statement at a time, each too
// small to share out between the cores well (drawing them as they were written kept 1.25
// cores busy): they wait, and a second thread draws them in the order they were made while
// the script goes on; a reader draws what that thread has not reached. Past the budget, a
// read has it draw the ranges made next, ahead of the reader.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The draws of recipes read lately, within a budget of bytes: the oldest are let go first
/// (first in, first out: a portfolio reads each company's draws in turn).
public final class HeldDraws: Sendable {
    /// The one used by every model of the process.
    public static let shared = HeldDraws(budget: HeldDraws.defaultBudget)
    /// 128 MB: 16 ranges at a million samples (8 MB each), 1,600 at 10,000 samples (a
    /// portfolio of 10,000 companies at 10,000 samples holds the sixth it read last).
    public static let defaultBudget = 128 << 20

    private struct State {
        var budget: Int
        /// The draws held, by recipe.
        var held: [ObjectIdentifier: [Double]] = [:]
        /// Recipes made while the budget had room, not drawn yet (their bytes are counted in
        /// `bytes`), by recipe.
        var pending: [ObjectIdentifier: Pending] = [:]
        /// The pending recipes in the order they were made (some may be gone from `pending`),
        /// the helper's next from `pendingNext` on.
        var pendingOrder: [ObjectIdentifier] = []
        var pendingNext = 0
        /// Recipes being drawn by some thread: a reader of one waits for it.
        var drawing: Set<ObjectIdentifier> = []
        /// Whether the second thread is drawing pending recipes.
        var helping = false
        /// The recipes held, oldest first (a recipe let go early leaves its place empty).
        var order: [ObjectIdentifier] = []
        var start = 0
        var bytes = 0
        /// Draws made again after they were let go (for the tests and the benchmark notes).
        var redrawn = 0
        /// Every recipe made, in order, and each one's place: a reader of one that is not held
        /// has the helper draw the ones made after it ahead (a portfolio past the budget reads
        /// its companies' ranges in the order they were written).
        var made: [Made] = []
        var places: [ObjectIdentifier: Int] = [:]
        /// The places read from and up to which recipes were last put to draw ahead.
        var aheadStart = 0
        var aheadEnd = 0
    }

    /// A recipe made, held weakly.
    private struct Made {
        weak var recipe: DrawRecipe?
    }

    /// A recipe waiting to be drawn, held weakly: one that is let go unread is never drawn.
    private struct Pending {
        weak var recipe: DrawRecipe?
        var bytes: Int
    }

    private let state: Locked<State>
    /// Whether a second thread draws the pending recipes (with two cores or more).
    private let helps: Bool

    /// Draws held within `budget` bytes (a host may give a session its own).
    public convenience init(budget: Int) { self.init(budget: budget, helps: Parallel.threads > 1) }

    /// Draws held within `budget` bytes, pending ones drawn by their readers alone unless `helps`.
    init(budget: Int, helps: Bool) {
        state = Locked(State(budget: budget))
        self.helps = helps
    }

    /// Bytes of draws held at most. Lowering it lets go of the oldest at once.
    public var budget: Int {
        get { state.withLock { $0.budget } }
        set { state.withLock { $0.budget = newValue; HeldDraws.trim(&$0, keeping: nil) } }
    }

    /// Bytes of draws held now, and kept for the pending ones.
    public var bytes: Int { state.withLock { $0.bytes } }

    /// How many times draws were made again after being let go.
    public var redrawn: Int { state.withLock { $0.redrawn } }

    /// Whether `count` more draws fit in the budget (a range drawn now, rather than when read).
    public func hasRoom(for count: Int) -> Bool {
        state.withLock { $0.bytes + count * MemoryLayout<Double>.stride <= $0.budget }
    }

    /// Holds draws just made for `recipe` (drawn where they were written).
    public func hold(_ values: [Double], for recipe: DrawRecipe) {
        state.withLock { HeldDraws.insert(&$0, ObjectIdentifier(recipe), values) }
    }

    /// Notes a recipe just made, in the order they are made (see `State.made`).
    func made(_ recipe: DrawRecipe) {
        let alive = state.withLock { state -> [DrawRecipe] in
            var alive: [DrawRecipe] = []
            // The places of recipes gone: dropped once they are most of the list.
            if state.made.count > 64, state.places.count * 2 < state.made.count {
                alive = state.made.compactMap(\.recipe)
                state.made = alive.map { Made(recipe: $0) }
                state.places = Dictionary(uniqueKeysWithValues: alive.enumerated().map { (ObjectIdentifier($1), $0) })
                (state.aheadStart, state.aheadEnd) = (0, 0)
            }
            state.places[ObjectIdentifier(recipe)] = state.made.count
            state.made.append(Made(recipe: recipe))
            return alive
        }
        // Let go of after the lock (see `readAhead`).
        withExtendedLifetime(alive) {}
    }

    /// Keeps room for `recipe`'s draws, drawn on the helper thread from now on (while the
    /// script goes on: a portfolio's statements are read meanwhile), or by the first reader.
    public func holdLater(_ recipe: DrawRecipe) {
        let bytes = recipe.count * MemoryLayout<Double>.stride
        let startHelper = state.withLock { state -> Bool in
            let id = ObjectIdentifier(recipe)
            state.pending[id] = Pending(recipe: recipe, bytes: bytes)
            state.pendingOrder.append(id)
            state.bytes += bytes
            guard !state.helping, helps else { return false }
            state.helping = true
            return true
        }
        if startHelper { startHelperThread() }
    }

    /// Whether no recipe waits to be drawn and no thread is drawing one (for the tests).
    var settled: Bool { state.withLock { $0.pending.isEmpty && $0.drawing.isEmpty && !$0.helping } }

    /// What a reader of a recipe does, decided under the lock.
    private enum Read {
        case held([Double])
        /// Another thread is drawing it: wait.
        case wait
        /// Draw it here: it was pending (its bytes are kept) or let go (drawn again).
        case draw(pending: Int?, startHelper: Bool)
    }

    /// `recipe`'s draws: held if read lately, else drawn here (and held). A recipe that another
    /// thread is drawing is waited for, so draws are never made twice at once.
    func values(of recipe: DrawRecipe) -> [Double] {
        let id = ObjectIdentifier(recipe)
        // Recipes put to draw ahead, let go of after the lock (see `readAhead`).
        var ahead: [DrawRecipe] = []
        defer { withExtendedLifetime(ahead) {} }
        while true {
            let read = state.withLock { state -> Read in
                if let values = state.held[id] { return .held(values) }
                if state.drawing.contains(id) { return .wait }
                state.drawing.insert(id)
                let entry = state.pending.removeValue(forKey: id)
                if helps { ahead = HeldDraws.readAhead(&state, after: id) }
                let startHelper = !state.helping && !state.pending.isEmpty && helps
                if startHelper { state.helping = true }
                return .draw(pending: entry?.bytes, startHelper: startHelper)
            }
            switch read {
            case .held(let values):
                return values
            case .wait:
                // Rather than wait, draw what the helper would draw next.
                if let (next, reserved) = state.withLock({ HeldDraws.claimNext(&$0) }) {
                    draw(next, reserved: reserved)
                } else {
                    sched_yield()
                }
            case .draw(let reserved, let startHelper):
                if startHelper { startHelperThread() }
                // While the helper draws, this thread draws on its own (both cores are busy).
                let helped = state.withLock { $0.helping }
                let values = helped ? HeldDraws.onItsOwn(recipe.draw) : recipe.draw()
                state.withLock { state in
                    state.drawing.remove(id)
                    if let reserved { state.bytes -= reserved } else { state.redrawn += 1 }
                    HeldDraws.insert(&state, id, values)
                }
                return values
            }
        }
    }

    /// Puts the recipes made after `id` to draw ahead, an eighth of the budget beyond the
    /// place read, once the reader has come halfway through what was put ahead last; the
    /// oldest held draws make room (the held bytes may pass the budget by that eighth while
    /// none is left to let go). Returns the recipes it took a reference to, for the caller to
    /// let go of after the lock (the last reference to one may be ours, and its `deinit`
    /// takes the lock).
    private static func readAhead(_ state: inout State, after id: ObjectIdentifier) -> [DrawRecipe] {
        guard let place = state.places[id], place >= (state.aheadStart + state.aheadEnd) / 2 else { return [] }
        var room = state.budget / 8, next = place + 1, taken: [DrawRecipe] = []
        while next < state.made.count, room > 0 {
            guard let recipe = state.made[next].recipe else { next += 1; continue }
            taken.append(recipe)
            let rid = ObjectIdentifier(recipe), bytes = recipe.count * MemoryLayout<Double>.stride
            room -= bytes
            next += 1
            if state.held[rid] != nil || state.pending[rid] != nil || state.drawing.contains(rid) { continue }
            state.pending[rid] = Pending(recipe: recipe, bytes: bytes)
            state.pendingOrder.append(rid)
            state.bytes += bytes
        }
        (state.aheadStart, state.aheadEnd) = (place, next)
        trim(&state, keeping: nil)
        return taken
    }

    /// Lets go of a recipe's draws (the recipe is gone).
    func forget(_ recipe: DrawRecipe) {
        state.withLock { state in
            let id = ObjectIdentifier(recipe)
            state.places.removeValue(forKey: id)
            if let entry = state.pending.removeValue(forKey: id) { state.bytes -= entry.bytes }
            // The places of recipes gone: dropped once they are most of the list.
            if !state.helping, state.pendingOrder.count > 4 * state.pending.count + 64 {
                state.pendingOrder = state.pendingOrder.filter { state.pending[$0] != nil }
                state.pendingNext = 0
            }
            guard let values = state.held.removeValue(forKey: id) else { return }
            state.bytes -= values.count * MemoryLayout<Double>.stride
        }
    }

    // MARK: - The helper thread

    /// Marks the calling thread as a part of a parallel loop while `draw` runs, so that the
    /// draws are not shared out again between cores already busy.
    private static func onItsOwn(_ draw: () -> [Double]) -> [Double] { Parallel.inside(draw) }

    /// The next pending recipe, in the order they were made, which is the order a portfolio
    /// reads them: the helper keeps ahead of the reader, and a reader that comes to the range
    /// the helper is drawing draws the next one meanwhile, so both cores draw (from the last
    /// made, the reader was left to work out half the companies alone at the end). Marked as
    /// being drawn, with its kept bytes; nil when none is left.
    private static func claimNext(_ state: inout State) -> (DrawRecipe, Int)? {
        while state.pendingNext < state.pendingOrder.count {
            let id = state.pendingOrder[state.pendingNext]
            state.pendingNext += 1
            guard let entry = state.pending.removeValue(forKey: id) else { continue }
            guard let recipe = entry.recipe else {
                state.bytes -= entry.bytes
                continue
            }
            state.drawing.insert(id)
            return (recipe, entry.bytes)
        }
        return nil
    }

    /// Draws a claimed pending recipe on this thread alone and holds its draws.
    private func draw(_ recipe: DrawRecipe, reserved: Int) {
        let values = HeldDraws.onItsOwn(recipe.draw)
        let id = ObjectIdentifier(recipe)
        state.withLock { state in
            state.drawing.remove(id)
            state.bytes -= reserved
            HeldDraws.insert(&state, id, values)
        }
        // `recipe` is let go by the caller, after the lock: its `deinit` takes the lock.
    }

    /// Draws pending recipes on a thread of its own until none is left.
    private func helperLoop() {
        while true {
            let next = state.withLock { state -> (DrawRecipe, Int)? in
                if let next = HeldDraws.claimNext(&state) { return next }
                state.pendingOrder.removeAll()
                state.pendingNext = 0
                state.helping = false
                return nil
            }
            guard let (recipe, reserved) = next else { return }
            draw(recipe, reserved: reserved)
        }
    }

    private func startHelperThread() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            let held = Unmanaged<HeldDraws>.fromOpaque(raw!).takeRetainedValue()
            held.helperLoop()
            return nil
        }, context)
        if started == 0 {
            pthread_detach(thread)
        } else {
            // No thread to be had: the readers draw every recipe themselves.
            Unmanaged<HeldDraws>.fromOpaque(context).release()
            state.withLock { $0.helping = false }
        }
    }

    // MARK: - The held draws

    private static func insert(_ state: inout State, _ id: ObjectIdentifier, _ values: [Double]) {
        if let old = state.held.updateValue(values, forKey: id) {
            state.bytes -= old.count * MemoryLayout<Double>.stride
        } else {
            state.order.append(id)
        }
        state.bytes += values.count * MemoryLayout<Double>.stride
        trim(&state, keeping: id)
    }

    /// Lets go of the oldest draws until the rest fit (never of `keeping`, just asked for).
    private static func trim(_ state: inout State, keeping: ObjectIdentifier?) {
        // `keeping` may be listed twice (a recipe gone leaves its place, and a new one may get
        // its identity): each place is passed once, and it is listed again last.
        var passedKeeping = false
        while state.bytes > state.budget, state.start < state.order.count {
            let id = state.order[state.start]
            state.start += 1
            if id == keeping {
                passedKeeping = true
            } else if let values = state.held.removeValue(forKey: id) {
                state.bytes -= values.count * MemoryLayout<Double>.stride
            }
        }
        if passedKeeping { state.order.append(keeping!) }
        // The places of recipes let go: dropped once they are most of the list.
        if state.start > 64, state.start * 2 > state.order.count {
            state.order.removeFirst(state.start)
            state.start = 0
        }
        if state.order.count > 4 * state.held.count + 64 {
            state.order = state.order[state.start...].filter { state.held[$0] != nil }
            state.start = 0
        }
    }
}

/// A value behind a POSIX mutex. `Mutex` of the standard library would do, but the thread
/// sanitizer does not see it order the threads that take it, and reports the helper thread's
/// work under the lock as races.
private final class Locked<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}

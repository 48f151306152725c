// DrawRecipe: draws that can be drawn again instead of kept. A range such as `21% to 61%`
// holds one number per sample: 80 KB at 10,000 samples, so a portfolio of 10,000 companies
// growing at uncertain rates held 800 MB. The generator's state before the draws and what
// it draws are enough to make them again with the same bits, so only the draws read last are
// held (`HeldDraws`, within a budget), and the others are drawn again when read.
import Synchronization

/// How to draw an uncertain number's values again: the same values, bit for bit, each time.
public final class DrawRecipe: Sendable {
    /// The number of draws.
    public let count: Int
    /// Draws them (from a copy of the generator's state before them).
    let draw: @Sendable () -> [Double]
    /// Where they are held while read lately.
    let held: HeldDraws

    /// Draws that `draw` makes, `count` of them, held by `held`.
    public init(count: Int, held: HeldDraws, draw: @escaping @Sendable () -> [Double]) {
        self.count = count
        self.held = held
        self.draw = draw
    }

    /// The draws: held if read lately, else drawn again (and held).
    var values: [Double] { held.values(of: self) }

    deinit { held.forget(self) }
}

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
        /// `bytes`), by recipe, with their place in the order they were made.
        var pending: [ObjectIdentifier: Pending] = [:]
        var nextPending = 0
        /// The recipes held, oldest first (a recipe let go early leaves its place empty).
        var order: [ObjectIdentifier] = []
        var start = 0
        var bytes = 0
        /// Draws made again after they were let go (for the tests and the benchmark notes).
        var redrawn = 0
    }

    /// A recipe waiting to be drawn, held weakly: one that is let go unread is never drawn.
    private struct Pending {
        weak var recipe: DrawRecipe?
        var place: Int
        var bytes: Int
    }

    private let state: Mutex<State>

    /// Draws held within `budget` bytes (a host may give a session its own).
    public init(budget: Int) { state = Mutex(State(budget: budget)) }

    /// Bytes of draws held at most. Lowering it lets go of the oldest at once.
    public var budget: Int {
        get { state.withLock { $0.budget } }
        set { state.withLock { $0.budget = newValue; HeldDraws.trim(&$0, keeping: nil) } }
    }

    /// Bytes of draws held now.
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

    /// Keeps room for `recipe`'s draws, drawn when the first pending recipe is read: then all
    /// of them at once, shared out between the cores. A portfolio makes a thousand ranges one
    /// statement at a time, each too small to share out well on its own (drawing them as they
    /// were written kept 1.3 cores busy).
    public func holdLater(_ recipe: DrawRecipe) {
        let bytes = recipe.count * MemoryLayout<Double>.stride
        state.withLock { state in
            state.pending[ObjectIdentifier(recipe)] = Pending(recipe: recipe, place: state.nextPending, bytes: bytes)
            state.nextPending += 1
            state.bytes += bytes
        }
    }

    /// Recipes drawn in one go, at most, and the draws after which a group ends (about 30 ms
    /// of work): between two groups the calling thread looks for a stop asked (an interrupt,
    /// the deadline).
    static let pendingGroup = 64
    static let pendingGroupDraws = 1 << 20

    /// `recipe`'s draws, drawn again if they are not held. Drawn under the lock: two threads
    /// asking for the same draws draw them once (drawing 10,000 takes about 0.2 ms).
    func values(of recipe: DrawRecipe) -> [Double] {
        // The recipes drawn as pending are let go of after the lock: the last reference to one
        // may be ours, and its `deinit` takes the lock.
        var drawn: [DrawRecipe] = []
        let values = state.withLock { state -> [Double] in
            let id = ObjectIdentifier(recipe)
            if let values = state.held[id] { return values }
            if state.pending[id] != nil {
                drawn = HeldDraws.drawPending(&state, first: recipe)
                if let values = state.held[id] { return values }
            }
            let values = recipe.draw()
            state.redrawn += 1
            HeldDraws.insert(&state, id, values)
            return values
        }
        withExtendedLifetime(drawn) {}
        return values
    }

    /// Draws the pending recipes, in the order they were made, `first` among the first group;
    /// the others stay pending when a stop is asked between two groups. Returns every recipe
    /// it took a reference to, for the caller to let go of after the lock.
    private static func drawPending(_ state: inout State, first: DrawRecipe) -> [DrawRecipe] {
        let waiting = state.pending.values.sorted { $0.place < $1.place }
        let recipes = [first] + waiting.compactMap { $0.recipe }.filter { $0 !== first }
        for entry in waiting { state.bytes -= entry.bytes }
        state.pending.removeAll()
        var done = 0
        while done < recipes.count {
            if done > 0, KernelWatch.shouldStop() { break }
            var end = done + 1, draws = recipes[done].count
            while end < min(recipes.count, done + pendingGroup), draws < pendingGroupDraws {
                draws += recipes[end].count
                end += 1
            }
            let group = Array(recipes[done..<end])
            let drawn = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: group.count)
            drawn.initialize(repeating: [])
            Parallel.ranges(group.count, minimum: 2) { range in
                for i in range { drawn[i] = group[i].draw() }
            }
            for (i, recipe) in group.enumerated() { insert(&state, ObjectIdentifier(recipe), drawn[i]) }
            drawn.deinitialize()
            drawn.deallocate()
            done += group.count
        }
        // Stopped: the rest wait for the next read, their room kept.
        for recipe in recipes[done...] {
            let bytes = recipe.count * MemoryLayout<Double>.stride
            state.pending[ObjectIdentifier(recipe)] = Pending(recipe: recipe, place: state.nextPending, bytes: bytes)
            state.nextPending += 1
            state.bytes += bytes
        }
        return recipes
    }

    /// Lets go of a recipe's draws (the recipe is gone).
    func forget(_ recipe: DrawRecipe) {
        state.withLock { state in
            let id = ObjectIdentifier(recipe)
            if let entry = state.pending.removeValue(forKey: id) { state.bytes -= entry.bytes }
            guard let values = state.held.removeValue(forKey: id) else { return }
            state.bytes -= values.count * MemoryLayout<Double>.stride
        }
    }

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

/// The inputs made by a recipe that one question reads, held whatever the budget until the
/// next question: its slices each read them, and a question reading more ranges than the
/// budget holds would otherwise draw them again for every slice.
final class InputPins: Sendable {
    private let pinned = Mutex<[Int: Draws]>([:])

    /// `draws` with their values held here if a recipe makes them (the same `draws` otherwise).
    func whole(_ draws: Draws) -> Draws {
        guard draws.isDrawnAgain else { return draws }
        return pinned.withLock { pinned in
            if let held = pinned[draws.identity] { return held }
            let held = draws.kept
            pinned[draws.identity] = held
            return held
        }
    }

    /// A new question: the last one's inputs are let go.
    func clear() { pinned.withLock { $0.removeAll() } }
}

// DrawRecipeTests: ranges kept as recipes and drawn again when read give the bits drawing them
// once gave, move the generator as drawing does, and hold no more than their budget.
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import BurnKit
@testable import BurnModel

@Suite struct DrawRecipeTests {
    /// `skipNormals(n)` leaves the generator where drawing `n` normals leaves it (an odd count
    /// draws the uniforms of a whole pair).
    @Test(arguments: [42, 7, 0xDEAD_BEEF] as [UInt64])
    func skippingMovesTheGeneratorAsDrawing(seed: UInt64) {
        for count in [0, 1, 2, 3, 4, 5, 4_095, 4_096, 4_097, 10_001] {
            var drawn = Random(seed: seed), skipped = Random(seed: seed)
            _ = drawn.normals(count)
            skipped.skipNormals(count)
            #expect(drawn.next() == skipped.next(), "count \(count)")
        }
    }

    /// A session whose ranges are never held (budget 0: each is drawn when read, again at
    /// every read) against one holding them all: the same draws, bit for bit, and the same
    /// bits afterwards (the generator moved on the same).
    @Test(arguments: [(1, 3 as UInt64), (4_097, 42), (10_000, 5)])
    func drawnAgainHasTheSameBits(count: Int, seed: UInt64) throws {
        let held = Session(), redrawn = Session()
        let never = HeldDraws(budget: 0)
        redrawn.interpreter.heldDraws = never
        for session in [held, redrawn] { try session.run(source: "samples \(count)\nseed \(seed)") }
        for source in ["4 to 5", "-1 to 3", "lognormal(1, 4)", "20% to 60%", "uniform(2, 3)", "1 to 1e100"] {
            let a = try draws(held, source), b = try draws(redrawn, source)
            #expect(a.count == count && a.map(\.bitPattern) == b.map(\.bitPattern), "\(source)")
        }
        #expect(never.bytes <= count * 8, "one range at most is held past the budget (the one just read)")
        #expect(held.interpreter.rng.next() == redrawn.interpreter.rng.next())
    }

    /// A portfolio whose ranges far exceed the budget: every cell and every printed line is the
    /// same as with the ranges held, the held bytes stay within the budget, and ranges were
    /// drawn again.
    @Test func aPortfolioPastTheBudgetGivesTheSameAnswers() throws {
        var source = "samples 10000\nseed 11\n"
        for c in 1...24 {
            source += "company C\(c)\nrevenue[2024] = \(c)B\ncosts[2024] = \(c + 2)B\ncash[2024] = 5B\n"
            source += "revenue grows \(10 + c)% to \(50 + c)% per year\ncosts grow 1% to \(5 + c)% per year\n"
        }
        source += "let total = sum([" + (1...24).map { "C\($0).cash[2030]" }.joined(separator: ", ") + "])\n"
        let questions = ["mean(total)", "P(total > 0)", "percentile(total, 90%)", "C3.breakeven", "mean(C24.revenue[2029])"]
        let small = HeldDraws(budget: 200_000)
        func run(_ held: HeldDraws?) throws -> (text: String, model: Model, session: Session) {
            let session = Session()
            if let held { session.interpreter.heldDraws = held }
            try session.run(source: source)
            let text = try questions.map { session.format(try session.evaluate($0)) }.joined(separator: "\n")
            return (text, session.interpreter.world.state, session)
        }
        let a = try run(nil), b = try run(small)
        #expect(a.text == b.text && a.text.contains("%"))
        for c in 0..<24 {
            for metric in ["revenue", "cash"] {
                let key = CellKey(c, try a.model.metricIndex(metric), 2031)
                let x = try a.model.uncertainCells([key])[0], y = try b.model.uncertainCells([key])[0]
                #expect(bits(x) == bits(y) && !bits(x).isEmpty, "C\(c + 1).\(metric)[2031]")
            }
        }
        #expect(small.bytes <= 200_000)
        #expect(small.redrawn > 24)
        withExtendedLifetime((a.session, b.session)) {}
    }

    /// A question read slice by slice reads each range in every slice: its ranges stay held
    /// until the next question, however small the budget, so each is drawn again once, not
    /// once per slice.
    @Test func aQuestionDrawsEachRangeAgainOnce() throws {
        let held = HeldDraws(budget: 0)
        let session = Session()
        session.interpreter.heldDraws = held
        // `max` in a formula needs the language: the question goes slice by slice, not as a kernel.
        try session.run(source: """
            samples 200000
            seed 4
            company Z
            revenue[2024] = 4B
            costs[2024] = 6B
            revenue grows 30% to 70% per year
            costs grow 10% to 30% per year
            metric floor: money flow
            floor = max(costs - revenue, 1B)
            """)
        let model = session.interpreter.world.state
        let before = held.redrawn
        let cell = try model.uncertainCells([CellKey(0, try model.metricIndex("floor"), 2028)])[0]
        #expect(!bits(cell).isEmpty)
        #expect(model.statistics.parallel + model.statistics.oneThread >= 1)
        // Two ranges, each drawn again for the first slice and for the rest: a handful of times.
        #expect(held.redrawn - before <= 6, "\(held.redrawn - before) draws of 2 ranges over 13 slices")
    }

    /// Recipes made, read and let go by the thousand, as a session's cells do: a recipe gone
    /// leaves its place in the list and a new one often gets its identity (its address). The
    /// held bytes stay within the budget (beyond it, only the draws just read), each read gives
    /// the recipe's own draws, and nothing is left once every recipe is gone.
    @Test(.timeLimit(.minutes(1)), arguments: [0, 64, 1_000])
    func heldDrawsStayWithinTheirBudget(budget: Int) {
        let held = HeldDraws(budget: budget)
        var kept: [DrawRecipe] = []
        for i in 0..<5_000 {
            let count = 1 + i % 7, first = Double(i)
            let recipe = DrawRecipe(count: count, held: held) { (0..<count).map { first + Double($0) } }
            if i % 3 == 0 { held.hold((0..<count).map { first + Double($0) }, for: recipe) }
            let values = recipe.values
            #expect(values.count == count && values.first == first && values.last == first + Double(count - 1))
            #expect(held.bytes <= budget + 8 * count)
            // Some stay a while (read again later), most go at once.
            if i % 5 == 0 { kept.append(recipe) }
            if kept.count > 9 { #expect(kept.removeFirst().values.count >= 1) }
        }
        kept.removeAll()
        #expect(held.bytes == 0)
    }

    /// Ranges made while the budget has room wait to be drawn: by a reader (here, with no
    /// helper thread), each when first read, with its own values; a range let go unread is
    /// never drawn and gives its room back.
    @Test func pendingRecipesAreDrawnWhenRead() {
        let held = HeldDraws(budget: 1 << 22, helps: false)
        let calls = Calls(200)
        var recipes = (0..<200).map { i in
            DrawRecipe(count: 1_000, held: held) {
                calls.withLock { $0[i] += 1 }
                return (0..<1_000).map { Double(i * 10_000 + $0) }
            }
        }
        for r in recipes { held.holdLater(r) }
        #expect(held.bytes == 200 * 8_000 && calls.withLock { $0.reduce(0, +) } == 0)
        #expect(held.hasRoom(for: (1 << 19) - 200 * 1_000) && !held.hasRoom(for: (1 << 19) - 200 * 1_000 + 1))
        recipes.remove(at: 7)  // let go unread
        #expect(held.bytes == 199 * 8_000)
        #expect(recipes[150].values.first == Double(151 * 10_000))
        #expect(calls.withLock { $0.reduce(0, +) } == 1)
        for (i, r) in recipes.enumerated() {
            let n = i < 7 ? i : i + 1
            #expect(r.values == (0..<1_000).map { Double(n * 10_000 + $0) })
        }
        let counts = calls.withLock { $0 }
        #expect(counts[7] == 0 && counts.enumerated().allSatisfy { $0.offset == 7 || $0.element == 1 })
        #expect(held.redrawn == 0 && held.bytes == 199 * 8_000 && held.settled)
        recipes.removeAll()
        #expect(held.bytes == 0)
    }

    /// With the helper thread, which draws pending ranges from the first made while readers
    /// read them in any order (and draw the next pending one rather than wait for one being
    /// drawn): each range is drawn exactly once, with its own values.
    @Test(arguments: [0, 1, 2])
    func pendingRecipesAreEachDrawnOnceByTheHelperOrTheReaders(order: Int) async throws {
        let held = HeldDraws(budget: 1 << 24, helps: true)
        let calls = Calls(300)
        var recipes = (0..<300).map { i in
            DrawRecipe(count: 2_000, held: held) {
                calls.withLock { $0[i] += 1 }
                return (0..<2_000).map { Double(i * 10_000 + $0) }
            }
        }
        for r in recipes { held.holdLater(r) }
        let indices = [Array(0..<300), Array((0..<300).reversed()), (0..<300).map { ($0 * 7) % 300 }][order]
        for i in indices { #expect(recipes[i].values == (0..<2_000).map { Double(i * 10_000 + $0) }) }
        while !held.settled { try await Task.sleep(for: .milliseconds(1)) }
        #expect(calls.withLock { $0 }.allSatisfy { $0 == 1 })
        #expect(held.redrawn == 0 && held.bytes == 300 * 16_000)
        recipes.removeAll()
        #expect(held.bytes == 0)
    }

    /// Ranges past the budget are drawn when read; read in the order they were made (a
    /// portfolio's companies), the helper draws the next ones ahead of the reader: each is
    /// still drawn once, with its own values, some on the helper's thread, and the held
    /// bytes stay within the budget and an eighth of it.
    @Test func rangesPastTheBudgetAreDrawnAheadOfTheReader() throws {
        let held = HeldDraws(budget: 400_000, helps: true)  // 50 ranges of 1,000 draws
        let calls = Calls(400)
        let reader = pthread_self()
        let others = Calls(1)
        var recipes: [DrawRecipe] = []
        for i in 0..<400 {
            let recipe = DrawRecipe(count: 1_000, held: held) {
                calls.withLock { $0[i] += 1 }
                if pthread_equal(pthread_self(), reader) == 0 { others.withLock { $0[0] += 1 } }
                return (0..<1_000).map { Double(i * 10_000 + $0) }
            }
            if held.hasRoom(for: 1_000) { held.holdLater(recipe) }
            recipes.append(recipe)
        }
        var most = 0
        for (i, r) in recipes.enumerated() {
            #expect(r.values == (0..<1_000).map { Double(i * 10_000 + $0) })
            most = max(most, held.bytes)
        }
        #expect(most <= 400_000 + 400_000 / 8 + 8_000, "\(most) bytes held at most")
        let counts = calls.withLock { $0 }
        #expect(counts.allSatisfy { $0 == 1 }, "\(counts)")
        let helped = others.withLock { $0[0] }
        #expect(helped > 350 / 4, "\(helped) of 400 drawn by the helper")
        withExtendedLifetime(recipes) {}
    }

    /// The ranges of a session read in another order than they were made: the same bits as a
    /// session that draws each one alone when read.
    @Test func rangesReadInAnyOrderKeepTheirBits() throws {
        let pending = Session(), alone = Session()
        alone.interpreter.heldDraws = HeldDraws(budget: 0)
        let names = (0..<40).map { "r\($0)" }
        for session in [pending, alone] {
            try session.run(source: "samples 5000\n" + names.enumerated().map { "let \($1) = \($0 + 1) to \($0 + 9)" }.joined(separator: "\n"))
        }
        for name in names.reversed() {
            #expect(try draws(pending, name).map(\.bitPattern) == (try draws(alone, name)).map(\.bitPattern), "\(name)")
        }
    }

    private func draws(_ session: Session, _ source: String) throws -> [Double] {
        guard case .samples(let s) = try session.evaluate(source) else {
            Issue.record("not uncertain: \(source)")
            return []
        }
        return s.values
    }

    private func bits(_ cell: Cell) -> [UInt64] {
        guard case .value(let q) = cell, let draws = q.draws else { return [] }
        return draws.values.map(\.bitPattern)
    }
}

/// How many times each recipe drew, from any thread (a class, so that the closures share it),
/// behind a lock the thread sanitizer sees (it does not see `Mutex` order threads).
private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int]
    init(_ n: Int) { values = [Int](repeating: 0, count: n) }

    func withLock<R>(_ body: (inout [Int]) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&values)
    }
}

// WorkerPoolTests: the helper threads of parallel loops run each item once, let a loop inside
// an item run on its own thread, leave a second caller's loop to that caller while busy, and
// run a loop whole whether it comes while they look for one or after they went to sleep.
import Foundation
import Testing
@testable import BurnModel

@Suite struct WorkerPoolTests {
    /// Counts written by items on any thread (each item writes only its own places).
    private final class Counts: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Int>
        init(_ count: Int) {
            values = .allocate(capacity: max(1, count))
            values.initialize(repeating: 0)
        }
        deinit { values.deallocate() }
    }

    /// Every item once, for counts around the number of threads, many times over (a helper
    /// that joins late, or a caller that returns early, would leave an item unrun or run twice).
    @Test func eachItemRunsOnce() {
        for round in 0..<200 {
            for count in [0, 1, 2, 3, 16, 61] {
                let runs = Counts(count)
                Parallel.each(count) { i in runs.values[i] += 1 }
                #expect(runs.values.prefix(count).allSatisfy { $0 == 1 }, "round \(round), \(count) items")
            }
        }
    }

    /// A loop inside an item runs on that item's thread (every core is already busy), and
    /// still runs each of its items once.
    @Test func aLoopInsideAnItemRunsOnItsThread() {
        let runs = Counts(64), elsewhere = Counts(8), inside = Counts(8)
        Parallel.each(8) { i in
            if Parallel.isInside { inside.values[i] = 1 }
            let thread = pthread_self()
            Parallel.each(8) { j in
                if pthread_equal(pthread_self(), thread) == 0 { elsewhere.values[i] += 1 }
                runs.values[i * 8 + j] += 1
            }
        }
        #expect(runs.values.allSatisfy { $0 == 1 })
        #expect(inside.values.allSatisfy { $0 == 1 })
        #expect(elsewhere.values.allSatisfy { $0 == 0 })
        #expect(!Parallel.isInside)
    }

    /// Loops asked from several threads at once (sessions of a host): each caller's items
    /// all run once, whether its loop went to the pool or ran on the caller alone.
    @Test func loopsFromSeveralThreadsEachRunWhole() {
        let callers = 4, count = 40
        let runs = Counts(callers * count)
        let done = DispatchGroup()
        for c in 0..<callers {
            done.enter()
            Thread.detachNewThread {
                for _ in 0..<50 {
                    Parallel.each(count) { i in runs.values[c * count + i] += 1 }
                }
                done.leave()
            }
        }
        done.wait()
        #expect(runs.values.allSatisfy { $0 == 50 })
    }

    /// A pool told a loop is coming keeps its helper looking for one: loops asked while it
    /// looks, and after it went back to sleep, each run every item once (a helper that missed
    /// the condition's signal while looking would leave the caller waiting for ever).
    @Test func loopsRunWholeWhileHelpersLookForThemAndAfter() {
        let pool = WorkerPool(helpers: 1)
        for round in 0..<60 {
            pool.expectLoop(within: round % 2 == 0 ? 2_000_000 : 1)
            if round % 6 == 5 { usleep(500) }
            let count = 1 + round % 40
            let runs = Counts(count)
            #expect(pool.run(count) { runs.values[$0] += 1 })
            #expect(runs.values.prefix(count).allSatisfy { $0 == 1 }, "round \(round)")
            // Two loops back to back: the second comes while the helper looks after the first.
            let again = Counts(count)
            #expect(pool.run(count) { again.values[$0] += 1 })
            #expect(again.values.prefix(count).allSatisfy { $0 == 1 }, "round \(round), again")
        }
    }
}

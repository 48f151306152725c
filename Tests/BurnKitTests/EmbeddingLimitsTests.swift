// EmbeddingLimitsTests: every limit met is a clear error naming it, simulations included, an
// interrupt from another thread stops a long simulation quickly, and the session goes on.
import BurnModel
import Foundation
import Synchronization
import Testing
@testable import BurnKit

@Suite(.serialized) struct EmbeddingLimitsTests {
    /// A simulation long enough to be stopped: a million draws of a company over 120 years.
    static let longSimulation = """
        samples 1_000_000
        seed 1
        company Lab
        revenue[2024] = 3.7B
        costs[2024] = 8.7B
        cash[2024] = 10B
        revenue grows uniform(1%, 3%) per year
        costs grow uniform(1%, 3%) per year
        """

    /// The limit the error of `body` names, and the error's first line.
    static func limitMet(_ session: Session, _ body: () throws -> Void) -> (LimitKind?, String) {
        do {
            try body()
        } catch let error as BurnError {
            return (error.diagnostics.first?.limit, error.diagnostics.first?.message ?? "")
        } catch {
            return (nil, "\(error)")
        }
        return (nil, "no error")
    }

    /// After any limit, the session still evaluates.
    static func stillWorks(_ session: Session) throws {
        session.limits = .default
        #expect(try session.evaluate("1 + 1").double == 2)
    }

    @Test func interruptFromAnotherThreadStopsASimulation() throws {
        let session = Session()
        try session.run(source: Self.longSimulation)
        let flag = session.interruptFlag
        let setAt = Stamp()
        let thread = Thread {
            usleep(300_000)
            setAt.time.withLock { $0 = DispatchTime.now().uptimeNanoseconds }
            flag.set()
        }
        let started = DispatchTime.now().uptimeNanoseconds
        thread.start()
        var interrupted = false
        do {
            _ = try session.evaluate("percentile(Lab.cash[2140], 50)")
        } catch is Interrupted {
            interrupted = true
        }
        let ended = DispatchTime.now().uptimeNanoseconds
        let set = setAt.time.withLock { $0 }
        #expect(interrupted, "the simulation ended before the interrupt (\(Double(ended - started) / 1e6) ms)")
        if interrupted {
            let latency = Double(ended - set) / 1e6
            print("interrupt latency: \(latency) ms")
            // About 30 ms in a debug build; a batch of 16 slices that each ran a block of
            // draws before hearing the stop took 560 ms alone, and over a second under the suite.
            #expect(latency < 400, "stopped \(latency) ms after the flag was set")
        }
        #expect(!flag.isSet)                      // used up
        try Self.stillWorks(session)
    }

    @Test func timeLimitStopsASimulation() throws {
        let session = Session()
        try session.run(source: Self.longSimulation)
        session.limits = Limits(seconds: 0.3)
        let started = DispatchTime.now().uptimeNanoseconds
        let (limit, message) = Self.limitMet(session) { _ = try session.evaluate("percentile(Lab.cash[2140], 50)") }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        print("time limit 300 ms: stopped after \(elapsed) ms")
        #expect(limit == .seconds)
        #expect(message == "the script ran too long (over 0.3 s)")
        #expect(elapsed < 1_300)
        try Self.stillWorks(session)
    }

    @Test func timeLimitStopsALoopOverDraws() throws {
        let session = Session()
        try session.run(source: "samples 4_000_000\nlet x = 1 to 2")
        session.limits = Limits(seconds: 0.2)
        let started = DispatchTime.now().uptimeNanoseconds
        // 900 operations on four million draws, no calls: only the draws count.
        let sum = (0..<900).map { _ in "x" }.joined(separator: " * ")
        let (limit, message) = Self.limitMet(session) { _ = try session.evaluate(sum) }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        print("time limit 200 ms on draws: stopped after \(elapsed) ms")
        #expect(limit == .seconds, "\(message)")
        #expect(elapsed < 1_200)
        try Self.stillWorks(session)
    }

    @Test func stepsCountModelCellsAndDraws() throws {
        let session = Session()
        try session.run(source: """
            company Lab
            revenue[2024] = 3.7B
            costs[2024] = 8.7B
            cash[2024] = 10B
            revenue grows 20% per year
            costs grow 10% per year
            """)
        // No function is called: the cells worked out are the steps.
        session.limits = Limits(steps: 100)
        let (limit, message) = Self.limitMet(session) { _ = try session.evaluate("Lab.cash[2190]") }
        #expect(limit == .steps)
        #expect(message == "the script ran too long (100 steps)")
        // The stop was not kept as the cells' values: with room, the same question answers,
        // as a fresh session does.
        try Self.stillWorks(session)
        let reference = Session()
        try reference.run(source: "company Lab\nrevenue[2024] = 3.7B\ncosts[2024] = 8.7B\ncash[2024] = 10B\nrevenue grows 20% per year\ncosts grow 10% per year")
        #expect(try session.evaluate("Lab.cash[2190]") == reference.evaluate("Lab.cash[2190]"))
        // Draws: a step per 1,024 draws.
        try session.run(source: "samples 1_000_000\nlet x = 1 to 2")
        session.limits = Limits(steps: 1_000)
        let (drawLimit, _) = Self.limitMet(session) { _ = try session.evaluate("x + x + x") }
        #expect(drawLimit == .steps)
        try Self.stillWorks(session)
    }

    @Test func depthLimit() throws {
        let session = Session()
        session.limits = Limits(depth: 50)
        let (limit, message) = Self.limitMet(session) { _ = try session.evaluate("fn f(n) = f(n + 1)\nf(0)") }
        #expect(limit == .depth)
        #expect(message == "recursion too deep (more than 50 calls)")
        try Self.stillWorks(session)
    }

    @Test func sampleLimit() throws {
        let session = Session()
        session.limits = Limits(samples: 50_000)
        let (limit, message) = Self.limitMet(session) { try session.run(source: "samples 100_000") }
        #expect(limit == .samples)
        #expect(message == "`samples 100000` is above this session's limit of 50000")
        try session.run(source: "samples 50_000")
        try Self.stillWorks(session)
    }

    /// A host gives a session its own budget of held draws; the answers are the same bits
    /// whatever it is (a session holding nothing draws each range again at each read).
    @Test func aSessionCanHoldDrawsWithinABudgetOfItsOwn() throws {
        let shared = Session(), own = Session()
        #expect(shared.heldDrawMemory == HeldDraws.defaultBudget)
        own.heldDrawMemory = 0
        #expect(own.heldDrawMemory == 0)
        #expect(shared.heldDrawMemory == HeldDraws.defaultBudget)  // the shared budget is untouched
        #expect(own.interpreter.heldDraws !== HeldDraws.shared)
        let model = """
            samples 2000
            company A
            revenue[2024] = 1B
            loss[2024] = 1B to 2B
            cash[2024] = 3B
            revenue grows 20% to 60% per year
            costs grow 5% per year
            """
        try shared.run(source: model)
        try own.run(source: model)
        for question in ["mean(A.costs[2030])", "P(A.breakeven <= 2028)", "percentile(A.cash[2030], 10)", "A.runs_out"] {
            #expect(shared.format(try shared.evaluate(question)) == own.format(try own.evaluate(question)), "\(question)")
        }
        // Nothing beyond what the last question pinned (its ranges, held until the next one).
        #expect(own.interpreter.heldDraws.bytes <= 2 * 2000 * 8)
        #expect(own.interpreter.heldDraws.redrawn > 0)
        own.heldDrawMemory = 1 << 20  // the session's own budget, changed in place
        #expect(own.interpreter.heldDraws.budget == 1 << 20 && HeldDraws.shared.budget == HeldDraws.defaultBudget)
    }

    @Test func memoryBudget() throws {
        let session = Session()
        // 800 KB: room for 100,000 draws.
        session.limits = Limits(memory: 800_000)
        let (limit, message) = Self.limitMet(session) { try session.run(source: "samples 200_000") }
        #expect(limit == .memory)
        // 200,000 draws of 8 bytes: 1.6 MB.
        #expect(message == "this simulation needs 200000 draws (1.6 MB) at once, above this session's memory budget of 0.8 MB")
        try Self.stillWorks(session)
        // A simulation's answers over all draws count too: 3 years of 60,000 draws = 180,000
        // (1.44 MB).
        session.limits = Limits(memory: 800_000)
        try session.run(source: "samples 60_000\ncompany Lab\nrevenue[2024] = 1B to 2B\nrevenue grows 10% per year")
        #expect(try session.evaluate("Lab.revenue[2026]").isUncertain)
        // An export of an uncertain table reads each column with every draw.
        session.files = .inMemory { _, _ in }
        let (tableLimit, tableMessage) = Self.limitMet(session) {
            try session.run(source: "export table revenue for Lab in 2024..2026 to \"t.csv\"")
        }
        #expect(tableLimit == .memory)
        #expect(tableMessage.hasPrefix("this simulation needs 180000 draws"))
        try Self.stillWorks(session)
    }

    /// The full table of the distance (the reference the banded one is checked against).
    static func fullDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// "Did you mean" suggestions cost the names' length times a band, not their product.
    @Test func suggestionsStayCheap() {
        let words = ["help", "hlep", "revenue", "revnue", "costs", "cost", "operating_income",
                     "opearting_income", "a", "", "abc", "cab", "xyzzy", "Revenue"]
        for a in words {
            for b in words {
                let full = Self.fullDistance(a, b)
                #expect(EditDistance.distance(a, b) == full)
                for limit in 0...4 {
                    #expect(EditDistance.distance(Array(a.lowercased()), Array(b.lowercased()), atMost: limit) == min(full, limit + 1))
                }
            }
        }
        #expect(EditDistance.suggestion(for: "revnue", among: ["costs", "revenue", "revenues"]) == "revenue")
        // A suggestion keeps a letter of the name: `y` was "did you mean 'P'?"; `x` may be `xs`.
        #expect(EditDistance.suggestion(for: "y", among: ["P", "a"]) == nil)
        #expect(EditDistance.suggestion(for: "x", among: ["P", "xs"]) == "xs")
        #expect(EditDistance.suggestion(for: "ab", among: ["cd", "ac"]) == "ac")
        // Two names of 200,001 characters, each one edit from it: the alphabetically first wins.
        let long = String(repeating: "ab", count: 100_000)
        let started = DispatchTime.now().uptimeNanoseconds
        #expect(EditDistance.suggestion(for: long + "x", among: [long + "y", long + "xz", long]) == long)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        #expect(elapsed < 5_000, "\(elapsed) ms")
    }

    @Test func interruptFlagIsAtomicAcrossThreads() async {
        let flag = Session().interruptFlag
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 { group.addTask { if i % 2 == 0 { flag.set() } else { _ = flag.isSet } } }
        }
        #expect(flag.isSet)
        flag.clear()
        #expect(!flag.isSet)
    }
}

/// When the other thread set the flag.
final class Stamp: Sendable {
    let time = Mutex<UInt64>(0)
}

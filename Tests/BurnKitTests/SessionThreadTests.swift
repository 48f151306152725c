// SessionThreadTests: sessions on several threads at once share nothing mutable: eight
// sessions, each with its own model and a Monte Carlo question, run in parallel give exactly
// the answers they give one after another. Run under `--sanitize thread` to check for races.
import BurnKit
import Foundation
import Testing

@Suite struct SessionThreadTests {
    /// Session `i`'s model: its own growth range, so that every answer differs.
    static func answers(_ i: Int) -> [Value] {
        let session = Session()
        session.output = { _ in }
        do {
            try session.addCompany("Acme\(i)")
            try session.setFact(company: "Acme\(i)", metric: "revenue", year: 2024, value: .money(1e9))
            try session.run(source: """
                seed \(i + 1)
                samples 4000
                assume g = \(10 + i)% to \(60 + i)%
                Acme\(i).revenue grows g per year
                """)
            return [try session.evaluate("mean(Acme\(i).revenue[2027])"),
                    try session.evaluate("P(Acme\(i).revenue[2027] > 2.5B)")]
        } catch {
            return [.string(session.render(error))]
        }
    }

    @Test func eightSessionsInParallelAnswerAsOneByOne() {
        let expected = (0..<8).map(Self.answers)
        let results = Collector<(Int, [Value])>()
        let group = DispatchGroup()
        for i in 0..<8 {
            group.enter()
            // Threads of their own, not the 2-wide cooperative pool: all eight at once.
            let thread = Thread {
                results.append((i, Self.answers(i)))
                group.leave()
            }
            thread.start()
        }
        group.wait()
        let parallel = results.items.sorted { $0.0 < $1.0 }.map(\.1)
        #expect(parallel == expected)
        // Real answers, not errors: a mean of money and a probability (a percent).
        #expect(expected.allSatisfy { $0.first?.money != nil && $0.last?.percent != nil }, "\(expected)")
    }

    @Test func hostClosuresRunOnTheEvaluationThreadOneAtATime() throws {
        let session = Session()
        let calls = Collector<Double>()
        session.define("twice", arity: 1) { args in
            let x = args[0].double ?? 0
            calls.append(x)
            return .number(2 * x)
        }
        #expect(try session.evaluate("twice(4) + twice(5)").double == 18)
        #expect(calls.items == [4, 5])
    }
}

// EmbeddingValueTests: typed values for hosts: every accessor, equality, materialised series and
// rounds, and values sent across tasks (Sendable).
import BurnModel
import Testing
@testable import BurnKit

@Suite struct EmbeddingValueTests {
    static func session() throws -> Session {
        let s = Session()
        try s.run(source: """
            company OpenAI
            revenue[2024] = 3.7B
            revenue[2026] = 29.4B
            costs[2024] = 8.7B
            round "Oct 2024" in 2024-10 raise 6.6B at 157B post
            """)
        return s
    }

    @Test func numbers() throws {
        let s = Session()
        #expect(try s.evaluate("2 * 21").double == 42)
        #expect(try s.evaluate("80%").double == 0.8)
        #expect(try s.evaluate("80%").percent == 0.8)
        #expect(try s.evaluate("2 * 21").percent == nil)
        #expect(abs(try #require(try s.evaluate("157B / 3.7B as x").multiple) - 157 / 3.7) < 1e-12)
        #expect(try s.evaluate("$1B").double == nil)
        let money = try #require(try s.evaluate("$3.7B * 2").money)
        #expect(money.amount == 7.4e9)
        #expect(money.currency == "USD")
        #expect(try s.evaluate("€210B").money?.currency == "EUR")
        let q = try #require(try s.evaluate("10 GW").quantity)
        #expect(q.amount == 10 && q.unit == "GW")
        #expect(try s.evaluate("$35B / 1 GW").quantity?.unit == "USD/GW")
        #expect(try s.evaluate("$1B").quantity?.unit == "USD")
        #expect(try s.evaluate("10 GW").money == nil)
    }

    @Test func otherKinds() throws {
        let s = try Self.session()
        #expect(try s.evaluate("OpenAI.first_year").year == 2024)
        #expect(try s.evaluate("2030").double == 2030)          // a literal year is a plain number
        #expect(try s.evaluate("2024-10").month.map { [$0.year, $0.month] } == [2024, 10])
        #expect(try s.evaluate("1 < 2").bool == true)
        #expect(try s.evaluate("\"hi\"").string == "hi")
        #expect(try s.evaluate("2024..2026").yearRange == 2024...2026)
        #expect(try s.evaluate("OpenAI").companyName == "OpenAI")
        #expect(try s.evaluate("[1, 2, 3]").items?.compactMap(\.double) == [1, 2, 3])
        #expect(try s.evaluate("OpenAI.founded").noValueReason == "founding year unknown")
        #expect(try s.evaluate("1 < 2").year == nil)
    }

    /// `OpenAI.revenue` reaches the host as values by year, not as a name to look up.
    @Test func seriesAreMaterialised() throws {
        let s = try Self.session()
        let v = try s.evaluate("OpenAI.revenue")
        guard case .seriesValues = v else {
            Issue.record("expected a materialised series, got \(v)")
            return
        }
        // 2025 is interpolated at a constant rate: 3.7B * sqrt(29.4 / 3.7) = sqrt(3.7 * 29.4) B.
        let points = try #require(v.yearValues)
        #expect(points.map(\.year) == [2024, 2025, 2026])
        #expect(points[0].value == 3.7e9)
        #expect(abs(points[1].value - (3.7 * 29.4).squareRoot() * 1e9) < 1)
        #expect(points[2].value == 29.4e9)
        #expect(v.seriesUnit == "USD")
        #expect(v.seriesName.map { [$0.company, $0.metric] } == ["OpenAI", "revenue"])
        // Printed as before it was materialised.
        #expect(s.format(v) == "2024 $3.7B, 2025 $10.43B, 2026 $29.4B")
        #expect(try s.evaluate("OpenAI.revenue[2024..2025]").yearValues?.count == 2)
    }

    @Test func roundsCarryTheirFigures() throws {
        let s = try Self.session()
        let round = try #require(try s.evaluate("OpenAI.rounds[0]").round)
        let fields = try #require(round.fields)
        #expect(fields.amount.money?.amount == 6.6e9)
        #expect(fields.post.money?.amount == 157e9)
        #expect(fields.pre.money?.amount == 150.4e9)      // 157 - 6.6
        #expect(abs((fields.dilution.percent ?? 0) - 6.6 / 157) < 1e-12)
        #expect(fields.year == 2024)
        #expect(fields.label == "Oct 2024")
        #expect(fields.stepUp.noValueReason == "no earlier valuation")
        // In a list too.
        #expect(try s.evaluate("OpenAI.rounds").items?.first?.round?.fields != nil)
    }

    @Test func uncertainNumbers() throws {
        let s = Session()
        try s.run(source: "seed 7\nlet x = normal(100, 10)")
        let v = try s.evaluate("x")
        #expect(v.isUncertain)
        let draws = try #require(v.draws)
        #expect(draws.count == 10_000)
        // The reference: the mean of the draws, and percentiles interpolated as numpy's default.
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(try #require(v.mean) - mean) < 1e-9)
        let sorted = draws.sorted()
        func reference(_ p: Double) -> Double {
            let position = p / 100 * Double(sorted.count - 1)
            let lo = Int(position), hi = min(lo + 1, sorted.count - 1)
            return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo))
        }
        #expect(abs(try #require(v.p5) - reference(5)) < 1e-9)
        #expect(abs(try #require(v.p95) - reference(95)) < 1e-9)
        #expect(try #require(v.percentiles([10, 50])).enumerated().allSatisfy { abs($0.element - reference([10, 50][$0.offset])) < 1e-9 })
        // Normal(100, 10): the 5th percentile near 100 - 1.645 * 10.
        #expect(abs(try #require(v.p5) - 83.55) < 1)
        let share = Double(draws.filter { $0 > 100 }.count) / 10_000
        #expect(abs(try #require(try s.evaluate("P(x > 100)").percent) - share) < 1e-12)
        #expect(abs(try #require(try s.evaluate("x > 100").probability) - share) < 1e-12)
        #expect(try s.evaluate("x").noneShare == 0)
        #expect(try s.evaluate("3").percentile(50) == nil)
    }

    @Test func equality() throws {
        let s = try Self.session()
        #expect(try s.evaluate("$3.7B") == s.evaluate("OpenAI.revenue[2024]"))
        #expect(try s.evaluate("80%") != s.evaluate("0.8"))          // the display differs
        #expect(try s.evaluate("$1B") != s.evaluate("€1B"))
        #expect(try s.evaluate("[1, \"a\"]") == s.evaluate("[1, \"a\"]"))
        #expect(try s.evaluate("OpenAI.revenue") == s.evaluate("OpenAI.revenue"))
        #expect(Value.number(.nan) != Value.number(.nan))             // documented: exact float equality
        #expect(Value.number(0.1 + 0.2) != Value.number(0.3))
        // Uncertain: the same draws are equal; another draw of the same distribution is not.
        try s.run(source: "let a = 1 to 2\nlet b = 1 to 2")
        let a = try s.evaluate("a")
        #expect(a == (try s.evaluate("a")))
        #expect(a == (try s.evaluate("a + 0")))
        #expect(a != (try s.evaluate("b")))
        #expect(a != (try s.evaluate("a as %")))
    }

    /// Values cross threads: computed in one task, compared and read in others.
    @Test func valuesAreSendable() async throws {
        let s = try Self.session()
        let values = [try s.evaluate("OpenAI.revenue"), try s.evaluate("1 to 2"), try s.evaluate("OpenAI.rounds")]
        let reference = values.map { $0.p95 ?? $0.yearValues?.last?.value ?? 0 }
        let read = await withTaskGroup(of: (Int, Double, Bool).self) { group in
            for (i, value) in values.enumerated() {
                group.addTask {
                    let copy = value
                    return (i, copy.p95 ?? copy.yearValues?.last?.value ?? 0, copy == value)
                }
            }
            var out: [(Int, Double, Bool)] = []
            for await r in group { out.append(r) }
            return out.sorted { $0.0 < $1.0 }
        }
        #expect(read.map(\.1) == reference)
        #expect(read.allSatisfy { $0.2 })
        // Percentiles asked at once from many tasks of one uncertain value agree.
        let shared = values[1]
        let p5s = await withTaskGroup(of: Double.self) { group in
            for _ in 0..<8 { group.addTask { shared.p5 ?? .nan } }
            var out: [Double] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(Set(p5s).count == 1)
    }
}

// UncertaintyTests: known distributions within tolerance, sample order, and seed determinism.
import Testing
@testable import BurnKit
import BurnModel

@Suite struct UncertaintyTests {
    private func samples(_ source: String, count: Int = 100_000) throws -> Samples {
        let session = Session()
        try session.run(source: "samples \(count)")
        guard case .samples(let s) = try session.evaluate(source) else {
            Issue.record("not uncertain: \(source)")
            return Samples([])
        }
        return s
    }

    @Test func lognormalHasTheGivenNinetyPercentInterval() throws {
        let s = try samples("4 to 5")
        #expect(abs(s.percentile(5) - 4) < 0.02)
        #expect(abs(s.percentile(95) - 5) < 0.02)
        #expect(s.values.allSatisfy { $0 > 0 })
    }

    @Test func normalWhenTheLowBoundIsNotPositive() throws {
        let s = try samples("-1 to 1")
        #expect(abs(s.mean) < 0.01)
        #expect(abs(s.percentile(95) - 1) < 0.02)
        #expect(s.values.contains { $0 < -1.5 })
    }

    @Test func namedDistributions() throws {
        let n = try samples("normal(10, 2)")
        #expect(abs(n.mean - 10) < 0.03)
        let u = try samples("uniform(0, 1)")
        #expect(abs(u.mean - 0.5) < 0.01)
        #expect(u.values.allSatisfy { $0 >= 0 && $0 < 1 })
        let l = try samples("lognormal(1, 4)")
        #expect(abs(l.percentile(5) - 1) < 0.02)
    }

    @Test func sampleOrderIsKept() throws {
        let session = Session()
        try session.run(source: "let x = 1 to 2")
        #expect(session.format(try session.evaluate("x - x")) == "0")
        #expect(session.format(try session.evaluate("P(x * 2 == x + x)")) == "100%")
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        func run() throws -> String {
            let session = Session()
            let out = OutputBuffer()
            session.output = out.append
            try session.run(source: "seed 3\nlet g = 10% to 60%\ng\nP(g > 50%)\n")
            return out.text
        }
        #expect(try run() == run())
        let other = Session()
        let out = OutputBuffer()
        other.output = out.append
        try other.run(source: "seed 4\nlet g = 10% to 60%\ng\nP(g > 50%)\n")
        #expect(out.text != (try run()))
    }

    /// Percentiles of years some of which have none, those counted as later than every year,
    /// against numpy's linear interpolation over the draws sorted with none as +infinity
    /// (nil where that gives infinity or is undefined).
    @Test func percentilesCountYearsWithNoneAsLater() {
        var random = Random(seed: 9)
        for trial in 0..<300 {
            let n = 1 + trial % 40
            let years = (0..<n).map { _ in random.unit() < 0.3 ? Double.nan : 2025 + Double(Int(random.unit() * 12)) }
            let sorted = years.map { $0.isNaN ? Double.infinity : $0 }.sorted()
            let valued = Draws(years.filter { !$0.isNaN })
            for p in [0.0, 5, 10, 25, 50, 62.5, 90, 95, 100] {
                let position = p / 100 * Double(n - 1), lo = Int(position.rounded(.down))
                let fraction = position - Double(lo), hi = min(lo + 1, n - 1)
                let expected = fraction == 0 ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * fraction
                let found = OrderStatistics(valued).percentile(p, outOf: n)
                if expected.isFinite {
                    #expect(found == expected, "\(years) p\(p)")
                } else {
                    #expect(found == nil, "\(years) p\(p): \(String(describing: found))")
                }
            }
        }
    }
}

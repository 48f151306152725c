// UncertainModelTests: draws through facts, rules, identities and cash, a slice at a time;
// order statistics against a sorted reference.
import BurnModel
import Testing

/// A deterministic stream of numbers in [0, 1) (a linear congruential generator), so the
/// tests need no seed of the language's.
struct TestStream {
    var state: UInt64
    mutating func next() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Double(state >> 11) / Double(1 << 53)
    }
}

@Suite struct UncertainModelTests {
    /// More draws than one slice holds, so every answer joins several slices.
    static let width = 40_000

    private func rates(_ seed: UInt64) -> [Double] {
        var stream = TestStream(state: seed)
        return (0..<UncertainModelTests.width).map { _ in 0.2 + stream.next() }
    }

    private func lab(growth: [Double]) throws -> Model {
        var model = Catalogue.forTests()
        model.declareCompany("Lab")
        try model.setFact(company: "Lab", metric: "revenue", year: 2024, Quantity(4e9))
        try model.setFact(company: "Lab", metric: "costs", year: 2024, Quantity(9e9))
        try model.setFact(company: "Lab", metric: "cash", year: 2024, Quantity(10e9))
        try model.addRule(company: "Lab", metric: "revenue", .grows(Quantity(draws: Draws(growth))))
        try model.addRule(company: "Lab", metric: "costs", .grows(0.3))
        return model
    }

    @Test func everyDrawFollowsItsOwnPath() throws {
        let growth = rates(1)
        let model = try lab(growth: growth)
        let revenue = try #require(try model.value(company: "Lab", metric: "revenue", year: 2027).draws)
        let cash = try #require(try model.value(company: "Lab", metric: "cash", year: 2027).draws)
        #expect(revenue.count == growth.count && cash.count == growth.count)
        for i in stride(from: 0, to: growth.count, by: 997) {
            var r = 4e9, c = 9e9, money = 10e9
            for _ in 2025...2027 {
                r *= 1 + growth[i]
                c *= 1.3
                money += r - c
            }
            #expect(close(revenue.values[i], r, 1e-12), "draw \(i)")
            #expect(close(cash.values[i], money, 1e-9), "draw \(i)")
        }
    }

    @Test func breakevenIsADistributionOverYears() throws {
        let growth = rates(2)
        let model = try lab(growth: growth)
        guard case .draws(let years, let through) = try model.breakeven(company: "Lab", until: 2030) else {
            Issue.record("a certain answer from uncertain growth")
            return
        }
        #expect(through == 2030)
        for i in stride(from: 0, to: growth.count, by: 541) {
            var r = 4e9, c = 9e9, found: Double = .nan
            for year in 2025...2030 where found.isNaN {
                r *= 1 + growth[i]
                c *= 1.3
                if r >= c { found = Double(year) }
            }
            #expect(years.values[i] == found || (years.values[i].isNaN && found.isNaN), "draw \(i)")
        }
    }

    @Test func mismatchedWidthsAreRefused() throws {
        var model = try lab(growth: rates(3))
        let error = modelError {
            try model.setFact(company: "Lab", metric: "revenue", year: 2026, Quantity(draws: Draws([1, 2, 3])))
        }
        #expect(error?.message.contains("3 draws") == true)
        #expect(model.fact(company: "Lab", metric: "revenue", year: 2026) == nil)
    }

    // MARK: - Order statistics

    /// numpy's default percentile: linear interpolation between the sorted draws.
    private func reference(_ sorted: [Double], _ p: Double) -> Double {
        let position = p / 100 * Double(sorted.count - 1)
        let lo = Int(position.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo))
    }

    @Test(arguments: [1, 2, 7, 4096, 16_385, 100_000])
    func percentilesMatchSorting(_ count: Int) {
        var stream = TestStream(state: UInt64(count))
        let shapes: [[Double]] = [
            (0..<count).map { _ in stream.next() },
            (0..<count).map { Double($0) },                    // already sorted
            (0..<count).map { Double(count - $0) },            // reversed
            (0..<count).map { _ in Double(Int(stream.next() * 5)) },  // many ties, as years are
            (0..<count).map { i in i % 3 == 0 ? .nan : stream.next() },  // some draws without a value
        ]
        for values in shapes where values.contains(where: { !$0.isNaN }) {
            let draws = Draws(values)
            let ps: [Double] = [0, 5, 10, 50, 90, 95, 100]
            let found = draws.percentiles(ps), sorted = values.filter { !$0.isNaN }.sorted()
            for (p, x) in zip(ps, found) {
                #expect(x == reference(sorted, p), "p\(p) of \(count)")
            }
        }
    }

    @Test func summariesSkipDrawsWithoutAValue() {
        let draws = Draws([1, .nan, 3, .nan])
        #expect(draws.mean == 2)
        #expect(draws.noneShare == 0.5)
        #expect(draws.percentile(50) == 2)
        #expect(Draws([.nan]).mean.isNaN)
    }
}

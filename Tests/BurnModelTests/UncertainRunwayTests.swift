// UncertainRunwayTests: an uncertain projection's runway column (defect 14: a mean of runways
// showed 0 months beside a positive mean cash) and its funding need, against plain loops over
// the draws.
import BurnModel
import Testing

@Suite struct UncertainRunwayTests {
    /// More draws than one slice holds, so every answer joins several slices.
    static let width = 40_000

    /// Revenue 4B growing by a random rate in [0%, 100%) a year, costs 9B growing 30%.
    private func lab(cash: Double?, width: Int = UncertainRunwayTests.width) throws -> (Model, [Double]) {
        var stream = TestStream(state: 14)
        let growth = (0..<width).map { _ in stream.next() }
        var model = Catalogue.withFundingNeed()
        model.declareCompany("Lab")
        try model.setFact(company: "Lab", metric: "revenue", year: 2024, Quantity(4e9))
        try model.setFact(company: "Lab", metric: "costs", year: 2024, Quantity(9e9))
        if let cash { try model.setFact(company: "Lab", metric: "cash", year: 2024, Quantity(cash)) }
        try model.addRule(company: "Lab", metric: "revenue", .grows(Quantity(draws: Draws(growth))))
        try model.addRule(company: "Lab", metric: "costs", .grows(0.3))
        return (model, growth)
    }

    /// Each draw's revenue and costs year by year, 2024 first.
    private func paths(_ growth: [Double], until: Int) -> [[(revenue: Double, costs: Double)]] {
        growth.map { g in
            var r = 4e9, c = 9e9
            return (2024...until).map { year in
                if year > 2024 {
                    r *= 1 + g
                    c *= 1.3
                }
                return (r, c)
            }
        }
    }

    /// An even count of draws (the median between two) and an odd one.
    @Test(arguments: [UncertainRunwayTests.width, 4_001])
    func runwayIsAMedianWithTheShareOut(_ width: Int) throws {
        let (model, growth) = try lab(cash: 12e9, width: width)
        let projection = try model.project(company: "Lab", until: 2028)
        #expect(projection.runway.count == 5)
        #expect(projection.runway[0] == nil)  // 2024 is certain: 12B / 5B * 12 = 28.8 months
        let all = paths(growth, until: 2028)
        for (i, year) in (2024...2028).enumerated() where i > 0 {
            var runways: [Double] = [], out = 0
            for path in all {
                let cash = 12e9 + path[1...i].reduce(0) { $0 + $1.revenue - $1.costs }
                let burn = max(0, path[i].costs - path[i].revenue)
                runways.append(burn == 0 ? .infinity : max(0, cash) / burn * 12)
                if cash < 0 { out += 1 }
            }
            runways.sort()
            let n = runways.count
            let median = (runways[(n - 1) / 2] + runways[n / 2]) / 2
            let summary = try #require(projection.runway[i], "\(year)")
            #expect(summary.outShare == Double(out) / Double(n), "\(year)")
            if median.isInfinite {
                #expect(summary.median == nil, "\(year)")
            } else {
                // The runway's draws are kept as Float: 7 significant digits, more than shown.
                #expect(close(try #require(summary.median).value, median, 1e-6), "\(year)")
            }
        }
        // The defect: 0 months beside a positive mean cash. The median runway is 0 exactly when
        // at least half of the draws have run out of cash.
        for (i, row) in projection.rows.enumerated() {
            guard let summary = projection.runway[i], let median = summary.median else { continue }
            #expect((median.value == 0) == (summary.outShare >= 0.5), "\(row.year)")
        }
        #expect(projection.runway.contains { ($0?.outShare ?? 0) > 0.5 })   // the check above bites
        #expect(projection.runway.contains { ($0?.median?.value ?? 0) > 0 })
    }

    @Test func uncertainFundingNeedPerDraw() throws {
        let (model, growth) = try lab(cash: nil)
        let projection = try model.project(company: "Lab", until: 2030)
        #expect(projection.columns.last == "funding_need")
        #expect(projection.runway.isEmpty)
        let need = try #require(projection.fundingNeed)
        let amounts = try #require(need.amount?.draws)
        guard case .draws(let by, let through) = need.by else { Issue.record("a need per draw"); return }
        #expect(through == 2030 && need.through == 2030)
        for (d, path) in paths(growth, until: 2030).enumerated() where d % 379 == 0 {
            var total = 0.0, most = 0.0, year = Double.nan
            for (i, cell) in path.enumerated() {
                total += cell.revenue - cell.costs
                if -total > most {
                    most = -total
                    year = Double(2024 + i)
                }
            }
            #expect(close(amounts.values[d], most, 1e-9), "draw \(d)")
            #expect(by.values[d] == year || (by.values[d].isNaN && year.isNaN), "draw \(d)")
        }
        #expect(projection.runsOut == .noneThrough(2023))
    }
}

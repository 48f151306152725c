// FundingNeedTests: with no cash fact, funding_need (the least starting cash that keeps the
// cash at or above 0) and what `project` says instead of a year the cash runs out; capex and
// commitments in the table; operating break-even against positive free cash flow.
import BurnModel
import Testing

@Suite struct FundingNeedTests {
    /// Revenue 3.7B growing 60% a year, a 5B loss in 2024 with costs growing 25%, a 6.6B round
    /// in 2024 and 10B of capex committed over 2028..2029; no cash fact.
    private func plan(commitAs metric: String = "capex") throws -> Model {
        var model = Catalogue.withFundingNeed()
        model.declareCompany("Lab")
        try model.setFact(company: "Lab", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.setFact(company: "Lab", metric: "loss", year: 2024, Quantity(5e9))
        try model.addRule(company: "Lab", metric: "revenue", .grows(0.6))
        try model.addRule(company: "Lab", metric: "costs", .grows(0.25))
        try model.addRound(company: "Lab", Round(year: 2024, amount: Quantity(6.6e9), valuation: .post(Quantity(157e9))))
        try model.addCommitment(company: "Lab", Commitment(to: "Oracle", amount: Quantity(10e9), over: 2028...2029, as: metric))
        return model
    }

    /// The same plan worked out by plain loops: each year's flows, the cumulative cash flow
    /// and the need, with the year the need last grew.
    private struct Reference {
        var years: [Int] = []
        var freeCashFlow: [Double] = []
        var cumulative: [Double] = []
        var need: [Double] = []
        var needBy: Int?
        var breakeven: Int?
        var positiveFreeCashFlow: Int?

        init(until: Int, capexInCosts: Bool = false) {
            var revenue = 3.7e9, costs = 8.7e9, total = 0.0, most = 0.0
            for year in 2024...until {
                if year > 2024 {
                    revenue *= 1.6
                    costs *= 1.25
                }
                let committed = (2028...2029).contains(year) ? 5e9 : 0
                let capex = capexInCosts ? 0 : committed
                let raised = year == 2024 ? 6.6e9 : 0
                let fcf = revenue - costs - capex
                total += fcf + raised
                if -total > most {
                    most = -total
                    needBy = year
                }
                if breakeven == nil, revenue - costs >= 0 { breakeven = year }
                if positiveFreeCashFlow == nil, fcf > 0 { positiveFreeCashFlow = year }
                years.append(year)
                freeCashFlow.append(fcf)
                cumulative.append(total)
                need.append(most)
            }
        }
    }

    @Test func fundingNeedIsTheLowestCumulativeCashFlow() throws {
        let model = try plan()
        let reference = Reference(until: 2035)
        for (i, year) in reference.years.enumerated() {
            #expect(close(try model.value(company: "Lab", metric: "free_cash_flow", year: year).value,
                          reference.freeCashFlow[i]), "free_cash_flow[\(year)]")
            #expect(close(try model.value(company: "Lab", metric: "cumulative_cash_flow", year: year).value,
                          reference.cumulative[i]), "cumulative_cash_flow[\(year)]")
            #expect(close(try model.value(company: "Lab", metric: "funding_need", year: year).value,
                          reference.need[i]), "funding_need[\(year)]")
        }
        // By hand: 2024 -5 + 6.6 = 1.6 (no need); 2025 5.92 - 10.875 -> -3.355; 2026 -4.122 ->
        // -7.477; 2027 -1.837 -> -9.314; 2028 24.25 - 21.24 - 5 = -1.992 -> -11.306 (the low);
        // 2029 38.80 - 26.55 - 5 = +7.25.
        #expect(close(try model.value(company: "Lab", metric: "funding_need", year: 2024).value, 0))
        #expect(abs(try model.value(company: "Lab", metric: "funding_need", year: 2030).value - 11.306e9) < 0.01e9)
    }

    @Test func projectShowsFundingNeedWhenCashIsUnknown() throws {
        let model = try plan()
        let reference = Reference(until: 2031)
        let projection = try model.project(company: "Lab", until: 2031)
        #expect(projection.columns == ["revenue", "costs", "operating_income", "capex", "burn", "raised", "funding_need"])
        let need = try #require(projection.fundingNeed)
        #expect(close(try #require(need.amount).value, try #require(reference.need.last)))
        #expect(need.by == .year(try #require(reference.needBy)))
        #expect(need.by == .year(2028))
        #expect(need.through == 2031)
        #expect(projection.runsOut == .noneThrough(2023))
        // Operating break-even in 2028 (24.25B >= 21.24B), but the 5B of capex keeps free cash
        // flow negative until 2029.
        #expect(projection.breakeven == .year(try #require(reference.breakeven)))
        #expect(projection.freeCashFlow == .year(try #require(reference.positiveFreeCashFlow)))
        #expect(projection.breakeven == .year(2028) && projection.freeCashFlow == .year(2029))
        let column = try #require(projection.columns.firstIndex(of: "funding_need"))
        for (i, row) in projection.rows.enumerated() {
            #expect(close(try #require(row.cells[column].quantity).value, reference.need[i]), "\(row.year)")
        }
    }

    @Test func commitmentsThatAreCostsGetTheirOwnColumn() throws {
        let model = try plan(commitAs: "costs")
        let projection = try model.project(company: "Lab", until: 2030)
        #expect(projection.columns == ["revenue", "costs", "operating_income", "commitments", "burn", "raised", "funding_need"])
        let commitments = try #require(projection.rows[4].cells[3].quantity)  // 2028: 10B over two years
        #expect(close(commitments.value, 5e9))
    }

    @Test func noCommitmentsNoSpendingColumns() throws {
        var model = Catalogue.withFundingNeed()
        model.declareCompany("Lab")
        try model.setFact(company: "Lab", metric: "revenue", year: 2024, Quantity(10e9))
        try model.setFact(company: "Lab", metric: "costs", year: 2024, Quantity(4e9))
        let projection = try model.project(company: "Lab", until: 2024)
        #expect(projection.columns == ["revenue", "costs", "operating_income", "burn", "raised", "funding_need"])
        // Profitable from the start: nothing to raise.
        let need = try #require(projection.fundingNeed)
        #expect(need.by == .noneThrough(2024))
        #expect(try #require(need.amount).value == 0)
        #expect(projection.freeCashFlow == projection.breakeven)
    }

    @Test func withACashFactTheCashIsShown() throws {
        var model = try plan()
        try model.setFact(company: "Lab", metric: "cash", year: 2024, Quantity(10e9))
        let projection = try model.project(company: "Lab", until: 2030)
        #expect(projection.columns == ["revenue", "costs", "operating_income", "capex", "burn", "raised", "cash", "runway"])
        #expect(projection.fundingNeed == nil)
        // 10B at the end of 2024, then the reference's flows after 2024. By hand:
        // 10 - 4.955 - 4.122 - 1.837 = -0.914 at the end of 2027.
        let reference = Reference(until: 2030)
        var cash = 10e9, runsOut: Int?
        for (i, year) in reference.years.enumerated() where year > 2024 {
            cash += reference.cumulative[i] - reference.cumulative[i - 1]
            if runsOut == nil, cash < 0 { runsOut = year }
        }
        #expect(projection.runsOut == .year(try #require(runsOut)))
        #expect(projection.runsOut == .year(2027))
    }

    @Test func explainAStockThatStartsAtZero() throws {
        let model = try plan()
        let tree = try model.explain(company: "Lab", metric: "funding_need", year: 2024)
        #expect(tree.children.map(\.metric) == ["funding_need", "cumulative_cash_flow"])
        guard case .startsAtZero = tree.children[0].method else { Issue.record("starts at zero"); return }
        #expect(tree.children[0].year == 2023 && tree.children[0].value.value == 0)
    }

    @Test func needStopsWhereValuesBecomeUnknown() throws {
        // OpenAI's facts: costs 2025 are unknown, so the need is known through 2024 only.
        var model = Catalogue.withFundingNeed()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9))
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2025, Quantity(11.6e9))
        let projection = try model.project(company: "OpenAI", until: 2027)
        let need = try #require(projection.fundingNeed)
        #expect(need.through == 2024)
        #expect(need.by == .year(2024))
        #expect(close(try #require(need.amount).value, 5e9))  // a 5B loss and no round
    }
}

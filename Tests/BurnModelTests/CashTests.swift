// CashTests: cash as a stock, burn, runway, break-even and runs-out, projections and tables.
import BurnModel
import Testing

@Suite struct CashTests {
    /// Cash 10B at the end of 2024, revenue doubling, costs up 20% a year.
    private func burner(cash: Double = 10e9) throws -> Model {
        var model = Catalogue.forTests()
        model.declareCompany("Burner")
        try model.setFact(company: "Burner", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.setFact(company: "Burner", metric: "costs", year: 2024, Quantity(8.7e9))
        try model.setFact(company: "Burner", metric: "cash", year: 2024, Quantity(cash))
        try model.addRule(company: "Burner", metric: "revenue", .grows(1.0))
        try model.addRule(company: "Burner", metric: "costs", .grows(0.2))
        return model
    }

    @Test func cashFlowsFromTheFact() throws {
        let model = try burner()
        #expect(close(try model.value(company: "Burner", metric: "cash", year: 2025).value, 6.96e9))
        #expect(close(try model.value(company: "Burner", metric: "cash", year: 2026).value, 9.232e9))
    }

    @Test func cashIsUnknownWithoutAFact() throws {
        // Defect 13: cash used to start from $0 and "run out" in the first year.
        let model = Catalogue.openAI()
        guard case .unknown(let e) = try model.cell(company: "OpenAI", metric: "cash", year: 2024) else {
            Issue.record("cash with no fact should be unknown"); return
        }
        #expect(e.message == "OpenAI.cash is unknown: there is no `cash` fact to start from")
        #expect(e.hint?.contains("`cash[2024] = 10B`") == true && e.hint?.contains("`funding_need`") == true)
        // Everything that reads it is unknown too, never 0 months.
        guard case .unknown = try model.cell(company: "OpenAI", metric: "runway", year: 2024) else {
            Issue.record("runway from an unknown cash"); return
        }
        #expect(modelError { _ = try model.value(company: "OpenAI", metric: "cash", year: 2030) }?.kind == .unknown)
        #expect(try model.runsOut(company: "OpenAI") == .noneThrough(2023))
        #expect(model.company(named: "OpenAI")?.firstYear == 2024)
    }

    @Test func cashRunsForwardFromALaterFact() throws {
        var model = try burner()
        try model.removeFact(company: "Burner", metric: "cash", year: 2024)
        try model.setFact(company: "Burner", metric: "cash", year: 2025, Quantity(5e9))
        guard case .unknown(let e) = try model.cell(company: "Burner", metric: "cash", year: 2024) else {
            Issue.record("cash before its first fact"); return
        }
        #expect(e.message == "Burner.cash is unknown before 2025: it runs forward from its first `cash` fact")
        // 5B + revenue 3.7B * 2^2 - costs 8.7B * 1.2^2 = 5 + 14.8 - 12.528 = 7.272B
        #expect(close(try model.value(company: "Burner", metric: "cash", year: 2026).value, 7.272e9))
    }

    @Test func cashFactBeforeTheFirstYear() throws {
        var model = try burner()
        try model.removeFact(company: "Burner", metric: "cash", year: 2024)
        try model.setFact(company: "Burner", metric: "cash", year: 2023, Quantity(2e9))
        #expect(model.company(named: "Burner")?.firstYear == 2024)
        // 2B + 3.7B - 8.7B
        #expect(close(try model.value(company: "Burner", metric: "cash", year: 2024).value, -3e9))
        #expect(try model.runsOut(company: "Burner") == .year(2024))
    }

    @Test func burnAndRunway() throws {
        let model = try burner()
        #expect(close(try model.value(company: "Burner", metric: "burn", year: 2024).value, 5e9))
        let runway = try model.value(company: "Burner", metric: "runway", year: 2024)
        #expect(close(runway.value, 24))
        #expect(runway.unit == .named(Units.month))
        #expect(try model.value(company: "Burner", metric: "burn", year: 2026).value == 0)
        guard case .none = try model.cell(company: "Burner", metric: "runway", year: 2026) else {
            Issue.record("runway should be none when burn is 0"); return
        }
        #expect(modelError { _ = try model.value(company: "Burner", metric: "runway", year: 2026) }?.kind == .noValue)
    }

    @Test func breakevenAndRunsOut() throws {
        let rich = try burner()
        #expect(try rich.breakeven(company: "Burner") == .year(2026))
        #expect(try rich.runsOut(company: "Burner", until: 2060) == .noneThrough(2060))
        let poor = try burner(cash: 2e9)
        #expect(try poor.runsOut(company: "Burner") == .year(2025))
        // OpenAI's facts stop in 2024: the search stops where values become unknown.
        let openAI = Catalogue.openAI()
        #expect(try openAI.breakeven(company: "OpenAI") == .noneThrough(2024))
    }

    @Test func projectTable() throws {
        let model = try burner()
        let projection = try model.project(company: "Burner", extraMetrics: ["burn", "margin"], until: 2030)
        #expect(projection.columns == ["revenue", "costs", "operating_income", "burn", "raised", "cash", "runway", "margin"])
        #expect(projection.rows.map(\.year) == Array(2024...2030))
        #expect(projection.breakeven == .year(2026))
        #expect(projection.runsOut == .noneThrough(2030))
        let margin2024 = try #require(projection.rows[0].cells[7].quantity)
        #expect(close(margin2024.value, -5 / 3.7))
        guard case .none = projection.rows[2].cells[6] else { Issue.record("runway 2026"); return }
    }

    @Test func projectWithUnknownCells() throws {
        let model = Catalogue.openAI()
        let projection = try model.project(company: "OpenAI", until: 2026)
        #expect(projection.rows.count == 3)
        guard case .unknown(let e) = projection.rows[1].cells[1] else { Issue.record("costs 2025"); return }
        #expect(e.message == "OpenAI.costs[2025] is unknown")
        #expect(projection.breakeven == .noneThrough(2024))
    }

    @Test func tableOfCompanies() throws {
        var model = try burner()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9))
        let table = try model.table(metrics: ["revenue"], companies: ["OpenAI", "Burner"], years: 2024...2025)
        #expect(table.columns == [Table.Column(company: "OpenAI", metric: "revenue"), Table.Column(company: "Burner", metric: "revenue")])
        #expect(table.rows.count == 2)
        #expect(close(try #require(table.rows[1][1].quantity).value, 7.4e9))
        guard case .unknown = table.rows[1][0] else { Issue.record("OpenAI 2025"); return }
    }

    @Test func longHorizonsStayShallow() throws {
        let model = try burner()
        #expect(try model.value(company: "Burner", metric: "cash", year: 2300).value > 0)
    }
}

// RoundTests: rounds, raised and valuation, pre/post, dilution, step-up, the cap table (D1-D4).
import BurnModel
import Testing

@Suite struct RoundTests {
    @Test func preMoneyDilutionStepUp() throws {  // D1, D2, D3
        let model = Catalogue.openAI()
        let round = try #require(try model.rounds(company: "OpenAI").first)
        #expect(close(try #require(round.pre).value, 150.4e9))
        #expect(close(try #require(round.post).value, 157e9))
        let dilution = try #require(round.dilution)
        #expect(dilution.display == .percent)
        #expect(Int((dilution.value * 1000).rounded()) == 42)
        let stepUp = try #require(round.stepUp)
        #expect(stepUp.display == .multiple)
        #expect(Int((stepUp.value * 100).rounded()) == 183)
        #expect(round.previousValuationYear == 2023)
    }

    @Test func valuationOverRevenue() throws {  // D4
        let model = Catalogue.openAI()
        let multiple = try model.value(company: "OpenAI", metric: "multiple", year: 2024)
        #expect(multiple.display == .multiple)
        #expect(Int((multiple.value * 10).rounded()) == 424)
    }

    @Test func roundFeedsRaisedAndValuation() throws {
        var model = Catalogue.openAI()
        #expect(close(try model.value(company: "OpenAI", metric: "raised", year: 2024).value, 6.6e9))
        #expect(try model.value(company: "OpenAI", metric: "raised", year: 2025).value == 0)
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2024).value, 157e9))
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2026).value, 157e9))  // carried
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2023).value, 86e9))
        try model.setFact(company: "OpenAI", metric: "valuation", year: 2024, Quantity(150e9))
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2024).value, 150e9))
        #expect(close(try model.totalRaised(company: "OpenAI").value, 6.6e9))
    }

    @Test func preMoneyGiven() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.addRound(company: "A", Round(year: 2024, amount: Quantity(6.5e9), valuation: .pre(Quantity(150e9))))
        let round = try #require(try model.rounds(company: "A").first)
        #expect(close(try #require(round.post).value, 156.5e9))
        #expect(round.stepUp == nil)
        #expect(round.round.name == "round of 2024")
    }

    @Test func capTableSplitsEvenlyAmongLeadAndInvestors() throws {
        let model = Catalogue.openAI()
        let steps = try model.capTable(company: "OpenAI")
        #expect(steps.count == 1)
        let holders = steps[0].holders
        #expect(holders.map(\.name) == ["earlier holders", "Thrive Capital", "Microsoft", "Nvidia", "SoftBank"])
        #expect(close(holders[0].share, 1 - 6.6 / 157))
        #expect(close(holders[1].share, 6.6 / 157 / 4))
        #expect(close(holders.reduce(0) { $0 + $1.share }, 1))
    }

    @Test func capTableWithAmountsAndLaterRounds() throws {
        var model = Catalogue.openAI()
        try model.addRound(company: "OpenAI", Round(
            "2025", year: 2025, amount: Quantity(40e9), valuation: .post(Quantity(300e9)), lead: "SoftBank",
            investors: [Investor("SoftBank", amount: Quantity(30e9)), Investor("Microsoft", amount: Quantity(10e9))]))
        try model.addRound(company: "OpenAI", Round(year: 2026, amount: Quantity(10e9), valuation: .post(Quantity(500e9))))
        let steps = try model.capTable(company: "OpenAI")
        #expect(steps.count == 3)
        let after = steps[1].holders
        #expect(after.map(\.name) == ["earlier holders", "Thrive Capital", "Microsoft", "Nvidia", "SoftBank"])
        let softbank = after[4].share
        #expect(close(softbank, 6.6 / 157 / 4 * (1 - 40.0 / 300) + 30.0 / 300))
        #expect(steps[2].holders.last?.name == "round investors")
        #expect(close(steps[2].holders.reduce(0) { $0 + $1.share }, 1))
        let figures = try model.rounds(company: "OpenAI")
        #expect(close(try #require(figures[1].stepUp).value, 300.0 / 157))
    }

    @Test func roundsAreInDateOrder() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.addRound(company: "A", Round("late", year: 2024, month: 11, amount: Quantity(1e9), valuation: .post(Quantity(10e9))))
        try model.addRound(company: "A", Round("early", year: 2024, month: 2, amount: Quantity(1e9), valuation: .post(Quantity(5e9))))
        #expect(try model.rounds(company: "A").map(\.round.name) == ["early", "late"])
        #expect(close(try model.value(company: "A", metric: "raised", year: 2024).value, 2e9))
        #expect(close(try model.value(company: "A", metric: "valuation", year: 2024).value, 10e9))
    }

    @Test func badRounds() {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        #expect(modelError { try model.addRound(company: "A", Round(year: 2024, amount: Quantity(20e9), valuation: .post(Quantity(10e9)))) }?.kind == .invalid)
        #expect(modelError { try model.addRound(company: "A", Round(year: 2024, amount: Quantity(1, .named(Units.gw)))) }?.kind == .unitMismatch)
        #expect(model.company(named: "A")?.rounds.isEmpty == true)
    }
}

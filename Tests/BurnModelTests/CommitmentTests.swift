// CommitmentTests: commitments spread over years, priced capacities, capex and costs (D12-D14).
import BurnModel
import Testing

@Suite struct CommitmentTests {
    private func committed() throws -> Model {
        var model = Catalogue.openAI()
        try model.addCommitment(company: "OpenAI", Commitment(to: "Oracle", amount: Quantity(300e9), over: 2027...2031, source: "004"))
        try model.addCommitment(company: "OpenAI", Commitment(
            to: "Nvidia", capacity: Quantity(10, .named(Units.gw)), price: Quantity(35e9, Unit.money("USD").multiplied(by: .named(Units.gw), power: -1).unit),
            over: 2026...2030))
        return model
    }

    @Test func spreadEvenly() throws {
        let model = try committed()
        #expect(close(try model.value(company: "OpenAI", metric: "commitments", year: 2026).value, 70e9))
        #expect(close(try model.value(company: "OpenAI", metric: "commitments", year: 2027).value, 130e9))
        #expect(close(try model.value(company: "OpenAI", metric: "capex", year: 2031).value, 60e9))
        #expect(try model.value(company: "OpenAI", metric: "capex", year: 2025).value == 0)
        #expect(try model.value(company: "OpenAI", metric: "commitments", year: 2040).value == 0)
        let total = try model.series(company: "OpenAI", metric: "commitments", years: 2024...2032)
            .compactMap(\.quantity).reduce(0) { $0 + $1.value }
        #expect(close(total, 650e9))
    }

    @Test func asCosts() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.addCommitment(company: "A", Commitment(amount: Quantity(10e9), over: 2025...2026, as: "costs"))
        #expect(close(try model.value(company: "A", metric: "costs", year: 2025).value, 5e9))
        #expect(try model.value(company: "A", metric: "capex", year: 2025).value == 0)
    }

    @Test func aCapacityMustBePricedInMoney() {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        let error = modelError {
            try model.addCommitment(company: "A", Commitment(capacity: Quantity(10, .named(Units.gw)), price: Quantity(2), over: 2025...2026))
        }
        #expect(error?.kind == .unitMismatch)
    }

    @Test func commitmentsAgainstRevenue() throws {  // D12, D13
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2025, Quantity(13e9), source: "002")
        try model.addCommitment(company: "OpenAI", Commitment(to: "Oracle", amount: Quantity(300e9), over: 2027...2031))
        try model.addCommitment(company: "OpenAI", Commitment(to: "others", amount: Quantity(1.1e12), over: 2026...2035))
        let total = try model.company(named: "OpenAI")!.commitments.reduce(Quantity.money(0)) {
            try $0.adding(try $1.total(currency: "USD"), rates: model.rates)
        }
        #expect(close(total.value, 1.4e12))
        let years = try total.divided(by: try model.value(company: "OpenAI", metric: "revenue", year: 2025), rates: model.rates)
        #expect(Int(years.value.rounded()) == 108)
        #expect(Int((300e9 / total.value * 1000).rounded()) == 214)
    }

    @Test func capacityAddsUp() throws {  // D14
        let nvidia = Quantity(10, .named(Units.gw)), amd = Quantity(6, .named(Units.gw))
        let both = try nvidia.adding(amd, rates: Rates())
        #expect(both.value == 16 && both.unit == .named(Units.gw))
    }
}

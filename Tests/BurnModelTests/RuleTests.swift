// RuleTests: growth rules, reaches, several rules, facts beating rules, interpolation.
import BurnModel
import Testing

private func revenue(_ model: Model, _ year: Int) throws -> Double {
    try model.value(company: "OpenAI", metric: "revenue", year: year).value
}

@Suite struct RuleTests {
    @Test func growsPerYear() throws {
        var model = Catalogue.openAI()
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(0.5))
        #expect(close(try revenue(model, 2026), 17.4e9))
        #expect(close(try revenue(model, 2027), 26.1e9))
        #expect(close(try revenue(model, 2025), 11.6e9))  // a fact beats a rule
    }

    @Test func growsFromUntil() throws {
        var model = Catalogue.openAI()
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(1.0, from: 2026, until: 2027))
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(0.1, from: 2028))
        #expect(close(try revenue(model, 2027), 46.4e9))
        #expect(close(try revenue(model, 2028), 51.04e9))
    }

    @Test func growsFactorInAYear() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(factor: 3.1, in: 2025))
        #expect(close(try revenue(model, 2025), 11.47e9))
        #expect(modelError { _ = try revenue(model, 2026) }?.message == "OpenAI.revenue[2026] is unknown")
    }

    @Test func reachesGrowsAtOneRate() throws {
        var model = Catalogue.openAI()
        // 002's figure instead of 001's (beside it, the two would disagree).
        try model.removeFact(company: "OpenAI", metric: "revenue", year: 2025)
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2025, Quantity(13e9), source: "002")
        try model.addRule(company: "OpenAI", metric: "revenue", .reaches(Quantity(98.7e9), in: 2028))
        #expect(close(try revenue(model, 2028), 98.7e9))
        let rate = Foundation_cbrt(98.7 / 13)  // D10: ~96.5% a year
        #expect(Int(((rate - 1) * 1000).rounded()) == 965)
        #expect(close(try revenue(model, 2026), 13e9 * rate, 1e-9))
        #expect(close(try revenue(model, 2027), 13e9 * rate * rate, 1e-9))
        #expect(modelError { _ = try revenue(model, 2029) }?.kind == .unknown)
    }

    @Test func reachesAfterAnOpenEndedRule() throws {
        var model = Catalogue.openAI()
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(0.5))
        try model.addRule(company: "OpenAI", metric: "revenue", .reaches(Quantity(98.7e9), in: 2028))
        #expect(close(try revenue(model, 2028), 98.7e9))
        #expect(close(try revenue(model, 2029), 98.7e9 * 1.5))
    }

    @Test func interpolationBetweenFacts() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(4e9))
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2026, Quantity(16e9))
        #expect(close(try revenue(model, 2025), 8e9))
        // linear when the signs differ
        try model.setFact(company: "OpenAI", metric: "operating_income", year: 2024, Quantity(-4e9))
        try model.setFact(company: "OpenAI", metric: "operating_income", year: 2028, Quantity(4e9))
        #expect(close(try model.value(company: "OpenAI", metric: "operating_income", year: 2026).value, 0, 1))
        #expect(close(try model.value(company: "OpenAI", metric: "operating_income", year: 2027).value, 2e9))
        // a rule in between stops interpolation
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(factor: 2, in: 2025))
        #expect(close(try revenue(model, 2025), 8e9))
        let explained = try model.explain(company: "OpenAI", metric: "revenue", year: 2025)
        guard case .rule = explained.method else { Issue.record("expected a rule"); return }
    }

    @Test func ruleOnAMetricWithNoFactStartsAfterTheFirstYear() throws {
        var model = Catalogue.openAI()
        try model.addRule(company: "OpenAI", metric: "costs", .grows(0.2))
        #expect(close(try model.value(company: "OpenAI", metric: "costs", year: 2025).value, 8.7e9 * 1.2))
    }
}

private func Foundation_cbrt(_ x: Double) -> Double {
    var r = x
    for _ in 0..<60 { r = r - (r * r * r - x) / (3 * r * r) }
    return r
}

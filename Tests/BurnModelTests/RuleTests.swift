// RuleTests: growth rules, reaches, several rules, facts beating rules, interpolation, rules
// that grow from values the identities give (issue 11, D11).
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

    /// `grows 3x per year` is a factor each year, `grows 50% in 2025` a rate for one year.
    @Test func factorPerYearAndRateInAYear() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(4e9))
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(rate: Quantity(0.5, display: .percent), in: 2025))
        try model.addRule(company: "OpenAI", metric: "revenue", .grows(factor: Quantity(3, display: .multiple), from: 2026))
        #expect(close(try revenue(model, 2025), 6e9))     // 4B x 1.5
        #expect(close(try revenue(model, 2027), 54e9))    // 6B x 3 x 3
        #expect(close(try model.value(company: "OpenAI", metric: "growth", year: 2026).value, 2))
    }

    /// Issue 11, D11: costs in 2024 come from the identities (revenue 3.7B + loss 5B = 8.7B),
    /// and `costs reaches 172.7B in 2028` grows from there at one rate: (172.7 / 8.7)^(1/4) - 1,
    /// 111.1% a year (sqrt(sqrt(19.851)) = 2.1108). By hand, 2026 is halfway in the exponent:
    /// 8.7B x sqrt(172.7 / 8.7) = 8.7B x 4.45540 = 38.762B.
    @Test func reachesFromAValueAnIdentityGives() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9))
        try model.addRule(company: "OpenAI", metric: "costs", .reaches(Quantity(172.7e9), in: 2028))
        func costs(_ year: Int) throws -> Double { try model.value(company: "OpenAI", metric: "costs", year: year).value }
        #expect(close(try costs(2024), 8.7e9))
        #expect(close(try costs(2026), 38.762e9, 1e-5))
        #expect(close(try costs(2028), 172.7e9))
        let rate = 2.1108  // about (172.7 / 8.7)^(1/4)
        for year in 2025...2028 {
            #expect(close(try costs(year) / costs(year - 1), rate, 1e-3))
            #expect(close(try costs(year) / costs(year - 1), try costs(2025) / costs(2024), 1e-12))  // one rate
        }
        guard case .rule = try model.explain(company: "OpenAI", metric: "costs", year: 2026).method else {
            Issue.record("expected the rule"); return
        }
    }

    /// A per-year rule with no `from` starts after the first year the facts settle the metric,
    /// here through the identities (2024), not after its first own fact (2026).
    @Test func growsFromAValueAnIdentityGives() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9))
        try model.setFact(company: "OpenAI", metric: "costs", year: 2026, Quantity(20e9))
        try model.addRule(company: "OpenAI", metric: "costs", .grows(Quantity(0.5, display: .percent)))
        func costs(_ year: Int) throws -> Double { try model.value(company: "OpenAI", metric: "costs", year: year).value }
        #expect(close(try costs(2025), 13.05e9))  // 8.7B x 1.5
        #expect(close(try costs(2026), 20e9))     // the fact
        #expect(close(try costs(2027), 30e9))
    }

    /// Interpolation joins a fact to a value the identities give: Scripts/openai-2028.burn
    /// states the 2028 loss (74B) and margin (-75%), so revenue[2028] = 74B / 75% = 98.67B, and
    /// 2026 lies on the constant rate from 13B in 2025: 13B x (98.67 / 13)^(1/3) = 25.55B.
    @Test func interpolationToAValueAnIdentityGives() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2025, Quantity(13e9))
        try model.setFact(company: "OpenAI", metric: "loss", year: 2028, Quantity(74e9))
        try model.setFact(company: "OpenAI", metric: "margin", year: 2028, Quantity(-0.75))
        let end = 74e9 / 0.75
        #expect(close(try revenue(model, 2028), end))
        let rate = Foundation_cbrt(end / 13e9)  // 1.965, the 96.5% a year of D10
        #expect(close(try revenue(model, 2026), 13e9 * rate, 1e-9))
        #expect(close(try revenue(model, 2026), 25.55e9, 1e-3))
        #expect(close(try revenue(model, 2027), 13e9 * rate * rate, 1e-9))
    }

    /// A rule never stands in for a value the year's facts settle through the identities, even
    /// while another cell of the identity is being worked out: with revenue 11.6B and loss 8B in
    /// 2025, the margin is -8 / 11.6 = -69%, whatever `costs grow` says (10% on 8.7B is 9.57B,
    /// which would give (11.6 - 9.57) / 11.6 = +17.5%).
    @Test func aRuleDoesNotOverrideWhatTheFactsSettle() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        for (year, revenue, loss) in [(2024, 3.7e9, 5e9), (2025, 11.6e9, 8e9)] {
            try model.setFact(company: "OpenAI", metric: "revenue", year: year, Quantity(revenue))
            try model.setFact(company: "OpenAI", metric: "loss", year: year, Quantity(loss))
        }
        try model.addRule(company: "OpenAI", metric: "costs", .grows(Quantity(0.1, display: .percent)))
        #expect(close(try model.value(company: "OpenAI", metric: "margin", year: 2025).value, -8 / 11.6))
        #expect(close(try model.value(company: "OpenAI", metric: "costs", year: 2025).value, 19.6e9))
        #expect(close(try model.value(company: "OpenAI", metric: "costs", year: 2026).value, 19.6e9 * 1.1))
    }

    /// Interpolation needs a fact of the metric at one end at least: costs between two years
    /// the identities settle come from the identities, not from a second, inconsistent path.
    /// Revenue 3.7B, 29.4B and loss 5B, 10B in 2024 and 2026 interpolate to 10.43B and 7.071B in
    /// 2025 (sqrt(3.7 x 29.4), sqrt(5 x 10)); costs are their sum, 17.5B, not sqrt(8.7 x 39.4).
    @Test func interpolationNeedsAFactAtOneEnd() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        for (year, revenue, loss) in [(2024, 3.7e9, 5e9), (2026, 29.4e9, 10e9)] {
            try model.setFact(company: "OpenAI", metric: "revenue", year: year, Quantity(revenue))
            try model.setFact(company: "OpenAI", metric: "loss", year: year, Quantity(loss))
        }
        let costs = try model.value(company: "OpenAI", metric: "costs", year: 2025).value
        #expect(close(costs, (3.7 * 29.4).squareRoot() * 1e9 + (5.0 * 10).squareRoot() * 1e9))
        #expect(close(try model.value(company: "OpenAI", metric: "margin", year: 2025).value,
                      -(5.0 * 10).squareRoot() / (3.7 * 29.4).squareRoot()))
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

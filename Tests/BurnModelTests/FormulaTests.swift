// FormulaTests: company and default formulas, unknown values, cycles, errors that pass through (D6, D7).
import BurnModel
import Testing

private struct LanguageError: Error, Equatable { var text: String }

@Suite struct FormulaTests {
    @Test func computeShareOfCosts() throws {  // D6
        var model = Catalogue.openAI()
        try model.setFact(company: "OpenAI", metric: "compute", year: 2024, Quantity(7e9), source: "001")
        let compute = try model.value(company: "OpenAI", metric: "compute", year: 2024)
        let costs = try model.value(company: "OpenAI", metric: "costs", year: 2024)
        let share = try compute.divided(by: costs, rates: model.rates)
        #expect(Int((share.value * 1000).rounded()) == 805)
    }

    @Test func companyFormulaReadsThroughIdentities() throws {
        var model = Catalogue.openAI()
        try model.setFormula(company: "OpenAI", metric: "compute", formula { ctx in
            try Quantity(0.8).multiplied(by: try ctx.value("costs"))
        })
        #expect(close(try model.value(company: "OpenAI", metric: "compute", year: 2024).value, 6.96e9))
        // costs still comes from revenue and loss, not from compute
        #expect(close(try model.value(company: "OpenAI", metric: "costs", year: 2024).value, 8.7e9))
    }

    @Test func revenueGrowth() throws {  // D7
        let model = Catalogue.openAI()
        let growth = try model.value(company: "OpenAI", metric: "growth", year: 2025)
        #expect(growth.display == .percent)
        #expect(Int(((1 + growth.value) * 100).rounded()) == 314)
        #expect(Int((growth.value * 1000).rounded()) == 2135)
    }

    @Test func unknownIsNeverZero() {
        let model = Catalogue.openAI()
        let error = modelError { _ = try model.value(company: "OpenAI", metric: "revenue", year: 2027) }
        #expect(error?.kind == .unknown)
        #expect(error?.message == "OpenAI.revenue[2027] is unknown")
        #expect(error?.hint == "give a fact, a rule (revenue grows ...) or a formula")
        // A default formula reports the value it lacks.
        let burn = modelError { _ = try model.value(company: "OpenAI", metric: "burn", year: 2025) }
        #expect(burn?.message == "OpenAI.costs[2025] is unknown")
    }

    @Test func formulaCycleIsNamed() {
        var model = Catalogue.forTests()
        model.declare(MetricDecl("a", .number))
        model.declare(MetricDecl("b", .number))
        model.declareCompany("X")
        try! model.setFormula(company: "X", metric: "a", formula { ctx in
            Quantity(try ctx.value("b").value + 1)
        })
        try! model.setFormula(company: "X", metric: "b", formula { ctx in
            Quantity(try ctx.value("a").value * 2)
        })
        let error = modelError { _ = try model.value(company: "X", metric: "a", year: 2025) }
        #expect(error?.kind == .cycle)
        #expect(error?.message == "formula cycle: a[2025] -> b[2025] -> a[2025]")
    }

    @Test func formulaErrorsPassThroughUnchanged() {
        var model = Catalogue.forTests()
        model.declareCompany("X")
        try! model.setFormula(company: "X", metric: "revenue", formula { _ in throw LanguageError(text: "division by zero") })
        #expect(throws: LanguageError(text: "division by zero")) {
            _ = try model.value(company: "X", metric: "revenue", year: 2024)
        }
        // ...also when read through another formula and an identity
        #expect(throws: LanguageError(text: "division by zero")) {
            _ = try model.value(company: "X", metric: "margin", year: 2024)
        }
    }

    @Test func formulaResultsMustFitTheMetric() {
        var model = Catalogue.forTests()
        model.declareCompany("X")
        try! model.setFormula(company: "X", metric: "revenue", formula { _ in Quantity(3, .named(Units.gw)) })
        #expect(modelError { _ = try model.value(company: "X", metric: "revenue", year: 2024) }?.kind == .unitMismatch)
    }

    @Test func anotherCompanysValue() throws {
        var model = Catalogue.openAI()
        model.declareCompany("Anthropic")
        try model.setFormula(company: "Anthropic", metric: "revenue", formula { ctx in
            let r = try ctx.value(company: "OpenAI", metric: "revenue", year: ctx.year)
            return Quantity(r.value / 2, r.unit)
        })
        #expect(close(try model.value(company: "Anthropic", metric: "revenue", year: 2025).value, 5.8e9))
    }

    @Test func factBeatsFormula() throws {
        var model = Catalogue.openAI()
        try model.setFact(company: "OpenAI", metric: "burn", year: 2024, Quantity(1e9))
        #expect(close(try model.value(company: "OpenAI", metric: "burn", year: 2024).value, 1e9))
        try model.removeFact(company: "OpenAI", metric: "burn", year: 2024)
        #expect(close(try model.value(company: "OpenAI", metric: "burn", year: 2024).value, 5e9))
    }
}

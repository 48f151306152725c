// FactsTests: facts, units, identities both ways, contradictions (D5, D8, D9).
import BurnModel
import Testing

@Suite struct FactsTests {
    @Test func lossAndRevenueGiveCosts() throws {  // D5
        let model = Catalogue.openAI()
        let costs = try model.value(company: "OpenAI", metric: "costs", year: 2024)
        #expect(close(costs.value, 8.7e9))
        #expect(costs.unit == .money("USD"))
        let income = try model.value(company: "OpenAI", metric: "operating_income", year: 2024)
        #expect(close(income.value, -5e9))
    }

    @Test func costsAndRevenueGiveLoss() throws {  // D5, the other way
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9))
        try model.setFact(company: "OpenAI", metric: "costs", year: 2024, Quantity(8.7e9))
        #expect(close(try model.value(company: "OpenAI", metric: "loss", year: 2024).value, 5e9))
        // and costs with loss give revenue
        try model.removeFact(company: "OpenAI", metric: "revenue", year: 2024)
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9))
        #expect(close(try model.value(company: "OpenAI", metric: "revenue", year: 2024).value, 3.7e9))
    }

    @Test func costBreakdownSumsToCosts() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.setFact(company: "A", metric: "compute", year: 2024, Quantity(7e9))
        try model.setFact(company: "A", metric: "staff", year: 2024, Quantity(1.5e9))
        try model.setFact(company: "A", metric: "other_costs", year: 2024, Quantity(0.2e9))
        try model.setFact(company: "A", metric: "revenue", year: 2024, Quantity(3.7e9))
        #expect(close(try model.value(company: "A", metric: "costs", year: 2024).value, 8.7e9))
        #expect(close(try model.value(company: "A", metric: "loss", year: 2024).value, 5e9))
    }

    @Test func lossAtThreeQuartersOfRevenue() throws {  // D8, D9
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        try model.setFact(company: "OpenAI", metric: "loss", year: 2028, Quantity(74e9), source: "004")
        try model.setFormula(company: "OpenAI", metric: "revenue", formula { ctx in
            let loss = try ctx.value("loss")
            return Quantity(loss.value / 0.75, loss.unit)
        })
        let revenue = try model.value(company: "OpenAI", metric: "revenue", year: 2028)
        let costs = try model.value(company: "OpenAI", metric: "costs", year: 2028)
        #expect(close(revenue.value, 98.667e9, 1e-4))
        #expect(close(costs.value, 172.667e9, 1e-4))
        let margin = try model.value(company: "OpenAI", metric: "margin", year: 2028)
        #expect(close(margin.value, -0.75))
        #expect(margin.display == .percent)
    }

    @Test func plainNumbersTakeTheCompanyCurrency() throws {
        var model = Catalogue.forTests()
        model.declareCompany("Mistral")
        try model.setCurrency(company: "Mistral", "EUR")
        try model.setFact(company: "Mistral", metric: "revenue", year: 2024, Quantity(30e6))
        #expect(try model.value(company: "Mistral", metric: "revenue", year: 2024).unit == .money("EUR"))
        try model.setFact(company: "Mistral", metric: "margin", year: 2024, Quantity(-0.5))
        #expect(try model.value(company: "Mistral", metric: "margin", year: 2024).display == .percent)
    }

    @Test func aUnitThatDoesNotFitIsAnError() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        let at = SourceRef(file: 1, start: 10, end: 15)
        let error = modelError {
            try model.setFact(company: "A", metric: "revenue", year: 2024, Quantity(10, .named(Units.gw)), at: at)
        }
        #expect(error?.kind == .unitMismatch)
        #expect(error?.message == "revenue is money; 10 GW is a quantity in GW")
        #expect(error?.at == at)
        #expect(modelError { try model.setFact(company: "A", metric: "margin", year: 2024, .money(1e9)) }?.kind == .unitMismatch)
    }

    @Test func contradictingFactsAreAnError() throws {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        let revenueAt = SourceRef(file: 0, start: 1, end: 2)
        let costsAt = SourceRef(file: 0, start: 30, end: 40)
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), at: revenueAt)
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9))
        let error = modelError {
            try model.setFact(company: "OpenAI", metric: "costs", year: 2024, Quantity(9e9), at: costsAt)
        }
        #expect(error?.kind == .contradiction)
        #expect(error?.message
            == "revenue[2024] = $3.7B and loss[2024] = $5B give costs[2024] = $8.7B, but costs[2024] = $9B is given")
        #expect(error?.at == costsAt)
        #expect(error?.notes.map(\.message) == ["revenue[2024] is given here", "loss[2024] is given here"])
        #expect(error?.notes.first?.at == revenueAt)
        // The failed fact changed nothing.
        #expect(close(try model.value(company: "OpenAI", metric: "costs", year: 2024).value, 8.7e9))
        // Within 0.05% is fine.
        try model.setFact(company: "OpenAI", metric: "costs", year: 2024, Quantity(8.703e9))
    }

    @Test func allTermsGivenMustBalance() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.setFact(company: "A", metric: "operating_income", year: 2024, Quantity(-5e9))
        let error = modelError { try model.setFact(company: "A", metric: "loss", year: 2024, Quantity(4e9)) }
        #expect(error?.message == "operating_income[2024] = -$5B gives loss[2024] = $5B, but loss[2024] = $4B is given")
    }

    @Test func undeclaredNamesAreErrors() {
        var model = Catalogue.forTests()
        #expect(modelError { try model.setFact(company: "Nobody", metric: "revenue", year: 2024, Quantity(1)) }?.message
            == "unknown company 'Nobody'")
        model.declareCompany("A")
        #expect(modelError { try model.setFact(company: "A", metric: "revnue", year: 2024, Quantity(1)) }?.message
            == "unknown metric 'revnue'")
    }

    @Test func sourcesInOrder() throws {
        let model = Catalogue.openAI()
        let sourced = model.facts(sourcedOnly: true)
        #expect(sourced.map { "\($0.metric)[\($0.year)]" } == ["revenue[2024]", "loss[2024]", "revenue[2025]", "valuation[2023]"])
        #expect(sourced.first?.fact.source == "001")
    }

    // MARK: - A fact fits its metric (defect 9)

    @Test func aFactMustFitItsMetricsKind() throws {
        let values: [(String, Quantity)] = [
            ("plain", Quantity(3.7)), ("percent", Quantity(0.037, display: .percent)),
            ("multiple", Quantity(3.7, display: .multiple)), ("money", .money(3.7e9)),
            ("GW", Quantity(10, .named(Units.gw))), ("months", Quantity(18, .named(Units.month))),
        ]
        // metric → the kinds of value it accepts (a plain number fits every metric).
        let accepts: [(String, Set<String>)] = [
            ("revenue", ["plain", "money"]), ("margin", ["plain", "percent"]),
            ("multiple", ["plain", "multiple"]), ("runway", ["plain", "months"]),
        ]
        for (metric, ok) in accepts {
            for (kind, value) in values {
                var model = Catalogue.forTests()
                model.declareCompany("A")
                let error = modelError { try model.setFact(company: "A", metric: metric, year: 2024, value) }
                #expect((error == nil) == ok.contains(kind), "\(metric) given \(kind): \(error?.message ?? "accepted")")
                if let error { #expect(error.kind == .unitMismatch) }
            }
        }
    }

    @Test func aMisfitNamesBothKinds() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        let percent = modelError {
            try model.setFact(company: "A", metric: "revenue", year: 2024, Quantity(0.037, display: .percent))
        }
        #expect(percent?.message == "revenue is money; 3.7% is a percentage")
        #expect(percent?.hint
            == "give an amount of money, like `revenue[2024] = 3.7B`; for growth, write a rule: `revenue grows 3.7% in 2024`")
        // Digits that make no sane amount of billions are not proposed.
        let huge = modelError {
            try model.setFact(company: "A", metric: "revenue", year: 2028, Quantity(98_666_666_666.67, display: .percent))  // `74B / 75%` read as a percentage
        }
        #expect(huge?.hint?.hasPrefix("give an amount of money, like `revenue[2028] = 3.7B`;") == true)
        let multiple = modelError {
            try model.setFact(company: "A", metric: "revenue", year: 2024, Quantity(3.7, display: .multiple))
        }
        #expect(multiple?.message == "revenue is money; 3.7x is a multiple")
        #expect(modelError { try model.setFact(company: "A", metric: "margin", year: 2024, .money(3e9)) }?.message
            == "margin is a percentage; $3B is money")
        let asPercent = modelError {
            try model.setFact(company: "A", metric: "margin", year: 2024, Quantity(1.5, display: .multiple))
        }
        #expect(asPercent?.hint == "write it as a percentage: `margin[2024] = 150%`")
        #expect(modelError { try model.setFact(company: "A", metric: "runway", year: 2024, .money(1e9)) }?.message
            == "runway is a quantity in months; $1B is money")
        // The value that fits is unchanged: $0.037 was what `revenue[2024] = 3.7%` used to give.
        #expect(model.facts().isEmpty)
    }

    // MARK: - Years (defect 8)

    @Test func yearsLieBetween1900And2200() throws {
        #expect(CalendarYear.problem(1900) == nil && CalendarYear.problem(2200) == nil)
        #expect(CalendarYear.problem(24)?.message == "24 is not a year: a year lies between 1900 and 2200")
        #expect(CalendarYear.problem(24)?.hint == "did you mean `2024`?")
        #expect(CalendarYear.problem(0)?.hint == "did you mean `2000`?")
        #expect(CalendarYear.problem(99)?.hint == "did you mean `2099`?")
        #expect(CalendarYear.problem(1899)?.hint == "write a year from 1900 to 2200")
        #expect(CalendarYear.problem(2201)?.hint == "write a year from 1900 to 2200")
        #expect(CalendarYear.problem(-5)?.hint == "write a year from 1900 to 2200")
        var model = Catalogue.forTests()
        model.declareCompany("A")
        let error = modelError { try model.setFact(company: "A", metric: "revenue", year: 24, Quantity(1e9)) }
        #expect(error?.message == "24 is not a year: a year lies between 1900 and 2200")
        #expect(model.facts().isEmpty)
    }
}

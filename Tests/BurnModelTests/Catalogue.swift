// Catalogue: the standard metric catalogue declared through the API, as the language's stdlib does.
import BurnModel

enum Units {
    static let month = UnitDefinition(name: "month", plural: "months", base: "month", scale: 1)
    static let gw = UnitDefinition(name: "GW", base: "W", scale: 1e9)
    static let km = UnitDefinition(name: "km", base: "m", scale: 1e3)
}

/// A formula from a closure.
func formula(_ body: @escaping (FormulaContext) throws -> Quantity) -> FormulaFunction {
    FormulaFunction(body)
}

/// a + b + ... with signs, in the first term's unit.
func combine(_ ctx: FormulaContext, _ terms: [(Double, Quantity)]) throws -> Quantity {
    var total = Quantity(0, terms[0].1.unit)
    for (sign, q) in terms { total = try total.adding(q, negate: sign < 0, rates: ctx.rates, year: ctx.year) }
    return total
}

enum Catalogue {
    /// The catalogue of LANGUAGE.md section 5, declared the way the language declares it.
    static func forTests() -> Model {
        var model = Model()
        for name in ["revenue", "costs", "compute", "staff", "other_costs", "operating_income", "loss", "burn"] {
            model.declare(MetricDecl(name, .money, .flow))
        }
        model.declare(MetricDecl("capex", .money, .flow, defaultsToZero: true))
        model.declare(MetricDecl("raised", .money, .flow, defaultsToZero: true, role: .roundAmounts))
        model.declare(MetricDecl("commitments", .money, .flow, defaultsToZero: true, role: .commitments))
        model.declare(MetricDecl("cash", .money, .stock))
        model.declare(MetricDecl("valuation", .money, .stock, role: .roundValuation))
        model.declare(MetricDecl("margin", .percent, .flow))
        model.declare(MetricDecl("growth", .percent, .flow))
        model.declare(MetricDecl("multiple", .multiple, .stock))
        model.declare(MetricDecl("runway", .unit(Units.month), .stock))

        try! model.addIdentity(Identity([(1, "operating_income"), (-1, "revenue"), (1, "costs")]))
        try! model.addIdentity(Identity([(1, "loss"), (1, "operating_income")]))
        try! model.addIdentity(Identity([(1, "costs"), (-1, "compute"), (-1, "staff"), (-1, "other_costs")]))
        try! model.addIdentity(RatioIdentity("margin", "operating_income", "revenue"))
        try! model.addIdentity(RatioIdentity("multiple", "valuation", "revenue"))

        try! model.setDefaultFormula("burn", formula { ctx in
            let v = try combine(ctx, [(1, try ctx.value("costs")), (1, try ctx.value("capex")), (-1, try ctx.value("revenue"))])
            return v.value > 0 ? v : Quantity(0, v.unit)
        })
        try! model.setDefaultFormula("growth", formula { ctx in
            let ratio = try ctx.value("revenue").divided(by: try ctx.value("revenue", year: ctx.year - 1), rates: ctx.rates)
            return Quantity(ratio.value - 1)
        })
        try! model.setDefaultFormula("runway", formula { ctx in
            let burn = try ctx.value("burn")
            if burn.value == 0 { throw ModelError.noValue("no runway: burn is 0") }
            let ratio = try ctx.value("cash").divided(by: burn, rates: ctx.rates, year: ctx.year)
            return Quantity(ratio.value * 12, .named(Units.month))
        })
        try! model.setDefaultFormula("cash", formula { ctx in
            try combine(ctx, [(1, try ctx.value("cash", year: ctx.year - 1)), (1, try ctx.value("revenue")),
                              (-1, try ctx.value("costs")), (-1, try ctx.value("capex")), (1, try ctx.value("raised"))])
        })
        return model
    }

    /// The catalogue plus OpenAI's 2024 figures (articles 000 and 001).
    static func openAI() -> Model {
        var model = forTests()
        model.declareCompany("OpenAI")
        try! model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        try! model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9), source: "001")
        try! model.setFact(company: "OpenAI", metric: "revenue", year: 2025, Quantity(11.6e9), source: "001")
        try! model.setFact(company: "OpenAI", metric: "valuation", year: 2023, Quantity(86e9), source: "000")
        try! model.addRound(company: "OpenAI", Round(
            "Oct 2024", year: 2024, month: 10, amount: Quantity(6.6e9), valuation: .post(Quantity(157e9)),
            lead: "Thrive Capital", investors: [Investor("Microsoft"), Investor("Nvidia"), Investor("SoftBank")],
            source: "000"))
        return model
    }
}

/// Equal within a relative tolerance.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

/// Runs `body`, returning the ModelError it throws (nil if none or another error).
func modelError(_ body: () throws -> Void) -> ModelError? {
    do { try body() } catch let e as ModelError { return e } catch { return nil }
    return nil
}

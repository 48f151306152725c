// RatioIdentityTests: margin = operating_income / revenue and multiple = valuation / revenue solve
// all three ways, refuse contradicting facts, and give no value (never NaN) over a zero revenue (issue 11, D6).
import BurnModel
import Testing

private func value(_ model: Model, _ metric: String, _ year: Int = 2028, _ company: String = "A") throws -> Quantity {
    try model.value(company: company, metric: metric, year: year)
}

private func model(_ facts: [(String, Quantity)], year: Int = 2028) throws -> Model {
    var model = Catalogue.forTests()
    model.declareCompany("A")
    for (metric, q) in facts { try model.setFact(company: "A", metric: metric, year: year, q) }
    return model
}

@Suite struct RatioIdentityTests {
    /// LANGUAGE.md section 5: an operating loss of 75B at a margin of -75% is a revenue of 100B,
    /// and then costs by the linear identity: 100B - (-75B) = 175B.
    @Test func marginAndOperatingIncomeGiveRevenue() throws {
        let m = try model([("operating_income", .money(-75e9)), ("margin", Quantity(-0.75))])
        #expect(close(try value(m, "revenue").value, 100e9))
        #expect(try value(m, "revenue").unit == .money("USD"))
        #expect(close(try value(m, "costs").value, 175e9))
        #expect(close(try value(m, "loss").value, 75e9))
    }

    @Test func marginAndRevenueGiveOperatingIncome() throws {
        let m = try model([("margin", Quantity(-0.75)), ("revenue", .money(100e9))])
        #expect(close(try value(m, "operating_income").value, -75e9))  // -0.75 * 100B
        #expect(close(try value(m, "loss").value, 75e9))
        #expect(close(try value(m, "costs").value, 175e9))
    }

    @Test func lossAndRevenueGiveMargin() throws {
        let m = try model([("revenue", .money(3.7e9)), ("loss", .money(5e9))], year: 2024)
        let margin = try value(m, "margin", 2024)
        #expect(close(margin.value, -5 / 3.7))  // -135.1%
        #expect(margin.display == .percent)
    }

    /// The same for the revenue multiple: 157B at 42.4x is 157 / 42.4 = 3.703B of revenue.
    @Test func multipleAndValuationGiveRevenue() throws {
        let m = try model([("valuation", .money(157e9)), ("multiple", Quantity(42.4))], year: 2024)
        #expect(close(try value(m, "revenue", 2024).value, 157e9 / 42.4))
        let n = try model([("multiple", Quantity(20)), ("revenue", .money(5e9))], year: 2024)
        #expect(close(try value(n, "valuation", 2024).value, 100e9))
    }

    /// Issue 11, D6: accepted before, now refused, naming the facts it contradicts.
    @Test func aContradictingMarginIsRefused() throws {
        let at = SourceRef(file: 1, start: 40, end: 59)
        var m = try model([("margin", Quantity(-0.75)), ("operating_income", .money(-74e9))])
        let error = modelError { try m.setFact(company: "A", metric: "revenue", year: 2028, .money(50e9), at: at) }
        #expect(error?.kind == .contradiction)
        // -74B / -75% = 98.67B
        #expect(error?.message == "margin[2028] = -75% and operating_income[2028] = -$74B give revenue[2028] = $98.67B, "
                + "but revenue[2028] = $50B is given")
        #expect(error?.notes.map(\.message) == ["margin[2028] is given here", "operating_income[2028] is given here"])
        #expect(error?.at == at)
        #expect(m.fact(company: "A", metric: "revenue", year: 2028) == nil)
        // Through the linear identities too: 6.6B at -75.8% is an operating income of -5.0B,
        // so costs are 11.6B, not 13B.
        var n = try model([("revenue", .money(6.6e9)), ("margin", Quantity(-0.758))], year: 2024)
        #expect(modelError { try n.setFact(company: "A", metric: "costs", year: 2024, .money(13e9)) }?.message
                == "revenue[2024] = $6.6B and margin[2024] = -75.8% give costs[2024] = $11.6B, but costs[2024] = $13B is given")
        try n.setFact(company: "A", metric: "costs", year: 2024, .money(11.6e9))
    }

    /// A margin as printed (one decimal) and read back is no contradiction: -5 / 6.6 is
    /// -75.76%, printed -75.8%. Nor is an article's rounding within 0.5% of the value, as for
    /// two sources of one cell: -76% is 0.3% off. -77% is 1.6% off: a contradiction.
    @Test func aRoundedMarginIsNoContradiction() throws {
        var m = try model([("revenue", .money(6.6e9)), ("loss", .money(5e9))], year: 2024)
        try m.setFact(company: "A", metric: "margin", year: 2024, Quantity(-0.758))
        try m.setFact(company: "A", metric: "margin", year: 2024, Quantity(-0.76))
        #expect(modelError { try m.setFact(company: "A", metric: "margin", year: 2024, Quantity(-0.77)) }?.kind == .contradiction)
        var n = try model([("margin", Quantity(-0.758)), ("revenue", .money(6.6e9))], year: 2024)
        try n.setFact(company: "A", metric: "loss", year: 2024, .money(5e9))
        // A multiple as printed: 157 / 3.7 = 42.43x, printed 42.4x.
        var v = try model([("valuation", .money(157e9)), ("revenue", .money(3.7e9))], year: 2024)
        try v.setFact(company: "A", metric: "multiple", year: 2024, Quantity(42.4))
        #expect(modelError { try v.setFact(company: "A", metric: "multiple", year: 2024, Quantity(40)) }?.kind == .contradiction)
    }

    /// A margin on no revenue has no value: "none", never NaN or infinity.
    @Test func aZeroRevenueGivesNoMargin() throws {
        let m = try model([("revenue", .money(0)), ("costs", .money(1e9))], year: 2024)
        let error = modelError { _ = try value(m, "margin", 2024) }
        #expect(error?.kind == .noValue)
        #expect(error?.message == "none: margin[2024] divides by revenue[2024], which is 0")
        guard case .none = try m.cell(company: "A", metric: "margin", year: 2024) else {
            Issue.record("a margin over a zero revenue is none"); return
        }
        // A zero margin says nothing of the revenue: 0% of any revenue is 0.
        let z = try model([("margin", Quantity(0)), ("operating_income", .money(0))], year: 2024)
        #expect(modelError { _ = try value(z, "revenue", 2024) }?.kind == .unknown)
    }

    /// Uncertain inputs go through draw by draw; a draw that divides by zero has no value.
    @Test func uncertainInputs() throws {
        var m = Catalogue.forTests()
        m.declareCompany("A")
        try m.setFact(company: "A", metric: "operating_income", year: 2028, Quantity(draws: Draws([-60e9, -75e9, -90e9, -30e9])))
        try m.setFact(company: "A", metric: "margin", year: 2028, Quantity(-0.75))
        let revenue = try value(m, "revenue")
        // -60/-0.75 = 80, 100, 120, 40
        #expect(revenue.draws?.values.map { ($0 / 1e9).rounded() } == [80, 100, 120, 40])

        var z = Catalogue.forTests()
        z.declareCompany("A")
        try z.setFact(company: "A", metric: "revenue", year: 2028, Quantity(draws: Draws([0, 2e9, 4e9, -1e9])))
        try z.setFact(company: "A", metric: "operating_income", year: 2028, .money(-1e9))
        let margin = try #require(try value(z, "margin").draws?.values)
        #expect(margin[0].isNaN)  // no revenue in that draw: no margin, not -infinity
        #expect(Array(margin.dropFirst()) == [-0.5, -0.25, 1])
    }

    @Test func explainNamesTheRatio() throws {
        let m = try model([("operating_income", .money(-75e9)), ("margin", Quantity(-0.75))])
        let tree = try m.explain(company: "A", metric: "revenue", year: 2028)
        guard case .identity(.ratio(let identity), let solved) = tree.method else { Issue.record("ratio identity"); return }
        #expect(identity.description == "margin = operating_income / revenue")
        #expect(solved == "revenue = operating_income / margin")
        #expect(tree.children.map(\.metric) == ["operating_income", "margin"])
        let income = try model([("margin", Quantity(-0.75)), ("revenue", .money(100e9))]).explain(
            company: "A", metric: "operating_income", year: 2028)
        guard case .identity(_, let solved2) = income.method else { Issue.record("identity"); return }
        #expect(solved2 == "operating_income = margin * revenue")
    }

    /// Property: any two of margin, operating income and revenue give back the third, for
    /// margins and revenues drawn from a fixed seed (negative margins included).
    @Test func theRatioHoldsEveryWay() throws {
        var state: UInt64 = 11
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<40 {
            let revenue = 1e9 + next() * 199e9, margin = -3 + next() * 3.8
            guard abs(margin) > 1e-3 else { continue }
            let income = margin * revenue
            let a = try model([("operating_income", .money(income)), ("margin", Quantity(margin))])
            #expect(close(try value(a, "revenue").value, revenue, 1e-12))
            let b = try model([("revenue", .money(revenue)), ("operating_income", .money(income))])
            #expect(close(try value(b, "margin").value, margin, 1e-12))
            let c = try model([("margin", Quantity(margin)), ("revenue", .money(revenue))])
            #expect(close(try value(c, "operating_income").value, income, 1e-12))
            #expect(close(try value(c, "costs").value, revenue - income, 1e-12))
        }
    }

    @Test func declaringARatio() throws {
        var m = Catalogue.forTests()
        #expect(modelError { try m.addIdentity(RatioIdentity("margin", "profit", "revenue")) }?.message.contains("profit") == true)
        #expect(modelError { try m.addIdentity(RatioIdentity("margin", "margin", "revenue")) }?.kind == .invalid)
        #expect(m.allIdentities.count == 5)
        #expect(m.allIdentities.last == .ratio(RatioIdentity("multiple", "valuation", "revenue")))
    }
}

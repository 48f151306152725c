// CashCatalogue: the test catalogue plus the cash metrics of Stdlib/02-metrics.burn that the
// kernel's projections read (free_cash_flow, cumulative_cash_flow, funding_need).
import BurnModel

extension Catalogue {
    /// `forTests()` plus, as the standard library writes them:
    /// free_cash_flow = revenue - costs - capex;
    /// cumulative_cash_flow = cumulative_cash_flow[year - 1] + free_cash_flow + raised;
    /// funding_need = max(funding_need[year - 1], -cumulative_cash_flow).
    static func withFundingNeed() -> Model {
        var model = forTests()
        model.declare(MetricDecl("free_cash_flow", .money, .flow))
        model.declare(MetricDecl("cumulative_cash_flow", .money, .stock))
        model.declare(MetricDecl("funding_need", .money, .stock))
        try! model.setDefaultFormula("free_cash_flow", formula { ctx in
            try combine(ctx, [(1, try ctx.value("revenue")), (-1, try ctx.value("costs")), (-1, try ctx.value("capex"))])
        })
        try! model.setDefaultFormula("cumulative_cash_flow", formula { ctx in
            try combine(ctx, [(1, try ctx.value("cumulative_cash_flow", year: ctx.year - 1)),
                              (1, try ctx.value("free_cash_flow")), (1, try ctx.value("raised"))])
        })
        try! model.setDefaultFormula("funding_need", formula { ctx in
            let before = try ctx.value("funding_need", year: ctx.year - 1)
            let low = try ctx.value("cumulative_cash_flow")
            return Quantity.lanewise(before, low) { max($0, -$1) }
        })
        // As the standard library writes them, draw by draw: burn = max(0, costs + capex - revenue),
        // and a negative cash leaves no runway.
        try! model.setDefaultFormula("burn", formula { ctx in
            let spent = try combine(ctx, [(1, try ctx.value("costs")), (1, try ctx.value("capex")), (-1, try ctx.value("revenue"))])
            return Quantity.lanewise(spent, Quantity(0)) { max($0, $1) }
        })
        try! model.setDefaultFormula("runway", formula { ctx in
            let burn = try ctx.value("burn")
            if burn.draws == nil, burn.value == 0 { throw ModelError.noValue("no runway: burn is 0") }
            let months = Quantity.lanewise(try ctx.value("cash"), burn) { cash, burn in
                burn == 0 ? .nan : max(0, cash) / burn * 12
            }
            return months.with(.named(Units.month), display: .auto)
        })
        return model
    }
}

// FinanceKindsTests: the finance functions (FinanceBuiltins, Stdlib/04-ai-metrics.burn) on
// plain numbers, percents, money and uncertain arguments. Each number is checked against a
// closed form or a published figure computed here, never against Burn itself; uncertain results
// draw by draw. (npv and irr are in StdlibKindsTests; numpy-financial on random inputs in
// Tests/Peers/numpy_financial.py.)
import Foundation
import Testing
@testable import BurnKit

@Suite struct FinanceKindsTests {
    let kinds = StdlibKindsTests()

    /// The annuity of numpy-financial's documented equation, solved for each unknown with pow.
    static func fv(_ r: Double, _ n: Double, _ pmt: Double, _ pv: Double, begin: Bool = false) -> Double {
        -(pv * pow(1 + r, n) + pmt * (1 + (begin ? r : 0)) / r * (pow(1 + r, n) - 1))
    }

    static func pv(_ r: Double, _ n: Double, _ pmt: Double, _ fv: Double, begin: Bool = false) -> Double {
        -(fv + pmt * (1 + (begin ? r : 0)) / r * (pow(1 + r, n) - 1)) / pow(1 + r, n)
    }

    static func pmt(_ r: Double, _ n: Double, _ pv: Double, _ fv: Double) -> Double {
        -(fv + pv * pow(1 + r, n)) / ((pow(1 + r, n) - 1) / r)
    }

    @Test func npvOfASeriesAndOfUncertainFlows() throws {
        let s = try StdlibKindsTests.session()
        // T.revenue is $1B, $2B, $4B in 2024..2026: 1 + 2/1.1 + 4/1.21 = 6.1240 ($B), money.
        kinds.check(s, "npv(10%, T.revenue[2024..2026])", 1e9 + 2e9 / 1.1 + 4e9 / 1.21, .money("USD"), printed: "$6.124B")
        // Percent flows give a percent, as their sum does.
        kinds.check(s, "npv(0%, [10%, 20%])", 0.3, .percent, printed: "30%")
        kinds.fails(s, "npv(10%, T.revenue)", "needs the years of the series")
        kinds.fails(s, "npv(10%, [$1B, 10 GW])", "error")
        kinds.fails(s, "npv(10%, 5)", "must be a list of flows")
    }

    @Test func irrOfAnUncertainSeriesIsAnUncertainRate() throws {
        let s = try StdlibKindsTests.session()
        // Two flows -mx, then $2.5B a year later: the rate is 2.5B / mx - 1, draw by draw.
        kinds.drawwise(s, "irr([-mx, $2.5B])", ["mx"], .percent) { 2.5e9 / $0[0] - 1 }
        // A draw with no rate has no value; every draw without one is the error.
        let value = try s.evaluate("irr([s, 1])")  // s is -1 to 1: a rate only where s < 0
        let draws = try #require(drawsIn(value))
        let inputs = try #require(drawsIn(try s.evaluate("s")))
        for (d, x) in zip(draws, inputs) {
            if x < 0 { #expect(close(d, 1 / -x - 1, relative: 1e-9, absolute: 1e-12)) } else { #expect(d.isNaN) }
        }
        kinds.fails(s, "irr([x, 1])", "these flows have no rate of return")
    }

    @Test func flowsOfAnUncertainModelSeries() throws {
        let s = try StdlibKindsTests.session()
        // Operating income -mx, $1B, $3B: npv at 10% is -mx + 1B/1.1 + 3B/1.21, and the rate
        // solves -m + 1e9 x + 3e9 x^2 = 0 with x = 1 / (1 + r).
        try s.run(source: "company U\nrevenue[2024..2026] = [$1B, $2B, $4B]\ncosts[2024] = mx + $1B\ncosts[2025..2026] = [$1B, $1B]")
        kinds.drawwise(s, "npv(10%, U.operating_income[2024..2026])", ["mx"], .money("USD")) { -$0[0] + 1e9 / 1.1 + 3e9 / 1.21 }
        kinds.drawwise(s, "irr(U.operating_income[2024..2026])", ["mx"], .percent) { d in
            1 / ((-1e9 + (1e18 + 12e9 * d[0]).squareRoot()) / 6e9) - 1
        }
    }

    @Test func mirrOfFlowsOfBothSigns() throws {
        let s = try StdlibKindsTests.session()
        // By its definition: (FV of the gains at 12% / PV of the outlays at 10%)^(1/5) - 1.
        let flows = [-120_000.0, 39_000, 30_000, 21_000, 37_000, 46_000]
        let gains = flows.enumerated().filter { $0.1 > 0 }.reduce(0.0) { $0 + $1.1 * pow(1.12, Double(5 - $1.0)) }
        let outlays = flows.enumerated().filter { $0.1 < 0 }.reduce(0.0) { $0 + $1.1 / pow(1.10, Double($1.0)) }
        let expected = pow(gains / -outlays, 1.0 / 5) - 1
        #expect(close(expected, 0.126094, relative: 1e-5))  // numpy-financial's test value
        kinds.check(s, "mirr([-$120000, $39000, $30000, $21000, $37000, $46000], 10%, 12%)", expected, .percent, printed: "12.6%")
        kinds.drawwise(s, "mirr([-100, 60, 70], r, 10%)", ["r"], .percent) { _ in
            pow((60 * 1.1 + 70) / 100, 0.5) - 1  // a single outlay at time 0 is not discounted
        }
        kinds.drawwise(s, "mirr([-100, 60, 70], 10%, r)", ["r"], .percent) { d in pow((60 * (1 + d[0]) + 70) / 100, 0.5) - 1 }
    }

    @Test func presentFutureValuesAndPaymentsKeepMoney() throws {
        let s = try StdlibKindsTests.session()
        kinds.check(s, "pv(7%, 20, $12000)", Self.pv(0.07, 20, 12_000, 0), .money("USD"), printed: "-$127,128")
        kinds.check(s, "pv(7%, 20, $12000, 0, \"begin\")", Self.pv(0.07, 20, 12_000, 0, begin: true), .money("USD"))
        kinds.check(s, "fv(7.5%, 20, -$2000, 0)", Self.fv(0.075, 20, -2000, 0), .money("USD"), printed: "$86,609")
        kinds.check(s, "fv(7.5%, 20, -$2000, -$500, \"begin\")", Self.fv(0.075, 20, -2000, -500, begin: true), .money("USD"))
        kinds.check(s, "pmt(8% / 12, 60, $15000)", Self.pmt(0.08 / 12, 60, 15_000, 0), .money("USD"), printed: "-$304")
        kinds.check(s, "pmt(5%, 10, 1000, 100)", Self.pmt(0.05, 10, 1000, 100), .plain)
        // At a zero rate the payments simply add up: -(fv + pv) / n and -(pv + pmt n).
        kinds.check(s, "pmt(0%, 60, $15000)", -250, .money("USD"), printed: "-$250")
        kinds.check(s, "fv(0, 10, -$5, $100)", -50, .money("USD"))
        // A plain number among money is money; euros are converted at the declared rate.
        kinds.check(s, "pv(5%, 10, -$1B, 0)", Self.pv(0.05, 10, -1e9, 0), .money("USD"), printed: "$7.722B")
        kinds.drawwise(s, "pv(r, 10, -$1B)", ["r"], .money("USD")) { Self.pv($0[0], 10, -1e9, 0) }
        kinds.drawwise(s, "fv(5%, 10, -mx, 0)", ["mx"], .money("USD")) { Self.fv(0.05, 10, -$0[0], 0) }
        kinds.drawwise(s, "pmt(5%, 10, mx)", ["mx"], .money("USD")) { Self.pmt(0.05, 10, $0[0], 0) }
        kinds.fails(s, "pv(-100%, 10, $1)", "a rate must be above -100%")
        kinds.fails(s, "pmt(5%, 0, $1)", "no payment spreads over zero periods")
        kinds.fails(s, "pv(5%, 10 GW, $1)", "plain number of periods")
        kinds.fails(s, "pv(5%, 10, $1, €1)", "rate")
    }

    @Test func periodsAndRates() throws {
        let s = try StdlibKindsTests.session()
        // nper: ln((z - fv) / (pv + z)) / ln(1 + r) with z = pmt / r.
        let z = -150 / (0.07 / 12)
        kinds.check(s, "nper(7% / 12, -$150, $8000)", log(z / (8000 + z)) / log(1 + 0.07 / 12), .plain, printed: "64.0733")
        kinds.check(s, "nper(0, -$2000, 0, $100000)", 50, .plain)
        kinds.drawwise(s, "nper(r, -$150, $500)", ["r"], .plain) { d in
            let z = -150 / d[0]
            return log(z / (500 + z)) / log(1 + d[0])
        }
        // rate with no payments: (fv / -pv)^(1/n) - 1 = (10000/3500)^(1/10) - 1 = 11.069%.
        kinds.check(s, "rate(10, 0, -$3500, $10000)", pow(10_000 / 3500.0, 0.1) - 1, .percent, printed: "11.1%")
        kinds.drawwise(s, "rate(2, 0, -$1B, mx)", ["mx"], .percent) { ($0[0] / 1e9).squareRoot() - 1 }
        // Ten payments of $1,000 are worth pv(5%, 10, -1000) = $7,721.73...: the rate is 5% again.
        kinds.check(s, "rate(10, -$1000, $\(Self.pv(0.05, 10, -1000, 0)))", 0.05, .percent, tolerance: 1e-12)
        kinds.fails(s, "rate(10, $100, $100, $100)", "no rate above -100%")
        kinds.fails(s, "rate(0, $1, -$1, $1)", "'rate' needs a number of periods above 0")
        kinds.fails(s, "rate(10, 0, -$1, $2, \"sometimes\")", "`when` is \"end\" or \"begin\"")
    }

    @Test func datedFlows() throws {
        let s = try StdlibKindsTests.session()
        // 2025-01-01 to 2026-07-02 is 547 days: -100 + 121 / 1.1^(547/365).
        kinds.check(s, "xnpv(10%, [-$100, $121], [2025-01-01, 2026-07-02])", -100 + 121 / pow(1.1, 547.0 / 365), .money("USD"))
        // Two flows: the rate is (121/100)^(365/547) - 1.
        kinds.check(s, "xirr([-$100, $121], [2025-01-01, 2026-07-02])", pow(1.21, 365.0 / 547) - 1, .percent)
        kinds.drawwise(s, "xirr([-mx, $2B], [2024-01, 2025-01])", ["mx"], .percent) { pow(2e9 / $0[0], 365.0 / 366) - 1 }
        kinds.drawwise(s, "xnpv(r, [-$100, $110], [2025-01, 2026-01])", ["r"], .money("USD")) { -100 + 110 / (1 + $0[0]) }
        kinds.fails(s, "xnpv(10%, [1, 2], [2025, 2026])", "the dates of 'xnpv' are months or days")
        kinds.fails(s, "xirr([1, 2], [2025-01, 2026-01])", "these flows have no rate of return")
    }

    @Test func growthNeededAndPayback() throws {
        let s = try StdlibKindsTests.session()
        // One year: total / start - 1. Two: s q + s q^2 = T, q = (-1 + sqrt(1 + 4T/s)) / 2.
        kinds.check(s, "growth_needed($10B, $15B, 1)", 0.5, .percent, printed: "50%")
        kinds.check(s, "growth_needed($10B, $30B, 2)", (-1 + (1 + 4 * 3.0).squareRoot()) / 2 - 1, .percent)
        kinds.drawwise(s, "growth_needed(mx, $3B, 1)", ["mx"], .percent) { 3e9 / $0[0] - 1 }
        kinds.fails(s, "growth_needed(-$1B, $3B, 2)", "needs a starting amount and a total above zero")
        kinds.fails(s, "growth_needed($1B, $3B, 2.5)", "counts whole years")
        // ln(1 + C g / c) / ln(1 + g), or C / c with no growth.
        kinds.check(s, "payback_years($1.4T, $13B)", 1400 / 13.0, .unit("year"), printed: "107.7 years")
        kinds.check(s, "payback_years($1.4T, $13B, 30%)", log(1 + 1400 / 13.0 * 0.3) / log(1.3), .unit("year"), printed: "13.36 years")
        kinds.drawwise(s, "payback_years($10B, mx)", ["mx"], .unit("year")) { 10e9 / $0[0] }
        kinds.fails(s, "payback_years($10B, $1B, -50%)", "never pay back")
    }

    @Test func aiMetricsKeepTheirKinds() throws {
        let s = try StdlibKindsTests.session()
        // 5 / (11.6 - 3.7) = 0.6329.
        kinds.check(s, "burn_multiple($5B, $11.6B - $3.7B)", 5 / 7.9, .multiple, printed: "0.633x")
        kinds.drawwise(s, "burn_multiple(mx, $2B)", ["mx"], .multiple) { $0[0] / 2e9 }
        kinds.check(s, "rule_of_40(60%, -25%)", 0.35, .percent, printed: "35%")
        kinds.drawwise(s, "rule_of_40(r, 30%)", ["r"], .percent) { $0[0] + 0.3 }
        kinds.check(s, "revenue_multiple($157B, $3.7B)", 157 / 3.7, .multiple, printed: "42.4x")
        kinds.check(s, "cash_conversion($6B, $10B)", 0.6, .percent, printed: "60%")
        // T.revenue is $1B, $2B, $4B: no valuation, so the multiples ask for one.
        kinds.fails(s, "trailing_multiple(T, 2024)", "valuation")
    }
}

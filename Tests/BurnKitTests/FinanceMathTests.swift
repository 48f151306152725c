// FinanceMathTests: the numbers under the finance functions (TimeValue, RateSearch,
// CalendarDays), against roots and day counts worked out here by other means.
import Foundation
import Testing
@testable import BurnKit

@Suite struct FinanceMathTests {
    /// Flows whose rates of return are `rates`: the coefficients of Π (1 - (1 + r) x), scaled.
    static func flows(withRates rates: [Double], scale: Double = 100) -> [Double] {
        var poly = [1.0]  // coefficients of x^0, x^1, ...
        for r in rates {
            var next = [Double](repeating: 0, count: poly.count + 1)
            for (i, c) in poly.enumerated() {
                next[i] += c
                next[i + 1] -= c * (1 + r)
            }
            poly = next
        }
        return poly.map { -$0 * scale }
    }

    @Test func irrPicksTheRateClosestToZero() throws {
        // Rates 30% and -20%: the closest to 0 is -20%; with 15% and 40%, 15%.
        let a = try #require(TimeValue.irr(Self.flows(withRates: [0.3, -0.2])))
        #expect(abs(a - -0.2) < 1e-12)
        let b = try #require(TimeValue.irr(Self.flows(withRates: [0.4, 0.15, 2.5])))
        #expect(abs(b - 0.15) < 1e-12)
        // The flows: x = 1.32288 and 14.0099 solve -178.5 + 79.1x + 47.1x^2 - 3.7x^3 = 0.
        let c = try #require(TimeValue.irr([-178.5, 79.1, 47.1, -3.7]))
        #expect(abs(c - -0.24407463687783726) < 1e-13)
        #expect(abs(TimeValue.npv(c, [-178.5, 79.1, 47.1, -3.7])) < 1e-10)
    }

    @Test func irrFindsTwoRatesCloserThanAStepOfTheGrid() throws {
        // 5% and 5.01% are closer than the grid's step there (0.05 points): the net present value
        // dips across zero and back between two points, and the golden-section search finds it.
        let r = try #require(TimeValue.irr(Self.flows(withRates: [0.05, 0.0501])))
        #expect(abs(r - 0.05) < 1e-7)
    }

    @Test func irrOfFlowsWithoutARate() {
        #expect(TimeValue.irr([100, 50]) == nil)
        #expect(TimeValue.irr([-1, -2, -3]) == nil)  // numpy-financial's test: nan
        #expect(TimeValue.irr([0, 0, 0]) == nil)
        #expect(TimeValue.irr([5]) == nil)
        #expect(TimeValue.irr([]) == nil)
        // Leading and trailing zeros shift nothing: -100 then 110 a period later is 10%.
        #expect(abs((TimeValue.irr([0, -100, 110, 0, 0]) ?? .nan) - 0.1) < 1e-14)
    }

    @Test func irrOfLongAndExtremeFlows() throws {
        // 200 periods of 1 after an outlay of 20: the rate with 20 = (1 - 1.r^-200)/r, checked
        // by the net present value at the rate found.
        let long = [-20.0] + [Double](repeating: 1, count: 200)
        let r = try #require(TimeValue.irr(long))
        #expect(abs(TimeValue.npv(r, long)) < 1e-9)
        // A thousandfold return in a period: 99,900%.
        #expect(abs((TimeValue.irr([-1, 1000]) ?? .nan) - 999) < 1e-9)
        // Nearly everything lost: -99.9%.
        #expect(abs((TimeValue.irr([-1000, 1]) ?? .nan) - -0.999) < 1e-12)
    }

    @Test func rateSolvesTheAnnuityEquation() throws {
        // A 30-year loan of 200,000 at 0.5% a month pays 1,199.10: rate finds 0.5% again.
        let payment = -200_000 * 0.005 / (1 - pow(1.005, -360))
        let r = try #require(TimeValue.rate(nper: 360, pmt: payment, pv: 200_000, fv: 0, begin: false))
        #expect(abs(r - 0.005) < 1e-13)
        // Payments at the start of each period: 1,000 now and each year for 10 years, worth 8,000.
        let begin = try #require(TimeValue.rate(nper: 10, pmt: -1000, pv: 8000, fv: 0, begin: true))
        #expect(abs(TimeValue.pv(rate: begin, nper: 10, pmt: -1000, fv: 0, begin: true) - 8000) < 1e-8)
        // A fractional number of periods works too: (2)^(1/2.5) - 1 with no payments.
        let fractional = try #require(TimeValue.rate(nper: 2.5, pmt: 0, pv: -1, fv: 2, begin: false))
        #expect(abs(fractional - (pow(2, 1 / 2.5) - 1)) < 1e-14)
        #expect(TimeValue.rate(nper: 10, pmt: 100, pv: 100, fv: 100, begin: false) == nil)
    }

    @Test func annuityFormulasAgreeWithEachOther() {
        // pv, fv, pmt and nper are one equation solved for each unknown: each undoes the others.
        for (r, n, begin) in [(0.05, 10.0, false), (0.0075, 360.0, true), (-0.02, 7.5, false), (1e-9, 12.0, true)] {
            let p = TimeValue.pmt(rate: r, nper: n, pv: 1000, fv: -200, begin: begin)
            #expect(abs(TimeValue.pv(rate: r, nper: n, pmt: p, fv: -200, begin: begin) - 1000) < 1e-8)
            #expect(abs(TimeValue.fv(rate: r, nper: n, pmt: p, pv: 1000, begin: begin) - -200) < 1e-8)
            #expect(abs((TimeValue.nper(rate: r, pmt: p, pv: 1000, fv: -200, begin: begin) ?? .nan) - n) < 1e-6)
        }
    }

    @Test func xirrIsTheDatedRate() throws {
        // Excel's documentation example: XIRR 0.373362535 (Excel stops its iteration at about
        // 1e-8), XNPV 2,086.647602; the rate found makes the dated net present value vanish.
        let flows = [-10_000.0, 2750, 4250, 3250, 2750]
        let days = [(2008, 1, 1), (2008, 3, 1), (2008, 10, 30), (2009, 2, 15), (2009, 4, 1)]
            .map { CalendarDays.number(year: $0.0, month: $0.1, day: $0.2) }
        #expect(days.map { $0 - days[0] } == [0, 60, 303, 411, 456])  // counted on a calendar
        let r = try #require(TimeValue.xirr(flows, days: days))
        #expect(abs(r - 0.373362535) < 1e-8)
        #expect(abs(TimeValue.xnpv(r, flows, days: days)) < 1e-9)
        #expect(abs(TimeValue.xnpv(0.09, flows, days: days) - 2086.647602) < 1e-6)
        #expect(TimeValue.xirr([10, 20], days: [0, 100]) == nil)
    }

    @Test func calendarDays() {
        #expect(CalendarDays.number(year: 1970, month: 1, day: 1) == 0)
        #expect(CalendarDays.number(year: 2000, month: 3, day: 1) - CalendarDays.number(year: 2000, month: 2, day: 28) == 2)
        #expect(CalendarDays.number(year: 2100, month: 3, day: 1) - CalendarDays.number(year: 2100, month: 2, day: 28) == 1)
        // To 2024-01-01: 54 years of 365 days and 13 leap days (1972 to 2020), 19,723; then 274
        // days to the end of September 2024 and 1 more.
        #expect(CalendarDays.number(year: 2024, month: 10, day: 2) == 19_723 + 275)
        #expect(CalendarDays.daysIn(month: 2, of: 2024) == 29 && CalendarDays.daysIn(month: 2, of: 1900) == 28)
        #expect(CalendarDays.number(year: 1969, month: 12, day: 31) == -1)
    }

    @Test func growthAndPayback() throws {
        // Three years from 1 at q = 1.5: 1.5 + 2.25 + 3.375 = 7.125, so 7.125 needs 50%.
        let g = try #require(TimeValue.growthNeeded(start: 1, total: 7.125, years: 3))
        #expect(abs(g - 0.5) < 1e-12)
        #expect(TimeValue.growthNeeded(start: 1, total: 0, years: 3) == nil)
        // A total below the first year's amount needs shrinking: 1·q = 0.5.
        #expect(abs((TimeValue.growthNeeded(start: 1, total: 0.5, years: 1) ?? .nan) - -0.5) < 1e-12)
        #expect(TimeValue.paybackYears(cost: 100, yearly: 10, growth: 0) == 10)
        // 10 + 11 + 12.1 = 33.1: exactly three years at 10% growth.
        #expect(abs((TimeValue.paybackYears(cost: 33.1, yearly: 10, growth: 0.1) ?? .nan) - 3) < 1e-12)
        #expect(TimeValue.paybackYears(cost: 100, yearly: 10, growth: -0.5) == nil)  // at most 20 ever
    }
}

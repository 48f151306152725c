// FinanceBuiltins: npv, irr, mirr, pv, fv, pmt, nper, rate (numpy-financial's argument order,
// signs and defaults), xnpv and xirr over dated flows, growth_needed and payback_years. Money
// stays money, a rate is a percent, and uncertain arguments are worked out draw by draw.
import BurnModel

enum FinanceBuiltins {
    nonisolated(unsafe) static let table: [(String, Int?, Function.NativeFunction)] = [
        ("npv", 2, npv),
        ("irr", 1, irr),
        ("mirr", 3, mirr),
        ("pv", nil, pv),
        ("fv", nil, fv),
        ("pmt", nil, pmt),
        ("nper", nil, nper),
        ("rate", nil, rate),
        ("xnpv", 3, xnpv),
        ("xirr", 2, xirr),
        ("growth_needed", 3, growthNeeded),
        ("payback_years", nil, paybackYears),
    ]

    // MARK: - Flows

    private static func npv(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        let rate = try c.rateArgument(a, 0, "npv")
        let flows = try c.sharedUnit(try c.flows(a, 1, "npv"), positions: [1])
        return try c.lanewise([rate] + flows.amounts, flows.unit, flows.display, missing: { Arithmetic.notFinite(c.span) }) { row in
            TimeValue.npv(row[0], Array(row.dropFirst()))
        }
    }

    private static func irr(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        let flows = try c.sharedUnit(try c.flows(a, 0, "irr"), positions: [0])
        return try c.lanewise(flows.amounts, .none, .percent, missing: { noRate(c, "irr", 0) }) { TimeValue.irr($0) }
    }

    private static func mirr(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        let flows = try c.sharedUnit(try c.flows(a, 0, "mirr"), positions: [0])
        let finance = try c.rateArgument(a, 1, "mirr"), reinvest = try c.rateArgument(a, 2, "mirr")
        let missing = {
            Diagnostic("'mirr' needs flows of both signs: at least one below zero and one above", at: c.argumentSpan(0),
                       hint: "the first flow is usually the outlay: `mirr([-100, 50, 60], 10%, 12%)`")
        }
        return try c.lanewise([finance, reinvest] + flows.amounts, .none, .percent, missing: missing) { row in
            TimeValue.mirr(Array(row.dropFirst(2)), finance: row[0], reinvest: row[1])
        }
    }

    /// The error when flows have no rate of return.
    private static func noRate(_ c: CallSite, _ name: String, _ i: Int) -> Diagnostic {
        Diagnostic("these flows have no rate of return: their present value is zero at no rate above -100%",
                   at: c.argumentSpan(i),
                   hint: "'\(name)' needs flows that change sign, such as an outlay then returns: `irr([-100, 50, 60])`")
    }

    // MARK: - Annuities

    /// A rate above -100%, draw by draw (a certain rate at or below it is an error here).
    private static func aboveMinus100(_ rate: Quantity, _ c: CallSite, _ i: Int) throws {
        guard rate.draws == nil, rate.value <= -1 else { return }
        throw Diagnostic("a rate must be above -100%", at: c.argumentSpan(i), hint: "a rate is a percent per period, as `8%`")
    }

    private static func pv(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        try c.takes(a, 3...5, "pv", "rate, nper, pmt, fv, when")
        let rate = try c.rateArgument(a, 0, "pv"), n = try c.periodsArgument(a, 1, "pv")
        try aboveMinus100(rate, c, 0)
        let money = try c.sharedUnit([try c.amount(a, 2, "pv"), try c.optionalAmount(a, 3, "pv", default: 0)], positions: [2, 3])
        let begin = try c.paymentsAtBegin(a, 4, "pv")
        return try c.lanewise([rate, n] + money.amounts, money.unit, money.display, missing: { Arithmetic.notFinite(c.span) }) { r in
            r[0] <= -1 ? nil : TimeValue.pv(rate: r[0], nper: r[1], pmt: r[2], fv: r[3], begin: begin)
        }
    }

    private static func fv(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        try c.takes(a, 4...5, "fv", "rate, nper, pmt, pv, when")
        let rate = try c.rateArgument(a, 0, "fv"), n = try c.periodsArgument(a, 1, "fv")
        try aboveMinus100(rate, c, 0)
        let money = try c.sharedUnit([try c.amount(a, 2, "fv"), try c.amount(a, 3, "fv")], positions: [2, 3])
        let begin = try c.paymentsAtBegin(a, 4, "fv")
        return try c.lanewise([rate, n] + money.amounts, money.unit, money.display, missing: { Arithmetic.notFinite(c.span) }) { r in
            r[0] <= -1 ? nil : TimeValue.fv(rate: r[0], nper: r[1], pmt: r[2], pv: r[3], begin: begin)
        }
    }

    private static func pmt(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        try c.takes(a, 3...5, "pmt", "rate, nper, pv, fv, when")
        let rate = try c.rateArgument(a, 0, "pmt"), n = try c.periodsArgument(a, 1, "pmt")
        try aboveMinus100(rate, c, 0)
        if n.draws == nil, n.value == 0 {
            throw Diagnostic("no payment spreads over zero periods", at: c.argumentSpan(1), hint: "give a number of periods above 0")
        }
        let money = try c.sharedUnit([try c.amount(a, 2, "pmt"), try c.optionalAmount(a, 3, "pmt", default: 0)], positions: [2, 3])
        let begin = try c.paymentsAtBegin(a, 4, "pmt")
        return try c.lanewise([rate, n] + money.amounts, money.unit, money.display, missing: { Arithmetic.notFinite(c.span) }) { r in
            r[0] <= -1 ? nil : TimeValue.pmt(rate: r[0], nper: r[1], pv: r[2], fv: r[3], begin: begin)
        }
    }

    private static func nper(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        try c.takes(a, 3...5, "nper", "rate, pmt, pv, fv, when")
        let rate = try c.rateArgument(a, 0, "nper")
        try aboveMinus100(rate, c, 0)
        let money = try c.sharedUnit([try c.amount(a, 1, "nper"), try c.amount(a, 2, "nper"),
                                      try c.optionalAmount(a, 3, "nper", default: 0)], positions: [1, 2, 3])
        let begin = try c.paymentsAtBegin(a, 4, "nper")
        let missing = {
            Diagnostic("these payments never take the present value to the future value", at: c.span,
                       hint: "payments have the sign opposite to the present value and outgrow its interest: `nper(7%/12, -$150, $8000)`")
        }
        return try c.lanewise([rate] + money.amounts, .none, .auto, missing: missing) { r in
            r[0] <= -1 ? nil : TimeValue.nper(rate: r[0], pmt: r[1], pv: r[2], fv: r[3], begin: begin)
        }
    }

    private static func rate(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        try c.takes(a, 3...5, "rate", "nper, pmt, pv, fv, when")
        let n = try c.periodsArgument(a, 0, "rate")
        if n.draws == nil, n.value <= 0 {
            throw Diagnostic("'rate' needs a number of periods above 0", at: c.argumentSpan(0), hint: "as `rate(10, 0, -3500, 10000)`")
        }
        let money = try c.sharedUnit([try c.amount(a, 1, "rate"), try c.amount(a, 2, "rate"),
                                      try c.optionalAmount(a, 3, "rate", default: 0)], positions: [1, 2, 3])
        let begin = try c.paymentsAtBegin(a, 4, "rate")
        let missing = {
            Diagnostic("no rate above -100% takes this present value to this future value with these payments", at: c.span,
                       hint: "the amounts need both signs, money out and money in: `rate(10, 0, -3500, 10000)`")
        }
        return try c.lanewise([n] + money.amounts, .none, .percent, missing: missing) { r in
            TimeValue.rate(nper: r[0], pmt: r[1], pv: r[2], fv: r[3], begin: begin)
        }
    }

    // MARK: - Dated flows

    /// The flows and their days, as many of each, the days not before the first.
    private static func datedFlows(_ a: ArraySlice<Value>, _ i: Int, _ name: String, _ c: CallSite) throws -> (SharedUnit, [Int]) {
        let flows = try c.sharedUnit(try c.flows(a, i, name), positions: [i])
        let days = try c.days(a, i + 1, name)
        guard flows.amounts.count == days.count else {
            throw Diagnostic("'\(name)' has \(flows.amounts.count) flows but \(days.count) dates", at: c.span,
                             hint: "give one date for each flow, in the same order")
        }
        if let first = days.first, let k = days.firstIndex(where: { $0 < first }) {
            throw Diagnostic("date \(k + 1) of '\(name)' comes before the first date", at: c.argumentSpan(i + 1),
                             hint: "the first date is the day the flows are valued at: put the earliest first")
        }
        return (flows, days)
    }

    private static func xnpv(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        let rate = try c.rateArgument(a, 0, "xnpv")
        try aboveMinus100(rate, c, 0)
        let (flows, days) = try datedFlows(a, 1, "xnpv", c)
        return try c.lanewise([rate] + flows.amounts, flows.unit, flows.display, missing: { Arithmetic.notFinite(c.span) }) { row in
            row[0] <= -1 ? nil : TimeValue.xnpv(row[0], Array(row.dropFirst()), days: days)
        }
    }

    private static func xirr(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        let (flows, days) = try datedFlows(a, 0, "xirr", c)
        return try c.lanewise(flows.amounts, .none, .percent, missing: { noRate(c, "xirr", 0) }) { TimeValue.xirr($0, days: days) }
    }

    // MARK: - Growth and payback

    private static func growthNeeded(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        let money = try c.sharedUnit([try c.amount(a, 0, "growth_needed"), try c.amount(a, 1, "growth_needed")], positions: [0, 1])
        let years = try c.plain(a, 2, "growth_needed")
        guard years >= 1, years <= 1000, years == years.rounded() else {
            throw Diagnostic("'growth_needed' counts whole years, from 1", at: c.argumentSpan(2), hint: "as `growth_needed($13B, $1.4T, 10)`")
        }
        let missing = {
            Diagnostic("'growth_needed' needs a starting amount and a total above zero", at: c.span,
                       hint: "as `growth_needed($13B, $1.4T, 10)`: from $13B a year, $1.4T over 10 years")
        }
        return try c.lanewise(money.amounts, .none, .percent, missing: missing) { r in
            TimeValue.growthNeeded(start: r[0], total: r[1], years: Int(years))
        }
    }

    private static func paybackYears(_ a: ArraySlice<Value>, _ c: CallSite) throws -> Value {
        try c.takes(a, 2...3, "payback_years", "cost, yearly, growth")
        let money = try c.sharedUnit([try c.amount(a, 0, "payback_years"), try c.amount(a, 1, "payback_years")], positions: [0, 1])
        let growth = a.count > 2 ? try c.rateArgument(a, 2, "payback_years") : Quantity(0)
        let missing = {
            Diagnostic("these yearly amounts never pay back the cost", at: c.span,
                       hint: "the cost is at or above 0 and the yearly amount above 0; a shrinking amount may never get there")
        }
        // In years, the standard library's unit (`1 year`); a plain number if a host removed it.
        let years = c.runtime.interpreter.vocabulary.unit("year").map { Unit.named($0) } ?? .none
        return try c.lanewise(money.amounts + [growth], years, .auto, missing: missing) { r in
            TimeValue.paybackYears(cost: r[0], yearly: r[1], growth: r[2])
        }
    }
}

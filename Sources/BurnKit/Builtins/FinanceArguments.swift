// FinanceArguments: how the finance functions read their arguments (rates, amounts that share
// one unit so that money stays money, flows from a list or a series, `when`, dates) and work
// out a formula draw by draw when an argument is uncertain.
import BurnModel

/// Amounts brought to one unit: each as a multiple of `unit`, which the result takes.
struct SharedUnit {
    var amounts: [Quantity]
    var unit: Unit
    var display: Display
}

extension CallSite {
    /// A rate: a plain number, certain or uncertain (`10%` is 0.1, as numpy-financial's 0.1).
    func rateArgument(_ a: ArraySlice<Value>, _ i: Int, _ name: String) throws -> Quantity {
        let v = a[a.startIndex + i]
        guard let q = try? amount(a, i, name), q.unit.isNone else {
            throw bad(i, name, "rate", v, hint: "a rate is a percent, as in `\(name)(8%, ...)`")
        }
        return q
    }

    /// A number of periods: a plain number, certain or uncertain.
    func periodsArgument(_ a: ArraySlice<Value>, _ i: Int, _ name: String) throws -> Quantity {
        let v = a[a.startIndex + i]
        guard let q = try? amount(a, i, name), q.unit.isNone else {
            throw bad(i, name, "plain number of periods", v,
                      hint: "give the count of periods of the rate, as `10` for 10 years at a yearly rate")
        }
        return q
    }

    /// `when`: "end" (payments at the end of each period, the default) or "begin"; numpy-
    /// financial's 0 and 1 are read too.
    func paymentsAtBegin(_ a: ArraySlice<Value>, _ i: Int, _ name: String) throws -> Bool {
        guard i < a.count else { return false }
        switch a[a.startIndex + i] {
        case .string("end"), .number(0): return false
        case .string("begin"), .number(1): return true
        case let v:
            let found = if case .string(let text) = v { "\"\(text)\"" } else { v.typeName }
            throw Diagnostic("`when` is \"end\" or \"begin\", found \(found)",
                             at: argumentSpan(i), hint: "payments at the start of each period: `\(name)(..., \"begin\")`; the default is \"end\"")
        }
    }

    /// The argument `i` if given, else `fallback` (an optional argument).
    func optionalAmount(_ a: ArraySlice<Value>, _ i: Int, _ name: String, default fallback: Double) throws -> Quantity {
        i < a.count ? try amount(a, i, name) : Quantity(fallback)
    }

    /// A list of amounts or a series (`OpenAI.operating_income[2025..2030]`), one flow a period.
    func flows(_ a: ArraySlice<Value>, _ i: Int, _ name: String) throws -> [Quantity] {
        let v = a[a.startIndex + i]
        switch v {
        case .list(let list):
            return try list.items.enumerated().map { k, item in
                if case .samples(let s) = item, s.kind == .number { return runtime.cut(s.quantity) }
                guard let q = item.asQuantity else {
                    throw Diagnostic("the flows of '\(name)' are amounts, but item \(k) is \(item.typeName)", at: argumentSpan(i))
                }
                return q
            }
        case .seriesValues(let s):
            if let k = s.values.firstIndex(where: { $0.draws == nil && $0.value.isNaN }) {
                throw Diagnostic("the series has no value in \(s.firstYear + k)", at: argumentSpan(i),
                                 hint: "give \(s.company).\(s.metric) a value for \(s.firstYear + k), or a range of years it covers")
            }
            return s.values.map(runtime.cut)
        case .series:
            throw Diagnostic("'\(name)' needs the years of the series", at: argumentSpan(i),
                             hint: "index it by a range: `revenue[2025..2030]`")
        default:
            throw bad(i, name, "list of flows", v, hint: "write the flows as a list, `[-100, 50, 60]`, or a series, `revenue[2025..2030]`")
        }
    }

    /// The amounts in the unit of the first that has one (a plain number among money is money,
    /// euros are converted to dollars with the `rate` declared), as a sum would bring them;
    /// `positions` are the arguments they came from, for the caret of an error.
    func sharedUnit(_ amounts: [Quantity], positions: [Int]) throws -> SharedUnit {
        guard var total = amounts.first.map({ Quantity(1, $0.unit, display: $0.display) }) else {
            return SharedUnit(amounts: [], unit: .none, display: .auto)
        }
        var factors = [1.0]
        for (k, q) in amounts.enumerated().dropFirst() {
            do {
                let term = try total.sumTerm(q, rates: runtime.rates)
                factors.append(term.factor)
                total = Quantity(1, term.unit, display: term.display)
            } catch let e as UnitError {
                throw Arithmetic.unitError(e, at: argumentSpan(positions[min(k, positions.count - 1)]))
            }
        }
        let converted = zip(amounts, factors).map { $0.scaled(by: $1) }
        return SharedUnit(amounts: converted, unit: total.unit, display: total.display)
    }

    /// Days from 1970-01-01 of a list of months (their first day) or days.
    func days(_ a: ArraySlice<Value>, _ i: Int, _ name: String) throws -> [Int] {
        let v = a[a.startIndex + i]
        guard case .list(let list) = v else {
            throw bad(i, name, "list of dates", v, hint: "write the dates as a list of months or days: `[2024-10, 2025-04-15]`")
        }
        return try list.items.map { item in
            switch item {
            case .month(let y, let m): return CalendarDays.number(year: y, month: m, day: 1)
            case .day(let y, let m, let d): return CalendarDays.number(year: y, month: m, day: d)
            default:
                throw Diagnostic("the dates of '\(name)' are months or days, found \(item.typeName)", at: argumentSpan(i),
                                 hint: "write `2024-10` for a month (its first day) or `2024-10-02` for a day")
            }
        }
    }

    /// `f` of the amounts, draw by draw when one of them is uncertain (a certain one repeats),
    /// as a number of `unit`. A draw where `f` has no answer (nil) or an amount has none has no
    /// value; where no draw has one, or a certain answer is missing, `missing` is the error.
    func lanewise(_ inputs: [Quantity], _ unit: Unit, _ display: Display, missing: () -> Diagnostic,
                  _ f: ([Double]) -> Double?) throws -> Value {
        let count = inputs.lazy.compactMap { $0.draws?.count }.first
        var row = inputs.map(\.value)
        guard let count else {
            guard let x = f(row) else { throw missing() }
            return try finite(Quantity(x, unit, display: display))
        }
        var out = [Double](repeating: .nan, count: count)
        var answered = false
        for lane in 0..<count {
            for (k, q) in inputs.enumerated() { if let d = q.draws { row[k] = lane < d.count ? d.values[lane] : .nan } }
            guard !row.contains(where: \.isNaN), let x = f(row) else { continue }
            out[lane] = x
            answered = true
        }
        guard answered else { throw missing() }
        return try finite(Quantity(draws: Draws(out), unit, display: display))
    }

    /// "'pv' takes 3 to 5 arguments (rate, nper, pmt, fv, when), but 6 were given".
    func takes(_ a: ArraySlice<Value>, _ range: ClosedRange<Int>, _ name: String, _ parameters: String) throws {
        guard !range.contains(a.count) else { return }
        throw Diagnostic("'\(name)' takes \(range.lowerBound) to \(range.upperBound) arguments (\(parameters)), but \(a.count) were given",
                         at: span, hint: "`:help \(name == "rate" ? "rate()" : name)` shows what they are and their defaults")
    }
}

// ValueFormatter: how values print (LANGUAGE.md section 2), in the REPL, `show` and tables.
import BurnModel

public struct ValueFormatter: Sendable {
    /// Significant digits for money and large numbers (4 by the contract; `:set digits N`).
    public var moneyDigits = 4
    /// Significant digits for plain numbers below a million.
    public var plainDigits = 6

    public init() {}

    public init(digits: Int?) {
        if let digits {
            moneyDigits = max(1, min(digits, 15))
            plainDigits = max(1, min(digits, 15))
        }
    }

    public func format(_ value: Value) -> String {
        switch value {
        case .number(let x): return plain(x)
        case .quantity(let q): return format(q)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .year(let y): return String(y)
        case .month(let y, let m): return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .range(let a, let b): return "\(a)..\(b)"
        case .list(let list): return "[" + list.items.map(formatInList).joined(separator: ", ") + "]"
        case .function(let f): return "fn \(f.name)"
        case .series(let company, let metric): return "\(company).\(metric)"
        case .seriesValues(let s):
            let cells = s.values.enumerated().map { "\(s.firstYear + $0.offset): \(format($0.element))" }
            return "[" + cells.joined(separator: ", ") + "]"
        case .company(let name): return "company \(name)"
        case .round(let r): return r.summary
        case .samples(let s): return uncertain(s)
        case .none(let why): return why
        }
    }

    /// `$4.48B (90%: $4B to $5B)`: the mean, then the 5th and 95th percentiles, of the draws
    /// that have a value; years show their median; a condition, the share of draws meeting it.
    func uncertain(_ s: Samples) -> String {
        let draws = s.draws
        if s.isCondition { return percent(draws.mean) + " of samples" }
        guard draws.valuedCount > 0 else { return "none in every sample" }
        let noneShare = draws.noneShare
        let none = noneShare > 0 ? ", none in " + percent(noneShare) + " of samples" : ""
        if s.kind == .year {
            let p = s.order.percentiles([5, 50, 95]).map { String(Int($0.rounded())) }
            return (p[0] == p[2] ? p[1] : p[1] + " (90%: " + p[0] + " to " + p[2] + ")") + none
        }
        let p = s.order.percentiles([5, 95]).map { format(s.quantity($0)) }
        // An interval that prints as one number (`$13B to $13B`) says nothing: the mean alone.
        let mean = format(s.quantity(draws.mean))
        return (p[0] == p[1] ? mean : mean + " (90%: " + p[0] + " to " + p[1] + ")") + none
    }

    private func formatInList(_ value: Value) -> String {
        if case .string(let s) = value { return "\"" + s + "\"" }
        return format(value)
    }

    // MARK: - Quantities

    public func format(_ q: Quantity) -> String {
        if q.isUncertain { return uncertain(Samples(q)) }
        if q.unit.isNone {
            switch q.display {
            case .auto: return plain(q.value)
            case .percent: return percent(q.value)
            case .multiple: return multiple(q.value)
            case .magnitude(let p): return scaled(q.value, power: p)
            }
        }
        let number: String
        if q.unit.moneyPower == 1, let currency = q.unit.currency {
            number = money(q.value, currency: currency, display: q.display)
        } else if case .magnitude(let p) = q.display {
            number = scaled(q.value, power: p)
        } else {
            // Quantities read like money: 4 significant digits (`6.75 months`, `21.1 months`).
            number = abs(q.value) >= 1e6 || abs(q.value) < 1e-6 ? plain(q.value) : NumberFormat.significant(q.value, moneyDigits)
        }
        return number + unitSuffix(q)
    }

    /// Money: `$3.7B`, `-$74B`, `€210B`, `$6,250`, `$12.5`; `6.6B CHF` for codes without a sign.
    public func money(_ x: Double, currency: String, display: Display = .auto) -> String {
        let magnitude = abs(x)
        var body: String
        if case .magnitude(let p) = display {
            body = scaled(magnitude, power: p)
        } else if let (power, letter) = NumberFormat.suffix(for: abs(NumberFormat.roundSignificant(magnitude, moneyDigits))) {
            let rounded = NumberFormat.roundSignificant(magnitude, moneyDigits)
            body = NumberFormat.grouped(NumberFormat.significant(rounded / NumberFormat.power10(power), moneyDigits)) + letter
        } else if magnitude.rounded() >= 100 {
            body = NumberFormat.grouped(NumberFormat.fixed(magnitude, 0))
        } else {
            body = NumberFormat.fixedTrimmed(magnitude, 2)
        }
        let negative = x < 0 && body.contains(where: { $0 != "0" && $0 != "." && $0.isNumber })
        let sign = negative ? "-" : ""
        if let symbol = ValueFormatter.symbols[currency] { return sign + symbol + body }
        return sign + body + " " + currency
    }

    static let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]

    /// A plain number: up to 6 significant digits; from 1M up, 4 with a suffix: `107.692`, `4.4B`.
    public func plain(_ x: Double) -> String {
        let magnitude = abs(x)
        if magnitude >= 1e15 { return scientific(x) }
        if magnitude != 0 && magnitude < 1e-6 { return scientific(x) }
        let rounded = NumberFormat.roundSignificant(magnitude, moneyDigits)
        if let (power, letter) = NumberFormat.suffix(for: rounded) {
            let body = NumberFormat.significant(rounded / NumberFormat.power10(power), moneyDigits) + letter
            return x < 0 ? "-" + body : body
        }
        return NumberFormat.significant(x, plainDigits)
    }

    /// `4.2%`, `75%`, `-75%`: one decimal, trailing `.0` dropped.
    public func percent(_ x: Double) -> String {
        NumberFormat.fixedTrimmed(x * 100, 1) + "%"
    }

    /// `42.4x`, `1.8x`: one decimal.
    public func multiple(_ x: Double) -> String {
        NumberFormat.fixed(x, 1) + "x"
    }

    /// `as B`: the value in a fixed magnitude, `1,400B`.
    func scaled(_ x: Double, power: Int) -> String {
        let v = x / NumberFormat.power10(power)
        let digits = max(moneyDigits, Int(Math.log10(max(abs(v), 1))) + 1)
        return NumberFormat.grouped(NumberFormat.significant(v, digits)) + NumberFormat.letter(forPower: power)
    }

    private func scientific(_ x: Double) -> String {
        let exponent = Int(Math.log10(abs(x)).rounded(.down))
        let mantissa = x / NumberFormat.power10(exponent)
        return NumberFormat.significant(mantissa, moneyDigits) + "e" + String(exponent)
    }

    /// ` GW`, ` months`, `/km`, `/GW`, ` GW·year`: the non-money part of a unit.
    private func unitSuffix(_ q: Quantity) -> String {
        let up = q.unit.factors.filter { $0.power > 0 }
        let down = q.unit.factors.filter { $0.power < 0 }
        var text = ""
        if !up.isEmpty {
            let names = up.map { f -> String in
                let name = (abs(q.value) != 1 && up.count == 1 && f.power == 1) ? (f.unit.plural ?? f.unit.name) : f.unit.name
                return f.power == 1 ? name : "\(name)^\(f.power)"
            }
            text += " " + names.joined(separator: "·")
        }
        if q.unit.moneyPower < 0 { text += "/" + (q.unit.currency ?? "money") }
        for f in down { text += "/" + (f.power == -1 ? f.unit.name : "\(f.unit.name)^\(-f.power)") }
        return text
    }
}

// ValueFormatter: how values print (LANGUAGE.md section 2), in the REPL, `show` and tables.
import BurnModel

public struct ValueFormatter: Sendable {
    /// Significant digits for money and large numbers (4 by the contract; `:set digits N`).
    public var moneyDigits = 4
    /// Significant digits for plain numbers below a million.
    public var plainDigits = 6
    /// `:set digits N` for percents and multiples: nil keeps their own rules (one decimal for a
    /// percent; three significant digits below 10 and one decimal from 10 for a multiple).
    public var ratioDigits: Int?
    /// Reads a bare series (`OpenAI.revenue`) by its known years; the interpreter sets it.
    public var seriesReader: SeriesReader?

    public init() {}

    public init(digits: Int?) {
        if let digits {
            moneyDigits = max(1, min(digits, 15))
            plainDigits = max(1, min(digits, 15))
            ratioDigits = max(1, min(digits, 15))
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
        case .series(let company, let metric):
            guard let pairs = seriesReader?.values(company: company, metric: metric) else { return "\(company).\(metric)" }
            return series(pairs)
        case .seriesValues(let s):
            return series(s.values.enumerated().map { (s.firstYear + $0.offset, $0.element) })
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

    /// A series: one `year value` pair per known year, `2024 $3.7B, 2025 $11.6B`.
    func series(_ pairs: [(year: Int, value: Quantity)]) -> String {
        guard !pairs.isEmpty else { return "no known years" }
        return pairs.map { "\($0.year) \(format($0.value))" }.joined(separator: ", ")
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
            // Quantities read like money: 4 significant digits (`6.75 months`, `21.1 months`),
            // with thousands separators below a million (`10,000 MW`).
            number = abs(q.value) >= 1e6 || abs(q.value) < 1e-6
                ? plain(q.value) : NumberFormat.grouped(NumberFormat.significant(q.value, max(moneyDigits, integerDigits(q.value))))
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

    /// `4.2%`, `75%`, `-75%`: one decimal, trailing `.0` dropped; with `:set digits N`, N
    /// significant digits (never fewer than the whole part has).
    public func percent(_ x: Double) -> String {
        guard let digits = ratioDigits else { return NumberFormat.fixedTrimmed(x * 100, 1) + "%" }
        return NumberFormat.significant(x * 100, max(digits, integerDigits(x * 100))) + "%"
    }

    /// `1.83x`, `3.14x`, `42.4x`, `107.7x`: three significant digits below 10, one decimal from
    /// 10, trailing zeros dropped (`6x`). With `:set digits N`: N significant digits below 10,
    /// N - 2 decimals from 10 (the default is N = 3).
    public func multiple(_ x: Double) -> String {
        let digits = ratioDigits ?? 3
        // A factor of a million or more reads as a plain number does: `1.1Tx`, not 13 digits.
        if abs(x) >= 1e6 { return plain(x) + "x" }
        // The magnitude after rounding to `digits` significant digits: 9.996 is 10.0x, not 9.996x.
        let below10 = abs(NumberFormat.roundSignificant(x, digits)) < 10
        let body = below10 ? NumberFormat.significant(x, digits) : NumberFormat.fixedTrimmed(x, max(0, digits - 2))
        return body + "x"
    }

    /// How many digits the whole part of `x` has (at least 1), so that a rounding to
    /// significant digits never drops whole units (`12,345 MW`, not `12,350 MW`).
    private func integerDigits(_ x: Double) -> Int {
        var n = 1, m = abs(x)
        while m >= 10 && n < 15 { m /= 10; n += 1 }
        return n
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

// ValueFormatter: how values print (LANGUAGE.md sections 2 and 12), in the REPL, `show` and tables.
import BurnModel

/// How values print: money, percents, multiples, plain numbers, units, uncertain values and
/// series, in English or French, with the digits `:set digits` asks for.
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
    /// English (`$6.6B`, `4.2%`) or French (`6,6 Md$`, `4,2 %`) numbers (LANGUAGE.md section 12).
    /// `:set digits` keeps it; `locale fr` and `:set locale fr` change it.
    public var locale: NumberLocale = .english

    /// The defaults: English, 4 significant digits for money, 6 for plain numbers.
    public init() {}

    /// `digits` significant digits for every kind of number (1 to 15; nil: the defaults).
    public init(digits: Int?, locale: NumberLocale = .english) {
        self.locale = locale
        if let digits {
            moneyDigits = max(1, min(digits, 15))
            plainDigits = max(1, min(digits, 15))
            ratioDigits = max(1, min(digits, 15))
        }
    }

    /// The value as the REPL, `show` and tables print it: `$3.7B`, `42.4x`, `4.2%`.
    public func format(_ value: Value) -> String {
        switch value {
        case .number(let x): return plain(x)
        case .quantity(let q): return format(q)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return s
        case .year(let y): return String(y)
        case .month(let y, let m): return "\(y)-\(m < 10 ? "0" : "")\(m)"
        case .day(let y, let m, let d): return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
        case .range(let a, let b): return "\(a)..\(b)"
        case .list(let list):
            // French separates items with `;` (a comma is a decimal comma), so a list reads back.
            return "[" + list.items.map(formatInList).joined(separator: french ? "; " : ", ") + "]"
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
            let p = s.order.percentiles([5, 50, 95]).map { wholeNumber($0) }
            return (p[0] == p[2] ? p[1] : p[1] + interval(p[0], p[2])) + none
        }
        let p = s.order.percentiles([5, 95]).map { format(s.quantity($0)) }
        // An interval that prints as one number (`$13B to $13B`) says nothing: the mean alone.
        let mean = format(s.quantity(ValueFormatter.carefulMean(draws)))
        return (p[0] == p[1] ? mean : mean + interval(p[0], p[1])) + none
    }

    /// The mean of the draws with a value, without overflowing where the draws do not: the
    /// plain sum of draws near `Double.greatestFiniteMagnitude` is infinite (`1e308 to 1.7e308`).
    static func carefulMean(_ draws: Draws) -> Double {
        let mean = draws.mean
        guard mean.isInfinite, draws.valuedCount > 0 else { return mean }
        let n = Double(draws.valuedCount)
        var sum = 0.0
        for x in draws.values where !x.isNaN { sum += x / n }
        return sum
    }

    /// A year (or any whole number) as digits, or the words for a number that has none: never
    /// `Int(x)` on a value that would not fit.
    private func wholeNumber(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e15 else { return plain(x) }
        return String(Int(x.rounded()))
    }

    /// What a number that is not finite prints as: such a value is an error where it is made,
    /// so this is a last defence that must not trap (`Int(log10(inf))`) nor look like money.
    static func nonFinite(_ x: Double) -> String {
        x.isNaN ? "not a number" : x < 0 ? "-infinity" : "infinity"
    }

    /// ` (90%: $4B to $5B)`; in French ` (90 % : 4 Md$ à 5 Md$)`, with the no-break spaces
    /// French puts before `%` and `:`.
    private func interval(_ low: String, _ high: String) -> String {
        guard french else { return " (90%: " + low + " to " + high + ")" }
        return " (" + percent(0.9) + FrenchSpace.noBreak + ": " + low + " à " + high + ")"
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

    /// A quantity as it prints, certain or uncertain (`$4.48B (90%: $4B to $5B)`).
    public func format(_ q: Quantity) -> String {
        if q.isUncertain { return uncertain(Samples(q)) }
        guard q.value.isFinite else { return ValueFormatter.nonFinite(q.value) }
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
                ? plain(q.value)
                : localized(NumberFormat.grouped(NumberFormat.significant(q.value, max(moneyDigits, integerDigits(q.value)))))
        }
        let unit = unitSuffix(q)
        // French: a no-break space before the unit (`16 GW`), none before `/GW`.
        if french, unit.hasPrefix(" ") { return number + FrenchSpace.noBreak + unit.dropFirst() }
        return number + unit
    }

    /// Money: `$3.7B`, `-$74B`, `€210B`, `$6,250`, `$12.5`; `6.6B CHF` for codes without a sign.
    public func money(_ x: Double, currency: String, display: Display = .auto) -> String {
        guard x.isFinite else { return ValueFormatter.nonFinite(x) }
        if french { return frenchMoney(x, currency: currency, display: display) }
        let magnitude = abs(x)
        var body: String
        if magnitude >= ValueFormatter.scientificMoney, display == .auto {
            // A million trillion and up: `$1.7e308`, not three hundred grouped digits and a `T`.
            body = scientific(magnitude)
        } else if case .magnitude(let p) = display {
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

    /// Money from which its digits would not read: 10^18, a million trillion.
    static let scientificMoney = 1e18

    static let symbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]

    /// A plain number: up to 6 significant digits; from 1M up, 4 with a suffix: `107.692`, `4.4B`.
    public func plain(_ x: Double) -> String {
        guard x.isFinite else { return ValueFormatter.nonFinite(x) }
        let magnitude = abs(x)
        if magnitude >= 1e15 { return scientific(x) }
        if magnitude != 0 && magnitude < 1e-6 { return scientific(x) }
        if french { return frenchPlain(x) }
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
        guard x.isFinite else { return ValueFormatter.nonFinite(x) }
        let sign = french ? FrenchSpace.noBreak + "%" : "%"
        guard let digits = ratioDigits else { return localized(NumberFormat.fixedTrimmed(x * 100, 1)) + sign }
        return localized(NumberFormat.significant(x * 100, max(digits, integerDigits(x * 100)))) + sign
    }

    /// `1.83x`, `3.14x`, `42.4x`, `107.7x`: three significant digits below 10, one decimal from
    /// 10, trailing zeros dropped (`6x`). With `:set digits N`: N significant digits below 10,
    /// N - 2 decimals from 10 (the default is N = 3).
    public func multiple(_ x: Double) -> String {
        guard x.isFinite else { return ValueFormatter.nonFinite(x) }
        let digits = ratioDigits ?? 3
        // A factor of a million or more reads as a plain number does: `1.1Tx`, not 13 digits.
        if abs(x) >= 1e6 { return plain(x) + "x" }
        // The magnitude after rounding to `digits` significant digits: 9.996 is 10.0x, not 9.996x.
        let below10 = abs(NumberFormat.roundSignificant(x, digits)) < 10
        let body = below10 ? NumberFormat.significant(x, digits) : NumberFormat.fixedTrimmed(x, max(0, digits - 2))
        return localized(body) + "x"
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
        let (number, letter) = scaledParts(x, power: power)
        return french ? number + FrenchSpace.noBreak + letter : number + letter
    }

    /// `as B`: the digits (grouped, in the locale) and the magnitude's letter (`B`, or `Md`).
    func scaledParts(_ x: Double, power: Int) -> (number: String, letter: String) {
        let v = x / NumberFormat.power10(power)
        guard v.isFinite else { return (ValueFormatter.nonFinite(v), "") }
        let letter = french ? NumberFormat.frenchLetter(forPower: power) : NumberFormat.letter(forPower: power)
        // A million trillion of the magnitude and up: `1.003e299B`, not three hundred digits.
        if abs(v) >= ValueFormatter.scientificMoney { return (scientific(v), letter) }
        // At most 17 digits: a double has no more, and `Int` of a larger logarithm could trap.
        let digits = max(moneyDigits, Int(min(Math.log10(max(abs(v), 1)), 16)) + 1)
        return (localized(NumberFormat.grouped(NumberFormat.significant(v, digits))), letter)
    }

    private func scientific(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return x == 0 ? "0" : ValueFormatter.nonFinite(x) }
        let exponent = Int(Math.log10(abs(x)).rounded(.down))
        let mantissa = x / NumberFormat.power10(exponent)
        return localized(NumberFormat.significant(mantissa, moneyDigits)) + "e" + String(exponent)
    }

    // MARK: - French

    var french: Bool { locale.isFrench }

    /// English digits (`1,400.5`) written in the locale: in French `1 400,5`.
    func localized(_ digits: String) -> String {
        french ? NumberFormat.frenchDigits(digits) : digits
    }

    /// `157 Md$`, `6,6 Md$`, `1 400 Md$`, `500 M$`, `6 250 $`, `12,5 $`, `-74 Md$`, `6,6 Md CHF`:
    /// the sign first, then the digits, a no-break space, the magnitude and the currency sign.
    private func frenchMoney(_ x: Double, currency: String, display: Display) -> String {
        let magnitude = abs(x)
        var number: String
        var letter = ""
        let rounded = NumberFormat.roundSignificant(magnitude, moneyDigits)
        if magnitude >= ValueFormatter.scientificMoney, display == .auto {
            number = scientific(magnitude)
        } else if case .magnitude(let p) = display {
            (number, letter) = scaledParts(magnitude, power: p)
        } else if let power = NumberFormat.frenchPower(for: rounded) {
            number = localized(NumberFormat.grouped(NumberFormat.significant(rounded / NumberFormat.power10(power), moneyDigits)))
            letter = NumberFormat.frenchLetter(forPower: power)
        } else if magnitude.rounded() >= 100 {
            number = localized(NumberFormat.grouped(NumberFormat.fixed(magnitude, 0)))
        } else {
            number = localized(NumberFormat.fixedTrimmed(magnitude, 2))
        }
        let negative = x < 0 && number.contains(where: { $0 != "0" && $0.isNumber })
        let sign = negative ? "-" : ""
        let space = FrenchSpace.noBreak
        if let symbol = ValueFormatter.symbols[currency] {
            return sign + number + space + letter + symbol
        }
        return sign + number + space + (letter.isEmpty ? "" : letter + space) + currency
    }

    /// `107,692`, `4,4 Md`, `1 400 Md`: as in English, with `Md` for 10^9 and above.
    private func frenchPlain(_ x: Double) -> String {
        let rounded = NumberFormat.roundSignificant(abs(x), moneyDigits)
        guard let power = NumberFormat.frenchPower(for: rounded) else {
            return localized(NumberFormat.significant(x, plainDigits))
        }
        let body = localized(NumberFormat.grouped(NumberFormat.significant(rounded / NumberFormat.power10(power), moneyDigits)))
            + FrenchSpace.noBreak + NumberFormat.frenchLetter(forPower: power)
        return x < 0 ? "-" + body : body
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

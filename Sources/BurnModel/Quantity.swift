// Quantity: a number with a unit (money in a currency, GW, months) and a display hint.

/// Why two quantities could not be combined.
public enum UnitError: Error, Sendable, Equatable {
    /// Adding, subtracting or comparing unlike units: `$1B + 10 GW`.
    case mismatch(operation: String, Unit, Unit)
    /// Two currencies and no declared rate between them.
    case noRate(from: String, to: String)
    /// A power whose exponent has a unit, or a fractional power of a unit.
    case badPower(Unit)

    public var message: String {
        switch self {
        case .mismatch(let op, let a, let b):
            return "cannot \(op) \(a.description) and \(b.description)"
        case .noRate(let from, let to):
            return "no exchange rate from \(from) to \(to)"
        case .badPower(let u):
            return "cannot raise \(u.description) to this power"
        }
    }

    public var hint: String? {
        switch self {
        case .mismatch: return "both sides need the same unit; use `as` to convert between compatible units"
        case .noRate(let from, let to): return "declare one: `rate \(from) = ... \(to)`"
        case .badPower: return "exponents must be plain numbers, and units can only be raised to whole powers"
        }
    }
}

public struct Quantity: Sendable, Hashable {
    /// The amount, in `unit` as written (10 GW is 10 with unit GW).
    public var value: Double
    public var unit: Unit
    public var display: Display

    public init(_ value: Double, _ unit: Unit = .none, display: Display = .auto) {
        self.value = value
        self.unit = unit
        self.display = display
    }

    public static func money(_ value: Double, _ currency: String = "USD") -> Quantity {
        Quantity(value, .money(currency))
    }

    public var isPlain: Bool { unit.isNone }

    // MARK: - Arithmetic

    /// `self + other` (or `-` when `negate`); a plain number takes the other side's unit.
    public func adding(_ other: Quantity, negate: Bool = false, rates: Rates, year: Int? = nil) throws -> Quantity {
        let rhs = try other.converted(toMatch: self, operation: negate ? "subtract" : "add", rates: rates, year: year)
        let unit = unit.isNone ? rhs.unit : unit
        let value = negate ? value - rhs.value : value + rhs.value
        return Quantity(value, unit, display: Quantity.combine(display, other.display))
    }

    public func multiplied(by other: Quantity) -> Quantity {
        let (unit, factor) = unit.multiplied(by: other.unit)
        return Quantity(value * other.value * factor, unit, display: productDisplay(other, unit))
    }

    public func divided(by other: Quantity, rates: Rates, year: Int? = nil) -> Quantity {
        // A plain number over money is a ratio of two amounts (`1.4T / $13B`), not "per dollar".
        if unit.isNone, display == .auto, other.unit.isMoney {
            return Quantity(value, other.unit).divided(by: other, rates: rates, year: year)
        }
        var rhs = other
        // Money over money in two currencies: bring the divisor into our currency when a rate exists.
        if unit.moneyPower != 0, other.unit.moneyPower != 0,
           let mine = unit.currency, let theirs = other.unit.currency, mine != theirs,
           let rate = rates.rate(from: theirs, to: mine, year: year) {
            rhs.value *= rate
            rhs.unit.currency = mine
        }
        let (unit, factor) = unit.multiplied(by: rhs.unit, power: -1)
        return Quantity(value / rhs.value * factor, unit, display: productDisplay(other, unit))
    }

    public func raised(to exponent: Quantity) throws -> Quantity {
        guard exponent.isPlain else { throw UnitError.badPower(exponent.unit) }
        if unit.isNone { return Quantity(Foundation_pow(value, exponent.value), .none) }
        let whole = exponent.value.rounded()
        guard whole == exponent.value, abs(whole) <= 16 else { throw UnitError.badPower(unit) }
        return Quantity(Foundation_pow(value, whole), unit.raised(to: Int(whole)))
    }

    /// -1, 0 or 1 comparing like quantities (a plain number compares with money as money).
    public func compare(_ other: Quantity, rates: Rates, year: Int? = nil) throws -> Int {
        let rhs = try other.converted(toMatch: self, operation: "compare", rates: rates, year: year)
        return value < rhs.value ? -1 : (value > rhs.value ? 1 : 0)
    }

    /// `other` expressed in this quantity's unit, for adding or comparing.
    public func converted(toMatch target: Quantity, operation: String, rates: Rates, year: Int?) throws -> Quantity {
        if unit.isNone || target.unit.isNone { return self }
        guard unit.isCompatible(with: target.unit) else { throw UnitError.mismatch(operation: operation, target.unit, unit) }
        var result = self
        result.value *= target.unit.scale(from: unit)
        if let from = unit.currency, let to = target.unit.currency, from != to {
            guard let rate = rates.rate(from: from, to: to, year: year) else { throw UnitError.noRate(from: from, to: to) }
            result.value *= Foundation_pow(rate, Double(unit.moneyPower))
        }
        result.unit = target.unit
        return result
    }

    /// This quantity in another currency (money only).
    public func inCurrency(_ code: String, rates: Rates, year: Int? = nil) throws -> Quantity {
        guard let from = unit.currency, unit.moneyPower != 0 else {
            return Quantity(value, Unit(currency: code, moneyPower: 1, factors: unit.factors))
        }
        if from == code { return self }
        guard let rate = rates.rate(from: from, to: code, year: year) else { throw UnitError.noRate(from: from, to: code) }
        var result = self
        result.value *= Foundation_pow(rate, Double(unit.moneyPower))
        result.unit.currency = code
        return result
    }

    // MARK: - Display hints

    /// The hint a sum keeps: the same hint on both sides, or the one hinted side.
    public static func combine(_ a: Display, _ b: Display) -> Display {
        if a == b { return a }
        if a == .auto { return b == .percent || b == .multiple ? b : .auto }
        if b == .auto { return a == .percent || a == .multiple ? a : .auto }
        return .auto
    }

    /// A product keeps a percent or multiple hint only when one side is a bare plain number.
    private func productDisplay(_ other: Quantity, _ result: Unit) -> Display {
        guard result.isNone else { return .auto }
        if other.display == .auto && other.isPlain && (display == .percent || display == .multiple) { return display }
        if display == .auto && isPlain && (other.display == .percent || other.display == .multiple) { return other.display }
        return .auto
    }
}

// `pow` without importing Foundation into every file.
@inline(__always) func Foundation_pow(_ a: Double, _ b: Double) -> Double {
    if b == 2 { return a * a }
    return _pow(a, b)
}

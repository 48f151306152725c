// Unit: the unit of a quantity — a currency (money), named units with powers, and a display hint.

/// A named unit the vocabulary knows: `GW` is 1e9 of the base unit `W`.
public struct UnitDefinition: Sendable, Hashable {
    /// The unit's name as written (`GW`).
    public var name: String
    /// The plural it also answers to (`months` for `month`); nil when it has none.
    public var plural: String?
    /// The base unit this one measures in (`W` for `GW`); a base unit names itself.
    public var base: String
    /// How many base units one of this unit is.
    public var scale: Double

    /// A unit `name` worth `scale` of the base unit `base`.
    public init(name: String, plural: String? = nil, base: String, scale: Double) {
        self.name = name
        self.plural = plural
        self.base = base
        self.scale = scale
    }
}

/// One named unit raised to a power, inside a compound unit (`km` in `$/km` has power -1).
public struct UnitFactor: Sendable, Hashable {
    /// The named unit.
    public var unit: UnitDefinition
    /// Its power in the compound unit (negative below the fraction bar).
    public var power: Int

    /// The unit `unit` raised to `power`.
    public init(_ unit: UnitDefinition, power: Int = 1) {
        self.unit = unit
        self.power = power
    }
}

/// How a dimensionless number asks to be shown.
public enum Display: Sendable, Hashable {
    case auto
    case percent
    case multiple
    /// A fixed magnitude suffix, from `as B`: the power of ten (3, 6, 9, 12).
    case magnitude(Int)
}

/// The unit of a quantity. Plain numbers have no currency and no factors.
public struct Unit: Sendable, Hashable {
    /// ISO code of the money dimension (`USD`), nil when the quantity is not money.
    public var currency: String?
    /// The power of money: 1 for money, -1 for "per dollar", 0 for none.
    public var moneyPower: Int
    /// Named units, sorted by base unit, no zero powers.
    public var factors: [UnitFactor]

    /// A unit with a money dimension in `currency` to `moneyPower`, times `factors`.
    public init(currency: String? = nil, moneyPower: Int = 0, factors: [UnitFactor] = []) {
        self.currency = currency
        self.moneyPower = moneyPower
        self.factors = factors
    }

    /// No unit: a plain number.
    public static let none = Unit()
    /// Money in `currency` (an ISO code such as `USD`).
    public static func money(_ currency: String) -> Unit { Unit(currency: currency, moneyPower: 1) }
    /// The named unit `definition`, to the power 1.
    public static func named(_ definition: UnitDefinition) -> Unit {
        Unit(factors: [UnitFactor(definition)])
    }

    /// True for a plain number (no money, no named unit).
    public var isNone: Bool { moneyPower == 0 && factors.isEmpty }
    /// Exactly money, with no other unit (`$3B`, not `$35B/GW`).
    public var isMoney: Bool { moneyPower == 1 && factors.isEmpty }

    /// Same dimension: same money power and the same base units with the same powers.
    public func isCompatible(with other: Unit) -> Bool {
        guard moneyPower == other.moneyPower, factors.count == other.factors.count else { return false }
        for (a, b) in zip(factors, other.factors) where a.unit.base != b.unit.base || a.power != b.power {
            return false
        }
        return true
    }

    /// The factor by which a value in `other` must be multiplied to be in this unit
    /// (both compatible; currencies are the caller's business).
    public func scale(from other: Unit) -> Double {
        var factor = 1.0
        for (mine, theirs) in zip(factors, other.factors) where mine.unit.name != theirs.unit.name {
            factor *= pow10Ratio(theirs.unit.scale / mine.unit.scale, power: mine.power)
        }
        return factor
    }

    /// The product of two units and the numeric factor the product's value needs
    /// (units of the same base merge into the left one's unit).
    public func multiplied(by other: Unit, power sign: Int = 1) -> (unit: Unit, factor: Double) {
        var result = self
        var factor = 1.0
        result.moneyPower += sign * other.moneyPower
        if result.currency == nil { result.currency = other.currency }
        for theirs in other.factors {
            if let i = result.factors.firstIndex(where: { $0.unit.base == theirs.unit.base }) {
                let mine = result.factors[i].unit
                factor *= pow10Ratio(theirs.unit.scale / mine.scale, power: sign * theirs.power)
                result.factors[i].power += sign * theirs.power
            } else {
                result.factors.append(UnitFactor(theirs.unit, power: sign * theirs.power))
            }
        }
        result.factors.removeAll { $0.power == 0 }
        result.factors.sort { $0.unit.base < $1.unit.base }
        if result.moneyPower == 0 { result.currency = nil }
        return (result, factor)
    }

    /// This unit raised to an integer power.
    public func raised(to power: Int) -> Unit {
        var result = self
        result.moneyPower *= power
        for i in result.factors.indices { result.factors[i].power *= power }
        result.factors.removeAll { $0.power == 0 }
        if result.moneyPower == 0 { result.currency = nil }
        return result
    }

    /// A short description for error messages: `money (USD)`, `GW`, `$/km`, `a plain number`.
    public var description: String {
        if isNone { return "a plain number" }
        var parts: [String] = []
        if moneyPower != 0 { parts.append(moneyPower == 1 ? "money (\(currency ?? "?"))" : "money^\(moneyPower)") }
        for f in factors { parts.append(f.power == 1 ? f.unit.name : "\(f.unit.name)^\(f.power)") }
        return parts.joined(separator: "·")
    }
}

private func pow10Ratio(_ ratio: Double, power: Int) -> Double {
    var r = 1.0
    for _ in 0..<abs(power) { r *= ratio }
    return power < 0 ? 1 / r : r
}

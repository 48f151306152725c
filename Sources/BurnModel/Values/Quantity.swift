// Quantity: a number with a unit (money in a currency, GW, months) and a display hint.

/// Why two quantities could not be combined.
public enum UnitError: Error, Sendable, Equatable {
    /// Adding, subtracting or comparing unlike units: `$1B + 10 GW`.
    case mismatch(operation: String, Unit, Unit)
    /// Two currencies and no declared rate between them.
    case noRate(from: String, to: String)
    /// A power whose exponent has a unit, or a fractional power of a unit.
    case badPower(Unit)
    /// An operation the table of arithmetic refuses (`$2B * $3B`, `$1B + 10%`): `KindArithmetic`.
    case meaningless(message: String, hint: String)

    /// What went wrong, as a diagnostic's message.
    public var message: String {
        switch self {
        case .mismatch(let op, let a, let b):
            return "cannot \(op) \(a.description) and \(b.description)"
        case .noRate(let from, let to):
            return "no exchange rate from \(from) to \(to)"
        case .badPower(let u):
            return "cannot raise \(u.description) to this power"
        case .meaningless(let message, _):
            return message
        }
    }

    /// How to fix it, as a diagnostic's `help:` line; nil when there is no advice.
    public var hint: String? {
        switch self {
        case .mismatch: return "both sides need the same unit; use `as` to convert between compatible units"
        case .noRate(let from, let to): return "declare one: `rate \(from) = ... \(to)`"
        case .badPower: return "exponents must be plain numbers, and units can only be raised to whole powers"
        case .meaningless(_, let hint): return hint
        }
    }
}

/// A number with a unit (money in a currency, GW, months, none) and a display hint; certain, or uncertain
/// with `draws`.
public struct Quantity: Sendable, Hashable {
    /// The amount, in `unit` as written (10 GW is 10 with unit GW). NaN when the quantity is
    /// uncertain: its amounts are then `draws`.
    public var value: Double
    /// The unit the amount is in; `.none` for a plain number.
    public var unit: Unit
    /// How the quantity prints (a percentage, a multiple, or chosen from the unit).
    public var display: Display
    /// The draws of an uncertain quantity, nil when it is certain.
    public var draws: Draws?

    /// A certain quantity: `value` in `unit`, printed as `display` says.
    public init(_ value: Double, _ unit: Unit = .none, display: Display = .auto) {
        self.value = value
        self.unit = unit
        self.display = display
    }

    /// An uncertain quantity.
    public init(draws: Draws, _ unit: Unit = .none, display: Display = .auto) {
        self.value = .nan
        self.unit = unit
        self.display = display
        self.draws = draws
    }

    /// An amount of money in `currency` (USD by default).
    public static func money(_ value: Double, _ currency: String = "USD") -> Quantity {
        Quantity(value, .money(currency))
    }

    /// True when the quantity has no unit.
    public var isPlain: Bool { unit.isNone }
    /// True when the quantity is uncertain (it has draws).
    public var isUncertain: Bool { draws != nil }

    /// Certain and finite, or uncertain with no infinite draw (NaN draws have no value).
    public var isFinite: Bool { draws?.hasNoInfinity ?? value.isFinite }

    /// The same quantity with `unit` and `display` (keeping its amounts, certain or not).
    public func with(_ unit: Unit, display: Display? = nil) -> Quantity {
        var q = self
        q.unit = unit
        if let display { q.display = display }
        return q
    }

    // MARK: - Lane by lane

    /// `f` applied to the amount, or to every draw.
    @inlinable public func mapAmounts(_ f: (Double) -> Double) -> Quantity {
        var q = self
        if let d = draws { q.draws = d.map(f) } else { q.value = f(value) }
        return q
    }

    /// `f` applied to two amounts draw by draw; certain when both are. The result has `a`'s
    /// unit and display, for the caller to set.
    @inlinable public static func lanewise(_ a: Quantity, _ b: Quantity, _ f: (Double, Double) -> Double) -> Quantity {
        var q = a
        switch (a.draws, b.draws) {
        case (nil, nil):
            q.value = f(a.value, b.value)
        case (let x?, nil):
            let y = b.value
            q.draws = x.map { f($0, y) }
        case (nil, let y?):
            let x = a.value
            q.value = .nan
            q.draws = y.map { f(x, $0) }
        case (let x?, let y?):
            q.draws = Draws.zip(x, y, f)
        }
        return q
    }

    /// `(constant + Σ kᵢ·xᵢ) / divisor`, the amounts of an identity solved for one term,
    /// worked out in one pass when some xᵢ is uncertain. Plain, for the caller to give a unit.
    static func linear(_ constant: Double, _ terms: [(Double, Quantity)], divisor: Double) -> Quantity {
        var c = constant
        var uncertain: [LaneSum.Term] = []
        for (k, x) in terms {
            if let d = x.draws { uncertain.append(.draws(k, d)) } else { c += k * x.value }
        }
        // `+ 0` turns -0 into 0, which would print as "-$0".
        guard !uncertain.isEmpty else { return Quantity(c / divisor + 0) }
        return Quantity(draws: LaneSum(.constant(c), uncertain, divisor: divisor).evaluate())
    }

    /// The amounts times `k` (the same quantity when `k` is 1).
    public func scaled(by k: Double) -> Quantity {
        k == 1 ? self : mapAmounts { $0 * k }
    }

    // MARK: - Arithmetic (the kinds of results: `KindArithmetic`)

    /// How `other` joins a sum with `self` (`negate` for a difference): the factor that
    /// expresses it in the sum's unit, the sum's unit and its display. Throws when the table of
    /// arithmetic refuses the pair or the units do not match.
    public func sumTerm(_ other: Quantity, negate: Bool = false, rates: Rates, year: Int? = nil) throws
        -> (factor: Double, unit: Unit, display: Display) {
        let outcome = try KindArithmetic.check(negate ? .subtract : .add, self, other)
        let (k, rhsUnit) = try other.conversion(toMatch: self, operation: negate ? "subtract" : "add", rates: rates, year: year)
        return (negate ? -k : k, unit.isNone ? rhsUnit : unit, KindArithmetic.display(outcome))
    }

    /// `self + other` (or `-` when `negate`); a plain number takes the other side's unit.
    public func adding(_ other: Quantity, negate: Bool = false, rates: Rates, year: Int? = nil) throws -> Quantity {
        let (factor, unit, display) = try sumTerm(other, negate: negate, rates: rates, year: year)
        // Adding a certain zero changes nothing: no pass over the draws.
        if other.draws == nil, other.value == 0, draws != nil { return with(unit, display: display) }
        return Quantity.lanewise(self, other) { $0 + factor * $1 }.with(unit, display: display)
    }

    /// The product, with the units multiplied; throws when the arithmetic has no meaning (`$2B * $3B`).
    public func multiplied(by other: Quantity) throws -> Quantity {
        let outcome = try KindArithmetic.check(.multiply, self, other)
        let (unit, factor) = unit.multiplied(by: other.unit)
        try Quantity.refuseMoneyTwice(unit)
        return Quantity.lanewise(self, other) { $0 * $1 * factor }.with(unit, display: KindArithmetic.display(outcome))
    }

    /// Money may appear once in a product or quotient (`$2B * $3B` has no meaning).
    private static func refuseMoneyTwice(_ unit: Unit) throws {
        guard abs(unit.moneyPower) > 1, case .refused(let message, let hint) = KindArithmetic.moneyTimesMoney else { return }
        throw UnitError.meaningless(message: message, hint: hint)
    }

    /// The quotient, converting a divisor in another currency with `rates` (in `year`); throws when the
    /// arithmetic has no meaning or no rate exists.
    public func divided(by other: Quantity, rates: Rates, year: Int? = nil) throws -> Quantity {
        let outcome = try KindArithmetic.check(.divide, self, other)
        // A plain number over money is a ratio of two amounts (`1.4T / $13B`), not "per dollar".
        if NumberKind(self) == .plain, other.unit.isMoney {
            return try with(other.unit, display: .auto).divided(by: other, rates: rates, year: year)
        }
        var rhs = other
        var rate = 1.0
        // Money over money in two currencies: bring the divisor into our currency when a rate exists.
        if unit.moneyPower != 0, other.unit.moneyPower != 0,
           let mine = unit.currency, let theirs = other.unit.currency,
           mine != theirs {
            // Without a rate, `€2B / $1B` would silently read euros as dollars.
            guard let r = rates.rate(from: theirs, to: mine, year: year) else {
                throw UnitError.noRate(from: theirs, to: mine)
            }
            rate = r
            rhs.unit.currency = mine
        }
        let (unit, factor) = unit.multiplied(by: rhs.unit, power: -1)
        try Quantity.refuseMoneyTwice(unit)
        return Quantity.lanewise(self, other) { $0 / ($1 * rate) * factor }.with(unit, display: KindArithmetic.display(outcome))
    }

    /// The quantity to the power `exponent`, a plain number (whole for a quantity with a unit); throws
    /// otherwise.
    public func raised(to exponent: Quantity) throws -> Quantity {
        let outcome = try KindArithmetic.check(.power, self, exponent)
        guard exponent.isPlain else { throw UnitError.badPower(exponent.unit) }
        if unit.isNone {
            return Quantity.lanewise(self, exponent) { Foundation_pow($0, $1) }.with(.none, display: KindArithmetic.display(outcome))
        }
        let whole = exponent.value.rounded()
        guard exponent.draws == nil, whole == exponent.value, abs(whole) <= 16 else { throw UnitError.badPower(unit) }
        return mapAmounts { Foundation_pow($0, whole) }.with(unit.raised(to: Int(whole)), display: .auto)
    }

    /// -1, 0 or 1 comparing like quantities (a plain number compares with money as money).
    /// Both must be certain; `compareDraws` compares uncertain ones draw by draw.
    public func compare(_ other: Quantity, rates: Rates, year: Int? = nil) throws -> Int {
        try KindArithmetic.check(.compare, self, other)
        let rhs = try other.converted(toMatch: self, operation: "compare", rates: rates, year: year)
        return value < rhs.value ? -1 : (value > rhs.value ? 1 : 0)
    }

    /// A condition draw by draw (1 where `holds(order)` for that draw, else 0); a draw with no
    /// value on either side meets no condition, except on a side marked `late`: a year search's
    /// draw without a year is later than every year there (+infinity), read so as it is
    /// compared rather than copied first (a million draws are 8 MB of fresh memory).
    public func compareDraws(_ other: Quantity, rates: Rates, year: Int? = nil, late: (Bool, Bool) = (false, false),
                             _ holds: (_ order: Int) -> Bool) throws -> Quantity {
        try KindArithmetic.check(.compare, self, other)
        let (k, _) = try other.conversion(toMatch: self, operation: "compare", rates: rates, year: year)
        let yes = holds(-1) ? 1.0 : 0, same = holds(0) ? 1.0 : 0, no = holds(1) ? 1.0 : 0
        @inline(__always) func order(_ x: Double, _ z: Double) -> Double {
            x < z ? yes : (x > z ? no : (x == z ? same : 0))
        }
        let condition: Quantity
        switch late {
        case (false, false): condition = Quantity.lanewise(self, other) { x, y in order(x, y * k) }
        case (true, false): condition = Quantity.lanewise(self, other) { x, y in order(x.isNaN ? .infinity : x, y * k) }
        case (false, true): condition = Quantity.lanewise(self, other) { x, y in order(x, (y.isNaN ? .infinity : y) * k) }
        case (true, true):
            condition = Quantity.lanewise(self, other) { x, y in order(x.isNaN ? .infinity : x, (y.isNaN ? .infinity : y) * k) }
        }
        return condition.with(.none, display: .auto)
    }

    /// `self` expressed in `target`'s unit, for adding or comparing.
    public func converted(toMatch target: Quantity, operation: String, rates: Rates, year: Int?) throws -> Quantity {
        let (k, unit) = try conversion(toMatch: target, operation: operation, rates: rates, year: year)
        return scaled(by: k).with(unit)
    }

    /// The factor that expresses this quantity in `target`'s unit, and that unit. A plain
    /// number on either side takes no conversion.
    public func conversion(toMatch target: Quantity, operation: String, rates: Rates, year: Int?) throws -> (Double, Unit) {
        if unit.isNone || target.unit.isNone { return (1, unit) }
        guard unit.isCompatible(with: target.unit) else { throw UnitError.mismatch(operation: operation, target.unit, unit) }
        var k = target.unit.scale(from: unit)
        if let from = unit.currency, let to = target.unit.currency, from != to {
            guard let rate = rates.rate(from: from, to: to, year: year) else { throw UnitError.noRate(from: from, to: to) }
            k *= Foundation_pow(rate, Double(unit.moneyPower))
        }
        return (k, target.unit)
    }

    /// This quantity in another currency (money only).
    public func inCurrency(_ code: String, rates: Rates, year: Int? = nil) throws -> Quantity {
        guard let from = unit.currency, unit.moneyPower != 0 else {
            return with(Unit(currency: code, moneyPower: 1, factors: unit.factors))
        }
        if from == code { return self }
        guard let rate = rates.rate(from: from, to: code, year: year) else { throw UnitError.noRate(from: from, to: code) }
        var result = scaled(by: Foundation_pow(rate, Double(unit.moneyPower)))
        result.unit.currency = code
        return result
    }

}

// `pow` without importing Foundation into every file.
@inline(__always) func Foundation_pow(_ a: Double, _ b: Double) -> Double {
    if b == 2 { return a * a }
    return _pow(a, b)
}

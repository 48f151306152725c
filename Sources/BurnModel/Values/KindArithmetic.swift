// KindArithmetic: the one table of arithmetic. For every operator and every pair of kinds of
// number it decides the kind of the result (and so how it prints), or why the operation has no
// meaning. Every arithmetic path asks it: `Quantity`'s operators (certain and uncertain alike,
// since an uncertain number is a quantity with draws), the interpreter's years, and the sums
// of `SumNode`. The fast paths for two plain numbers (`ArithmeticNode`, `ArithmeticConstantNode`)
// are its plain-with-plain row: a plain number.

/// What a number is, as far as arithmetic is concerned (LANGUAGE.md section 2). An uncertain
/// number has the kind of its draws.
public enum NumberKind: String, Sendable, CaseIterable {
    /// A number with no unit and no percent or multiple display (`as B` is still plain).
    case plain
    /// A share, a rate or a margin: `25%` is 0.25 shown as a percent.
    case percent
    /// A factor: `3x` is 3 shown as a multiple.
    case multiple
    /// Money in a currency, and nothing else: `$3.7B`.
    case money
    /// A unit with money in it other than plain money: `$35B/GW`, `$6,250/km` (and the rarer
    /// compounds the unit algebra makes, `$80B GW`, `GW/USD`).
    case moneyPerUnit
    /// Named units with no money: `10 GW`, `18 months`, `80M km`.
    case unit
    /// A calendar year (`year` in a formula, a break-even year); a value of the interpreter.
    case year

    /// The kind of a quantity (never `.year`: years are not quantities).
    public init(_ q: Quantity) {
        if q.unit.isNone {
            switch q.display {
            case .percent: self = .percent
            case .multiple: self = .multiple
            default: self = .plain
            }
        } else if q.unit.isMoney {
            self = .money
        } else {
            self = q.unit.moneyPower != 0 ? .moneyPerUnit : .unit
        }
    }

    /// `a percentage`, `money`: for messages.
    public var phrase: String {
        switch self {
        case .plain: return "a plain number"
        case .percent: return "a percentage"
        case .multiple: return "a multiple"
        case .money: return "money"
        case .moneyPerUnit: return "money per unit"
        case .unit: return "a quantity with a unit"
        case .year: return "a year"
        }
    }

    /// Plain, percent or multiple: a number with no unit.
    public var isDimensionless: Bool { self == .plain || self == .percent || self == .multiple }
}

/// The operators the table covers.
public enum KindOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^", compare = "<"

    var verb: String {
        switch self {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .divide: return "divide"
        case .power: return "raise"
        case .compare: return "compare"
        }
    }
}

/// What an operation on two kinds gives.
public enum KindOutcome: Sendable, Equatable {
    /// A number with no unit, shown as this (`.auto`, `.percent` or `.multiple`).
    case dimensionless(Display)
    /// What the unit algebra gives: money, money per unit, a unit, or a plain number when the
    /// units cancel; an error when the units do not match (`$1B + 10 GW`). Shown plainly.
    case units
    /// A year.
    case year
    /// A comparison that has a meaning (its value is a boolean or a condition).
    case comparable
    /// No meaning: the message and a hint that says what to write instead.
    case refused(message: String, hint: String)
}

/// The arithmetic of number kinds (plain, money, percent, multiple, unit): which operations have a meaning,
/// and what kind the result is.
public enum KindArithmetic {
    /// The table: the outcome of `lhs OP rhs` for two kinds.
    public static func outcome(_ op: KindOperator, _ lhs: NumberKind, _ rhs: NumberKind) -> KindOutcome {
        if lhs == .year || rhs == .year { return yearOutcome(op, lhs, rhs) }
        switch op {
        case .add, .subtract: return sum(op, lhs, rhs)
        case .multiply: return product(lhs, rhs)
        case .divide: return quotient(lhs, rhs)
        case .power: return power(lhs, rhs)
        case .compare: return comparison(lhs, rhs)
        }
    }

    // MARK: - + and -

    /// Like kinds keep their kind: `40% + 10%` is `50%`, `2x + 1x` is `3x`, `$3B + $2B` is
    /// money. A plain number joins a percent or a multiple as a plain number: `1 + 20%` is the
    /// factor 1.2, not "120%" (the display follows the meaning, never the other side's display);
    /// a percent and a multiple together are plain for the same reason. A plain number joins
    /// money or a unit in that unit (`revenue - 10B`, LANGUAGE.md section 2). A percent or a
    /// multiple added to money or to a unit has no meaning (`$1B + 10%` is not "10% more"): an
    /// error that shows the product to write.
    static func sum(_ op: KindOperator, _ lhs: NumberKind, _ rhs: NumberKind) -> KindOutcome {
        switch (lhs, rhs) {
        case (.percent, .percent): return .dimensionless(.percent)
        case (.multiple, .multiple): return .dimensionless(.multiple)
        case _ where lhs.isDimensionless && rhs.isDimensionless: return .dimensionless(.auto)
        case (.percent, _), (_, .percent), (.multiple, _), (_, .multiple):
            let ratio = lhs == .percent || rhs == .percent ? NumberKind.percent : .multiple
            let example = ratio == .percent
                ? (op == .add ? "`x * (1 + 10%)`" : "`x * (1 - 10%)`")
                : "`x * 2x`"
            let what = op == .add ? "add \(lhs.phrase) and \(rhs.phrase)" : "subtract \(rhs.phrase) from \(lhs.phrase)"
            return .refused(message: "cannot \(what)",
                            hint: "\(ratio.phrase) scales an amount: to change it by a share or a factor, multiply: \(example)")
        default:
            // Money, money per unit and units with each other or with a plain number.
            return .units
        }
    }

    // MARK: - *

    /// A percent or a multiple scales what it multiplies and takes its kind: `20 * 25%` is the
    /// plain `5`, `$8B * 10%` is `$800M`, `10 GW * 50%` is `5 GW`. Two percents give a percent
    /// (a share of a share: `40% * 50%` is `20%`), two multiples a multiple (`2x * 3x` is `6x`),
    /// and a percent times a multiple a percent (a share scaled: `40% * 2x` is `80%`). Units
    /// multiply by the unit algebra (`10 GW * $35B/GW` is money), but money may appear once:
    /// money times money has no meaning.
    static func product(_ lhs: NumberKind, _ rhs: NumberKind) -> KindOutcome {
        switch (lhs, rhs) {
        case (.plain, .plain), (.plain, .percent), (.percent, .plain), (.plain, .multiple), (.multiple, .plain):
            return .dimensionless(.auto)
        case (.percent, .percent), (.percent, .multiple), (.multiple, .percent):
            return .dimensionless(.percent)
        case (.multiple, .multiple):
            return .dimensionless(.multiple)
        case (.money, .money), (.money, .moneyPerUnit), (.moneyPerUnit, .money), (.moneyPerUnit, .moneyPerUnit):
            return moneyTimesMoney
        default:
            return .units
        }
    }

    static let moneyTimesMoney = KindOutcome.refused(
        message: "cannot multiply money by money",
        hint: "money times money has no meaning: multiply money by a number, a percent or a multiple (`$8B * 10%`), or divide two amounts for a ratio (`$6B / $2B`)")

    // MARK: - /

    /// Dividing by a plain number, a percent or a multiple keeps the left side's kind
    /// (`$8B / 4x` is `$2B`, `6x / 2` is `3x`, `80% / 2x` is `40%`, `2x / 50%` is `4x`), except
    /// that a plain number stays plain (`10 / 50%` is `20`). Two like ratios give a plain ratio
    /// (`50% / 25%` is `2`, `6x / 2x` is `3`), as money over money does (`$157B / $3.7B`). A
    /// plain number over money is a ratio of two amounts (`1.4T / $13B`); a percent or a
    /// multiple over money has no meaning. Units divide by the unit algebra (`$350B / 10 GW` is
    /// `$35B/GW`), money appearing at most once.
    static func quotient(_ lhs: NumberKind, _ rhs: NumberKind) -> KindOutcome {
        switch (lhs, rhs) {
        case (.plain, .plain), (.plain, .percent), (.plain, .multiple), (.percent, .percent), (.multiple, .multiple):
            return .dimensionless(.auto)
        case (.percent, .plain), (.percent, .multiple):
            return .dimensionless(.percent)
        case (.multiple, .plain), (.multiple, .percent):
            return .dimensionless(.multiple)
        case (.percent, .money), (.percent, .moneyPerUnit), (.multiple, .money), (.multiple, .moneyPerUnit):
            return .refused(message: "cannot divide \(lhs.phrase) by \(rhs.phrase)",
                            hint: "divide money by money for a ratio (`$6.6B / $157B as %`), or multiply money by \(lhs.phrase)")
        default:
            return .units
        }
    }

    // MARK: - ^

    /// A power keeps the base's kind: `50% ^ 2` is `25%` (a share of a share), `1.5x ^ 3` is
    /// `3.38x` (a factor applied three times), a plain number stays plain. The exponent is a
    /// number with no unit; a percent or a multiple as exponent counts as its number
    /// (`2 ^ 50%` is the square root of 2). A unit may be raised to a whole power (`(10 km) ^ 2`);
    /// money may not: money squared has no meaning (compound a growth factor instead).
    static func power(_ base: NumberKind, _ exponent: NumberKind) -> KindOutcome {
        guard exponent.isDimensionless else {
            return .refused(message: "cannot raise to \(exponent.phrase)",
                            hint: "an exponent is a plain number: `(1 + 20%) ^ 3`")
        }
        switch base {
        case .plain: return .dimensionless(.auto)
        case .percent: return .dimensionless(.percent)
        case .multiple: return .dimensionless(.multiple)
        case .money, .moneyPerUnit:
            return .refused(message: "cannot raise \(base.phrase) to a power",
                            hint: "money to a power has no meaning: raise the growth factor instead, `$3.7B * (1 + 50%) ^ 3`")
        case .unit, .year: return .units
        }
    }

    // MARK: - comparisons

    /// Numbers with no unit compare by their value (`margin > 0.5`, `2x > 150%`); a plain number
    /// compares with money or a unit in that unit (`revenue > 10B`); money and units compare by
    /// the unit algebra (`$1B < €2B` with a rate; `$1B < 10 GW` is an error). A percent or a
    /// multiple against money or a unit has no meaning (`revenue > 10%`).
    static func comparison(_ lhs: NumberKind, _ rhs: NumberKind) -> KindOutcome {
        let hasRatio = lhs == .percent || lhs == .multiple || rhs == .percent || rhs == .multiple
        if hasRatio, !(lhs.isDimensionless && rhs.isDimensionless) {
            return .refused(message: "cannot compare \(lhs.phrase) with \(rhs.phrase)",
                            hint: "compare like with like: an amount with an amount (`revenue > 10B`), a share with a share (`margin > 10%`)")
        }
        return .comparable
    }

    // MARK: - years

    /// A year moves by a plain number of years (`year + 1`, `2 + year`) and two years are apart
    /// by a plain number (`2030 - year`, `breakeven - 2024`); the interpreter reads
    /// a whole plain number from 1900 to 2200 beside a year in a subtraction as a year (LANGUAGE.md
    /// section 1's range), so `year - 2024` is a count of years. Years compare with years and
    /// plain numbers. Any other arithmetic on a year (adding two years, a year times anything, a
    /// year plus money or a percent) has no meaning.
    static func yearOutcome(_ op: KindOperator, _ lhs: NumberKind, _ rhs: NumberKind) -> KindOutcome {
        switch (op, lhs, rhs) {
        case (.add, .year, .plain), (.add, .plain, .year), (.subtract, .year, .plain):
            return .year
        case (.subtract, .year, .year):
            return .dimensionless(.auto)
        case (.subtract, .plain, .year):
            return .refused(message: "cannot subtract a year from a plain number",
                            hint: "subtract two years for the years between: `2030 - year`")
        case (.add, .year, .year):
            return .refused(message: "cannot add two years",
                            hint: "subtract them for the years between (`2030 - year`), or add a number of years (`year + 2`)")
        case (.compare, .year, .year), (.compare, .year, .plain), (.compare, .plain, .year):
            return .comparable
        case (.add, _, _), (.subtract, _, _), (.compare, _, _):
            let what = op == .subtract ? "subtract \(rhs.phrase) from \(lhs.phrase)"
                : op == .add ? "add \(lhs.phrase) and \(rhs.phrase)" : "compare \(lhs.phrase) with \(rhs.phrase)"
            return .refused(message: "cannot \(what)",
                            hint: "a year moves by a plain number of years: `year + 1`")
        default:
            return .refused(message: "cannot \(op.verb) a year",
                            hint: "subtract a year first for a number of years: `(year - 2024) * 5%`")
        }
    }

    // MARK: - Quantities

    /// The outcome for two quantities, thrown as a `UnitError` when refused.
    @discardableResult
    public static func check(_ op: KindOperator, _ a: Quantity, _ b: Quantity) throws -> KindOutcome {
        let outcome = outcome(op, NumberKind(a), NumberKind(b))
        if case .refused(let message, let hint) = outcome { throw UnitError.meaningless(message: message, hint: hint) }
        return outcome
    }

    /// The display of a result: the table's for a number with no unit, plain for units (a
    /// result whose units cancel, `$157B / $3.7B`, is a plain ratio).
    static func display(_ outcome: KindOutcome) -> Display {
        if case .dimensionless(let d) = outcome { return d }
        return .auto
    }

    /// The display an `if` keeps when it chooses between two values (not arithmetic: a choice
    /// shows as what was chosen): the same display on both sides, or the one hinted side when
    /// the other is a bare number (`if c then 50% else 0` shows a percent).
    public static func choiceDisplay(_ a: Display, _ b: Display) -> Display {
        if a == b { return a }
        if a == .auto { return b == .percent || b == .multiple ? b : .auto }
        if b == .auto { return a == .percent || a == .multiple ? a : .auto }
        return .auto
    }
}

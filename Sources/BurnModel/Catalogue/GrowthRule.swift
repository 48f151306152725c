// GrowthRule: how a metric grows in years with no fact (`revenue grows 50% per year`).

/// A rule for the years a metric has no fact. Later rules win where they overlap.
public struct GrowthRule {
    /// How the rule makes the metric grow.
    public enum Kind: Sendable, Hashable {
        /// `grows 50% per year [from Y1] [until Y2]`: each year is the year before times
        /// (1 + rate). With no `from`, it starts the year after the metric's first known value
        /// (a fact, or one the identities give from the facts of that year).
        /// The rate is a plain number, certain or uncertain; `grows 3x per year` is kept as
        /// the rate 2 (see `grows(factor:from:until:)`).
        case perYear(rate: Quantity, from: Int?, until: Int?)
        /// `grows 3.1x in 2025`: that year is the year before times the factor;
        /// `grows 50% in 2025` is kept as the factor 1.5 (see `grows(rate:in:)`).
        case factor(Quantity, in: Int)
        /// `reaches 98.7B in 2028`: that year is the value, and the years since the last
        /// known one grow at one constant rate.
        case reaches(Quantity, in: Int)
    }

    /// How the rule makes the metric grow.
    public var kind: Kind
    /// Where the rule is declared.
    public var at: SourceRef?

    /// A rule of `kind`, declared at `at`.
    public init(_ kind: Kind, at: SourceRef? = nil) {
        self.kind = kind
        self.at = at
    }

    /// `grows 50% per year from 2026 until 2030`.
    public static func grows(_ rate: Double, from: Int? = nil, until: Int? = nil, at: SourceRef? = nil) -> GrowthRule {
        grows(Quantity(rate), from: from, until: until, at: at)
    }

    /// `grows 50% to 70% per year`: a rate that may be uncertain.
    public static func grows(_ rate: Quantity, from: Int? = nil, until: Int? = nil, at: SourceRef? = nil) -> GrowthRule {
        GrowthRule(.perYear(rate: rate, from: from, until: until), at: at)
    }

    /// `grows 3.1x in 2025`.
    public static func grows(factor: Double, in year: Int, at: SourceRef? = nil) -> GrowthRule {
        grows(factor: Quantity(factor), in: year, at: at)
    }

    /// `grows 2x to 4x in 2025`: a factor that may be uncertain.
    public static func grows(factor: Quantity, in year: Int, at: SourceRef? = nil) -> GrowthRule {
        GrowthRule(.factor(factor, in: year), at: at)
    }

    /// `grows 3x per year`: a factor each year, kept as the rate `factor - 1`.
    public static func grows(factor: Quantity, from: Int? = nil, until: Int? = nil, at: SourceRef? = nil) -> GrowthRule {
        grows(factor.mapAmounts { $0 - 1 }, from: from, until: until, at: at)
    }

    /// `grows 50% in 2025`: a rate for one year, kept as the factor `1 + rate`.
    public static func grows(rate: Quantity, in year: Int, at: SourceRef? = nil) -> GrowthRule {
        grows(factor: rate.mapAmounts { 1 + $0 }, in: year, at: at)
    }

    /// The uncertain numbers the rule holds (its rate, factor or target).
    var draws: Draws? {
        switch kind {
        case .perYear(let q, _, _), .factor(let q, _), .reaches(let q, _): return q.draws
        }
    }

    /// `reaches 98.7B in 2028`.
    public static func reaches(_ value: Quantity, in year: Int, at: SourceRef? = nil) -> GrowthRule {
        GrowthRule(.reaches(value, in: year), at: at)
    }
}

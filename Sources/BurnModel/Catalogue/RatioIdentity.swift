// RatioIdentity: `margin = operating_income / revenue`, a ratio that holds in every year and solves all three ways.

/// `ratio = numerator / denominator` in every year, for every company: given any two of the
/// three metrics the third is derived (`revenue = operating_income / margin`). Where the
/// division has no value (a zero revenue for the margin, a zero margin for the revenue) the
/// identity gives none.
public struct RatioIdentity: Sendable, Hashable {
    /// The ratio metric (`margin`).
    public var ratio: String
    /// The metric above the fraction bar (`operating_income`).
    public var numerator: String
    /// The metric below the fraction bar (`revenue`).
    public var denominator: String
    /// Where the identity is declared; nil for a built-in one.
    public var at: SourceRef?

    /// `RatioIdentity("margin", "operating_income", "revenue")`: margin = operating_income / revenue.
    public init(_ ratio: String, _ numerator: String, _ denominator: String, at: SourceRef? = nil) {
        self.ratio = ratio
        self.numerator = numerator
        self.denominator = denominator
        self.at = at
    }

    /// The three metrics, in the order ratio, numerator, denominator.
    public var metrics: [String] { [ratio, numerator, denominator] }

    /// The identity solved for one of its metrics: `revenue = operating_income / margin`.
    public func solved(for metric: String) -> String {
        switch metric {
        case numerator: return "\(numerator) = \(ratio) * \(denominator)"
        case denominator: return "\(denominator) = \(numerator) / \(ratio)"
        default: return description
        }
    }

    /// `margin = operating_income / revenue`.
    public var description: String { "\(ratio) = \(numerator) / \(denominator)" }
}

/// An identity of either form, as the model keeps it and `explain` names it.
public enum AnyIdentity: Sendable, Hashable {
    /// `operating_income = revenue - costs`.
    case linear(Identity)
    /// `margin = operating_income / revenue`.
    case ratio(RatioIdentity)

    /// The identity solved for one of its metrics: `costs = revenue - operating_income`.
    public func solved(for metric: String) -> String {
        switch self {
        case .linear(let identity): return identity.solved(for: metric)
        case .ratio(let identity): return identity.solved(for: metric)
        }
    }

    /// The identity as written: `operating_income - revenue + costs = 0`, `margin = operating_income /
    /// revenue`.
    public var description: String {
        switch self {
        case .linear(let identity): return identity.description
        case .ratio(let identity): return identity.description
        }
    }

    /// Where the identity was declared.
    public var at: SourceRef? {
        switch self {
        case .linear(let identity): return identity.at
        case .ratio(let identity): return identity.at
        }
    }
}

/// A ratio identity's metrics as catalogue positions.
struct ResolvedRatio {
    var ratio: Int
    var numerator: Int
    var denominator: Int

    /// Which of the three a metric is.
    enum Role { case ratio, numerator, denominator }

    func role(of metric: Int) -> Role? {
        if metric == ratio { return .ratio }
        if metric == numerator { return .numerator }
        if metric == denominator { return .denominator }
        return nil
    }
}

// MetricDecl: a metric of the catalogue (revenue, cash...) as the language declares it.

/// A flow is an amount per year (revenue); a stock is a balance at year end (cash).
public enum MetricKind: Sendable, Hashable {
    case flow
    case stock
}

/// What a metric's values measure.
public enum Measure: Sendable, Hashable {
    /// Money, in the company's currency unless a value says otherwise.
    case money
    /// A plain number shown as a percentage (margin, growth).
    case percent
    /// A plain number shown as a multiple (valuation / revenue).
    case multiple
    /// A plain number.
    case number
    /// A quantity of a named unit (runway in months).
    case unit(UnitDefinition)
}

/// The part a metric plays in the money events, which the model fills in itself.
public enum MetricRole: Sendable, Hashable {
    /// The sum of the rounds of each year (`raised`).
    case roundAmounts
    /// The post-money valuation of the latest round (`valuation`).
    case roundValuation
    /// The sum of the commitments spread over each year (`commitments`).
    case commitments

    /// The role the standard catalogue gives a metric of this name, if any.
    public static func conventional(for name: String) -> MetricRole? {
        switch name {
        case "raised": return .roundAmounts
        case "valuation": return .roundValuation
        case "commitments": return .commitments
        default: return nil
        }
    }
}

/// A declared metric. The catalogue is whatever the language declares; nothing is built in.
public struct MetricDecl: Sendable, Hashable {
    /// The metric's name (`revenue`).
    public var name: String
    /// What it measures: money, a percentage, a multiple, a plain number or a unit.
    public var measure: Measure
    /// Whether it is a flow (summed over a year) or a stock (a level at the year's end).
    public var kind: MetricKind
    /// A flow that is a sum of events (raised, commitments, capex): 0 in a year with none,
    /// instead of unknown.
    public var defaultsToZero: Bool
    /// Which money events feed it, if any.
    public var role: MetricRole?
    /// Revenue, costs, capex...: a value below zero, given or derived, is an error (a loss of
    /// -5B with revenue of 3.7B would otherwise give costs of -$1.3B, silently).
    public var neverNegative = false
    /// Where it was declared.
    public var at: SourceRef?

    /// A metric `name` measuring `measure`, a flow or a stock, with its default, role and place.
    public init(_ name: String, _ measure: Measure, _ kind: MetricKind = .flow,
                defaultsToZero: Bool = false, role: MetricRole? = nil, at: SourceRef? = nil) {
        self.name = name
        self.measure = measure
        self.kind = kind
        self.defaultsToZero = defaultsToZero
        self.role = role
        self.at = at
    }

    /// A word for messages: `money`, `a percentage`, `GW`.
    var measureDescription: String {
        switch measure {
        case .money: return "money"
        case .percent: return "a percentage"
        case .multiple: return "a multiple"
        case .number: return "a plain number"
        case .unit(let u): return u.name
        }
    }
}

/// A metric's position in the catalogue, for callers that look names up once.
public struct MetricID: Hashable, Sendable {
    /// The metric's index in the catalogue's order of declaration.
    public let index: Int
}

/// A company's position in the model.
public struct CompanyID: Hashable, Sendable {
    /// The company's index in the model's order of declaration.
    public let index: Int
}

// Formula: how the language defines a metric by an expression, and what the expression can read.

/// A metric defined by an expression, evaluated year by year (`compute = 80% * costs`).
/// The language implements it; errors it throws propagate unchanged, except that a
/// `ModelError` read from the context should be rethrown as it is, so the model can tell
/// an unknown value (or "none") from a real failure.
public protocol Formula {
    func evaluate(_ context: FormulaContext) throws -> Quantity
    /// The formula as a sum of the company's own metrics, when it is one: the model then
    /// works it out itself (same bits, units and errors). Nil by default.
    var metricSum: MetricSum? { get }
}

/// A formula from a Swift closure (for tests and native built-ins).
public struct FormulaFunction: Formula {
    /// The closure that computes the formula's value.
    public let body: (FormulaContext) throws -> Quantity
    /// A formula computed by `body`.
    public init(_ body: @escaping (FormulaContext) throws -> Quantity) { self.body = body }
    /// The formula's value, computed by `body` in `context`.
    public func evaluate(_ context: FormulaContext) throws -> Quantity { try body(context) }
}

/// What a formula sees while it computes one company's metric in one year. Every value
/// it reads is recorded as an input of the result, for `explain`.
public struct FormulaContext {
    /// The year being computed.
    public let year: Int
    /// The company being computed.
    public let company: String
    /// That company's currency, for plain numbers that mean money.
    public let currency: String
    /// The model's exchange rates, for arithmetic on money.
    public let rates: Rates
    /// When the model is uncertain and evaluated a slice at a time: the draws of this slice.
    /// Values read from the model have this many draws; an uncertain number from elsewhere
    /// (with all `drawCount` draws) must be cut to these lanes before it meets them.
    public let lanes: Range<Int>?
    /// The model's number of draws, nil when it is certain.
    public let drawCount: Int?

    let evaluator: Evaluator
    let companyIndex: Int

    /// The current company's metric in a year: `revenue[year - 1]`.
    public func value(_ metric: String, year: Int) throws -> Quantity {
        try evaluator.read(CellKey(companyIndex, try evaluator.model.metricIndex(metric), year))
    }

    /// The current company's metric in the year being computed.
    public func value(_ metric: String) throws -> Quantity {
        try value(metric, year: year)
    }

    /// The current company's metric, by a position looked up once with `Model.metricID`.
    public func value(_ metric: MetricID, year: Int) throws -> Quantity {
        try evaluator.read(CellKey(companyIndex, metric.index, year))
    }

    /// Another company's metric: `Anthropic.revenue[2025]` inside OpenAI's formula.
    public func value(company: String, metric: String, year: Int) throws -> Quantity {
        let c = try evaluator.model.companyIndex(company)
        return try evaluator.read(CellKey(c, try evaluator.model.metricIndex(metric), year))
    }
}

/// A formula with the place it was written.
struct FormulaEntry {
    var formula: any Formula
    var at: SourceRef?
    /// The formula as a sum the model works out itself, when it is one.
    var sum: ResolvedSum?
}

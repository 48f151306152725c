// Identity: a linear relation between metrics that holds in every year and solves both ways.

/// `sum(coefficient * metric) + constant = 0` in every year, for every company:
/// `operating_income - revenue + costs = 0`. A metric-year with exactly one unknown term,
/// all others known, is derived from it.
public struct Identity: Sendable, Hashable {
    /// One term of an identity: a coefficient times a metric.
    public struct Term: Sendable, Hashable {
        /// The factor the metric is multiplied by (`-1` for a subtracted metric).
        public var coefficient: Double
        /// The metric's name.
        public var metric: String
        /// The term `coefficient * metric`.
        public init(_ coefficient: Double, _ metric: String) {
            self.coefficient = coefficient
            self.metric = metric
        }
    }

    /// The terms summed, in order.
    public var terms: [Term]
    /// The constant added to the terms.
    public var constant: Double
    /// Where the identity is declared; nil for a built-in one.
    public var at: SourceRef?

    /// The identity `sum(terms) + constant = 0`.
    public init(_ terms: [Term], constant: Double = 0, at: SourceRef? = nil) {
        self.terms = terms
        self.constant = constant
        self.at = at
    }

    /// `Identity([(1, "operating_income"), (-1, "revenue"), (1, "costs")])`.
    public init(_ terms: [(Double, String)], constant: Double = 0, at: SourceRef? = nil) {
        self.init(terms.map { Term($0.0, $0.1) }, constant: constant, at: at)
    }

    /// The identity solved for one of its metrics: `costs = revenue - operating_income`.
    public func solved(for metric: String) -> String {
        let own = terms.filter { $0.metric == metric }.reduce(0) { $0 + $1.coefficient }
        guard own != 0 else { return description }
        var rhs = ""
        // Added terms first, so it reads `costs = revenue - operating_income`.
        let others = terms.filter { $0.metric != metric }
        for term in others where -term.coefficient / own > 0 { appendTerm(-term.coefficient / own, term.metric, to: &rhs) }
        for term in others where -term.coefficient / own < 0 { appendTerm(-term.coefficient / own, term.metric, to: &rhs) }
        if constant != 0 { appendTerm(-constant / own, nil, to: &rhs) }
        return "\(metric) = \(rhs.isEmpty ? "0" : rhs)"
    }

    /// `operating_income - revenue + costs = 0`.
    public var description: String {
        var lhs = ""
        for term in terms { appendTerm(term.coefficient, term.metric, to: &lhs) }
        if constant != 0 { appendTerm(constant, nil, to: &lhs) }
        return "\(lhs) = 0"
    }

    private func appendTerm(_ c: Double, _ name: String?, to s: inout String) {
        let negative = c < 0
        let magnitude = abs(c)
        if s.isEmpty { s += negative ? "-" : "" } else { s += negative ? " - " : " + " }
        let number = magnitude == magnitude.rounded() && abs(magnitude) < 1e15
            ? String(Int(magnitude)) : String(magnitude)
        if let name {
            s += magnitude == 1 ? name : "\(number) * \(name)"
        } else {
            s += number
        }
    }
}

/// An identity with metric names resolved to catalogue positions. A linear one has its terms
/// and constant; a ratio has `ratio` set and no terms (so loops over linear terms pass it by).
struct ResolvedIdentity {
    var identity: AnyIdentity
    var terms: [(coefficient: Double, metric: Int)]
    var constant: Double
    var ratio: ResolvedRatio?

    init(linear identity: Identity, terms: [(coefficient: Double, metric: Int)]) {
        self.identity = .linear(identity)
        self.terms = terms
        self.constant = identity.constant
    }

    init(ratio identity: RatioIdentity, _ resolved: ResolvedRatio) {
        self.identity = .ratio(identity)
        self.terms = []
        self.constant = 0
        self.ratio = resolved
    }
}

extension Model {
    /// True when the identities, chained, give metric `m` from the metrics in `given` (the
    /// facts of one year): revenue and loss give costs, and then margin.
    func identitiesGive(_ m: Int, from given: Set<Int>) -> Bool {
        var known = given
        var progress = true
        while progress && !known.contains(m) {
            progress = false
            for identity in identities {
                let metrics = identity.ratio.map { [$0.ratio, $0.numerator, $0.denominator] } ?? identity.terms.map(\.metric)
                let missing = Set(metrics).subtracting(known)
                // A linear term whose coefficients cancel gives nothing; nor does a ratio over 0,
                // but which years divide by 0 is for the evaluator to find.
                guard missing.count == 1, let u = missing.first else { continue }
                if identity.ratio == nil, identity.terms.filter({ $0.metric == u }).reduce(0, { $0 + $1.coefficient }) == 0 { continue }
                known.insert(u)
                progress = true
            }
        }
        return known.contains(m)
    }
}

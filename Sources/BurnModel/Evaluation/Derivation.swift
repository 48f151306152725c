// Derivation: `explain` — how a value was obtained, down to its facts and their sources.

/// A node of an explanation: a value, how it was obtained, and the values it came from.
public struct Derivation {
    /// How a value was obtained.
    public enum Method {
        case fact(source: String?, at: SourceRef?)
        /// The rounds of the year (for raised: their sum; for valuation: the latest post).
        case rounds([Round])
        /// The commitments covering the year (`commitments`, or capex/costs they feed).
        case commitments([Commitment])
        /// The company's own formula, or the catalogue's default.
        case formula(isDefault: Bool, at: SourceRef?)
        /// Solved from an identity; `solved` reads `costs = revenue - operating_income`.
        case identity(AnyIdentity, solved: String)
        case rule(GrowthRule)
        case interpolation(from: Int, to: Int)
        /// A valuation kept from the year before.
        case carriedForward(from: Int)
        /// A stock with a formula, before the company's first year.
        case startsAtZero
        /// A sum of events with none this year.
        case zeroDefault
    }

    /// The company whose value this is.
    public var company: String
    /// The metric whose value this is.
    public var metric: String
    /// The year of the value.
    public var year: Int
    /// The value.
    public var value: Quantity
    /// How the value was obtained.
    public var method: Method
    /// The values it was obtained from, each derived in turn.
    public var children: [Derivation]
    /// True when the tree was cut at the depth asked for and this node has inputs not shown.
    public var truncated: Bool
    /// For a fact: every fact given for the cell, the one shown first (several when sources
    /// differ and agree within 0.5%).
    public var facts: [Fact] = []
    /// For a rule: the commitments booked to the metric that year, added to the rule's value.
    public var addedCommitments: [Commitment] = []
}

extension Model {
    /// How a company's metric in a year was obtained, `depth` levels down.
    public func explain(company: String, metric: String, year: Int, depth: Int = 40) throws -> Derivation {
        let key = CellKey(try companyIndex(company), try metricIndex(metric), year)
        let evaluator = Evaluator(recording: self)
        _ = try evaluator.top(key)
        return try node(key, nil, evaluator, depth: depth)
    }

    /// The node for a cell: as worked out under its parent (`given`), else from the cache.
    private func node(_ key: CellKey, _ given: Entry?, _ evaluator: Evaluator, depth: Int) throws -> Derivation {
        if given == nil, evaluator.memo.entry(key) == nil { _ = try evaluator.top(key) }
        guard let entry = given ?? evaluator.memo.entry(key) else {
            throw ModelError(.invalid, "could not explain \(evaluator.name(key, full: true))")
        }
        let value: Quantity
        switch entry.result {
        case .value(let q): value = q
        case .unknown(let e): throw e
        case .error(let e): throw e
        }
        let c = Int(key.company), m = Int(key.metric)
        let company = companyList[c]
        let method: Derivation.Method
        var facts: [Fact] = []
        var added: [Commitment] = []
        switch entry.how {
        case .fact:
            facts = company.facts[m]?[Int(key.year)]?.facts ?? []
            method = .fact(source: facts.first?.source, at: facts.first?.at)
        case .rounds(let indices): method = .rounds(indices.map { company.rounds[$0] })
        case .commitments(let indices), .commitmentFeed(let indices):
            method = .commitments(indices.map { company.commitments[$0] })
        case .startsAtZero: method = .startsAtZero
        case .formula(let isDefault):
            method = .formula(isDefault: isDefault, at: isDefault ? defaultFormulas[m]?.at : company.formulas[m]?.at)
        case .identity(let i):
            let identity = identities[i].identity
            method = .identity(identity, solved: identity.solved(for: metricList[m].name))
        case .rule(let i): method = .rule(company.rules[m]![i])
        case .ruleAndCommitments(let i, let indices):
            method = .rule(company.rules[m]![i])
            added = indices.map { company.commitments[$0] }
        case .interpolation(let a, let b): method = .interpolation(from: a, to: b)
        case .carried(let from): method = .carriedForward(from: from)
        case .zero: method = .zeroDefault
        }
        var seen = Set<CellKey>()
        let inputs = entry.inputs.filter { seen.insert($0).inserted }
        let children = depth > 0 ? try inputs.map { try node($0, entry.context[$0], evaluator, depth: depth - 1) } : []
        return Derivation(company: company.name, metric: metricList[m].name, year: Int(key.year), value: value,
                          method: method, children: children, truncated: depth <= 0 && !inputs.isEmpty, facts: facts,
                          addedCommitments: added)
    }
}

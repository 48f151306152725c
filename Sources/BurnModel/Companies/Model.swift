// Model: the whole financial model — catalogue, identities, companies — as a value.

/// The financial model. A value: copy it to take a snapshot, assign the copy back to undo.
/// Every mutating method either succeeds or leaves the model unchanged, and drops the
/// memoised values (copies made before keep theirs, which are still right for them).
/// Iteration order is declaration order everywhere.
public struct Model {
    /// Exchange rates, used wherever money in two currencies meets.
    public var rates = Rates() { didSet { invalidate() } }

    var metricList: [MetricDecl] = []
    var metricIndices: [String: Int] = [:]
    var identities: [ResolvedIdentity] = []
    /// metric → indices into `identities`.
    var identitiesByMetric: [[Int]] = []
    /// metric → the catalogue's default formula.
    var defaultFormulas: [FormulaEntry?] = []
    var companyList: [Company] = []
    var companyIndices: [String: Int] = [:]
    var nextSequence = 0
    var memo = Memo()
    /// How many draws each uncertain input has; nil while every input is certain.
    public internal(set) var drawCount: Int?
    /// Watches long evaluations of an uncertain model: progress, and whether to stop.
    public var monitor: Monitor?
    /// How this model's uncertain questions were worked out (see `PlanStatistics`).
    public internal(set) var statistics = PlanStatistics()

    /// An empty model: no metrics, identities, companies or rates.
    public init() {}

    mutating func invalidate() { memo = Memo() }

    // MARK: - Catalogue

    /// Declares a metric, or redeclares it (same name: the new declaration replaces the old).
    @discardableResult
    public mutating func declare(_ metric: MetricDecl) -> MetricID {
        invalidate()
        if let i = metricIndices[metric.name] {
            metricList[i] = metric
            return MetricID(index: i)
        }
        metricIndices[metric.name] = metricList.count
        metricList.append(metric)
        identitiesByMetric.append([])
        defaultFormulas.append(nil)
        return MetricID(index: metricList.count - 1)
    }

    /// Every declared metric, in declaration order.
    public var metrics: [MetricDecl] { metricList }

    /// The metric declared as `name`; nil when there is none.
    public func metric(named name: String) -> MetricDecl? {
        metricIndices[name].map { metricList[$0] }
    }

    /// The metric's position, for `FormulaContext.value(_:year:)` in hot paths.
    public func metricID(_ name: String) -> MetricID? {
        metricIndices[name].map { MetricID(index: $0) }
    }

    /// Adds an identity over declared metrics.
    public mutating func addIdentity(_ identity: Identity) throws {
        var terms: [(coefficient: Double, metric: Int)] = []
        for term in identity.terms {
            guard let m = metricIndices[term.metric] else {
                var e = ModelError.undeclaredMetric(term.metric)
                e.at = identity.at
                throw e
            }
            terms.append((term.coefficient, m))
        }
        invalidate()
        register(ResolvedIdentity(linear: identity, terms: terms), metrics: terms.map(\.metric))
    }

    /// Adds a ratio identity (`margin = operating_income / revenue`) over three declared metrics.
    public mutating func addIdentity(_ identity: RatioIdentity) throws {
        var found: [Int] = []
        for name in identity.metrics {
            guard let m = metricIndices[name] else {
                var e = ModelError.undeclaredMetric(name)
                e.at = identity.at
                throw e
            }
            found.append(m)
        }
        guard Set(found).count == 3 else {
            throw ModelError(.invalid, "a ratio identity needs three different metrics", at: identity.at)
        }
        invalidate()
        let resolved = ResolvedRatio(ratio: found[0], numerator: found[1], denominator: found[2])
        register(ResolvedIdentity(ratio: identity, resolved), metrics: found)
    }

    private mutating func register(_ identity: ResolvedIdentity, metrics: [Int]) {
        let index = identities.count
        identities.append(identity)
        for m in Set(metrics).sorted() { identitiesByMetric[m].append(index) }
    }

    /// Every identity, in declaration order.
    public var allIdentities: [AnyIdentity] { identities.map(\.identity) }

    /// The catalogue's formula for a metric, used by every company without its own.
    public mutating func setDefaultFormula(_ metric: String, _ formula: any Formula, at: SourceRef? = nil) throws {
        let m = try metricIndex(metric)
        invalidate()
        defaultFormulas[m] = FormulaEntry(formula: formula, at: at, sum: ResolvedSum(formula.metricSum, self))
    }

    // MARK: - Companies

    /// Declares a company if it is new; either way returns it.
    @discardableResult
    public mutating func declareCompany(_ name: String, at: SourceRef? = nil) -> CompanyID {
        if let i = companyIndices[name] { return CompanyID(index: i) }
        invalidate()
        companyIndices[name] = companyList.count
        companyList.append(Company(name: name, at: at))
        return CompanyID(index: companyList.count - 1)
    }

    /// Every company, in declaration order.
    public var companies: [Company] { companyList }

    /// The company declared as `name`; nil when there is none.
    public func company(named name: String) -> Company? {
        companyIndices[name].map { companyList[$0] }
    }

    /// The position of the company `name`, for looking it up once; nil when there is none.
    public func companyID(_ name: String) -> CompanyID? {
        companyIndices[name].map { CompanyID(index: $0) }
    }

    /// `currency EUR`: plain money facts given afterwards are in this currency.
    public mutating func setCurrency(company: String, _ code: String) throws {
        let c = try companyIndex(company)
        invalidate()
        companyList[c].currency = code
    }

    /// `founded 2015`.
    public mutating func setFounded(company: String, _ year: Int) throws {
        let c = try companyIndex(company)
        invalidate()
        companyList[c].founded = year
    }

    /// `note "..."`.
    public mutating func addNote(company: String, _ text: String) throws {
        let c = try companyIndex(company)
        companyList[c].notes.append(text)
    }

    // MARK: - Formulas, rules, rounds, commitments

    /// The company's own formula for a metric (`compute = 80% * costs`), replacing any earlier.
    public mutating func setFormula(company: String, metric: String, _ formula: any Formula, at: SourceRef? = nil) throws {
        let c = try companyIndex(company), m = try metricIndex(metric)
        invalidate()
        companyList[c].formulas[m] = FormulaEntry(formula: formula, at: at, sum: ResolvedSum(formula.metricSum, self))
    }

    /// Removes the company's own formula, if any (the catalogue's default applies again).
    public mutating func removeFormula(company: String, metric: String) throws {
        let c = try companyIndex(company), m = try metricIndex(metric)
        invalidate()
        companyList[c].formulas[m] = nil
    }

    /// `revenue grows 50% per year`, `grows 3.1x in 2025`, `reaches 98.7B in 2028`.
    public mutating func addRule(company: String, metric: String, _ rule: GrowthRule) throws {
        let c = try companyIndex(company), m = try metricIndex(metric)
        var rule = rule
        switch rule.kind {
        case .reaches(let q, let year):
            rule.kind = .reaches(try normalize(q, metric: m, company: c, year: year, at: rule.at), in: year)
        case .perYear(let rate, _, _), .factor(let rate, _):
            guard rate.isPlain else {
                throw ModelError(.unitMismatch, "a growth rate is a plain number or a percentage, not \(rate.unit.description)",
                                 at: rule.at)
            }
        }
        if case .perYear(_, let from?, let until?) = rule.kind, until < from {
            throw ModelError(.invalid, "this rule ends (\(until)) before it starts (\(from))", at: rule.at)
        }
        let width = try admit(rule.draws, at: rule.at)
        invalidate()
        drawCount = width
        companyList[c].rules[m, default: []].append(rule)
    }

    /// Named investors cannot put in more than the round raises (their shares would pass 100%):
    /// refused where the round is written, not later when a cap table is asked for.
    private func refuseInvestorsAboveAmount(_ round: Round) throws {
        var named = Quantity(0, round.amount.unit)
        for investor in round.investors {
            guard let a = investor.amount else { continue }
            named = try named.adding(a, rates: rates, year: round.year)
        }
        guard named.value > round.amount.value * (1 + 1e-9) else { return }
        throw ModelError(.invalid,
                         "the investors' amounts in \(round.name) add up to \(Format.brief(named)), "
                             + "more than the \(Format.brief(round.amount)) it raises",
                         hint: "correct an investor's amount or the round's amount", at: round.at)
    }

    /// Records a round: it adds to `raised` in its year and sets `valuation` there.
    public mutating func addRound(company: String, _ round: Round) throws {
        let c = try companyIndex(company)
        let currency = companyList[c].currency
        var round = round
        round.amount = try moneyValue(round.amount, currency: currency, what: "a round's amount", at: round.at)
        switch round.valuation {
        case .post(let v): round.valuation = .post(try moneyValue(v, currency: currency, what: "a valuation", at: round.at))
        case .pre(let v): round.valuation = .pre(try moneyValue(v, currency: currency, what: "a valuation", at: round.at))
        case nil: break
        }
        for i in round.investors.indices {
            if let a = round.investors[i].amount {
                round.investors[i].amount = try moneyValue(a, currency: currency, what: "an investor's amount", at: round.at)
            }
        }
        if round.amount.value <= 0 {
            throw ModelError(.invalid, "a round must raise a positive amount", at: round.at)
        }
        if let post = try round.post(rates: rates),
           try round.amount.compare(post, rates: rates, year: round.year) > 0 {
            throw ModelError(.invalid, "a round cannot raise more than its post-money valuation", at: round.at)
        }
        try refuseInvestorsAboveAmount(round)
        invalidate()
        companyList[c].rounds.append(round)
        companyList[c].sortRounds()
        companyList[c].noteYear(round.year, flow: true)
    }

    /// Spreads a commitment over its years: it feeds `commitments` and its metric (capex).
    public mutating func addCommitment(company: String, _ commitment: Commitment) throws {
        let c = try companyIndex(company)
        let m = try metricIndex(commitment.metric)
        _ = try commitment.total(currency: companyList[c].currency)
        if commitment.years.isEmpty {
            throw ModelError(.invalid, "a commitment needs at least one year", at: commitment.at)
        }
        invalidate()
        companyList[c].commitments.append(commitment)
        companyList[c].commitmentMetrics.append(m)
    }

    // MARK: - Uncertain inputs

    /// The model's draw count once `draws` joins it: every uncertain input must have as many
    /// draws, so that draw i means the same world everywhere.
    func admit(_ draws: Draws?, at: SourceRef?) throws -> Int? {
        guard let draws else { return drawCount }
        guard let width = drawCount, width != draws.count else { return draws.count }
        if !holdsDraws { return draws.count }
        throw ModelError(.invalid, "this uncertain number has \(draws.count) draws, but the model's others have \(width)",
                         hint: "set `samples N` once, before drawing any uncertain number", at: at)
    }

    /// True when some fact or rule is uncertain.
    var holdsDraws: Bool {
        companyList.contains { company in
            company.facts.values.contains { $0.values.contains { $0.facts.contains { $0.value.isUncertain } } }
                || company.rules.values.contains { $0.contains { $0.draws != nil } }
        }
    }

    // MARK: - Lookups

    func companyIndex(_ name: String) throws -> Int {
        guard let i = companyIndices[name] else { throw ModelError.undeclaredCompany(name) }
        return i
    }

    func metricIndex(_ name: String) throws -> Int {
        guard let i = metricIndices[name] else { throw ModelError.undeclaredMetric(name) }
        return i
    }

    private func moneyValue(_ q: Quantity, currency: String, what: String, at: SourceRef?) throws -> Quantity {
        guard !q.isUncertain else {
            throw ModelError(.invalid, "\(what) must be one number, not an uncertain one", at: at)
        }
        if q.isPlain { return q.with(.money(currency)) }
        guard q.unit.isMoney else {
            throw ModelError(.unitMismatch, "\(what) must be money, not \(q.unit.description)", at: at)
        }
        return q
    }
}

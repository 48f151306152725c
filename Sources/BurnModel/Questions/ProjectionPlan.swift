// ProjectionPlan: which columns `project` shows for a company, decided from what it holds.

/// The columns of a projection and the metrics its answers read, looked up once.
struct ProjectionPlan {
    var columns: [String]
    var metrics: [Int]
    var income: Int
    var cash: Int
    /// `free_cash_flow`, when the catalogue declares it.
    var freeCashFlow: Int?
    /// `funding_need`, when it replaces cash (the company has no `cash` fact).
    var needMetric: Int?

    /// revenue, costs, operating_income, then capex and commitments when the company has any,
    /// burn, raised, then cash and runway, or `funding_need` instead when the cash is unknown;
    /// then the extra metrics asked for, without duplicates.
    init(_ model: Model, _ c: Int, extraMetrics: [String]) throws {
        income = try model.metricIndex("operating_income")
        cash = try model.metricIndex("cash")
        freeCashFlow = model.metricList.firstIndex { $0.name == "free_cash_flow" }
        let need = model.metricList.firstIndex { $0.name == "funding_need" }
        if let need, !model.cashIsGiven(c, cash) { needMetric = need }
        var base = ["revenue", "costs", "operating_income"]
        base += model.spendingColumns(c)
        base += ["burn", "raised"]
        base += needMetric == nil ? ["cash", "runway"] : ["funding_need"]
        columns = []
        for name in base + extraMetrics where !columns.contains(name) {
            _ = try model.metricIndex(name)
            columns.append(name)
        }
        metrics = try columns.map { try model.metricIndex($0) }
    }
}

extension Model {
    /// Whether the company's cash can be known: it has a `cash` fact, rule or formula of its
    /// own. Without one its cash is unknown (LANGUAGE.md section 5).
    func cashIsGiven(_ c: Int, _ cash: Int) -> Bool {
        let company = companyList[c]
        return !(company.facts[cash]?.isEmpty ?? true) || company.formulas[cash] != nil
            || !(company.rules[cash]?.isEmpty ?? true)
    }

    /// `capex` when the company has any (a fact, rule or formula, or a commitment it feeds), and
    /// `commitments` when some commitment is not capex (then it is part of the costs): a year
    /// that breaks even while its burn stays high shows why.
    func spendingColumns(_ c: Int) -> [String] {
        let company = companyList[c]
        guard let capex = metricList.firstIndex(where: { $0.name == "capex" }) else { return [] }
        var columns: [String] = []
        let capexGiven = !(company.facts[capex]?.isEmpty ?? true) || company.formulas[capex] != nil
            || !(company.rules[capex]?.isEmpty ?? true)
        if capexGiven || company.commitmentMetrics.contains(capex) { columns.append("capex") }
        if company.commitmentMetrics.contains(where: { $0 != capex }), metricList.contains(where: { $0.name == "commitments" }) {
            columns.append("commitments")
        }
        return columns
    }
}

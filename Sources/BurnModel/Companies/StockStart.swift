// StockStart: what a stock with a formula is before the company's first year (cash: unknown).

extension Model {
    /// Stocks that run forward from a fact and are unknown without one (LANGUAGE.md section 5:
    /// cash starts from a `cash` fact; with none, cash is unknown, never a silent 0). Every
    /// other stock with a formula (a need, a running total) starts at 0.
    public static let stocksStartingFromAFact: Set<String> = ["cash"]

    /// The error for such a stock read before it has a fact to start from: no fact at all, or
    /// only facts after the year asked.
    func noStartingFact(company c: Int, metric m: Int) -> ModelError {
        let company = companyList[c], name = metricList[m].name
        let example = company.firstYear ?? 2024
        if let firstFact = company.facts[m]?.keys.min() {
            return ModelError(.unknown, "\(company.name).\(name) is unknown before \(firstFact): it runs forward from its first `\(name)` fact",
                              hint: "give the \(name) at the end of an earlier year, like `\(name)[\(example - 1)] = 10B`")
        }
        let need = name == "cash" ? ", or ask for `funding_need`, the new money the plan needs" : ""
        return ModelError(.unknown, "\(company.name).\(name) is unknown: there is no `\(name)` fact to start from",
                          hint: "give the \(name) at the end of a year, like `\(name)[\(example)] = 10B`" + need)
    }
}

extension Evaluator {
    /// A stock with a formula, before the company's first year: unknown for a stock that
    /// starts from a fact (cash), else 0.
    func startBeforeFirstYear(_ key: CellKey) -> Computed {
        let c = Int(key.company), m = Int(key.metric)
        guard Model.stocksStartingFromAFact.contains(model.metricList[m].name) else {
            return .value(zero(m, c), .startsAtZero)
        }
        return .unknown(model.noStartingFact(company: c, metric: m))
    }
}

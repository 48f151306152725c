// CompanyShape: what decides how each of a company's cells is found (which years have facts,
// which rules cover which years), without the numbers. Companies of one shape find each cell
// the same way, so a portfolio of like companies probes identities once, not once each.

/// A company's structure: its first years, the years of its facts and the reach of its rules.
/// Two companies with equal shapes find each (metric, year) by the same method. A company
/// with rounds, commitments or formulas of its own has no shape (it shares with none).
struct CompanyShape: Hashable {
    var years: [Int?]
    var currency: String
    /// Per metric with facts: the metric, how many years, then each year and its flags.
    var facts: [Int] = []
    /// Per metric with rules: the metric, how many rules, then each rule's kind and years.
    var rules: [Int] = []

    init?(_ company: Company) {
        guard company.rounds.isEmpty, company.commitments.isEmpty, company.formulas.isEmpty else { return nil }
        years = [company.firstFlowYear, company.firstAnyYear, company.founded]
        currency = company.currency
        for metric in company.facts.keys.sorted() {
            let cells = company.facts[metric]!
            facts += [metric, cells.count]
            for year in cells.keys.sorted() {
                let cell = cells[year]!
                facts += [year, (cell.isDisputed ? 1 : 0) + (cell.first.value.draws == nil ? 0 : 2)]
            }
        }
        for metric in company.rules.keys.sorted() {
            let list = company.rules[metric]!
            rules += [metric, list.count]
            for rule in list {
                switch rule.kind {
                case .perYear(_, let from, let until): rules += [0, from ?? .min, until ?? .min]
                case .factor(_, let year): rules += [1, year, 0]
                case .reaches(_, let year): rules += [2, year, 0]
                }
            }
        }
    }
}

extension Model {
    /// A number per company naming its shape (companies of one shape share it); -1 for a
    /// company with no shape. Worked out once per version of the model.
    var shapeNumbers: [Int32] {
        if let known = memo.shapeNumbers { return known }
        var numbers: [CompanyShape: Int32] = [:]
        let result = companyList.map { company -> Int32 in
            guard let shape = CompanyShape(company) else { return -1 }
            if let n = numbers[shape] { return n }
            let n = Int32(numbers.count)
            numbers[shape] = n
            return n
        }
        memo.shapeNumbers = result
        return result
    }
}

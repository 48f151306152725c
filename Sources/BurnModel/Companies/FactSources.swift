// FactSources: several sources for one cell — which fact an edit replaces, when the facts
// agree, and the error that surfaces a disagreement (LANGUAGE.md section 4).

extension FactCell {
    /// Facts agree when their amounts are within this share of the larger one.
    public static let agreement = 0.005

    /// The cell once `fact` is given. A fact with no source is an edit that replaces the
    /// whole cell; so does any fact when the cell holds only an unsourced one. A fact with
    /// the source of one already here replaces that one, in its place. A fact with a new
    /// source is kept beside the others. So a cell is either one unsourced fact or
    /// sourced facts only.
    func adding(_ fact: Fact) -> FactCell {
        guard let source = fact.source, first.source != nil else { return FactCell(fact) }
        var cell = self
        if let i = facts.firstIndex(where: { $0.source == source }) {
            cell.facts[i] = fact
        } else {
            cell.facts.append(fact)
        }
        return cell
    }
}

extension Model {
    /// Whether some two facts of a cell differ by more than `FactCell.agreement`. Amounts are
    /// compared in the first fact's unit at the rates declared so far; facts that cannot be
    /// converted disagree. Uncertain facts are compared by their mean, 5th and 95th
    /// percentiles (a certain fact by its amount three times).
    func disagree(_ cell: FactCell, year: Int) -> Bool {
        guard cell.facts.count > 1 else { return false }
        let target = cell.first.value
        var summaries: [[Double]] = []
        for fact in cell.facts {
            guard let q = try? fact.value.converted(toMatch: target, operation: "compare", rates: rates, year: year) else {
                return true
            }
            summaries.append(Model.summary(q))
        }
        for k in 0..<3 {
            let amounts = summaries.map { $0[k] }
            guard let lo = amounts.min(), let hi = amounts.max() else { continue }
            let scale = max(abs(lo), abs(hi))
            if !(hi - lo <= FactCell.agreement * scale) { return true }
        }
        return false
    }

    /// Mean, 5th and 95th percentile of an amount (an uncertain one's draws).
    static func summary(_ q: Quantity) -> [Double] {
        guard let draws = q.draws else { return [q.value, q.value, q.value] }
        let p = draws.percentiles([5, 95])
        return [draws.mean, p[0], p[1]]
    }

    /// The value a fact cell gives, or the error that names its disagreeing facts.
    func settledValue(_ cell: FactCell, company c: Int, metric m: Int, year: Int) throws -> Quantity {
        if cell.isDisputed { throw disputeError(cell, company: c, metric: m, year: year) }
        return cell.first.value
    }

    /// `OpenAI.revenue[2024] has 2 facts that disagree: $3.7B (source "001") and $2B (source
    /// "000")`, a note at each fact, and how to settle it: keep one, or write the range.
    func disputeError(_ cell: FactCell, company c: Int, metric m: Int, year: Int) -> ModelError {
        let name = "\(metricList[m].name)[\(year)]"
        let described = cell.facts.map { fact in
            Model.text(fact.value) + (fact.source.map { " (source \"\($0)\")" } ?? "")
        }
        let list = described.count <= 2 ? described.joined(separator: " and ")
            : described.dropLast().joined(separator: ", ") + " and " + (described.last ?? "")
        var hint = "keep one source's fact and delete the other lines (at the REPL, `:undo` the cell that added one)"
        if let range = span(of: cell, currency: companyList[c].currency, year: year) {
            hint += ", or write the range they span, which replaces them all (a fact with no source does): `\(name) = \(range)`"
        }
        return ModelError(.contradiction,
                          "\(companyList[c].name).\(name) has \(cell.facts.count) facts that disagree: \(list)",
                          hint: hint,
                          notes: cell.facts.map { fact in
                              ModelError.Note("\(name) = \(Model.text(fact.value))"
                                              + (fact.source.map { " source \"\($0)\"" } ?? "") + " is given here",
                                              at: fact.at)
                          })
    }

    /// `2B to 3.7B`: from the lowest to the highest amount of the facts (the 5th and 95th
    /// percentiles of uncertain ones), in the first fact's unit, written as a fact's value
    /// (money in the company's currency without its sign). Nil when units do not convert.
    private func span(of cell: FactCell, currency: String, year: Int) -> String? {
        let target = cell.first.value
        var lo = Double.infinity, hi = -Double.infinity
        for fact in cell.facts {
            guard let q = try? fact.value.converted(toMatch: target, operation: "compare", rates: rates, year: year) else {
                return nil
            }
            // Uncertain bounds come from draws: 3 significant digits, as in the message.
            let s = Model.summary(q).map { q.isUncertain ? Model.roundedSignificant($0, 3) : $0 }
            lo = min(lo, s[1])
            hi = max(hi, s[2])
        }
        guard lo < hi else { return nil }
        func written(_ v: Double) -> String {
            if target.unit.isMoney, target.unit.currency == currency {
                // No thousands separators: the text must read back as a number.
                let a = abs(v)
                return (v < 0 ? "-" : "") + (a >= 1e6 ? Format.magnitude(a) : Format.significant(a, 6))
            }
            return Format.brief(Quantity(v, target.unit, display: target.display))
        }
        return "\(written(lo)) to \(written(hi))"
    }
}

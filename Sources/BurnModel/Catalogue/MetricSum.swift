// MetricSum: a formula that adds and subtracts the company's own metrics (`cash[year - 1] +
// revenue - costs - capex + raised`), which the model works out itself: no call into the
// language per cell, and safe on any thread.

/// The terms of a formula `t₀ ± t₁ ± …`, each a metric of the company being computed in the
/// formula's year or a fixed number of years before. The first term is added.
public struct MetricSum: Sendable {
    /// One term: `metric[year - yearsBack]`, subtracted when `negate`.
    public struct Term: Sendable {
        /// The metric read.
        public var metric: String
        /// How many years before the formula's year (0: that year).
        public var yearsBack: Int
        /// Subtracted rather than added.
        public var negate: Bool

        /// `metric[year - yearsBack]`, subtracted when `negate`.
        public init(metric: String, yearsBack: Int, negate: Bool) {
            self.metric = metric
            self.yearsBack = yearsBack
            self.negate = negate
        }
    }

    /// The terms in the order written.
    public var terms: [Term]

    /// A sum of `terms` in the order written.
    public init(terms: [Term]) { self.terms = terms }
}

extension Formula {
    /// Nil: the language evaluates the formula.
    public var metricSum: MetricSum? { nil }
}

/// A `MetricSum` with its metrics looked up in the model.
struct ResolvedSum {
    var terms: [(metric: Int, back: Int, negate: Bool)]

    init?(_ sum: MetricSum?, _ model: Model) {
        guard let sum, sum.terms.count >= 2, !sum.terms[0].negate else { return nil }
        var terms: [(Int, Int, Bool)] = []
        for term in sum.terms {
            guard let m = model.metricIndices[term.metric], term.yearsBack >= 0 else { return nil }
            terms.append((m, term.yearsBack, term.negate))
        }
        self.terms = terms
    }
}

extension Evaluator {
    /// The formula's value worked out as the language would: each term read in order (an
    /// unknown term is thrown as the language's read throws it), shown as its measure asks,
    /// then added one operator at a time by `Quantity.adding`, the table of arithmetic the
    /// language's own sums use. Nil when the language must do it: terms of unlike units, or
    /// a sum that is not finite (the language reports where).
    func evaluateSum(_ sum: ResolvedSum, _ key: CellKey) throws -> Quantity? {
        let c = Int(key.company), y = Int(key.year)
        var total = shownAsMeasure(try read(CellKey(c, sum.terms[0].metric, y - sum.terms[0].back)), sum.terms[0].metric)
        for term in sum.terms.dropFirst() {
            let q = shownAsMeasure(try read(CellKey(c, term.metric, y - term.back)), term.metric)
            guard q.unit == total.unit, let next = try? total.adding(q, negate: term.negate, rates: model.rates) else {
                return nil
            }
            total = next
        }
        guard total.isFinite else { return nil }
        if total.unit.isNone, model.metricList[Int(key.metric)].measure == .money {
            total = total.with(.money(model.companyList[c].currency))
        }
        return total
    }

    /// A unitless value read from a percent or multiple metric shows as one (as the language
    /// shows what it reads from the model).
    func shownAsMeasure(_ q: Quantity, _ m: Int) -> Quantity {
        guard q.unit.isNone, q.display == .auto else { return q }
        var shown = q
        switch model.metricList[m].measure {
        case .percent: shown.display = .percent
        case .multiple: shown.display = .multiple
        default: break
        }
        return shown
    }
}

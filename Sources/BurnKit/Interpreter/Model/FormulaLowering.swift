// FormulaLowering: recognises a formula that only adds and subtracts the company's own
// metrics (`cash[year - 1] + revenue - costs - capex + raised`), so the model can work it
// out itself (`MetricSum`) instead of calling the language for every cell.
import BurnModel

enum FormulaLowering {
    /// The formula as a sum of metrics, or nil for any other shape.
    static func metricSum(_ node: Node) -> MetricSum? {
        var terms: [MetricSum.Term] = []
        guard collect(node, negate: false, into: &terms), terms.count >= 2 else { return nil }
        return MetricSum(terms: terms)
    }

    /// Adds `node`'s terms in the order written; false when a part is not a metric read.
    private static func collect(_ node: Node, negate: Bool, into terms: inout [MetricSum.Term]) -> Bool {
        switch node {
        case let sum as SumNode:
            guard collect(sum.terms[0], negate: false, into: &terms) else { return false }
            for (term, step) in zip(sum.terms.dropFirst(), sum.steps) {
                guard collect(term, negate: step.op == .subtract, into: &terms) else { return false }
            }
            return true
        case let pair as ArithmeticNode where pair.isSum && terms.isEmpty:
            return collect(pair.lhs, negate: false, into: &terms)
                && collect(pair.rhs, negate: pair.op == .subtract, into: &terms)
        case let read as FormulaMetricNode where read.company == nil:
            guard let back = yearsBack(read.year) else { return false }
            terms.append(MetricSum.Term(metric: read.metric, yearsBack: back, negate: negate))
            return true
        default:
            return false
        }
    }

    /// 0 for the formula's year, k for `year - k` (k a whole number); nil otherwise.
    private static func yearsBack(_ year: Node?) -> Int? {
        guard let year else { return 0 }
        guard let minus = year as? ArithmeticConstantNode, minus.op == .subtract, minus.lhs is FormulaYearNode,
              minus.constant >= 0, minus.constant <= 1000, minus.constant == minus.constant.rounded() else { return nil }
        return Int(minus.constant)
    }
}

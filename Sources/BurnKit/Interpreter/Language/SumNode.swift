// SumNode: a chain of sums and differences (`cash[year - 1] + revenue - costs - capex`) as one
// node, so that uncertain terms are added in one pass over their draws rather than one pass,
// and one array, per operator.
import BurnModel

/// `t₀ ± t₁ ± … ± tₙ` with n ≥ 2. Terms are evaluated left to right and combined one operator
/// at a time, exactly as the nested operators would, until one is uncertain; from there the
/// terms are gathered into a `LaneSum`, which adds them in the same order (so every draw has
/// the same bits) in one pass. What the sum cannot take (a term that is not a number, another
/// sample count, unlike units, an infinite draw) goes to the nested operators' code, which
/// reports it at its own operator.
final class SumNode: Node {
    let terms: [Node]
    /// `steps[i]` is the nested node that adds (or subtracts) `terms[i + 1]`: its operator, and
    /// the spans its errors point at.
    let steps: [ArithmeticNode]

    private init(terms: [Node], steps: [ArithmeticNode], span: Span) {
        self.terms = terms
        self.steps = steps
        super.init(span: span)
    }

    /// The chain `node` ends, when its left side is itself a sum or difference.
    static func chain(_ node: ArithmeticNode) -> SumNode? {
        guard node.isSum else { return nil }
        let left: (terms: [Node], steps: [ArithmeticNode])
        switch node.lhs {
        case let sum as SumNode: left = (sum.terms, sum.steps)
        case let a as ArithmeticNode where a.isSum: left = ([a.lhs, a.rhs], [a])
        case let c as ArithmeticConstantNode where c.general.isSum: left = ([c.general.lhs, c.general.rhs], [c.general])
        default: return nil
        }
        return SumNode(terms: left.terms + [node.rhs], steps: left.steps + [node], span: node.span)
    }

    override func eval(_ rt: Runtime) throws -> Value {
        var sum = try terms[0].eval(rt)
        var i = 1
        while i < terms.count {
            let term = try terms[i].eval(rt)
            if sum.isSamples || term.isSamples { return try uncertain(sum, term, from: i, rt) }
            sum = try steps[i - 1].combine(sum, term, rt)
            i += 1
        }
        return sum
    }

    /// The rest of the chain from `terms[first]` (whose value is `term`) on, once `sum` or
    /// `term` is uncertain.
    private func uncertain(_ sum: Value, _ term: Value, from first: Int, _ rt: Runtime) throws -> Value {
        guard var pending = PendingSum(sum, rt, firstStep: first - 1) else { return try pairwise(sum, term, from: first, rt) }
        var i = first
        while i < terms.count {
            let value = i == first ? term : try terms[i].eval(rt)
            guard pending.add(value, negate: steps[i - 1].op == .subtract, rt) else {
                return try pairwise(try total(pending, rt), value, from: i, rt)
            }
            i += 1
        }
        return try total(pending, rt)
    }

    /// The chain from `terms[first]` (whose value is `term`) on, one operator at a time.
    private func pairwise(_ sum: Value, _ term: Value, from first: Int, _ rt: Runtime) throws -> Value {
        var sum = try steps[first - 1].combine(sum, term, rt)
        for i in (first + 1)..<terms.count {
            sum = try steps[i - 1].combine(sum, try terms[i].eval(rt), rt)
        }
        return sum
    }

    /// The gathered terms added up. An infinite draw is an error, which the operators one at a
    /// time find and report at the operator that made it; inside a branch of an uncertain `if`
    /// it is a draw with no value (as `Arithmetic.samples` does).
    private func total(_ pending: PendingSum, _ rt: Runtime) throws -> Value {
        let q = pending.evaluate()
        // Draws are work (a step per 1,024); a sum cut short by a stop throws here.
        try rt.countDraws((q.draws?.count ?? 1) * (pending.terms.count + 1), at: span)
        if q.isFinite { return Value.make(q) }
        if rt.maskedBranches > 0 { return Value.make(q.mapAmounts { $0.isFinite ? $0 : .nan }) }
        var sum = pending.operands[0]
        for (j, operand) in pending.operands.dropFirst().enumerated() {
            sum = try steps[pending.firstStep + j].combine(sum, operand, rt)
        }
        return sum
    }
}

/// The terms of a chain from its first uncertain one on, in the order written.
private struct PendingSum {
    var start: LaneSum.Term
    var terms: [LaneSum.Term] = []
    /// 0 in the sum's unit and display so far: what each term is converted to match.
    var template: Quantity
    var width: Int?
    /// The values gathered, to replay one operator at a time if the sum is not finite.
    var operands: [Value]
    /// The index (into `steps`) of the operator that adds `operands[1]`.
    let firstStep: Int

    /// Starts from the value of the terms before the first gathered one; nil for a value
    /// that is not a number.
    init?(_ sum: Value, _ rt: Runtime, firstStep: Int) {
        guard let q = PendingSum.quantity(sum, rt) else { return nil }
        start = q.draws.map { .draws(1, $0) } ?? .constant(q.value)
        template = Quantity(0, q.unit, display: q.display)
        width = q.draws?.count
        operands = [sum]
        self.firstStep = firstStep
    }

    /// A value as a term: uncertain numbers cut to the lanes being evaluated. Years and
    /// conditions are not terms: the operators one at a time give them their meaning.
    private static func quantity(_ v: Value, _ rt: Runtime) -> Quantity? {
        switch v {
        case .samples(let s): return s.kind == .number ? rt.cut(s.quantity) : nil
        case .year: return nil
        default: return v.asQuantity
        }
    }

    /// Gathers `value` (subtracted when `negate`), as `Quantity.adding` would add it; false
    /// when it cannot (the operator then reports why).
    mutating func add(_ value: Value, negate: Bool, _ rt: Runtime) -> Bool {
        guard let q = PendingSum.quantity(value, rt) else { return false }
        if let d = q.draws, let width, d.count != width { return false }
        // The table of arithmetic, as `Quantity.adding` asks it.
        guard let (factor, unit, display) = try? template.sumTerm(q, negate: negate, rates: rt.rates) else {
            return false
        }
        template.unit = unit
        template.display = display
        if let d = q.draws {
            terms.append(.draws(factor, d))
            width = d.count
        } else if q.value != 0 || width == nil {
            // Adding a certain zero to draws changes nothing (and keeps -0 as `adding` does).
            terms.append(.constant(factor * q.value))
        }
        operands.append(value)
        return true
    }

    func evaluate() -> Quantity {
        Quantity(draws: LaneSum(start, terms).evaluate(), template.unit, display: template.display)
    }
}

extension ArithmeticNode {
    var isSum: Bool { op == .add || op == .subtract }
}

extension Value {
    var isSamples: Bool {
        if case .samples = self { return true }
        return false
    }
}

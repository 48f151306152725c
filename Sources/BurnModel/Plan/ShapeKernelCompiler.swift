// ShapeKernelCompiler: traces one company's answer to a certain question (an evaluator with a
// cache of its own, so every cell it needs is a step) and turns each step into a `ShapeOp`
// by the method that found it. Nil when a step has no operation: the evaluator then answers
// the question for every company of the shape.

struct ShapeKernelCompiler {
    private let model: Model
    private let evaluator: Evaluator
    private var registers: [CellKey: Int] = [:]
    private var ops: [ShapeOp] = []
    private var traced: [CellKey: Quantity] = [:]
    private var registerCount = 0

    init(_ model: Model) {
        self.model = model
        evaluator = Evaluator(tracing: model)
    }

    /// The kernel of `key`'s question, traced on `key`'s company. Every cell worked out is
    /// compiled in the order finished, a cell worked out inside another too (while a cell it
    /// could use was in progress): a later read of a cell reads its latest value.
    mutating func compile(_ key: CellKey) -> ShapeKernel? {
        let tracer = Tracer()
        tracer.recordsAll = true
        evaluator.tracer = tracer
        defer { evaluator.tracer = nil }
        guard case .value(let answer)? = try? evaluator.topLookup(key), answer.draws == nil,
              !tracer.languageUsed else { return nil }
        for (cell, entry) in tracer.finished {
            guard cell.company == key.company else { return nil }
            switch entry.result {
            case .value(let q):
                guard q.draws == nil, compileStep(cell, entry.how, q) else { return nil }
                traced[cell] = q
            // A probe that found nothing: the same for every company of the shape.
            case .unknown:
                registers[cell] = nil
                traced[cell] = nil
            case .error: return nil
            }
        }
        guard let out = registers[key] else { return nil }
        var kept: [ShapeKeptCell] = []
        for (cell, entry) in zip(tracer.order, tracer.entries) {
            switch entry.result {
            case .value(let q):
                guard let x = registers[cell] else { return nil }
                kept.append(ShapeKeptCell(metric: Int(cell.metric), year: Int(cell.year), register: x, how: entry.how,
                                          unit: q.unit, display: q.display))
            case .unknown(let e):
                // Only the plain "nothing gives it", which names the company it is about.
                guard registers[cell] == nil, "\(e)" == "\(evaluator.unknown(cell))" else { return nil }
                kept.append(ShapeKeptCell(metric: Int(cell.metric), year: Int(cell.year), register: nil, how: entry.how,
                                          unit: .none, display: .auto))
            case .error: return nil
            }
        }
        return ShapeKernel(ops: ops, kept: kept, registerCount: registerCount, answer: out, unit: answer.unit,
                           display: answer.display)
    }

    /// The certain cells among a first slice's `finished` cells (all of one company, which an
    /// uncertain question worked out), as operations on numbers, and each cell's register
    /// (nil for a cell with draws or none); nil when a certain cell has no operation.
    mutating func compileCertain(_ finished: [(key: CellKey, entry: Entry)]) -> (ops: [ShapeOp], registers: [Int?], count: Int)? {
        var steps: [Int?] = []
        for (cell, entry) in finished {
            switch entry.result {
            case .value(let q) where q.draws == nil:
                guard compileStep(cell, entry.how, q) else { return nil }
                traced[cell] = q
            case .value, .unknown:
                registers[cell] = nil
                traced[cell] = nil
            case .error: return nil
            }
            steps.append(registers[cell])
        }
        return (ops, steps, registerCount)
    }

    private mutating func compileStep(_ key: CellKey, _ how: How, _ q: Quantity) -> Bool {
        let c = Int(key.company), m = Int(key.metric), y = Int(key.year)
        let out = registerCount
        switch how {
        case .fact:
            ops.append(.fact(out: out, metric: m, year: y, unit: q.unit))
        case .zero:
            ops.append(.zero(out: out))
        case .rule(let r):
            guard let rules = model.companyList[c].rules[m], r < rules.count,
                  let source = registers[CellKey(c, m, y - 1)] else { return false }
            switch rules[r].kind {
            case .perYear: ops.append(.rule(out: out, source: source, metric: m, rule: r, perYear: true))
            case .factor: ops.append(.rule(out: out, source: source, metric: m, rule: r, perYear: false))
            case .reaches: return false
            }
        case .identity(let index):
            guard let op = identity(index, c, m, y, out: out) else { return false }
            ops.append(op)
        case .formula(let isDefault):
            guard let formula = isDefault ? model.defaultFormulas[m] : model.companyList[c].formulas[m],
                  let sum = formula.sum, let op = metricSum(sum, c, y, out: out) else { return false }
            ops.append(op)
        default:
            return false
        }
        registers[key] = out
        registerCount += 1
        if model.metricList[m].neverNegative, how != .fact { ops.append(.nonNegative(out)) }
        return true
    }

    /// A linear identity solved for the cell, every term in the cell's unit.
    private func identity(_ index: Int, _ c: Int, _ m: Int, _ y: Int, out: Int) -> ShapeOp? {
        let identity = model.identities[index]
        guard identity.ratio == nil else { return nil }
        let target = Quantity(0, model.canonicalUnit(m, company: c))
        var own = 0.0
        var terms: [(Double, Int)] = []
        for (coefficient, metric) in identity.terms {
            if metric == m {
                own += coefficient
                continue
            }
            let key = CellKey(c, metric, y)
            guard let x = registers[key], let q = traced[key],
                  let (k, _) = try? q.conversion(toMatch: target, operation: "add", rates: model.rates, year: y),
                  k == 1 else { return nil }
            terms.append((coefficient, x))
        }
        guard own != 0 else { return nil }
        return .linear(out: out, constant: identity.constant, terms: terms, divisor: -own)
    }

    /// A sum of the company's metrics, each term's factor from the traced units (as
    /// `Quantity.adding` finds it).
    private func metricSum(_ sum: ResolvedSum, _ c: Int, _ y: Int, out: Int) -> ShapeOp? {
        func term(_ t: (metric: Int, back: Int, negate: Bool)) -> (Int, Quantity)? {
            let key = CellKey(c, t.metric, y - t.back)
            guard let x = registers[key], let q = traced[key] else { return nil }
            return (x, evaluator.shownAsMeasure(q, t.metric))
        }
        guard let (first, firstQ) = term(sum.terms[0]) else { return nil }
        var total = firstQ
        var terms: [(Double, Int)] = []
        for t in sum.terms.dropFirst() {
            guard let (x, q) = term(t), q.unit == total.unit,
                  let (factor, _, _) = try? total.sumTerm(q, negate: t.negate, rates: model.rates),
                  let next = try? total.adding(q, negate: t.negate, rates: model.rates) else { return nil }
            terms.append((factor, x))
            total = next
        }
        return .sum(out: out, first: first, terms: terms)
    }
}

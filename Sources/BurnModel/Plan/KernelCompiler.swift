// KernelCompiler: turns the steps a first slice traced into a `Kernel`, step by step from
// the method that found each cell. Each operation reads the cells the evaluator's method reads
// and repeats its arithmetic; anything else (a formula the language evaluates, interpolation,
// events, commitments, ratio identities, a cell certain in the first slice only) leaves the
// question to the `Program`.

/// Compiles a traced question into a `Kernel`; nil when a step has no operation.
struct KernelCompiler {
    private let tracer: Tracer
    private let evaluator: Evaluator
    private let model: Model
    private let drawCount: Int
    /// Each step's operand (nil: unknown, or an error: no operation reads it).
    private var operands: [KernelOperand?] = []
    private var ops: [KernelOp] = []
    private var inputs: [[Double]] = []
    /// Stored inputs already placed, by the address of their draws.
    private var inputIndex: [Int: Int] = [:]
    private var freeSlots: [Int] = []
    private var slotCount = 0
    private var cellCount = 0
    /// Set when a step read a cell that is not a step (worked out inside another while a cell
    /// it could use was in progress): a second trace, with every method known, keeps it.
    private(set) var readInside = false

    init(_ tracer: Tracer, evaluator: Evaluator) {
        self.tracer = tracer
        self.evaluator = evaluator
        self.model = evaluator.model
        self.drawCount = evaluator.model.drawCount ?? 0
    }

    /// The kernel for the question's `answers` (positions in `keys`); nil when a step has no operation.
    mutating func compile(keys: [CellKey], answers: [Int]) -> Kernel? {
        let order = tracer.order
        var answersAt = [[Int]](repeating: [], count: order.count)
        for a in answers {
            guard let step = tracer.step(of: keys[a]) else { return nil }
            answersAt[step].append(a)
        }
        var releases = [[Int]](repeating: [], count: order.count)
        for (step, last) in tracer.lastUse.enumerated() { releases[last].append(step) }
        var found: [KernelAnswer] = []
        for i in order.indices {
            guard let operand = step(i) else { return nil }
            operands.append(operand)
            if !answersAt[i].isEmpty {
                var drawn = false
                switch operand {
                case .slot?, .stored?:
                    drawn = true
                    ops.append(.keep(operand!, into: found.count))
                case .amount?, nil: break
                }
                found.append(KernelAnswer(key: order[i], entry: tracer.entries[i], drawn: drawn, answers: answersAt[i]))
            }
            for j in releases[i] { if case .slot(let s)? = operands[j] { freeSlots.append(s) } }
        }
        return Kernel(ops: ops, inputs: inputs, slotCount: slotCount, answers: found, cellCount: cellCount)
    }

    /// Step `i`'s operand, its operations emitted; `.some(nil)` for a certain unknown or
    /// error, nil when the step has no operation.
    private mutating func step(_ i: Int) -> KernelOperand?? {
        let key = tracer.order[i], entry = tracer.entries[i]
        if tracer.fixed[i] {
            if case .value(let q) = entry.result, q.draws == nil { return .some(.amount(q.value)) }
            return .some(nil)
        }
        // Found the way the plan says the other slices find it, without the language.
        guard !tracer.language[i], evaluator.plannedMethod(key).map({ $0 == entry.how }) ?? true else { return nil }
        let c = Int(key.company), m = Int(key.metric), y = Int(key.year)
        switch entry.result {
        // Certain or unknown in this slice but not marked the same in every slice.
        case .error, .unknown: return nil
        case .value(let q) where q.draws == nil: return nil
        case .value: break
        }
        cellCount += 1
        switch entry.how {
        case .fact:
            guard let cell = model.companyList[c].facts[m]?[y],
                  let stored = try? model.settledValue(cell, company: c, metric: m, year: y) else { return nil }
            guard let draws = stored.draws, let operand = input(draws) else { return nil }
            return .some(operand)
        case .rule(let r):
            return rule(r, c, m, y, before: i).map { .some($0) }
        case .identity(let index):
            return identity(index, c, m, y, before: i).map { .some($0) }
        case .formula(let isDefault):
            guard let formula = isDefault ? model.defaultFormulas[m] : model.companyList[c].formulas[m],
                  let sum = formula.sum else { return nil }
            return metricSum(sum, c, y, before: i).map { .some($0) }
        default:
            return nil
        }
    }

    // MARK: - Methods

    /// A growth rule with no commitments on the company: last year's value times `1 + rate`
    /// (per year) or the factor.
    private mutating func rule(_ r: Int, _ c: Int, _ m: Int, _ y: Int, before i: Int) -> KernelOperand? {
        guard model.companyList[c].commitments.isEmpty, let rules = model.companyList[c].rules[m],
              evaluator.coveringRule(c, m, y) == r, let source = read(CellKey(c, m, y - 1), before: i) else { return nil }
        switch rules[r].kind {
        case .perYear(let rate, _, _):
            guard let rate = stored(rate) else { return nil }
            return emit { .grow(out: $0, source, rate) }
        case .factor(let factor, _):
            guard let factor = stored(factor) else { return nil }
            return emit { .times(out: $0, source, factor) }
        case .reaches:
            return nil
        }
    }

    /// A linear identity solved for the cell: certain terms folded into the constant in order
    /// (as `Quantity.linear` folds them), the others added draw by draw.
    private mutating func identity(_ index: Int, _ c: Int, _ m: Int, _ y: Int, before i: Int) -> KernelOperand? {
        let identity = model.identities[index]
        guard identity.ratio == nil else { return nil }
        let target = Quantity(0, model.canonicalUnit(m, company: c))
        var constant = identity.constant, own = 0.0
        var terms: [(Double, KernelOperand)] = []
        for (coefficient, metric) in identity.terms {
            if metric == m {
                own += coefficient
                continue
            }
            let key = CellKey(c, metric, y)
            guard let operand = read(key, before: i), let q = value(key),
                  let (k, _) = try? q.conversion(toMatch: target, operation: "add", rates: model.rates, year: y) else { return nil }
            switch operand {
            case .amount(let x): constant += coefficient * (k == 1 ? x : x * k)
            default:
                guard k == 1 else { return nil }
                terms.append((coefficient, operand))
            }
        }
        guard own != 0, !terms.isEmpty else { return nil }
        let divisor = -own
        return emit { .linear(out: $0, constant, terms, divisor) }
    }

    /// A sum of the company's metrics, added term by term as `Evaluator.evaluateSum` adds them
    /// (the units and displays worked out on the first slice's values, which have them).
    private mutating func metricSum(_ sum: ResolvedSum, _ c: Int, _ y: Int, before i: Int) -> KernelOperand? {
        guard var (total, totalQ) = term(sum.terms[0], c, y, before: i) else { return nil }
        var out: Int?
        for t in sum.terms.dropFirst() {
            guard let (x, q) = term(t, c, y, before: i), q.unit == totalQ.unit,
                  let (factor, _, _) = try? totalQ.sumTerm(q, negate: t.negate, rates: model.rates),
                  let next = try? totalQ.adding(q, negate: t.negate, rates: model.rates) else { return nil }
            let skipped = q.draws == nil && q.value == 0 && totalQ.draws != nil
            totalQ = next
            if skipped { continue }
            if case .amount(let a) = total, case .amount(let b) = x {
                total = .amount(a + factor * b)
                continue
            }
            let slot = out ?? allocate()
            out = slot
            ops.append(.addScaled(out: slot, total, factor, x))
            total = .slot(slot)
        }
        guard let out else { return nil }
        ops.append(.requireFinite(out))
        return .slot(out)
    }

    /// A term of a sum of metrics: its operand, and its first-slice value shown as its measure.
    private mutating func term(_ t: (metric: Int, back: Int, negate: Bool), _ c: Int, _ y: Int,
                               before i: Int) -> (KernelOperand, Quantity)? {
        let key = CellKey(c, t.metric, y - t.back)
        guard let operand = read(key, before: i), let q = value(key) else { return nil }
        return (operand, evaluator.shownAsMeasure(q, t.metric))
    }

    // MARK: - Operands and slots

    /// The operand of an earlier step's cell; nil when it is not a step before `i` or has no value.
    private mutating func read(_ key: CellKey, before i: Int) -> KernelOperand? {
        guard let j = tracer.step(of: key), j < i else {
            readInside = true
            return nil
        }
        return operands[j]
    }

    /// The first slice's value of a step's cell (for its unit and display).
    private func value(_ key: CellKey) -> Quantity? {
        guard let j = tracer.step(of: key), case .value(let q) = tracer.entries[j].result else { return nil }
        return q
    }

    /// A stored input: its amount when certain, else its draws read in place.
    private mutating func stored(_ q: Quantity) -> KernelOperand? {
        guard let draws = q.draws else { return .amount(q.value) }
        return input(draws)
    }

    private mutating func input(_ draws: Draws) -> KernelOperand? {
        guard draws.count == drawCount else { return nil }
        let address = draws.values.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        if let i = inputIndex[address] { return .stored(i) }
        inputIndex[address] = inputs.count
        inputs.append(draws.values)
        return .stored(inputs.count - 1)
    }

    /// A free slot for the operation `make` builds; the step's operand.
    private mutating func emit(_ make: (Int) -> KernelOp) -> KernelOperand {
        let slot = allocate()
        ops.append(make(slot))
        return .slot(slot)
    }

    private mutating func allocate() -> Int {
        if let slot = freeSlots.popLast() { return slot }
        slotCount += 1
        return slotCount - 1
    }
}

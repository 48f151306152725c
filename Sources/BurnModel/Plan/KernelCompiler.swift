// KernelCompiler: turns what a first slice worked out into a `Kernel`, cell by cell in the
// order finished (a cell worked out inside another too), from the method that found each.
// Each operation reads the cells the evaluator's method read and repeats its arithmetic; a
// certain cell is an amount (with no formula in the language anywhere, a certain cell comes
// from certain cells only, so it is the same in every slice). Anything else (a formula the
// language evaluates, interpolation, events, commitments, ratio identities) leaves the
// question to the `Program`. Slots are given out after: a buffer is reused once read last.

/// Compiles a traced question into a `Kernel`; nil when a cell has no operation.
struct KernelCompiler {
    /// Every cell the first slice worked out, in the order finished.
    private let finished: [(key: CellKey, entry: Entry)]
    /// Whether the language evaluated a formula for any of them.
    private let languageUsed: Bool
    private let evaluator: Evaluator
    private let model: Model
    private let drawCount: Int
    /// The latest value of each cell worked out so far: where its draws are, and the first
    /// slice's value (for units and displays). Absent: unknown.
    private var current: [CellKey: (operand: KernelOperand, value: Quantity)] = [:]
    /// Operations on virtual registers (one per value written), given slots by `allocateSlots`.
    private var ops: [KernelOp] = []
    private var registers = 0
    private var inputs: [[Double]] = []
    /// Stored inputs already placed, by the address of their draws.
    private var inputIndex: [Int: Int] = [:]
    /// Inputs made as they are read (`drawn` operations), and their numbers by the address of their draws.
    private var streams: [any DrawStream] = []
    private var streamIndex: [Int: Int] = [:]
    private var cellCount = 0
    /// The register holding each operation's value, by what it computes: the evaluator keeps
    /// no inner cell once a step is done, so a cell worked out inside one year's cell (last
    /// year's revenue inside this year's) is worked out again inside the next; the same
    /// operation on the same operands reads the register instead (same bits, half the loops of
    /// a year search).
    private var computed: [[UInt64]: Int] = [:]
    /// Registers a `requireNonNegative` already checks.
    private var checked: Set<Int> = []
    /// Set to compile once for a shape: certain values are then markers, amounts are never
    /// folded nor skipped (one company's zero is another's number), and each input is named
    /// by where it comes from (see `KernelParameters`).
    var parameters: KernelParameters?

    /// `tracer` must have recorded every cell (`recordsAll`).
    init(_ tracer: Tracer, evaluator: Evaluator) {
        self.init(finished: tracer.finished, languageUsed: tracer.languageUsed, evaluator: evaluator)
    }

    /// From the cells a first slice worked out (or would have: see `ShapeDrawKernel`).
    init(finished: [(key: CellKey, entry: Entry)], languageUsed: Bool = false, evaluator: Evaluator) {
        self.finished = finished
        self.languageUsed = languageUsed
        self.evaluator = evaluator
        self.model = evaluator.model
        self.drawCount = evaluator.model.drawCount ?? 0
    }

    /// The kernel for the question's `answers` (positions in `keys`); nil when a cell has no operation.
    mutating func compile(keys: [CellKey], answers: [Int]) -> Kernel? {
        guard let found = emit(keys: keys, answers: answers) else { return nil }
        let slotCount = allocateSlots()
        return Kernel(ops: ops, inputs: inputs, streams: streams, slotCount: slotCount, answers: found, cellCount: cellCount)
    }

    /// The kernel compiled with holes (`parameters` set), and where its holes and inputs come
    /// from; nil when a cell has no operation.
    mutating func compileWithParameters(keys: [CellKey], answers: [Int]) -> (kernel: Kernel, parameters: KernelParameters)? {
        guard parameters != nil, let kernel = compile(keys: keys, answers: answers), let parameters else { return nil }
        // Every marker stays an operand of its own (a constant holding one would be lost).
        for case .linear(_, let c, _, _) in kernel.ops where c.isNaN { return nil }
        for case .linearMarked(_, let c, _, _, _, _) in kernel.ops where c.isNaN { return nil }
        return (kernel, parameters)
    }

    /// A kernel that searches `keys` (a metric's years, in order) for the first meeting `test`:
    /// every year's cell is marked as it is worked out, up to the first unknown one. The result
    /// is handed over as answer `answer`.
    mutating func compileSearch(keys: [CellKey], test: YearTest, answer: Int) -> Kernel? {
        guard emit(keys: keys, answers: []) != nil, let last = keys.last else { return nil }
        var stop: Int?
        var marks: [KernelOp] = []
        for key in keys {
            guard let operand = current[key]?.operand else {
                stop = Int(key.year)
                break
            }
            marks.append(.mark(operand, year: Double(key.year), test: test))
        }
        placeMarks(marks)
        let slotCount = allocateSlots()
        var kernel = Kernel(ops: ops, inputs: inputs, streams: streams, slotCount: slotCount, answers: [],
                            cellCount: cellCount)
        kernel.search = KernelSearch(until: Int(last.year), stop: stop, answer: answer)
        return kernel
    }

    /// Puts each mark right after the operations that write and check its cell (at the start
    /// for a cell with no operation), so that its buffer is let go at once rather than kept to
    /// the end: fewer buffers, wider blocks. The order of marks does not change the years
    /// (each keeps the earliest), and any stop leaves the whole slice to the evaluator.
    private mutating func placeMarks(_ marks: [KernelOp]) {
        var after: [Int: [KernelOp]] = [:]
        var first: [KernelOp] = []
        for mark in marks {
            guard case .mark(let operand, _, _) = mark, let r = operand.slot,
                  var i = ops.lastIndex(where: { $0.writes == r }) else {
                first.append(mark)
                continue
            }
            while i + 1 < ops.count, ops[i + 1].isCheck(of: r) { i += 1 }
            after[i, default: []].append(mark)
        }
        var placed = first
        for (i, op) in ops.enumerated() {
            placed.append(op)
            placed += after[i] ?? []
        }
        ops = placed
    }

    /// The operations of every cell the first slice worked out, on virtual registers, and the
    /// answers kept; nil when a cell has no operation.
    private mutating func emit(keys: [CellKey], answers: [Int]) -> [KernelAnswer]? {
        guard !languageUsed else { return nil }
        var last: [CellKey: Int] = [:]
        for (i, cell) in finished.enumerated() { last[cell.key] = i }
        var answersAt: [Int: [Int]] = [:]
        for a in answers {
            guard let i = last[keys[a]] else { return nil }
            answersAt[i, default: []].append(a)
        }
        var found: [KernelAnswer] = []
        for (i, (key, entry)) in finished.enumerated() {
            switch entry.result {
            case .error: return nil
            case .unknown: current[key] = nil
            case .value(let q):
                if q.draws == nil {
                    current[key] = (.amount(q.value), q)
                } else {
                    guard let operand = compute(key, entry.how) else { return nil }
                    // A derived draw below zero is the evaluator's error to word.
                    if model.metricList[Int(key.metric)].neverNegative, entry.how != .fact {
                        guard let slot = operand.slot else { return nil }
                        if checked.insert(slot).inserted { ops.append(.requireNonNegative(slot)) }
                    }
                    cellCount += 1
                    current[key] = (operand, q)
                }
            }
            guard let positions = answersAt[i] else { continue }
            var drawn = false
            if let operand = current[key]?.operand {
                switch operand {
                case .slot, .stored:
                    drawn = true
                    ops.append(.keep(operand, into: found.count))
                case .amount: break
                }
            }
            found.append(KernelAnswer(key: key, entry: entry, drawn: drawn, answers: positions))
        }
        return found
    }

    /// The operand of a cell with draws, its operations emitted; nil when its method has none.
    private mutating func compute(_ key: CellKey, _ how: How) -> KernelOperand? {
        let c = Int(key.company), m = Int(key.metric), y = Int(key.year)
        switch how {
        case .fact:
            guard let cell = model.companyList[c].facts[m]?[y],
                  let stored = try? model.settledValue(cell, company: c, metric: m, year: y),
                  let draws = stored.draws else { return nil }
            return input(draws, from: .fact(metric: m, year: y))
        case .rule(let r):
            return rule(r, c, m, y)
        case .identity(let index):
            return identity(index, c, m, y)
        case .formula(let isDefault):
            guard let formula = isDefault ? model.defaultFormulas[m] : model.companyList[c].formulas[m],
                  let sum = formula.sum else { return nil }
            return metricSum(sum, c, y)
        default:
            return nil
        }
    }

    /// Gives each virtual register a slot, reused once the register is read for the last time;
    /// returns the number of slots.
    private mutating func allocateSlots() -> Int {
        var lastRead = [Int](repeating: -1, count: registers)
        for (i, op) in ops.enumerated() { for r in op.reads { lastRead[r] = i } }
        var slot = [Int](repeating: -1, count: registers)
        var free: [Int] = [], count = 0
        for i in ops.indices {
            let op = ops[i]
            if let r = op.writes, slot[r] < 0 {
                if let s = free.popLast() { slot[r] = s } else {
                    slot[r] = count
                    count += 1
                }
            }
            ops[i] = op.withSlots { slot[$0] }
            var done = op.reads.filter { lastRead[$0] == i }
            if let r = op.writes, lastRead[r] <= i { done.append(r) }
            for r in Set(done) { free.append(slot[r]) }
        }
        return count
    }

    // MARK: - Methods

    /// A growth rule with no commitments on the company: last year's value times `1 + rate`
    /// (per year) or the factor.
    private mutating func rule(_ r: Int, _ c: Int, _ m: Int, _ y: Int) -> KernelOperand? {
        guard model.companyList[c].commitments.isEmpty, let rules = model.companyList[c].rules[m],
              evaluator.coveringRule(c, m, y) == r, let source = current[CellKey(c, m, y - 1)]?.operand else { return nil }
        switch rules[r].kind {
        case .perYear(let rate, _, _):
            guard let rate = stored(rate, metric: m, rule: r) else { return nil }
            return emit { .grow(out: $0, source, rate) }
        case .factor(let factor, _):
            guard let factor = stored(factor, metric: m, rule: r) else { return nil }
            return emit { .times(out: $0, source, factor) }
        case .reaches:
            return nil
        }
    }

    /// A linear identity solved for the cell: certain terms folded into the constant in order
    /// (as `Quantity.linear` folds them), the others added draw by draw.
    private mutating func identity(_ index: Int, _ c: Int, _ m: Int, _ y: Int) -> KernelOperand? {
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
            guard let (operand, q) = current[key],
                  let (k, _) = try? q.conversion(toMatch: target, operation: "add", rates: model.rates, year: y) else { return nil }
            switch operand {
            case .amount(let x) where parameters == nil: constant += coefficient * (k == 1 ? x : x * k)
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
    private mutating func metricSum(_ sum: ResolvedSum, _ c: Int, _ y: Int) -> KernelOperand? {
        guard var (total, totalQ) = term(sum.terms[0], c, y) else { return nil }
        var out: Int?
        for t in sum.terms.dropFirst() {
            guard let (x, q) = term(t, c, y), q.unit == totalQ.unit,
                  let (factor, _, _) = try? totalQ.sumTerm(q, negate: t.negate, rates: model.rates),
                  let next = try? totalQ.adding(q, negate: t.negate, rates: model.rates) else { return nil }
            let skipped = q.draws == nil && q.value == 0 && totalQ.draws != nil
            totalQ = next
            if skipped { continue }
            if parameters == nil, case .amount(let a) = total, case .amount(let b) = x {
                total = .amount(a + factor * b)
                continue
            }
            let slot = out ?? newRegister()
            out = slot
            ops.append(.addScaled(out: slot, total, factor, x))
            total = .slot(slot)
        }
        guard let out else { return nil }
        ops.append(.requireFinite(out))
        return .slot(out)
    }

    /// A term of a sum of metrics: its operand, and its first-slice value shown as its measure.
    private func term(_ t: (metric: Int, back: Int, negate: Bool), _ c: Int, _ y: Int) -> (KernelOperand, Quantity)? {
        guard let (operand, q) = current[CellKey(c, t.metric, y - t.back)] else { return nil }
        return (operand, evaluator.shownAsMeasure(q, t.metric))
    }

    // MARK: - Operands and registers

    /// A rule's rate: its amount when certain, else its draws read in place.
    private mutating func stored(_ q: Quantity, metric m: Int, rule r: Int) -> KernelOperand? {
        guard let draws = q.draws else {
            guard parameters != nil else { return .amount(q.value) }
            return .amount(parameters!.mark(.rate(metric: m, rule: r)))
        }
        return input(draws, from: .rate(metric: m, rule: r))
    }

    private mutating func input(_ draws: Draws, from source: KernelParameters.Input) -> KernelOperand? {
        guard draws.count == drawCount else { return nil }
        // Named by its source: two sources sharing draws here may not share them elsewhere.
        if parameters != nil {
            let i = parameters!.position(of: source)
            if i == inputs.count { inputs.append(draws.values) }
            return .stored(i)
        }
        let address = draws.identity
        if let stream = draws.stream {
            let number = streamIndex[address] ?? streams.count
            if number == streams.count {
                streamIndex[address] = number
                streams.append(stream)
            }
            return emit { .drawn(out: $0, stream: number) }
        }
        if let i = inputIndex[address] { return .stored(i) }
        inputIndex[address] = inputs.count
        inputs.append(draws.values)
        return .stored(inputs.count - 1)
    }

    /// A new register for the operation `make` builds, or the register an earlier operation
    /// computing the same wrote (each is written once); the cell's operand.
    private mutating func emit(_ make: (Int) -> KernelOp) -> KernelOperand {
        let signature = make(-1).signature
        if let signature, let register = computed[signature] { return .slot(register) }
        let register = newRegister()
        ops.append(make(register))
        if let signature { computed[signature] = register }
        return .slot(register)
    }

    private mutating func newRegister() -> Int {
        registers += 1
        return registers - 1
    }
}

// ShapeDrawKernel: an uncertain question (a metric in a year) traced and compiled once for a
// company shape, then run for every other company of that shape without tracing it. Companies
// of one shape find every cell the same way (the shape's methods, which the traced company
// set), so the traced company's cells, in the order finished, are the other company's too.
// They are compiled once with a hole for each certain number (`KernelParameters`); for each
// company, its certain cells are worked out on numbers (`ShapeOp`s) and fill the holes, and
// its own draws are the inputs. Where the other company's numbers would send
// the evaluator another way (a certain value below zero, a fact in another unit, a rate
// certain for one company and uncertain for the other, a way of its own in the plan), or its
// kernel stops (a draw below zero, an infinite sum), the question goes the usual way: its first
// slice traced, then compiled.
//
// A cell worked out inside another (while a cell it could use was in progress) has no method
// in the shape's plan: each company finds it by trying each way in order, in the same
// context, so the same way. The plan then keeps that way for the company, as the trace would.

/// An uncertain question traced on one company of a shape (see the file's header).
struct ShapeDrawKernel {
    /// A cell the traced company's first slice worked out, as any company of the shape has it.
    struct Step {
        let metric: Int
        let year: Int
        let how: How
        /// The cell in the shape's plan (shape number, metric, year).
        let shaped: CellKey
        /// What it came to: certain (its register), draws (their unit and display), or nothing.
        let result: StepResult
    }

    enum StepResult {
        case certain(register: Int, unit: Unit, display: Display)
        case drawn(unit: Unit, display: Display)
        case unknown
    }

    let company: Int
    let metric: Int
    let year: Int
    let steps: [Step]
    /// The certain cells as operations on numbers, and their registers.
    let certainOps: [ShapeOp]
    let registerCount: Int
    /// Per metric with rules: whether each rule's rate has draws.
    let drawnRates: [Int: [Bool]]
    /// The question compiled with holes, and where its amounts and inputs come from.
    let kernel: Kernel
    let parameters: KernelParameters
    /// The unit of each uncertain fact read (another company's must be the same).
    let factUnits: [KernelParameters.Input: Unit]

    /// The template of `key`'s question from the first slice `tracer` recorded (every cell) for
    /// `key`'s company; nil when a cell was found a way other than its shape's, or has a step
    /// no operation does.
    init?(_ key: CellKey, tracer: Tracer, model: Model) {
        let c = Int(key.company)
        guard !tracer.languageUsed, let last = tracer.finished.last(where: { $0.key == key }),
              case .value(let answer) = last.entry.result, answer.draws != nil else { return nil }
        var compiler = ShapeKernelCompiler(model)
        guard let certain = compiler.compileCertain(tracer.finished),
              let steps = ShapeDrawKernel.steps(tracer.finished, certain.registers, model: model) else { return nil }
        // Each certain value a marker for its register; the draws and units the company's own.
        var parameters = KernelParameters()
        let finished = zip(tracer.finished, steps).map { cell, step -> (key: CellKey, entry: Entry) in
            guard case .certain(let register, let unit, let display) = step.result else { return cell }
            let marked = Quantity(parameters.mark(.register(register)), unit, display: display)
            return (cell.key, Entry(result: .value(marked), how: cell.entry.how, inputs: [], context: [:]))
        }
        var kernelCompiler = KernelCompiler(finished: finished,
                                            evaluator: Evaluator(model, lanes: 0..<(model.drawCount ?? 1), plan: model.memo.plan))
        kernelCompiler.parameters = parameters
        guard let compiled = kernelCompiler.compileWithParameters(keys: [key], answers: [0]),
              let units = ShapeDrawKernel.factUnits(compiled.parameters, company: c, model: model) else { return nil }
        company = c
        metric = Int(key.metric)
        year = Int(key.year)
        self.steps = steps
        certainOps = certain.ops
        registerCount = certain.count
        drawnRates = ShapeDrawKernel.drawnRates(model.companyList[c])
        kernel = compiled.kernel
        self.parameters = compiled.parameters
        factUnits = units
    }

    /// The traced company's cells as steps of any company of its shape; nil when a cell is
    /// another company's, was found another way than the shape's, or is an error.
    private static func steps(_ finished: [(key: CellKey, entry: Entry)], _ registers: [Int?], model: Model) -> [Step]? {
        guard let c = finished.first.map({ Int($0.key.company) }) else { return [] }
        let plan = model.memo.plan, shape = Int(model.shapeNumbers[c])
        var steps: [Step] = []
        for ((cell, entry), register) in zip(finished, registers) {
            guard Int(cell.company) == c else { return nil }
            let shaped = CellKey(shape, Int(cell.metric), Int(cell.year))
            let result: StepResult
            switch entry.result {
            case .value(let q):
                // Found by the shape's method, or (worked out inside another cell) by none.
                if let how = plan.shapes[shaped], how != entry.how { return nil }
                if q.draws != nil {
                    result = .drawn(unit: q.unit, display: q.display)
                } else {
                    guard let register else { return nil }
                    result = .certain(register: register, unit: q.unit, display: q.display)
                }
            case .unknown: result = .unknown
            case .error: return nil
            }
            steps.append(Step(metric: Int(cell.metric), year: Int(cell.year), how: entry.how, shaped: shaped, result: result))
        }
        return steps
    }

    /// The unit of each uncertain fact the kernel reads, in the traced company.
    private static func factUnits(_ parameters: KernelParameters, company c: Int,
                                  model: Model) -> [KernelParameters.Input: Unit]? {
        var units: [KernelParameters.Input: Unit] = [:]
        for case .fact(let m, let y) in parameters.inputs {
            guard let cell = model.companyList[c].facts[m]?[y],
                  let fact = try? model.settledValue(cell, company: c, metric: m, year: y) else { return nil }
            units[.fact(metric: m, year: y)] = fact.unit
        }
        return units
    }

    static func drawnRates(_ company: Company) -> [Int: [Bool]] {
        company.rules.mapValues { rules in rules.map { number($0).draws != nil } }
    }

    /// A rule's rate, factor or target.
    static func number(_ rule: GrowthRule) -> Quantity {
        switch rule.kind {
        case .perYear(let q, _, _), .factor(let q, _), .reaches(let q, _): return q
        }
    }

    /// The kernel of the question for company `c` of the same shape, nil when the evaluator
    /// might find one of its cells another way than the traced company's.
    func kernel(for c: Int, model: Model) -> Kernel? {
        let company = model.companyList[c], plan = model.memo.plan
        guard ShapeDrawKernel.drawnRates(company) == drawnRates,
              let r = ShapeOp.run(certainOps, registers: registerCount, company: company) else { return nil }
        for step in steps {
            let key = CellKey(c, step.metric, step.year)
            // The company's own way, then the shape's, would be tried first.
            if let how = plan.methods[key], how != step.how { return nil }
            if let how = plan.shapes[step.shaped], how != step.how { return nil }
        }
        var values: [Double] = []
        values.reserveCapacity(parameters.amounts.count)
        for amount in parameters.amounts {
            switch amount {
            case .register(let x): values.append(r[x])
            case .rate(let m, let i): values.append(ShapeDrawKernel.number(company.rules[m]![i]).value)
            }
        }
        var inputs: [[Double]] = []
        inputs.reserveCapacity(parameters.inputs.count)
        for input in parameters.inputs {
            let draws: Draws?
            switch input {
            case .fact(let m, let y):
                guard let cell = company.facts[m]?[y], let fact = try? model.settledValue(cell, company: c, metric: m, year: y),
                      fact.unit == factUnits[input] else { return nil }
                draws = fact.draws
            case .rate(let m, let i):
                draws = ShapeDrawKernel.number(company.rules[m]![i]).draws
            }
            guard let draws, draws.count == model.drawCount else { return nil }
            inputs.append(draws.values)
        }
        let answers = kernel.answers.map {
            KernelAnswer(key: CellKey(c, Int($0.key.metric), Int($0.key.year)), entry: $0.entry, drawn: $0.drawn, answers: $0.answers)
        }
        return Kernel(ops: kernel.ops.map { $0.filled(values) }, inputs: inputs, slotCount: kernel.slotCount,
                      answers: answers, cellCount: kernel.cellCount)
    }

    /// Keeps in the plan the way company `c` found each cell worked out inside another, as
    /// its trace would have (the next question then finds it the same way, not by trying).
    func keepWays(for c: Int, in plan: Plan) {
        for step in steps {
            if case .unknown = step.result { continue }
            let key = CellKey(c, step.metric, step.year)
            if plan.shapes[step.shaped] != step.how, plan.methods[key] == nil { plan.methods[key] = step.how }
        }
    }
}

/// A shape's uncertain question: compiled from its first company, or none (a step has no
/// operation, or a cell was found another way than the shape's).
enum ShapeDrawSlot {
    case compiled(ShapeDrawKernel)
    case none
}

extension Model {
    /// Keeps what the first slice of `key`'s question (asked alone) worked out as its shape's
    /// template, when none is kept yet.
    func keepShapeTemplate(_ key: CellKey, _ tracer: Tracer) {
        guard let shaped = compiledShape(key), memo.plan.shapeDraws[shaped] == nil else { return }
        // A company whose numbers made an error says nothing of the shape: the next one is traced.
        for (_, entry) in tracer.finished { if case .error = entry.result { return } }
        memo.plan.shapeDraws[shaped] = ShapeDrawKernel(key, tracer: tracer, model: self).map { .compiled($0) } ?? ShapeDrawSlot.none
    }

    /// `key`'s cell with every draw from its shape's template, without tracing its company;
    /// nil when the question must go the usual way.
    func shapeDrawLookup(_ key: CellKey) throws -> Evaluator.Found? {
        guard let total = drawCount, let shaped = compiledShape(key),
              case .compiled(let template)? = memo.plan.shapeDraws[shaped], template.company != Int(key.company) else { return nil }
        // A question big enough for both cores goes the usual way, which shares its slices out.
        if Parallel.threads > 1, template.kernel.ops.count * total >= Program.threadsWorth { return nil }
        let plan = memo.plan
        guard let kernel = template.kernel(for: Int(key.company), model: self) else { return nil }
        let evaluator = Evaluator(self, lanes: 0..<total, plan: plan)
        monitor?.progress?(0, total)
        let saved = KernelWatch.install(monitor)
        defer { KernelWatch.restore(saved) }
        try monitor?.checkNow()
        var found: Evaluator.Found?
        guard try kernel.run(evaluator, answer: { _ in found = try evaluator.topLookup(key) }) else { return nil }
        try monitor?.checkNow()
        monitor?.progress?(total, total)
        template.keepWays(for: Int(key.company), in: plan)
        statistics.shapeDrawAnswers += 1
        return found
    }
}

// ShapeKernel: a certain question (a metric in a year) compiled once for a company shape, then
// run for every company of that shape as a flat list of operations on numbers: the company's
// facts and rates in, the answer out, no memo, frames or `Quantity` per cell. Each operation
// repeats the evaluator's arithmetic for a certain cell; when a company's numbers would make
// the evaluator take another way (a derived cost below zero, a sum that is not finite, a fact
// in another unit), the kernel gives up and the evaluator answers.

/// An operation of a `ShapeKernel`: it writes register `out` (a step's value).
enum ShapeOp {
    /// The company's fact, which must be certain and in `unit`.
    case fact(out: Int, metric: Int, year: Int, unit: Unit)
    /// `registers[source] × (1 + rate)` or `× factor`: the company's rule `rule` for the metric.
    case rule(out: Int, source: Int, metric: Int, rule: Int, perYear: Bool)
    /// `(c + Σ kᵢ·xᵢ) / d + 0`: a linear identity solved for one term, as `Quantity.linear`.
    case linear(out: Int, constant: Double, terms: [(Double, Int)], divisor: Double)
    /// `x₀ + k₁·x₁ + …`, one term at a time, then required finite: a sum of metrics.
    case sum(out: Int, first: Int, terms: [(Double, Int)])
    /// 0: a metric that defaults to zero.
    case zero(out: Int)
    /// Gives up when the register is below zero: a derived value of a metric that is never
    /// negative is an error the evaluator words.
    case nonNegative(Int)
}

/// A cell the evaluator keeps while answering the question: the kernel keeps it too, so that
/// the model's cache is what the evaluator would have left (later questions then find the same
/// cells, by the same ways, as they did before there were kernels).
struct ShapeKeptCell {
    let metric: Int
    let year: Int
    /// Its register; nil for a cell kept as unknown.
    let register: Int?
    let how: How
    let unit: Unit
    let display: Display
}

/// A certain question compiled for the companies of one shape (see `ShapeKernelCompiler`).
/// It answers for a company none of whose cells is cached yet: the evaluator then works the
/// question out exactly as it did for the company traced.
struct ShapeKernel {
    let ops: [ShapeOp]
    let kept: [ShapeKeptCell]
    let registerCount: Int
    /// The answer's register, and its unit and display (the same for the whole shape).
    let answer: Int
    let unit: Unit
    let display: Display

    /// The answer for company `c`, or nil when the evaluator must answer.
    func value(company c: Int, in model: Model) -> Quantity? {
        let company = model.companyList[c]
        guard let r = ShapeOp.run(ops, registers: registerCount, company: company) else { return nil }
        for cell in kept {
            let result: Stored
            if let x = cell.register {
                result = .value(Quantity(r[x], cell.unit, display: cell.display))
            } else {
                result = .unknown(ModelError.unknown(company: company.name, metric: model.metricList[cell.metric].name,
                                                     year: cell.year))
            }
            model.memo.set(CellKey(c, cell.metric, cell.year), .done(Entry(result: result, how: cell.how, inputs: [], context: [:])))
        }
        return Quantity(r[answer], unit, display: display)
    }
}

extension ShapeOp {
    /// The registers after `ops` ran on `company`'s numbers, or nil when the evaluator must
    /// work them out (the company's numbers would send it another way).
    static func run(_ ops: [ShapeOp], registers count: Int, company: Company) -> [Double]? {
        var r = [Double](repeating: 0, count: count)
        for op in ops {
            switch op {
            case .fact(let out, let m, let y, let unit):
                guard let cell = company.facts[m]?[y], !cell.isDisputed else { return nil }
                let q = cell.first.value
                guard q.draws == nil, q.unit == unit else { return nil }
                r[out] = q.value
            case .rule(let out, let source, let m, let i, let perYear):
                guard let rules = company.rules[m], i < rules.count else { return nil }
                let rate: Quantity
                switch rules[i].kind {
                case .perYear(let q, _, _) where perYear: rate = q
                case .factor(let q, _) where !perYear: rate = q
                default: return nil
                }
                guard rate.draws == nil else { return nil }
                r[out] = perYear ? r[source] * (1 + rate.value) : r[source] * rate.value
            case .linear(let out, let constant, let terms, let divisor):
                var sum = constant
                for (k, x) in terms { sum += k * r[x] }
                r[out] = sum / divisor + 0
            case .sum(let out, let first, let terms):
                var total = r[first]
                for (k, x) in terms { total = total + k * r[x] }
                guard total.isFinite else { return nil }
                r[out] = total
            case .zero(let out):
                r[out] = 0
            case .nonNegative(let x):
                guard !(r[x] < 0) else { return nil }
            }
        }
        return r
    }
}

extension Model {
    /// Companies of a shape before its questions are compiled: with fewer, the evaluator
    /// answers each (a compiled question costs a trace of one company).
    static let shapeKernelCompanies = 8

    /// `key` answered by its shape's kernel, compiled from the first company of the shape that
    /// asked the same metric and year; nil when the evaluator must answer (no shape, too few
    /// companies, first asked, or the company's numbers need the evaluator's way).
    func shapeKernelValue(_ key: CellKey) -> (Quantity, work: Int)? {
        let c = Int(key.company)
        guard drawCount == nil, !memo.touched(company: c), let shaped = compiledShape(key) else { return nil }
        let plan = memo.plan
        switch plan.shapeKernels[shaped] {
        case .compiled(let kernel): return kernel.value(company: c, in: self).map { ($0, kernel.ops.count) }
        case .none?: return nil
        case .seed(let first)? where first != c:
            var compiler = ShapeKernelCompiler(self)
            guard let kernel = compiler.compile(CellKey(first, Int(key.metric), Int(key.year))) else {
                plan.shapeKernels[shaped] = ShapeKernelSlot.none
                return nil
            }
            plan.shapeKernels[shaped] = .compiled(kernel)
            return kernel.value(company: c, in: self).map { ($0, kernel.ops.count) }
        case .seed?: return nil
        case nil:
            plan.shapeKernels[shaped] = .seed(c)
            return nil
        }
    }
}

extension Model {
    /// `key` with its company's shape number in place of the company, when the company's shape
    /// has enough companies for its questions to be compiled (`shapeKernelCompanies`).
    func compiledShape(_ key: CellKey) -> CellKey? {
        let c = Int(key.company), shapes = shapeNumbers
        guard c < shapes.count, shapes[c] >= 0 else { return nil }
        let plan = memo.plan
        if plan.shapeSizes.isEmpty {
            plan.shapeSizes = [Int](repeating: 0, count: Int(shapes.max() ?? -1) + 1)
            for s in shapes where s >= 0 { plan.shapeSizes[Int(s)] += 1 }
        }
        guard plan.shapeSizes[Int(shapes[c])] >= Model.shapeKernelCompanies else { return nil }
        return CellKey(Int(shapes[c]), Int(key.metric), Int(key.year))
    }
}

/// A shape's kernel for one question: the company that asked first (compiled when a second
/// asks), the kernel, or none (the question has a step no operation does).
enum ShapeKernelSlot {
    case seed(Int)
    case compiled(ShapeKernel)
    case none
}

// Samples: an uncertain number as an array of samples, processed a whole array at a time.
// Sample i of every value belongs to the same draw, so `x - x` is exactly 0.
import BurnModel

public final class Samples {
    public let values: [Double]
    public let unit: Unit
    public let display: Display
    /// A condition over the samples (1 true, 0 false); `P(...)` reads its share of true.
    public let isCondition: Bool

    init(_ values: [Double], unit: Unit = .none, display: Display = .auto, isCondition: Bool = false) {
        self.values = values
        self.unit = unit
        self.display = display
        self.isCondition = isCondition
    }

    var mean: Double { values.reduce(0, +) / Double(max(1, values.count)) }

    /// The p-th percentile (0...100), interpolating linearly between order statistics.
    func percentile(_ p: Double) -> Double { Samples.percentile(values.sorted(), p) }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = p / 100 * Double(sorted.count - 1)
        let lo = Int(position.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo))
    }

    func quantity(_ x: Double) -> Quantity { Quantity(x, unit, display: display) }
}

extension Arithmetic {
    /// `a OP b` where either side is uncertain: element by element, a scalar joining every sample.
    static func samples(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value {
        let (xs, ux, dx) = try columns(a, span: span)
        let (ys, uy, dy) = try columns(b, span: span)
        let count = max(xs.count, ys.count)
        guard xs.count == ys.count || xs.count == 1 || ys.count == 1 else {
            throw Diagnostic("these uncertain numbers have different sample counts (\(xs.count) and \(ys.count))", at: span,
                             hint: "set `samples N` before drawing any of them")
        }
        // The unit of the result, and the factor a right-hand sample needs, from one sample of each.
        let unitProbe: Quantity
        var factor = 1.0
        do {
            switch op {
            case .add, .subtract:
                let converted = try Quantity(1, uy).converted(toMatch: Quantity(1, ux), operation: op == .add ? "add" : "subtract",
                                                                rates: rt.rates, year: nil)
                factor = converted.value
                unitProbe = Quantity(1, ux.isNone ? uy : ux, display: Quantity.combine(dx, dy))
            case .multiply:
                let (unit, f) = ux.multiplied(by: uy)
                factor = f
                unitProbe = Quantity(1, unit, display: unit.isNone && (dx == .percent || dy == .percent) ? .auto : .auto)
            case .divide:
                let q = Quantity(1, ux).divided(by: Quantity(1, uy), rates: rt.rates)
                factor = q.value
                unitProbe = Quantity(1, q.unit)
            default:
                guard uy.isNone, ux.isNone else { throw UnitError.badPower(ux.isNone ? uy : ux) }
                unitProbe = Quantity(1)
            }
        } catch let error as UnitError {
            throw unitError(error, at: span)
        }
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let x = xs[xs.count == 1 ? 0 : i], y = ys[ys.count == 1 ? 0 : i] * (op == .power ? 1 : factor)
            switch op {
            case .add: out[i] = x + y
            case .subtract: out[i] = x - y
            case .multiply: out[i] = x * y
            case .divide:
                if y == 0 { throw divisionByZero(span) }
                out[i] = x / y
            default: out[i] = Math.pow(x, y)
            }
            if !out[i].isFinite { throw notFinite(span) }
        }
        return .samples(Samples(out, unit: unitProbe.unit, display: unitProbe.display))
    }

    /// Comparisons of uncertain numbers: a condition, sample by sample.
    static func compareSamples(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value {
        let (xs, ux, _) = try columns(a, span: span)
        let (ys, uy, _) = try columns(b, span: span)
        var factor = 1.0
        do {
            factor = try Quantity(1, uy).converted(toMatch: Quantity(1, ux), operation: "compare", rates: rt.rates, year: nil).value
        } catch let error as UnitError {
            throw unitError(error, at: span)
        }
        let count = max(xs.count, ys.count)
        var out = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let x = xs[xs.count == 1 ? 0 : i], y = ys[ys.count == 1 ? 0 : i] * factor
            out[i] = holds(op, x < y ? -1 : (x > y ? 1 : 0), equal: x == y) ? 1 : 0
        }
        return .samples(Samples(out, isCondition: true))
    }

    /// The samples of a value (one sample for a plain quantity or a year).
    static func columns(_ v: Value, span: Span) throws -> ([Double], Unit, Display) {
        switch v {
        case .samples(let s): return (s.values, s.unit, s.display)
        default:
            guard let q = v.asQuantity else {
                throw Diagnostic("cannot combine \(v.typeName) with an uncertain number", at: span)
            }
            return ([q.value], q.unit, q.display)
        }
    }
}

/// `a to b`: lognormal on the 90% interval for positive bounds, normal otherwise.
final class UncertainNode: Node {
    let low: Node, high: Node
    unowned let interpreter: Interpreter
    init(_ low: Node, _ high: Node, interpreter: Interpreter, span: Span) {
        self.low = low
        self.high = high
        self.interpreter = interpreter
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        guard let a = try low.eval(rt).asQuantity, let b = try high.eval(rt).asQuantity else {
            throw Diagnostic("`a to b` takes two numbers", at: span)
        }
        let bHere: Double
        do {
            bHere = try b.converted(toMatch: a, operation: "compare", rates: rt.rates, year: nil).value
        } catch let error as UnitError {
            throw Arithmetic.unitError(error, at: span)
        }
        guard a.value < bHere else {
            throw Diagnostic("the bounds of `to` are reversed: the low end comes first", at: span,
                             hint: "write `\(interpreter.formatter.format(b)) to \(interpreter.formatter.format(a))`")
        }
        let unit = a.unit.isNone ? b.unit : a.unit
        return .samples(Samples(interpreter.draw90(a.value, bHere), unit: unit, display: a.display == .auto ? b.display : a.display))
    }
}

extension Interpreter {
    /// 1.6448…: the 95th percentile of the standard normal distribution.
    static let z95 = 1.6448536269514722

    /// Samples whose 5th and 95th percentiles are `a` and `b`: lognormal when 0 < a, else normal.
    func draw90(_ a: Double, _ b: Double) -> [Double] {
        let z = rng.normals(sampleCount)
        if a > 0 {
            let mu = (Math.log(a) + Math.log(b)) / 2, sigma = (Math.log(b) - Math.log(a)) / (2 * Interpreter.z95)
            return z.map { Math.exp(mu + sigma * $0) }
        }
        let mean = (a + b) / 2, sd = (b - a) / (2 * Interpreter.z95)
        return z.map { mean + sd * $0 }
    }
}

// Samples: an uncertain number as the language sees it, and the lane-by-lane operations on it:
// arithmetic, comparison, `if`, `and`/`or`/`not`, drawing with `a to b`.
import BurnModel
import Synchronization

/// An uncertain number: its draws (processed a whole array at a time), their unit, and what
/// they mean. Draw i of every uncertain number belongs to the same draw, so `x - x` is 0.
/// Immutable, so `Sendable`: the one thing it remembers (the order statistics percentiles
/// were read from) sits behind a lock.
public final class Samples: Sendable {
    /// What the draws of an uncertain value are: amounts, conditions or years.
    public enum Kind: Sendable {
        /// Amounts: money, quantities, plain numbers.
        case number
        /// A condition per draw: 1 where it holds, 0 where it does not; `P(...)` reads it.
        case condition
        /// Years per draw (a break-even year), NaN where there is none.
        case year
    }

    /// The draws, with their unit and display; `quantity.draws` is never nil.
    public let quantity: Quantity
    /// Whether the draws are amounts, conditions or years.
    public let kind: Kind

    init(_ quantity: Quantity, kind: Kind = .number) {
        self.quantity = quantity
        self.kind = kind
    }

    convenience init(_ values: [Double], unit: Unit = .none, display: Display = .auto, kind: Kind = .number) {
        self.init(Quantity(draws: Draws(values), unit, display: display), kind: kind)
    }

    var draws: Draws { quantity.draws! }
    var values: [Double] { draws.values }
    var unit: Unit { quantity.unit }
    var display: Display { quantity.display }
    var isCondition: Bool { kind == .condition }

    /// The mean of the draws that have a value (for a condition, the share where it holds).
    var mean: Double { isCondition ? draws.share : draws.mean }

    /// The order statistics of the draws, made at the first percentile asked and kept (they
    /// remember the ranks found), under a lock since a host may ask from several threads.
    private let orderCache = Mutex<OrderStatistics?>(nil)

    /// Percentiles (0...100) of the draws that have a value; NaN when none has.
    func percentiles(_ ps: [Double]) -> [Double] {
        orderCache.withLock { cache in
            let order = cache ?? OrderStatistics(draws)
            cache = order
            return order.percentiles(ps)
        }
    }

    /// The order statistics, as `order.percentiles([5, 95])` reads them (through the lock).
    var order: Order { Order(samples: self) }

    struct Order {
        let samples: Samples
        func percentiles(_ ps: [Double]) -> [Double] { samples.percentiles(ps) }
    }

    /// The p-th percentile (0...100) of the draws that have a value.
    func percentile(_ p: Double) -> Double { percentiles([p])[0] }

    /// A certain quantity in these samples' unit and display.
    func quantity(_ x: Double) -> Quantity { Quantity(x, unit, display: display) }
}

extension Runtime {
    /// An uncertain quantity with every draw cut to the lanes of the formula being evaluated,
    /// when the model is evaluated a slice of draws at a time (a knob drawn with all the
    /// model's draws meeting a metric's slice).
    @inline(__always) func cut(_ q: Quantity) -> Quantity {
        guard let lanes, let draws = q.draws, draws.count == laneTotal, lanes.count != draws.count else { return q }
        var cut = q
        cut.draws = draws.slice(lanes)
        return cut
    }
}

extension Arithmetic {
    /// A value as one operand of a lane-by-lane operation.
    static func operand(_ v: Value, rt: Runtime, span: Span) throws -> Quantity {
        if case .samples(let s) = v { return rt.cut(s.quantity) }
        guard let q = v.asQuantity else {
            throw Diagnostic("cannot combine \(v.typeName) with an uncertain number", at: span)
        }
        return q
    }

    /// Both operands, refusing uncertain numbers of different widths.
    static func operands(_ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> (Quantity, Quantity) {
        let x = try operand(a, rt: rt, span: span), y = try operand(b, rt: rt, span: span)
        try sameWidth(x, y, span: span)
        return (x, y)
    }

    /// Draw i of one is draw i of the other only when both have as many.
    static func sameWidth(_ x: Quantity, _ y: Quantity, span: Span) throws {
        guard let dx = x.draws, let dy = y.draws, dx.count != dy.count else { return }
        throw Diagnostic("these uncertain numbers have different sample counts (\(dx.count) and \(dy.count))", at: span,
                         hint: "set `samples N` once, before drawing any of them")
    }

    /// `a OP b` where either side is uncertain: draw by draw, a certain side joining every draw.
    static func samples(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value {
        for case .samples(let s) in [a, b] where s.isCondition {
            throw Diagnostic("cannot apply '\(op.rawValue)' to an uncertain condition", at: span,
                             hint: "a condition is true or false in each sample: `P(...)` gives the share where it holds")
        }
        let (x, y) = try operands(a, b, rt: rt, span: span)
        var result: Quantity
        do {
            switch op {
            case .add: result = try x.adding(y, rates: rt.rates)
            case .subtract: result = try x.adding(y, negate: true, rates: rt.rates)
            case .multiply: result = try x.multiplied(by: y)
            case .divide:
                try KindArithmetic.check(.divide, x, y)
                if rt.maskedBranches == 0, y.draws?.values.contains(0) ?? (y.value == 0) { throw divisionByZero(span) }
                result = try x.divided(by: y, rates: rt.rates)
            default:
                result = try x.raised(to: y)
                if rt.maskedBranches == 0, producedNaN(result, x, y) { throw notFinite(span) }
            }
        } catch let error as UnitError {
            throw unitError(error, at: span)
        }
        // Draws are work (a step per 1,024); a loop cut short by a stop throws here.
        try rt.countDraws(result.draws?.count ?? 1, at: span)
        if !result.isFinite {
            // Inside a branch of an uncertain `if`, a failing draw may be one the branch is not
            // chosen for: it has no value here, and `select` keeps it only if chosen.
            guard rt.maskedBranches > 0 else { throw notFinite(span) }
            result = result.mapAmounts { $0.isFinite ? $0 : .nan }
        }
        return Value.make(result)
    }

    /// True where a power of two draws with values gave none (a fractional power of a negative).
    private static func producedNaN(_ r: Quantity, _ x: Quantity, _ y: Quantity) -> Bool {
        guard let d = r.draws?.values else { return r.value.isNaN }
        // Each array read once (draws made by a recipe are looked up when read).
        let xs = x.draws?.values, ys = y.draws?.values
        for i in d.indices where d[i].isNaN {
            let xi = xs?[i] ?? x.value, yi = ys?[i] ?? y.value
            if !xi.isNaN && !yi.isNaN { return true }
        }
        return false
    }

    /// Comparisons of uncertain numbers: a condition, draw by draw.
    static func compareSamples(_ op: BinaryOp, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value {
        let (x, y) = try operands(a, b, rt: rt, span: span)
        // A draw of a year that has none (no break-even in the years searched) is later than
        // every year: `breakeven > 2030` holds there, `breakeven <= 2030` does not.
        func isYear(_ v: Value) -> Bool {
            if case .samples(let s) = v { return s.kind == .year }
            return false
        }
        do {
            let condition = try x.compareDraws(y, rates: rt.rates, late: (isYear(a), isYear(b))) { holds(op, $0, equal: $0 == 0) }
            try rt.countDraws(condition.draws?.count ?? 1, at: span)
            return .samples(Samples(condition, kind: .condition))
        } catch let error as UnitError {
            throw unitError(error, at: span)
        }
    }

    /// `if c then a else b` with an uncertain condition: each draw takes its branch; a branch
    /// that is none (`none(...)`) leaves its draws without a value.
    static func select(_ condition: Samples, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value {
        func side(_ v: Value) throws -> Quantity? {
            if case .none = v { return nil }
            if case .samples = v { return try operand(v, rt: rt, span: span) }
            guard let q = v.asQuantity else {
                throw Diagnostic("an uncertain condition cannot choose between \(v.typeName) and a number", at: span,
                                 hint: "the condition holds in some samples and not in others, so `if` picks draw by draw; both branches must be numbers (or none)")
            }
            return q
        }
        let x = try side(a), y = try side(b)
        guard x != nil || y != nil else { return a }
        var k = 1.0, unit = x?.unit ?? y!.unit, display = x?.display ?? y!.display
        if let x, let y {
            do {
                k = try Quantity(1, y.unit).converted(toMatch: x, operation: "choose between", rates: rt.rates, year: nil).value
            } catch let error as UnitError {
                throw unitError(error, at: span)
            }
            if x.unit.isNone { unit = y.unit }
            display = KindArithmetic.choiceDisplay(x.display, y.display)
        }
        // Each side's draws read once (draws made by a recipe are looked up when read).
        let xs = x?.draws?.values, ys = y?.draws?.values
        func lane(_ q: Quantity?, _ draws: [Double]?, _ i: Int) -> Double {
            guard let q else { return .nan }
            return draws?[i] ?? q.value
        }
        let picks = rt.cut(condition.quantity).draws!.values
        let values = picks.indices.map { i in picks[i] != 0 ? lane(x, xs, i) : lane(y, ys, i) * k }
        try rt.countDraws(values.count, at: span)
        return .samples(Samples(Quantity(draws: Draws(values), unit, display: display)))
    }

    /// `and`, `or` on conditions, draw by draw (a certain side joins every draw).
    static func logic(_ isAnd: Bool, _ a: Value, _ b: Value, rt: Runtime, span: Span) throws -> Value {
        func truthQuantity(_ v: Value) throws -> Quantity {
            if case .bool(let t) = v { return Quantity(t ? 1 : 0) }
            guard case .samples(let s) = v, s.isCondition else {
                throw Diagnostic("expected a condition, found \(v.typeName)", at: span)
            }
            return rt.cut(s.quantity)
        }
        let (x, y) = (try truthQuantity(a), try truthQuantity(b))
        try sameWidth(x, y, span: span)
        let r = Quantity.lanewise(x, y) { isAnd ? ($0 != 0 && $1 != 0 ? 1 : 0) : ($0 != 0 || $1 != 0 ? 1 : 0) }
        try rt.countDraws(r.draws?.count ?? 1, at: span)
        guard r.isUncertain else { return .bool(r.value != 0) }
        return .samples(Samples(r, kind: .condition))
    }

    /// `not c` for a condition, draw by draw.
    static func negation(_ s: Samples, rt: Runtime) -> Value {
        .samples(Samples(rt.cut(s.quantity).mapAmounts { $0 != 0 ? 0 : 1 }, kind: .condition))
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
        try rt.refuseDrawingInFormula(at: span)
        guard let a = try low.eval(rt).asQuantity, let b = try high.eval(rt).asQuantity else {
            throw Diagnostic("`a to b` takes two numbers", at: span)
        }
        let bHere: Double
        do {
            bHere = try b.converted(toMatch: a, operation: "compare", rates: rt.rates, year: nil).value
        } catch let error as UnitError {
            throw Arithmetic.unitError(error, at: span)
        }
        try refuseMixedBounds(a, b, rt)
        guard a.value < bHere else {
            throw Diagnostic("the bounds of `to` are reversed: the low end comes first", at: span,
                             hint: "write `\(interpreter.formatter.format(b)) to \(interpreter.formatter.format(a))`")
        }
        let unit = a.unit.isNone ? b.unit : a.unit
        try rt.reserveDraws(interpreter.sampleCount, at: span)
        let drawn = interpreter.draws90(a.value, bHere)
        try rt.countDraws(drawn.count, at: span)
        // A draw past the largest number would print as infinity: an error here, where it is made.
        guard drawn.knownFinite || drawn.values.allSatisfy(\.isFinite) else { throw Arithmetic.notFinite(span) }
        return .samples(Samples(Quantity(draws: drawn, unit, display: a.display == .auto ? b.display : a.display)))
    }
}

extension UncertainNode {
    /// `20 to 60%`: a plain number beside a percentage (or a multiple) is 20 against 0.6, where
    /// the same kind was meant for both.
    fileprivate func refuseMixedBounds(_ a: Quantity, _ b: Quantity, _ rt: Runtime) throws {
        guard a.unit.isNone, b.unit.isNone else { return }
        let suffix: (Display) -> String? = { $0 == .percent ? "%" : ($0 == .multiple ? "x" : nil) }
        let (sa, sb) = (suffix(a.display), suffix(b.display))
        guard (sa == nil) != (sb == nil), a.display == .auto || b.display == .auto,
              let file = interpreter.sources[span.file] else { return }
        let kind = (sa ?? sb) == "%" ? "a percentage" : "a multiple"
        let low = file.text(of: self.low.span) + (sa == nil ? sb! : ""), high = file.text(of: self.high.span) + (sb == nil ? sa! : "")
        throw Diagnostic("one bound of `to` is \(kind) and the other a plain number", at: span,
                         hint: "write both bounds the same way: `\(low) to \(high)`")
    }
}

extension Runtime {
    /// Drawing inside a formula would draw anew for every year and every question, so the
    /// same cell would change from one question to the next: draws are made outside.
    func refuseDrawingInFormula(at span: Span) throws {
        guard formula != nil else { return }
        throw Diagnostic("cannot draw an uncertain number inside a formula", at: span,
                         hint: "draw it once outside: `let share = 70% to 90%`, then use `share` in the formula")
    }
}

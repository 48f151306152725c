// ModelNodes: nodes that read the financial model: metrics by year, members, conversions.
import BurnModel

/// `year` inside a formula.
final class FormulaYearNode: Node {
    override func eval(_ rt: Runtime) throws -> Value {
        guard let frame = rt.formula else { throw Diagnostic("'year' only has a value inside a formula", at: span) }
        return .year(frame.year)
    }
}

/// A metric read inside a formula: `costs` (the formula's year) or `revenue[year - 1]`.
final class FormulaMetricNode: Node {
    let company: String?
    let metric: String
    let year: Node?
    init(company: String?, metric: String, year: Node?, span: Span) {
        self.company = company
        self.metric = metric
        self.year = year
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        guard let frame = rt.formula else {
            throw Diagnostic("'\(metric)' is read outside a formula", at: span)
        }
        let y = try year.map { try wholeNumber($0.eval(rt), at: $0.span, what: "a year") } ?? frame.year
        // A computed year (`revenue[year - 1]`) may reach outside the calendar: the value is
        // just unknown there. A year written out (`revenue[24]`) must be a real one.
        if let year, year is ConstantNode { try checkCalendarYear(y, at: year.span) }
        return Value.make(try rt.world.value(company: company ?? frame.company, metric: metric, year: y, at: span))
    }
}

/// `series[year]`, `series[a..b]`, `list[i]`.
final class IndexNode: Node {
    let base: Node, index: Node
    init(_ base: Node, _ index: Node, span: Span) {
        self.base = base
        self.index = index
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let container = try base.eval(rt)
        let position = try index.eval(rt)
        switch container {
        case .series(let company, let metric):
            // Outside formulas every year read is checked; inside, only years written out.
            let checked = rt.formula == nil || index is ConstantNode
            if case .range(let a, let b) = position {
                if checked { _ = try checkCalendarYears(a, b, at: index.span) }
                var values: [Quantity] = []
                for y in a...b { values.append(try finite(rt.world.value(company: company, metric: metric, year: y, at: span))) }
                return .seriesValues(SeriesValues(company: company, metric: metric, firstYear: a, values: values))
            }
            let y = try wholeNumber(position, at: index.span, what: "a year")
            if checked { try checkCalendarYear(y, at: index.span) }
            if rt.formula == nil {
                let answer = try rt.world.answer(company: company, metric: metric, year: y, at: span)
                if let q = answer.asQuantity { _ = try finite(q) }
                if case .samples(let s) = answer { _ = try finite(s.quantity) }
                return answer
            }
            return Value.make(try finite(rt.world.value(company: company, metric: metric, year: y, at: span)))
        case .seriesValues(let s):
            let y = try wholeNumber(position, at: index.span, what: "a year")
            guard y >= s.firstYear, y < s.firstYear + s.values.count else {
                throw Diagnostic("\(y) is outside this series (\(s.firstYear)..\(s.firstYear + s.values.count - 1))", at: index.span)
            }
            return Value.make(s.values[y - s.firstYear])
        case .list(let list):
            let i = try wholeNumber(position, at: index.span, what: "a list position")
            guard i >= 0, i < list.items.count else {
                throw Diagnostic("position \(i) is outside this list of \(list.items.count)", at: index.span,
                                 hint: list.items.isEmpty ? "the list is empty" : "positions run from 0 to \(list.items.count - 1)")
            }
            return list.items[i]
        default:
            throw Diagnostic("\(container.typeName.capitalizedFirst) cannot be indexed", at: base.span,
                             hint: "index a metric by year (`revenue[2024]`) or a list by position (`rounds[0]`)")
        }
    }

    /// A metric's value in a year, or the error when growth took it past any finite number
    /// (`users grows 1000000000% per year` read in 2200): never `infinity` printed as a value.
    private func finite(_ q: Quantity) throws -> Quantity {
        // Uncertain: no draw infinite (a draw without a value, NaN, is "none" in that draw).
        guard q.draws.map({ $0.hasNoInfinity }) ?? !q.value.isInfinite else { throw Arithmetic.notFinite(span) }
        return q
    }
}

/// `OpenAI.revenue`, `OpenAI.rounds`, `r.post`.
final class MemberNode: Node {
    let base: Node
    let name: Name
    init(_ base: Node, _ name: Name, span: Span) {
        self.base = base
        self.name = name
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let value = try base.eval(rt)
        return try rt.world.member(of: value, name, at: span, baseSpan: base.span)
    }
}

/// `expr as target`.
final class ConvertNode: Node {
    enum Target {
        case display(Display)
        case currency(String)
        case unit(UnitDefinition)
    }
    let value: Node
    let target: Target
    let targetSpan: Span
    init(_ value: Node, to target: Target, span: Span, targetSpan: Span) {
        self.value = value
        self.target = target
        self.targetSpan = targetSpan
        super.init(span: span)
    }
    override func eval(_ rt: Runtime) throws -> Value {
        let v = try value.eval(rt)
        guard var q = Self.convertible(v) else {
            throw Diagnostic("cannot convert \(v.typeName) with `as`", at: value.span)
        }
        do {
            switch target {
            case .display(let display):
                if (display == .percent || display == .multiple) && !q.unit.isNone {
                    throw Diagnostic("cannot show \(q.unit.description) as a \(display == .percent ? "percentage" : "multiple")",
                                     at: targetSpan, hint: "divide by a like quantity first: `a / b as %`")
                }
                q.display = display
            case .currency(let code):
                guard q.unit.moneyPower != 0 else {
                    throw Diagnostic("cannot convert \(describe(v, rt.owner?.formatter ?? ValueFormatter())) to \(code)", at: targetSpan,
                                     hint: "only money converts between currencies; write `\((rt.owner?.formatter ?? ValueFormatter()).plain(q.value)) \(code)` to make money")
                }
                q = try q.inCurrency(code, rates: rt.rates)
            case .unit(let unit):
                let target = Quantity(1, .named(unit))
                q = try q.converted(toMatch: target, operation: "convert", rates: rt.rates, year: nil)
                q.display = .auto
            }
        } catch let error as UnitError {
            throw Arithmetic.unitError(error, at: span)
        }
        return Value.make(q)
    }

    /// The amounts `as` works on: a number of any kind, certain or uncertain (draw by draw).
    private static func convertible(_ v: Value) -> Quantity? {
        if case .samples(let s) = v { return s.kind == .number ? s.quantity : nil }
        return v.asQuantity
    }
}

/// `OpenAI.breakeven <= 2030` (and `<`, `==`, or mirrored): whether the year comes by a bound
/// needs the search only up to the bound, not to the model's horizon. For an uncertain model
/// that is the difference between 7 years and 77 for the draws that never break even.
final class YearBoundNode: Node {
    let compare: CompareNode
    let member: MemberNode
    let bound: Node
    /// `answer OP bound`, with the answer on the left.
    let op: BinaryOp

    private init(_ compare: CompareNode, member: MemberNode, bound: Node, op: BinaryOp) {
        self.compare = compare
        self.member = member
        self.bound = bound
        self.op = op
        super.init(span: compare.span)
    }

    /// The node for a comparison of `breakeven` or `runs_out` with a bound it can stop at.
    static func matching(_ c: CompareNode) -> YearBoundNode? {
        func searched(_ n: Node) -> MemberNode? {
            guard let m = n as? MemberNode, ["breakeven", "runs_out"].contains(m.name.text) else { return nil }
            return m
        }
        if let m = searched(c.lhs), [.less, .lessEqual, .equal].contains(c.op) {
            return YearBoundNode(c, member: m, bound: c.rhs, op: c.op)
        }
        let mirrored: [BinaryOp: BinaryOp] = [.greater: .less, .greaterEqual: .lessEqual, .equal: .equal]
        if let m = searched(c.rhs), let op = mirrored[c.op] {
            return YearBoundNode(c, member: m, bound: c.lhs, op: op)
        }
        return nil
    }

    override func eval(_ rt: Runtime) throws -> Value {
        let base = try member.base.eval(rt)
        let limit = try bound.eval(rt)
        let company: String
        switch base {
        case .company(let name): company = name
        case .string(let name) where rt.world.isCompany(name): company = name
        default: return try compare.eval(rt)
        }
        guard let year = limit.asQuantity.flatMap({ $0.isPlain && $0.value == $0.value.rounded() ? Int(exactly: $0.value) : nil })
        else { return try compare.eval(rt) }
        return try rt.world.yearBy(company, member.name.text, op, year, at: span)
    }
}

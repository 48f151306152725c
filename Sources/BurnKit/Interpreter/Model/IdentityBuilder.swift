// IdentityBuilder: reads `identity a = b - c` as the linear relation a - b + c = 0, and
// `identity a = b / c` (or `b = a * c`) as a ratio.
import BurnModel

struct IdentityBuilder {
    let world: World
    /// (metric, coefficient), in the order written.
    private(set) var terms: [(String, Double)] = []
    private(set) var constant = 0.0

    init(world: World) { self.world = world }

    mutating func add(_ e: Expr, sign: Double) throws {
        switch e.kind {
        case .name(let metric):
            try world.requireMetric(Name(metric, e.span))
            if let i = terms.firstIndex(where: { $0.0 == metric }) { terms[i].1 += sign } else { terms.append((metric, sign)) }
        case .number(let x, _):
            constant += sign * x
        case .unary(.negate, let inner):
            try add(inner, sign: -sign)
        case .binary(.add, let l, let r):
            try add(l, sign: sign)
            try add(r, sign: sign)
        case .binary(.subtract, let l, let r):
            try add(l, sign: sign)
            try add(r, sign: -sign)
        case .binary(.multiply, let l, let r):
            if case .number(let x, _) = l.kind { try add(r, sign: sign * x) }
            else if case .number(let x, _) = r.kind { try add(l, sign: sign * x) }
            else { throw notLinear(e) }
        default:
            throw notLinear(e)
        }
    }

    /// `margin = operating_income / revenue`, or the same written as a product
    /// (`operating_income = margin * revenue`): a metric on one side, a quotient or product of
    /// two metrics on the other. Nil for any other shape (a linear identity, or an error).
    static func ratio(_ lhs: Expr, _ rhs: Expr, world: World, at: SourceRef?) throws -> RatioIdentity? {
        guard let (single, pair) = metricAndPair(lhs, rhs) ?? metricAndPair(rhs, lhs),
              case .binary(let op, let l, let r) = pair.kind,
              case .name(let x) = single.kind, case .name(let a) = l.kind, case .name(let b) = r.kind else { return nil }
        for (name, e) in [(x, single), (a, l), (b, r)] { try world.requireMetric(Name(name, e.span)) }
        guard Set([x, a, b]).count == 3 else {
            throw Diagnostic("a ratio identity needs three different metrics", at: lhs.span.to(rhs.span),
                             hint: "write it like `identity margin = operating_income / revenue`")
        }
        // x = a / b is the ratio itself; x = a * b is the ratio a = x / b.
        return op == .divide ? RatioIdentity(x, a, b, at: at) : RatioIdentity(a, x, b, at: at)
    }

    /// A lone metric name on one side and a product or quotient of two names on the other.
    private static func metricAndPair(_ one: Expr, _ other: Expr) -> (Expr, Expr)? {
        guard case .name = one.kind, case .binary(let op, let l, let r) = other.kind,
              op == .divide || op == .multiply, case .name = l.kind, case .name = r.kind else { return nil }
        return (one, other)
    }

    private func notLinear(_ e: Expr) -> Diagnostic {
        Diagnostic("an identity adds and subtracts metrics (with constant factors), or divides one metric by another",
                   at: e.span,
                   hint: "write it like `identity operating_income = revenue - costs` or `identity margin = operating_income / revenue`; use a formula for anything else")
    }
}

// IdentityBuilder: reads `identity a = b - c` as the linear relation a - b + c = 0.
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

    private func notLinear(_ e: Expr) -> Diagnostic {
        Diagnostic("an identity adds and subtracts metrics (with constant factors)", at: e.span,
                   hint: "write it like `identity operating_income = revenue - costs`; use a formula for anything else")
    }
}

// Checks: `check` statements. A failed check says why: both sides of a comparison as values,
// and for `and`, `or` and `not` which part is false, pointing at that part.
import BurnModel

extension Interpreter {
    /// Why a check failed: the words after `check failed: `, and where to point.
    struct CheckFailure {
        var reason: String
        var span: Span
        var label: String?
        var hint: String?
    }

    func check(_ e: Expr, _ approximately: Expr?, _ within: Expr?, statement: Stmt, file: SourceFile) throws {
        let failure: CheckFailure?
        if let approximately {
            let span = e.span.to(within?.span ?? approximately.span)
            failure = try approximateFailure(e, approximately, within)
                .map { CheckFailure(reason: "\(sourceText(e)) ~ \(sourceText(approximately)): \($0)", span: span) }
        } else {
            failure = try falsehood(e).map { f in
                var whole = f
                whole.reason = "\(sourceText(e)): \(f.reason)"
                return whole
            }
        }
        guard let failure else {
            checksPassed += 1
            return
        }
        let diagnostic = Diagnostic("check failed: \(failure.reason)", at: failure.span, label: failure.label,
                                    hint: failure.hint)
        guard countChecks else { throw diagnostic }
        checksFailed += 1
        let (line, column) = file.location(of: failure.span.start)
        emit(.checkFailure(CheckFailureEvent(message: diagnostic.message, file: file.name, line: line, column: column,
                                             display: DiagnosticRenderer().render(diagnostic, file: file))))
    }

    // MARK: - Conditions

    /// Why the condition `e` is false, or nil when it holds. `and` and `or` short-circuit as
    /// they do when evaluated.
    private func falsehood(_ e: Expr) throws -> CheckFailure? {
        switch e.kind {
        case .binary(let op, let l, let r) where Interpreter.comparisons.contains(op):
            return try truth(of: e) ? nil : sides(op, l, r, span: e.span)
        case .binary(.and, let l, let r):
            if let f = try falsehood(l) { return part(f, l) }
            return try falsehood(r).map { part($0, r) }
        case .binary(.or, let l, let r):
            guard let f = try falsehood(l), let g = try falsehood(r) else { return nil }
            return CheckFailure(reason: "both sides are false: \(part(f, l).reason); \(part(g, r).reason)", span: e.span)
        case .unary(.not, let inner):
            guard try falsehood(inner) == nil else { return nil }
            return CheckFailure(reason: "`\(sourceText(inner))` is true", span: inner.span, label: "this is true")
        default:
            return try truth(of: e) ? nil : CheckFailure(reason: "it is false", span: e.span)
        }
    }

    private static let comparisons: Set<BinaryOp> = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]

    /// A false `a OP b` with both sides shown as values. The condition itself was evaluated
    /// as written (so `breakeven <= 2028` searches no further than 2028); a side that cannot
    /// be shown on its own leaves the plain reason.
    private func sides(_ op: BinaryOp, _ l: Expr, _ r: Expr, span: Span) -> CheckFailure {
        guard let a = try? evaluate(l), let b = try? evaluate(r) else {
            return CheckFailure(reason: "it is false", span: span)
        }
        let left = formatter.format(shownBeside(a, b)), right = formatter.format(shownBeside(b, a))
        var hint: String?
        if left == right, op == .equal {
            hint = "the two sides differ beyond the digits shown: `check a ~ b` allows a tolerance (1% unless `within` says)"
        }
        return CheckFailure(reason: "left is \(left), right is \(right)", span: span, hint: hint)
    }

    /// A plain number compared with money is money in that currency (LANGUAGE.md section 2),
    /// so `check costs == 9B` shows `$9B` beside `$8.7B`.
    private func shownBeside(_ v: Value, _ other: Value) -> Value {
        guard let q = v.asQuantity, q.unit.isNone, q.display == .auto, q.draws == nil,
              let o = other.asQuantity, o.unit.isMoney else { return v }
        return Value.make(q.with(o.unit))
    }

    /// A part of an `and` or `or` that is false, named in the reason.
    private func part(_ f: CheckFailure, _ e: Expr) -> CheckFailure {
        if f.reason.hasPrefix("`") || f.reason.hasPrefix("in `") { return f }
        var named = f
        named.reason = "in `\(sourceText(e))`, \(f.reason)"
        named.label = named.label ?? "this is false"
        return named
    }

    /// A condition that is not a comparison (`check ok`, `check is_funded(x)`).
    private func truth(of e: Expr) throws -> Bool {
        let v = try evaluate(e)
        guard case .bool(let ok) = v else {
            var hint = "compare two values: `check a == b`, or `check a ~ b within 5%`"
            if case .samples = v { hint = "an uncertain condition holds in a share of samples: `check P(x > 5B) > 50%`" }
            throw Diagnostic("a check needs a condition, found \(describe(v))", at: e.span, hint: hint)
        }
        return ok
    }

    /// The source of an expression on one line, for a message.
    private func sourceText(_ e: Expr) -> String {
        let text = sources[e.span.file]?.text(of: e.span) ?? ""
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    // MARK: - Approximately

    /// Why `a ~ b within t` fails, or nil when it holds.
    private func approximateFailure(_ a: Expr, _ b: Expr, _ within: Expr?) throws -> String? {
        let left = try evaluate(a), right = try evaluate(b)
        guard let x = left.asQuantity, let y = right.asQuantity else {
            throw Diagnostic("`~` compares numbers, found \(describe(left)) and \(describe(right))", at: a.span.to(b.span))
        }
        var tolerance = 0.01
        if let within {
            guard let t = try evaluate(within).asQuantity, t.unit.isNone, t.value >= 0 else {
                throw Diagnostic("a tolerance is a percentage, like `within 5%`", at: within.span)
            }
            tolerance = t.value
        }
        let xs: Quantity
        do {
            xs = try x.converted(toMatch: y, operation: "compare", rates: runtime.rates, year: nil)
        } catch let error as UnitError {
            throw Arithmetic.unitError(error, at: a.span.to(b.span))
        }
        let off = y.value == 0 ? abs(xs.value) : abs(xs.value - y.value) / abs(y.value)
        if off <= tolerance + 1e-12 { return nil }
        let shown = y.value == 0 ? formatter.plain(off) : formatter.percent(off)
        let sides = "left is \(formatter.format(shownBeside(left, right))), right is \(formatter.format(shownBeside(right, left)))"
        return "\(sides), off by \(shown) (more than \(formatter.percent(tolerance)))"
    }
}

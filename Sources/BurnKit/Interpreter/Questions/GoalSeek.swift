// GoalSeek: `solve knob in a..b so condition` and `sweep knob in a..b step s show ...`.
// Each trial replays the whole model with the knob at the trial value.
import BurnModel

extension Interpreter {
    /// The knob's bounds, from a range written with any numbers (`0%..300%`).
    private func knobRange(_ knob: Name, _ range: Expr) throws -> (Quantity, Quantity) {
        guard book.knobs.contains(knob.text) else { throw unknownKnob(knob) }
        guard case .range(let lo, let hi) = range.kind else {
            throw Diagnostic("expected a range of values, like `0%..300%`", at: range.span)
        }
        guard let a = try evaluate(lo).asQuantity, let b = try evaluate(hi).asQuantity else {
            throw Diagnostic("a knob's range is two numbers", at: range.span)
        }
        guard try a.compare(b, rates: runtime.rates) < 0 else {
            throw Diagnostic("this range is empty: its start is not below its end", at: range.span)
        }
        return (a, b)
    }

    /// `solve groth ...`, or a `let` name where a knob goes.
    private func unknownKnob(_ knob: Name) -> Diagnostic {
        let suggestion = EditDistance.suggestion(for: knob.text, among: book.knobs)
        if suggestion == nil, globalSlots[knob.text] != nil {
            return Diagnostic("'\(knob.text)' is a value, not a knob", at: knob.span,
                              hint: "declare it with `assume \(knob.text) = ...` instead of `let`, so the model can be re-run with other values")
        }
        let hint = suggestion == nil
            ? "declare it with `assume \(knob.text) = ...` and use it in rules or formulas"
            : "goal seek and sweeps vary a knob declared with `assume`"
        return Diagnostic("unknown knob '\(knob.text)'", at: knob.span, label: suggestion.map { "did you mean '\($0)'?" },
                          hint: hint)
    }

    private func trial<T>(_ knob: Name, _ x: Quantity, _ body: () throws -> T) throws -> T {
        try inScenario(nil, overrides: [knob.text: .value(Value.make(x))], body)
    }

    func solve(_ knob: Name, _ range: Expr, _ condition: Expr, span: Span) throws {
        let (a, b) = try knobRange(knob, range)
        let answer: Quantity
        if case .binary(.equal, let lhs, let rhs) = condition.kind {
            answer = try root(knob, a, b, lhs, rhs, span: span)
        } else {
            answer = try smallest(knob, a, b, condition, span: span)
        }
        emit(.text("\(knob.text) = \(formatter.format(Value.make(answer)))\n"))
    }

    /// Bisection on lhs - rhs, which must change sign over the range.
    private func root(_ knob: Name, _ a: Quantity, _ b: Quantity, _ lhs: Expr, _ rhs: Expr, span: Span) throws -> Quantity {
        func gap(_ x: Quantity) throws -> Double {
            try trial(knob, x) {
                let l = try evaluate(lhs), r = try evaluate(rhs)
                guard let p = l.asQuantity, let q = r.asQuantity else {
                    throw Diagnostic("`solve ... ==` compares numbers, found \(l.typeName) and \(r.typeName)", at: lhs.span.to(rhs.span))
                }
                return try p.adding(q, negate: true, rates: runtime.rates).value
            }
        }
        var lo = a, hi = b
        var fLo = try gap(lo)
        let fHi = try gap(hi)
        if fLo == 0 { return lo }
        if fHi == 0 { return hi }
        guard (fLo < 0) != (fHi < 0) else {
            throw Diagnostic("no solution for \(knob.text) between \(formatter.format(Value.make(a))) and \(formatter.format(Value.make(b)))",
                             at: span, hint: "both ends leave the two sides apart the same way; try a wider range")
        }
        for _ in 0..<60 {
            var mid = lo
            mid.value = (lo.value + hi.value) / 2
            let fMid = try gap(mid)
            if fMid == 0 { return mid }
            if (fMid < 0) == (fLo < 0) { lo = mid; fLo = fMid } else { hi = mid }
            if abs(hi.value - lo.value) <= 1e-12 * max(1, abs(lo.value)) { break }
        }
        var mid = lo
        mid.value = (lo.value + hi.value) / 2
        return mid
    }

    /// The smallest knob value meeting the condition (assumed to hold from some value on).
    private func smallest(_ knob: Name, _ a: Quantity, _ b: Quantity, _ condition: Expr, span: Span) throws -> Quantity {
        func holds(_ x: Quantity) throws -> Bool {
            try trial(knob, x) { try truth(evaluate(condition), at: condition.span) }
        }
        if try holds(a) { return a }
        guard try holds(b) else {
            throw Diagnostic("no value of \(knob.text) up to \(formatter.format(Value.make(b))) meets the condition", at: span,
                             hint: "try a wider range, or check the condition")
        }
        var lo = a, hi = b
        for _ in 0..<50 {
            var mid = lo
            mid.value = (lo.value + hi.value) / 2
            if try holds(mid) { hi = mid } else { lo = mid }
        }
        return hi
    }

    func sweep(_ knob: Name, _ range: Expr, _ step: Expr, _ shows: [Expr], file: SourceFile, span: Span) throws {
        let (a, b) = try knobRange(knob, range)
        guard let s = try evaluate(step).asQuantity, s.value > 0 else {
            throw Diagnostic("a step is a positive number, like `10%`", at: step.span)
        }
        let count = Int(((b.value - a.value) / s.value + 1e-9).rounded(.down)) + 1
        guard count <= 1000 else { throw Diagnostic("this sweep has \(count) rows; at most 1,000", at: step.span) }
        var rows: [[TableCell]] = []
        for i in 0..<count {
            var x = a
            x.value = a.value + Double(i) * s.value
            // Formatted inside the trial: a series value is read from the model as it is there.
            let cells = try trial(knob, x) {
                try shows.map { e in
                    let v = try evaluate(e)
                    return TableCell(v, text: formatter.format(v))
                }
            }
            rows.append([TableCell(Value.make(x), text: formatter.format(Value.make(x)))] + cells)
        }
        let columns = [TableColumn(knob.text, .left)] + shows.map { TableColumn(file.text(of: $0.span), .right) }
        emit(.table(TableEvent(columns: columns, rows: rows, style: tableStyle)))
    }
}

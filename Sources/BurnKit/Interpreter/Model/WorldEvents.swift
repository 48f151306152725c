// WorldEvents: money events: funding rounds and compute commitments.
import BurnModel

extension World {
    func addRound(_ decl: RoundDecl, _ span: Span, _ interpreter: Interpreter) throws {
        let company = try currentCompany(interpreter, at: span, for: "a round")
        let (year, month) = try roundDate(decl, span, interpreter)
        let amount = try money(decl.amount, interpreter, what: "a round's amount")
        var valuation: RoundValuation?
        if let v = decl.valuation {
            let q = try money(v, interpreter, what: "a valuation")
            valuation = decl.isPost ? .post(q) : .pre(q)
        }
        let investors = try decl.investors.map { investor in
            BurnModel.Investor(investor.name.text, amount: try investor.amount.map { try money($0, interpreter, what: "an investor's amount") })
        }
        let round = Round(decl.label, year: year, month: month, amount: amount, valuation: valuation,
                          lead: decl.leadBy?.text, investors: investors, source: decl.source, at: World.ref(span))
        try edit(at: span) { try $0.addRound(company: company, round) }
    }

    /// `in 2024-10`, `in 2024`, or a year in the label (`"Oct 2024"`).
    private func roundDate(_ decl: RoundDecl, _ span: Span, _ interpreter: Interpreter) throws -> (Int, Int?) {
        if let date = decl.date {
            switch try interpreter.evaluate(date) {
            case .month(let y, let m): return (try calendarYear(.year(y), at: date.span), m)
            case let v: return (try calendarYear(v, at: date.span), nil)
            }
        }
        if let label = decl.label, let year = World.yearIn(label) { return (year, nil) }
        throw Diagnostic("this round has no date", at: span,
                         hint: "add one: `round \"Series B\" in 2024-10 raise ...`, or put the year in its label")
    }

    static func yearIn(_ text: String) -> Int? {
        let chars = Array(text)
        var i = 0
        while i + 4 <= chars.count {
            let slice = chars[i..<i + 4]
            let before = i == 0 || !chars[i - 1].isNumber
            let after = i + 4 == chars.count || !chars[i + 4].isNumber
            if before, after, slice.allSatisfy(\.isNumber), let y = Int(String(slice)), y >= 1900, y <= 2200 { return y }
            i += 1
        }
        return nil
    }

    func addCommitment(_ decl: CommitDecl, _ span: Span, _ interpreter: Interpreter) throws {
        let company = try currentCompany(interpreter, at: span, for: "a commitment")
        guard case .range(let a, let b) = try interpreter.evaluate(decl.years) else {
            throw Diagnostic("a commitment is spread over a range of years", at: decl.years.span, hint: "write `over 2027..2031`")
        }
        _ = try checkCalendarYears(a, b, at: decl.years.span)
        let treatment = decl.treatment?.text ?? "capex"
        guard isMetric(treatment) else { throw Diagnostic("unknown metric '\(treatment)'", at: decl.treatment?.span ?? span) }
        let commitment: Commitment
        if let price = decl.price {
            guard let capacity = try interpreter.evaluate(decl.amount).asQuantity else {
                throw Diagnostic("a commitment's capacity is a quantity, like `10 GW`", at: decl.amount.span)
            }
            guard let p = try interpreter.evaluate(price).asQuantity else {
                throw Diagnostic("a price is money per unit, like `$35B/GW`", at: price.span)
            }
            commitment = Commitment(to: decl.counterparty.text, capacity: capacity, price: p, over: a...b,
                                    as: treatment, source: decl.source, at: World.ref(span))
        } else {
            commitment = Commitment(to: decl.counterparty.text, amount: try money(decl.amount, interpreter, what: "a commitment"),
                                    over: a...b, as: treatment, source: decl.source, at: World.ref(span))
        }
        try edit(at: span) { try $0.addCommitment(company: company, commitment) }
    }

    /// Money, or a plain number the model will read in the company's currency.
    private func money(_ e: Expr, _ interpreter: Interpreter, what: String) throws -> Quantity {
        let v = try interpreter.evaluate(e)
        if case .samples = v {
            throw Diagnostic("\(what) is one amount, not an uncertain number", at: e.span,
                             hint: "rounds and commitments take single values; an uncertain fact such as "
                                + "`raised[2026] = 5B to 10B` carries the uncertainty to the cash")
        }
        guard let q = v.asQuantity, q.unit.isNone || q.unit.isMoney else {
            throw Diagnostic("\(what) is money, found \(describe(v))", at: e.span)
        }
        return q
    }
}

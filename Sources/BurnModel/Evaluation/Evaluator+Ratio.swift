// Evaluator+Ratio: solving a ratio identity (`margin = operating_income / revenue`) for any of its three metrics.

extension Evaluator {
    /// The cell from the other two metrics of the ratio, when both are known: the ratio is
    /// numerator / denominator, the numerator ratio * denominator, the denominator
    /// numerator / ratio. A ratio over a zero denominator has no value (a margin with no
    /// revenue); a zero ratio gives no denominator (any revenue has a 0% margin on 0). For
    /// uncertain inputs, the draws where the division has no value have none (NaN).
    func solve(ratio r: ResolvedRatio, _ index: Int, for key: CellKey) throws -> (Quantity, [CellKey])? {
        let c = Int(key.company), m = Int(key.metric), y = Int(key.year)
        guard let role = r.role(of: m) else { return nil }
        let (first, second): (Int, Int)
        switch role {
        case .ratio: (first, second) = (r.numerator, r.denominator)
        case .numerator: (first, second) = (r.ratio, r.denominator)
        case .denominator: (first, second) = (r.numerator, r.ratio)
        }
        let keys = [CellKey(c, first, y), CellKey(c, second, y)]
        if busy(keys[0]) || busy(keys[1]) { return nil }
        // The ratio first: it seldom has a value of its own, and finding that out is quick,
        // where the numerator may try every identity it is in.
        let b: Quantity, a: Quantity
        if role == .denominator {
            guard let x = identityInput(keys[1]), let n = identityInput(keys[0]) else { return nil }
            (a, b) = (n, x)
        } else {
            guard let n = identityInput(keys[0]), let x = identityInput(keys[1]) else { return nil }
            (a, b) = (n, x)
        }
        let result: Quantity
        do {
        switch role {
        case .numerator:
            result = try a.multiplied(by: b)
        case .ratio, .denominator:
            if b.draws == nil, b.value == 0 {
                guard role == .ratio else { return nil }
                throw ModelError.noValue("none: \(name(key, full: false)) divides by "
                                         + "\(name(keys[1], full: false)), which is 0")
            }
            result = noValueWhereInfinite(try a.divided(by: b, rates: model.rates, year: y))
        }
        } catch let error as UnitError {
            throw ModelError(error, at: model.identities[index].identity.at)
        }
        return (try fitted(result, to: key, identity: index), recording ? keys : [])
    }

    /// A division's draws over a zero divisor have no value: NaN, not ±infinity.
    private func noValueWhereInfinite(_ q: Quantity) -> Quantity {
        guard let draws = q.draws, !draws.hasNoInfinity else { return q }
        return q.mapAmounts { $0.isFinite ? $0 : .nan }
    }

    /// The solved value in the cell's metric's unit (a margin is a plain number, revenue
    /// money in the company's currency), shown the metric's way.
    private func fitted(_ q: Quantity, to key: CellKey, identity index: Int) throws -> Quantity {
        let target = Quantity(0, model.canonicalUnit(Int(key.metric), company: Int(key.company)))
        let at = model.identities[index].identity.at
        if target.unit.isNone, !q.unit.isNone {
            throw ModelError(UnitError.mismatch(operation: "give", target.unit, q.unit), at: at)
        }
        do {
            let converted = try q.converted(toMatch: target, operation: "give", rates: model.rates, year: Int(key.year))
            return displayed(converted.with(target.unit, display: target.display), Int(key.metric))
        } catch {
            throw ModelError(error, at: at)
        }
    }
}

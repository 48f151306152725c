// ValueMaterialise: a value made whole before it goes to a host: a series read by its years, a
// round with its figures, lists item by item; nothing in it refers back to the session.
import BurnModel

extension Value {
    /// This value with everything it only names worked out in `session`'s model: a whole
    /// series (`OpenAI.revenue`) becomes its values over its known years (the company's first
    /// year through its last year with a fact or a round, as it prints), a round gets its
    /// figures, a list its items materialised. Other values are returned as they are.
    /// `Session.evaluate` returns values materialised.
    public func materialised(in session: Session) -> Value {
        let interpreter = session.interpreter
        // On the big stack: reading a series may work out a long chain of years.
        return (try? BigStack.run { Materialiser(interpreter: interpreter).value(self) }) ?? self
    }
}

/// Works out what a value names, against one interpreter's model.
struct Materialiser {
    let interpreter: Interpreter

    func value(_ v: Value) -> Value {
        switch v {
        case .series(let company, let metric): return .seriesValues(series(company, metric))
        case .round(let r): return .round(round(r))
        case .list(let list): return .list(ListValue(list.items.map(value)))
        default: return v
        }
    }

    /// The series over its known years; a year nothing gives is NaN in the series's unit.
    func series(_ company: String, _ metric: String) -> SeriesValues {
        let world = interpreter.world
        guard let years = World.knownYears(of: company, in: world.state) else {
            return SeriesValues(company: company, metric: metric, firstYear: 0, values: [])
        }
        let found: [Quantity?] = years.map { year in
            try? world.value(company: company, metric: metric, year: year, at: .none)
        }
        let template = found.compactMap { $0 }.first ?? Quantity(.nan)
        let values = found.map { $0 ?? Quantity(.nan, template.unit, display: template.display) }
        return SeriesValues(company: company, metric: metric, firstYear: years.lowerBound, values: values)
    }

    /// The round with its figures, as `.amount`, `.pre`, `.post`, … read them.
    func round(_ r: RoundValue) -> RoundValue {
        guard let rounds = try? interpreter.world.state.rounds(company: r.company), r.index >= 0, r.index < rounds.count else {
            return r
        }
        let figures = rounds[r.index]
        func figure(_ q: Quantity?, _ display: Display, _ why: String) -> Value {
            guard var q else { return .none(why) }
            if display != .auto { q.display = display }
            return Value.make(q)
        }
        var result = r
        result.fields = RoundFields(
            amount: Value.make(figures.round.amount),
            pre: figure(figures.pre, .auto, "no valuation given"),
            post: figure(figures.post, .auto, "no valuation given"),
            dilution: figure(figures.dilution, .percent, "no valuation given"),
            stepUp: figure(figures.stepUp, .multiple, "no earlier valuation"),
            year: figures.round.year, label: figures.round.label, lead: figures.round.lead)
        return result
    }
}

// World: the financial model as the language sees it: names, values by year, members of
// companies and rounds, and the conversion of the model's errors into diagnostics.
import BurnModel

final class World {
    unowned let runtime: Runtime
    /// Everything the model holds, as a value: copied to snapshot, assigned to restore.
    typealias State = Model
    var state = Model()
    /// Formula contexts being evaluated, innermost last: reads inside a formula go through
    /// its context so the model records dependencies and sees cycles.
    var contexts: [FormulaContext] = []

    init(runtime: Runtime) { self.runtime = runtime }

    var model: Model {
        get { state }
        set { state = newValue }
    }

    var metricNames: [String] { state.metrics.map(\.name) }
    var companyNames: [String] { state.companies.map(\.name) }
    func isMetric(_ name: String) -> Bool { state.metric(named: name) != nil }
    func isCompany(_ name: String) -> Bool { state.company(named: name) != nil }

    // MARK: - Values

    /// A company's metric in a year, shown as its measure asks (percent, multiple).
    func value(company: String, metric: String, year: Int, at span: Span) throws -> Quantity {
        var q: Quantity
        if let context = contexts.last {
            q = try context.value(company: company, metric: metric, year: year)
        } else {
            do {
                q = try state.value(company: company, metric: metric, year: year)
            } catch let error as ModelError {
                throw diagnostic(error, at: span)
            }
        }
        return shown(q, metric: metric)
    }

    /// A cell asked for on its own (`OpenAI.runway[2030]`): a value that does not exist (no
    /// runway when nothing burns) is that answer, `none: nothing burns`, not an error that
    /// stops the script. Inside a formula it stays an error (the formula has no value either).
    /// Evaluated once: an uncertain model's cell is a whole simulation.
    func answer(company: String, metric: String, year: Int, at span: Span) throws -> Value {
        guard contexts.isEmpty else { return Value.make(try value(company: company, metric: metric, year: year, at: span)) }
        do {
            return Value.make(shown(try state.value(company: company, metric: metric, year: year), metric: metric))
        } catch let error as ModelError where error.kind == .noValue {
            return .none(error.message)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
    }

    /// Percent and multiple metrics show as such.
    func shown(_ value: Quantity, metric: String) -> Quantity {
        var q = value
        if q.unit.isNone, q.display == .auto, let decl = state.metric(named: metric) {
            switch decl.measure {
            case .percent: q.display = .percent
            case .multiple: q.display = .multiple
            default: break
            }
        }
        return q
    }

    /// A model error as a diagnostic: at the model's own place when it has one, else `span`.
    func diagnostic(_ error: ModelError, at span: Span) -> Diagnostic {
        let notes = error.notes.map { Diagnostic.Note($0.message, span: $0.at.map(World.span)) }
        return Diagnostic(error.message, at: span, hint: error.hint, notes: notes)
    }

    static func span(_ ref: SourceRef) -> Span { Span(file: ref.file, start: ref.start, end: ref.end) }
    static func ref(_ span: Span) -> SourceRef { SourceRef(file: span.file, start: span.start, end: span.end) }

    /// Runs one model edit, turning its errors into diagnostics at `span`. It edits the state in
    /// place: every mutating method of `Model` either succeeds or leaves the model unchanged, and
    /// a copy per edit would copy every company on each fact (quadratic in companies).
    func edit(at span: Span, _ body: (inout Model) throws -> Void) throws {
        do {
            try body(&state)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
    }

    // MARK: - Members

    func member(of value: Value, _ name: Name, at span: Span, baseSpan: Span) throws -> Value {
        switch value {
        case .company(let company): return try companyMember(company, name, at: span)
        case .string(let text) where isCompany(text): return try companyMember(text, name, at: span)
        case .round(let r): return try roundMember(r, name)
        case .list(let list) where name.text == "count": return .number(Double(list.items.count))
        default:
            throw Diagnostic("\(value.typeName) has no member '\(name.text)'", at: name.span)
        }
    }

    static let companyMembers = ["rounds", "breakeven", "runs_out", "total_raised", "name", "currency", "founded", "first_year"]

    private func companyMember(_ company: String, _ name: Name, at span: Span) throws -> Value {
        if isMetric(name.text) { return .series(company: company, metric: name.text) }
        do {
            switch name.text {
            case "rounds":
                let rounds = try state.rounds(company: company)
                return .list(ListValue(rounds.indices.map {
                    .round(RoundValue(company: company, index: $0, summary: World.summary(rounds[$0], interpreterFormatter)))
                }))
            case "breakeven": return try yearAnswer(state.breakeven(company: company), company, "operating_income")
            case "runs_out": return try yearAnswer(state.runsOut(company: company), company, "cash")
            case "total_raised": return Value.make(try state.totalRaised(company: company))
            case "name": return .string(company)
            case "currency": return .string(state.company(named: company)?.currency ?? "USD")
            case "founded":
                guard let y = state.company(named: company)?.founded else { return .none("founding year unknown") }
                return .year(y)
            case "first_year":
                guard let y = state.company(named: company)?.firstYear else { return .none("no facts yet") }
                return .year(y)
            default: break
            }
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        let suggestion = EditDistance.suggestion(for: name.text, among: metricNames + World.companyMembers)
        throw Diagnostic("\(company) has no metric or member '\(name.text)'", at: name.span,
                         label: suggestion.map { "did you mean '\($0)'?" },
                         hint: "declare a new metric with `metric \(name.text): money flow`")
    }

    /// A searched year; a search that stopped at an unknown value is that value's error,
    /// not an answer (unknown is never "none").
    private func yearAnswer(_ answer: YearAnswer, _ company: String, _ metric: String) throws -> Value {
        switch answer {
        case .year(let y): return .year(y)
        case .noneThrough(let y) where y < Model.horizon:
            _ = try state.value(company: company, metric: metric, year: max(y + 1, state.company(named: company)?.firstYear ?? y + 1))
            return .none("none before \(y + 1)")
        case .noneThrough(let y): return .none("none before \(y + 1)")
        case .draws(let years, let through):
            if through < Model.horizon, years.valuedCount < years.count {
                _ = try state.value(company: company, metric: metric, year: through + 1)
            }
            return .samples(Samples(Quantity(draws: years), kind: .year))
        }
    }

    /// Whether `breakeven` or `runs_out` (`which`) is `< year`, `<= year` or `== year`, searching
    /// only as far as that: a boolean, or for an uncertain model a condition per draw.
    func yearBy(_ company: String, _ which: String, _ op: BinaryOp, _ year: Int, at span: Span) throws -> Value {
        // Never past the horizon: a draw with no year through it counts as later than every
        // year, so `<= 2124` and `> 2124` must see the same search (a search to 2124 counted the
        // years after 2100 in one and not the other: 100.6% between them).
        let last = min(op == .less ? year - 1 : year, Model.horizon)
        let metric = which == "breakeven" ? "operating_income" : "cash"
        func holds(_ y: Double) -> Bool { op == .equal ? y == Double(year) : y <= Double(last) }
        do {
            var answer = which == "breakeven" ? try state.breakeven(company: company, until: last)
                : try state.runsOut(company: company, until: last)
            switch answer {
            case .year(let y): return .bool(holds(Double(y)))
            case .noneThrough(let through), .draws(_, let through):
                if through < last, answer.hasNone {
                    _ = try state.value(company: company, metric: metric, year: through + 1)
                }
                guard case .draws(var years, _) = answer else { return .bool(false) }
                // The years become the condition in place (`answer` lets go of them first, so
                // they are not copied), with two plain comparisons rather than `holds`, so
                // that the loop over a million draws is vectorized (NaN, no year, holds neither).
                answer = .noneThrough(through)
                let bound = Double(op == .equal ? year : last)
                if op == .equal { years.update { $0 == bound ? 1 : 0 } } else { years.update { $0 <= bound ? 1 : 0 } }
                return .samples(Samples(Quantity(draws: years), kind: .condition))
            }
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
    }

    /// The formatter values print with (the runtime's interpreter's).
    private var interpreterFormatter: ValueFormatter { runtime.interpreter.formatter }

    /// `round "Oct 2024" (2024-10): $6.6B at $157B post`.
    static func summary(_ r: RoundFigures, _ f: ValueFormatter) -> String {
        let date = r.round.month.map { "\(r.round.year)-\($0 < 10 ? "0" : "")\($0)" } ?? String(r.round.year)
        let label = r.round.label.map { "round \"\($0)\" (\(date))" } ?? "round of \(date)"
        return label + ": " + f.format(r.round.amount) + (r.post.map { " at \(f.format($0)) post" } ?? "")
    }

    static let roundMembers = ["amount", "pre", "post", "dilution", "step_up", "year", "label", "lead"]

    private func roundMember(_ r: RoundValue, _ name: Name) throws -> Value {
        let figures: RoundFigures
        do {
            let rounds = try state.rounds(company: r.company)
            guard r.index < rounds.count else { throw Diagnostic("that round no longer exists", at: name.span) }
            figures = rounds[r.index]
        } catch let error as ModelError {
            throw diagnostic(error, at: name.span)
        }
        func optional(_ q: Quantity?, _ display: Display = .auto, _ why: String) -> Value {
            guard var q else { return .none(why) }
            if display != .auto { q.display = display }
            return Value.make(q)
        }
        switch name.text {
        case "amount": return Value.make(figures.round.amount)
        case "pre": return optional(figures.pre, .auto, "no valuation given")
        case "post": return optional(figures.post, .auto, "no valuation given")
        case "dilution": return optional(figures.dilution, .percent, "no valuation given")
        case "step_up": return optional(figures.stepUp, .multiple, "no earlier valuation")
        case "year": return .year(figures.round.year)
        case "label": return figures.round.label.map(Value.string) ?? .none("no label")
        case "lead": return figures.round.lead.map(Value.string) ?? .none("no lead investor")
        default:
            let suggestion = EditDistance.suggestion(for: name.text, among: World.roundMembers)
            throw Diagnostic("a round has no member '\(name.text)'", at: name.span,
                             label: suggestion.map { "did you mean '\($0)'?" },
                             hint: "a round has \(World.roundMembers.joined(separator: ", "))")
        }
    }
}

// WorldStatements: the statements that change the model: companies, metrics, identities,
// facts, formulas, rules, rounds and commitments.
import BurnModel

extension World {
    func execute(_ statement: Stmt, in interpreter: Interpreter, file: SourceFile) throws {
        switch statement.kind {
        case .company(let name, let body): try company(name, body, statement, interpreter, file)
        case .attribute(let name, let value): try attribute(name, value, interpreter)
        case .metricDecl(let name, let type): try declareMetric(name, type, interpreter)
        case .identity(let lhs, let rhs): try identity(lhs, rhs, statement.span)
        case .fact(let target, let value, let source): try fact(target, value, source, interpreter)
        case .formula(let target, let value, let source): try formula(target, value, source, statement.span, interpreter)
        case .rule(let target, let kind, _): try rule(target, kind, statement.span, interpreter)
        case .round(let round): try addRound(round, statement.span, interpreter)
        case .commit(let commit): try addCommitment(commit, statement.span, interpreter)
        default: try question(statement, interpreter)
        }
    }

    // MARK: - Companies and the catalogue

    private func company(_ name: Name, _ body: [Stmt]?, _ statement: Stmt, _ interpreter: Interpreter, _ file: SourceFile) throws {
        if !isCompany(name.text) {
            if isMetric(name.text) || interpreter.globalSlots[name.text] != nil {
                throw Diagnostic("'\(name.text)' already names \(isMetric(name.text) ? "a metric" : "a value")", at: name.span,
                                 hint: "choose another name, or quote it: `company \"\(name.text) Inc\"`")
            }
            try edit(at: name.span) { _ = $0.declareCompany(name.text, at: World.ref(name.span)) }
        }
        guard let body else {
            interpreter.currentCompany = name.text
            return
        }
        let saved = interpreter.currentCompany
        interpreter.currentCompany = name.text
        defer { interpreter.currentCompany = saved }
        for inner in body {
            if let value = try interpreter.execute(inner, file: file) { interpreter.show(value) }
        }
    }

    private func attribute(_ name: Name, _ value: Expr, _ interpreter: Interpreter) throws {
        let company = try currentCompany(interpreter, at: name.span, for: "'\(name.text)'")
        switch name.text {
        case "currency":
            guard case .name(let code) = value.kind, interpreter.vocabulary.isCurrency(code) else {
                throw Diagnostic("'\(interpreter.sources[value.span.file]?.text(of: value.span) ?? "?")' is not a currency",
                                 at: value.span, hint: "write a code like USD, EUR or GBP; `rate` declares others")
            }
            try edit(at: value.span) { try $0.setCurrency(company: company, code) }
        case "founded":
            let year = try calendarYear(interpreter.evaluate(value), at: value.span)
            try edit(at: value.span) { try $0.setFounded(company: company, year) }
        default:
            guard case .string(let text) = try interpreter.evaluate(value) else {
                throw Diagnostic("a note is a string", at: value.span, hint: "write `note \"...\"`")
            }
            try edit(at: value.span) { try $0.addNote(company: company, text) }
        }
    }

    func currentCompany(_ interpreter: Interpreter, at span: Span, for what: String) throws -> String {
        guard let company = interpreter.currentCompany else {
            throw Diagnostic("\(what) needs a company, but there is no current company", at: span,
                             hint: "write `company Name` first")
        }
        return company
    }

    private func declareMetric(_ name: Name, _ type: MetricType, _ interpreter: Interpreter) throws {
        let measure: Measure
        switch type.measure.text {
        case "money": measure = .money
        case "percent": measure = .percent
        case "multiple": measure = .multiple
        case "number": measure = .number
        default:
            guard let unit = interpreter.vocabulary.unit(type.measure.text) else {
                throw Diagnostic("unknown measure '\(type.measure.text)'", at: type.measure.span,
                                 hint: "a metric measures money, percent, multiple, number, or a unit such as months")
            }
            measure = .unit(unit)
        }
        var kind = MetricKind.flow
        if let k = type.kind {
            guard k.text == "flow" || k.text == "stock" else {
                throw Diagnostic("a metric is a `flow` or a `stock`, not '\(k.text)'", at: k.span)
            }
            kind = k.text == "stock" ? .stock : .flow
        }
        // Options, in any order: `of events` (a sum of events, zero in a year without any) and
        // `never negative` (a value below zero, given or derived, is an error).
        var options = type.options.map(\.text)[...]
        var ofEvents = false, neverNegative = false
        while !options.isEmpty {
            if options.starts(with: ["of", "events"]), !ofEvents {
                ofEvents = true
            } else if options.starts(with: ["never", "negative"]), !neverNegative {
                neverNegative = true
            } else {
                let at = type.options[type.options.count - options.count].span
                throw Diagnostic("unknown metric option '\(options.joined(separator: " "))'", at: at,
                                 hint: "`of events` marks a sum of events (zero in a year without any); `never negative` refuses values below zero")
            }
            options = options.dropFirst(2)
        }
        if isMetric(name.text) { throw Diagnostic("metric '\(name.text)' is already declared", at: name.span) }
        var decl = MetricDecl(name.text, measure, kind, defaultsToZero: ofEvents,
                              role: MetricRole.conventional(for: name.text), at: World.ref(name.span))
        decl.neverNegative = neverNegative
        try edit(at: name.span) { _ = $0.declare(decl) }
    }

    private func identity(_ lhs: Expr, _ rhs: Expr, _ span: Span) throws {
        if let ratio = try IdentityBuilder.ratio(lhs, rhs, world: self, at: World.ref(span)) {
            try edit(at: span) { try $0.addIdentity(ratio) }
            return
        }
        var builder = IdentityBuilder(world: self)
        try builder.add(lhs, sign: 1)
        try builder.add(rhs, sign: -1)
        let identity = Identity(builder.terms.map { Identity.Term($0.1, $0.0) }, constant: builder.constant, at: World.ref(span))
        try edit(at: span) { try $0.addIdentity(identity) }
    }

    // MARK: - Facts, formulas, rules

    /// The company and metric a target names: `revenue`, `OpenAI.revenue`.
    func target(_ e: Expr, _ interpreter: Interpreter, for what: String) throws -> (company: String?, metric: Name) {
        switch e.kind {
        case .name(let metric):
            return (interpreter.currentCompany, Name(metric, e.span))
        case .member(let base, let metric):
            guard case .name(let company) = base.kind else {
                throw Diagnostic("expected a company name before '.\(metric.text)'", at: base.span)
            }
            guard isCompany(company) else {
                let suggestion = EditDistance.suggestion(for: company, among: companyNames)
                throw Diagnostic("unknown company '\(company)'", at: base.span,
                                 label: suggestion.map { "did you mean '\($0)'?" },
                                 hint: "declare it first with `company \(company)`")
            }
            return (company, metric)
        default:
            throw Diagnostic("\(what) needs a metric, like `revenue` or `OpenAI.revenue`", at: e.span)
        }
    }

    /// Checks that a metric is declared, suggesting the closest one.
    func requireMetric(_ metric: Name) throws {
        guard !isMetric(metric.text) else { return }
        let suggestion = EditDistance.suggestion(for: metric.text, among: metricNames)
        throw Diagnostic("unknown metric '\(metric.text)'", at: metric.span,
                         label: suggestion.map { "did you mean '\($0)'?" },
                         hint: suggestion == nil ? "declare it with `metric \(metric.text): money flow`" : nil)
    }

    private func fact(_ target: Expr, _ value: Expr, _ source: String?, _ interpreter: Interpreter) throws {
        guard case .index(let base, let yearExpr) = target.kind else {
            throw Diagnostic("a fact needs a year: `revenue[2024] = 3.7B`", at: target.span)
        }
        let (company, metric) = try self.target(base, interpreter, for: "a fact")
        try requireMetric(metric)
        guard let company else {
            _ = try currentCompany(interpreter, at: base.span, for: "the fact '\(metric.text)'")
            return
        }
        let years = try interpreter.evaluate(yearExpr)
        let v = try interpreter.evaluate(value)
        if case .range(let a, let b) = years {
            _ = try checkCalendarYears(a, b, at: yearExpr.span)
            guard case .list(let list) = v, list.items.count == b - a + 1 else {
                throw Diagnostic("\(a)..\(b) needs a list of \(b - a + 1) values, one a year", at: value.span,
                                 hint: "write `\(metric.text)[\(a)..\(b)] = [...]`")
            }
            for (i, item) in list.items.enumerated() {
                try setFact(company, metric, a + i, item, source, value.span)
            }
            return
        }
        let year = try calendarYear(years, at: yearExpr.span)
        try setFact(company, metric, year, v, source, target.span.to(value.span))
    }

    private func setFact(_ company: String, _ metric: Name, _ year: Int, _ v: Value, _ source: String?, _ span: Span) throws {
        guard let q = World.amount(v) else {
            throw Diagnostic("a fact is a number, found \(v.typeName)", at: span,
                             hint: "give a number, money, or an uncertain number like `4B to 5B`")
        }
        try edit(at: span) { try $0.setFact(company: company, metric: metric.text, year: year, q, source: source, at: World.ref(span)) }
    }

    private func formula(_ target: Expr, _ value: Expr, _ source: String?, _ span: Span, _ interpreter: Interpreter) throws {
        let (company, metric) = try self.target(target, interpreter, for: "a formula")
        try requireMetric(metric)
        try refuseYearlessFact(target, value, company: company, metric: metric.text, interpreter)
        var resolver = Resolver(interpreter)
        resolver.formula = Resolver.FormulaScope(company: company)
        let node = try resolver.expression(value)
        let compiled = CompiledFormula(node: node, metric: metric.text, interpreter: interpreter)
        let at = World.ref(target.span.to(value.span))
        try edit(at: target.span) { model in
            if let company {
                try model.setFormula(company: company, metric: metric.text, compiled, at: at)
            } else {
                try model.setDefaultFormula(metric.text, compiled, at: at)
            }
        }
        let label = company.map { "\($0).\(metric.text)" } ?? metric.text
        interpreter.recordSource(of: label, formula: interpreter.sources[value.span.file]?.text(of: value.span) ?? "",
                                 source: source, at: span)
    }

    /// `revenue = 3.7B` would be the same amount in every year: a fact whose year was left
    /// out. A formula of money or of a unit must read something (a metric, `year`, a knob);
    /// a constant share or multiple (`margin = 20%`) is a real assumption and stays allowed.
    private func refuseYearlessFact(_ target: Expr, _ value: Expr, company: String?, metric: String,
                                    _ interpreter: Interpreter) throws {
        guard World.isLiteral(value), let decl = state.metric(named: metric) else { return }
        switch decl.measure {
        case .money, .unit: break
        case .percent, .multiple, .number: return
        }
        let (year, why) = hintYear(company: company)
        let text = { (e: Expr) in interpreter.sources[e.span.file]?.text(of: e.span) ?? "" }
        let fact = "\(text(target))[\(year)] = \(text(value))"
        throw Diagnostic("`\(text(target)) = \(text(value))` has no year: a fact names the year it is for",
                         at: target.span.to(value.span),
                         hint: "write `\(fact)` (\(year) is \(why)); for the same amount every year, "
                             + "follow it with `\(metric) grows 0% per year`")
    }

    /// The year a hint proposes for a fact: the company's latest year with a fact, else the
    /// model's, else this calendar year; with the reason, for the hint to say.
    private func hintYear(company: String?) -> (Int, String) {
        let all = state.facts()
        if let company, let y = all.filter({ $0.company == company }).map(\.year).max() {
            return (y, "\(company)'s latest year with a fact")
        }
        if let y = all.map(\.year).max() { return (y, "the latest year with a fact") }
        return (CalendarYear.current(), "this year")
    }

    /// A number written out, possibly with a unit, a sign, arithmetic or `to`: `3.7B`,
    /// `-$5B`, `2B to 3B`, `10 GW * 2`. Reads nothing that could vary by year.
    static func isLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .money: return true
        case .quantity(let inner, _): return isLiteral(inner)
        case .unary(.negate, let inner): return isLiteral(inner)
        case .binary(let op, let a, let b):
            return [.add, .subtract, .multiply, .divide, .power].contains(op) && isLiteral(a) && isLiteral(b)
        case .uncertain(let a, let b): return isLiteral(a) && isLiteral(b)
        case .convert(let inner, _): return isLiteral(inner)
        default: return false
        }
    }

    private func rule(_ target: Expr, _ kind: RuleKind, _ span: Span, _ interpreter: Interpreter) throws {
        let (company, metric) = try self.target(target, interpreter, for: "a rule")
        try requireMetric(metric)
        guard let company else {
            _ = try currentCompany(interpreter, at: target.span, for: "the rule for '\(metric.text)'")
            return
        }
        let at = World.ref(span)
        let rule: GrowthRule
        switch kind {
        case .growsPerYear(let amount, let from, let until):
            let g = try growth(amount, interpreter)
            let f = try from.map { try calendarYear(interpreter.evaluate($0), at: $0.span) }
            let u = try until.map { try calendarYear(interpreter.evaluate($0), at: $0.span) }
            if let f, let u, f > u { throw Diagnostic("this rule starts in \(f), after it ends in \(u)", at: span) }
            switch g {
            case .rate(let r): rule = .grows(r, from: f, until: u, at: at)
            case .factor(let x): rule = .grows(factor: x, from: f, until: u, at: at)
            }
        case .growsIn(let amount, let year):
            let g = try growth(amount, interpreter)
            let y = try calendarYear(interpreter.evaluate(year), at: year.span)
            switch g {
            case .rate(let r): rule = .grows(rate: r, in: y, at: at)
            case .factor(let x): rule = .grows(factor: x, in: y, at: at)
            }
        case .reaches(let value, let year):
            guard let q = World.amount(try interpreter.evaluate(value)) else {
                throw Diagnostic("`reaches` needs a number", at: value.span)
            }
            rule = .reaches(q, in: try calendarYear(interpreter.evaluate(year), at: year.span), at: at)
        }
        try edit(at: span) { try $0.addRule(company: company, metric: metric.text, rule) }
    }

    /// What `grows` is given: a percent is a rate (`grows 50%` multiplies by 1.5), a multiple
    /// a factor (`grows 3.1x` multiplies by 3.1).
    enum Growth {
        case rate(Quantity)
        case factor(Quantity)
    }

    /// The growth of a `grows` rule, told apart by its display (a knob or an uncertain number
    /// keeps the `%` or `x` it was written with). A plain number says neither, so it is an
    /// error: `grows 60 per year` would multiply by 61 as a rate and by 60 as a factor.
    private func growth(_ e: Expr, _ interpreter: Interpreter) throws -> Growth {
        try refuseTightDifference(e, interpreter)
        let q = try plainAmount(e, interpreter, what: "a growth", kinds: "a percentage or a multiple",
                                hint: "write `grows 50% per year` or `grows 3.1x in 2025`")
        switch q.display {
        case .percent: return .rate(q)
        case .multiple: return .factor(q)
        default:
            let text = interpreter.sources[e.span.file]?.text(of: e.span) ?? "?"
            let literal = Double(String(text.filter { $0 != "_" })) != nil
            let hint: String
            if literal {
                hint = "write `\(text)%` for a rate, or `\(text)x` for a factor"
            } else if q.isUncertain {
                // `as` does not convert an uncertain number: its numbers must say it.
                hint = "write its numbers with `%` for a rate (`uniform(50%, 150%)`), or with `x` for a factor"
            } else {
                hint = "write `(\(text) as %)` for a rate, or `(\(text) as x)` for a factor"
            }
            throw Diagnostic("a growth needs `%` for a rate or `x` for a factor, not a plain number", at: e.span,
                             label: literal ? "did you mean `\(text)%`?" : "this is a plain number", hint: hint)
        }
    }

    /// `grows 20%-60% per year`: two percentages (or multiples) joined by a minus with no
    /// space read as one minus the other, a growth of -40%, where a range was meant.
    private func refuseTightDifference(_ e: Expr, _ interpreter: Interpreter) throws {
        guard case .binary(.subtract, let a, let b) = e.kind, case .number(_, let style) = a.kind,
              case .number(_, style) = b.kind, style != .plain, b.span.start - a.span.end == 1,
              let file = interpreter.sources[e.span.file] else { return }
        let (low, high) = (file.text(of: a.span), file.text(of: b.span))
        throw Diagnostic("`\(low)-\(high)` is \(low) minus \(high), not a range", at: e.span,
                         label: "a growth of \(low) minus \(high)",
                         hint: "for a growth between them write `\(low) to \(high)`; for the difference, put spaces: `\(low) - \(high)`")
    }

    /// A number with no unit (a percentage, a multiple), certain or uncertain.
    func plainAmount(_ e: Expr, _ interpreter: Interpreter, what: String, kinds: String = "a plain number or a percentage",
                     hint: String) throws -> Quantity {
        let v = try interpreter.evaluate(e)
        guard let q = World.amount(v), q.unit.isNone else {
            throw Diagnostic("\(what) is \(kinds), found \(describe(v))", at: e.span, hint: hint)
        }
        return q
    }

    /// A number the model can hold: certain, or uncertain (an uncertain condition is not one).
    static func amount(_ v: Value) -> Quantity? {
        if case .samples(let s) = v { return s.kind == .number ? s.quantity : nil }
        return v.asQuantity
    }
}

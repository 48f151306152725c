// SessionData: giving a session knobs, bindings, companies and facts from Swift, without
// writing source text. Each call builds the statement the language would have parsed (names
// stay names, values stay values: nothing is ever re-parsed) and runs it the way `run` does,
// so it is validated as the language validates it and scenarios replay it.

import BurnModel

extension Session {
    /// Sets a knob, as `assume name = value` does: a number, money, a percent or an uncertain
    /// number; scenarios and `solve` see it. Setting it again rebuilds the model with the new
    /// value. Transactional: a failure changes nothing. Throws `BurnError`.
    public func setKnob(_ name: String, _ value: Value) throws {
        try inject("setKnob(\(name.debugDescription))") { span in
            .assume(Name(name, span), hostValue(value, span))
        }
    }

    /// Binds a name to a value, as `let name = value` does. Transactional. Throws `BurnError`.
    public func bind(_ name: String, _ value: Value) throws {
        try inject("bind(\(name.debugDescription))") { span in
            .letBinding(Name(name, span), hostValue(value, span), source: nil)
        }
    }

    /// Declares a company, as `company "name" { currency CODE }` does, without making it the
    /// current company. The name is only ever a name, whatever characters it holds. The
    /// currency must be one the session knows (USD, EUR, …, or declared with `rate`).
    /// Transactional. Throws `BurnError`.
    public func addCompany(_ name: String, currency: String = "USD") throws {
        guard !name.isEmpty else {
            throw BurnError(Diagnostic("a company needs a name", at: .none, hint: "give `addCompany` a non-empty name"))
        }
        try inject("addCompany(\(name.debugDescription), currency: \(currency.debugDescription))") { span in
            let setCurrency = Stmt(.attribute(Name("currency", span), Expr(.name(currency), span)), span)
            return .company(Name(name, span), body: [setCurrency])
        }
    }

    /// Sets a company's metric in a year, as `Company.metric[year] = value source "..."` does:
    /// the company and the metric must exist, the value must be a number, money or an
    /// uncertain number in the metric's measure, the year a calendar year. Transactional.
    /// Throws `BurnError`.
    public func setFact(company: String, metric: String, year: Int, value: Value, source: String? = nil) throws {
        let call = "setFact(company: \(company.debugDescription), metric: \(metric.debugDescription), year: \(year))"
        try inject(call) { span in
            let series = Expr(.member(Expr(.name(company), span), Name(metric, span)), span)
            let target = Expr(.index(series, hostValue(.number(Double(year)), span)), span)
            return .fact(target: target, value: hostValue(value, span), source: source)
        }
    }

    // MARK: - Internals

    /// Runs one statement built by `make` as a top-level statement of its own source (named
    /// after the call, so that an error points at it), recorded for scenario replays.
    private func inject(_ call: String, _ make: (Span) -> StmtKind) throws {
        let file = interpreter.addSource(name: "<host>", text: call)
        let span = Span(file: file.id, start: 0, end: call.utf8.count)
        try transaction {
            let statement = Stmt(make(span), span)
            interpreter.runtime.beginRun()
            defer { interpreter.runtime.endRun() }
            _ = try interpreter.execute(statement, file: file)
            if Interpreter.changesState(statement) { interpreter.book.history.append((statement, file)) }
        }
    }

    /// An expression that evaluates to `value`: a global under a name no source can spell
    /// (it starts with a control character), bound in the baseline too, so that a scenario's
    /// replay of the model, which starts from the baseline, finds it.
    private func hostValue(_ value: Value, _ span: Span) -> Expr {
        let name = "\u{1}host\(interpreter.globalSlots.count)"
        let slot = interpreter.slot(for: name)
        interpreter.runtime.setGlobal(slot, value)
        if var baseline = interpreter.baseline {
            while baseline.globals.count <= slot { baseline.globals.append(nil) }
            baseline.globals[slot] = value
            baseline.globalSlots[name] = slot
            interpreter.baseline = baseline
        }
        return Expr(.name(name), span)
    }
}

// MARK: - Values a host builds

extension Value {
    /// Money: `Value.money(3.7e9)` is `$3.7B`; `currency` is an ISO code (USD, EUR, …).
    public static func money(_ amount: Double, currency: String = "USD") -> Value {
        make(Quantity.money(amount, currency))
    }

    /// A percentage given as a fraction: `Value.percent(0.042)` is `4.2%`.
    public static func percent(_ fraction: Double) -> Value {
        make(Quantity(fraction, display: .percent))
    }
}

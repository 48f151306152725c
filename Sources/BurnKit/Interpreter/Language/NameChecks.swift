// NameChecks: names a statement uses, checked before the model runs it. The companies a
// question names (`project`, `table ... for`, `compare`, `chart ... for`, `captable`): a
// misspelt company is an unknown company with the nearest name, never an "unknown metric".
// A formula's target: `x = 6` after `let x = 5` says what `x` is, never "declare a metric".

extension Interpreter {
    /// Throws for a name that should be a company and is not one, or a formula that would
    /// set a `let` value or a knob.
    func checkNames(_ statement: Stmt) throws {
        switch statement.kind {
        case .formula(let target, let value, _):
            try checkFormulaTarget(target, value)
        case .project(let names, _):
            try checkProjectNames(names)
        case .table(_, let companies, _), .compare(let companies, _, _), .chart(_, let companies, _, _, _):
            for company in companies { try requireCompany(company) }
        case .captable(let name?):
            try requireCompany(name)
        case .export(let inner, _):
            try checkNames(inner)
        default:
            break
        }
    }

    /// `x = 6` where `x` is a `let` value or a knob, not a metric.
    private func checkFormulaTarget(_ target: Expr, _ value: Expr) throws {
        guard case .name(let name) = target.kind, !world.isMetric(name), let bound = global(name) else { return }
        let written = sources[value.span.file]?.text(of: value.span) ?? "..."
        if book.knobs.contains(name) {
            throw Diagnostic("'\(name)' is a knob: it is set with `assume`", at: target.span,
                             hint: "write `assume \(name) = \(written)`")
        }
        if case .function = bound {
            throw Diagnostic("'\(name)' is a function, not a metric", at: target.span,
                             hint: "define a function with `fn \(name)(a) = ...`, or a metric's formula with `metric \(name): money flow` first")
        }
        throw Diagnostic("'\(name)' is a value bound with `let`, not a metric", at: target.span,
                         hint: "write `let \(name) = \(written)` to bind it again, or `metric \(name): money flow` first for a formula")
    }

    /// `project [Company] [metric, ...]`: the first name is a company unless it is a metric.
    private func checkProjectNames(_ names: [Name]) throws {
        guard let first = names.first else { return }
        if world.isCompany(first.text) {
            for name in names.dropFirst() where world.isCompany(name.text) {
                throw Diagnostic("'\(name.text)' is a company: `project` shows one company at a time", at: name.span,
                                 hint: "write `project \(name.text) until ...` for its own table, or "
                                     + "`compare \(first.text), \(name.text) on revenue, burn` to see them side by side")
            }
            return
        }
        if world.isMetric(first.text) { return }
        if names.count > 1, let spaced = spacedName(first, names[1]), !world.isMetric(names[1].text) {
            throw Diagnostic("the company name '\(spaced)' has a space, so it needs quotes", at: first.span.to(names[1].span),
                             hint: "write `project \"\(spaced)\" until ...`")
        }
        let company = EditDistance.suggestion(for: first.text, among: world.companyNames)
        let metric = EditDistance.suggestion(for: first.text, among: world.metricNames)
        // A near company, or a capitalised name near no metric, is a company; else the
        // model's own "unknown metric" (with its suggestion) says it better.
        guard company != nil || (metric == nil && first.text.first?.isUppercase == true) else { return }
        try requireCompany(first)
    }

    /// `Mistral AI` from two names written with only a space between them.
    private func spacedName(_ a: Name, _ b: Name) -> String? {
        guard a.span.file == b.span.file, let file = sources[a.span.file],
              file.text(of: Span(file: a.span.file, start: a.span.end, end: b.span.start)).allSatisfy({ $0 == " " })
        else { return nil }
        return a.text + " " + b.text
    }

    /// An unknown company, with the nearest declared one.
    private func requireCompany(_ name: Name) throws {
        guard !world.isCompany(name.text) else { return }
        let suggestion = EditDistance.suggestion(for: name.text, among: world.companyNames)
        let hint = world.isMetric(name.text)
            ? "'\(name.text)' is a metric; name a company declared with `company`"
            : suggestion == nil ? "declare it first with `company \(name.text)`" : nil
        throw Diagnostic("unknown company '\(name.text)'", at: name.span,
                         label: suggestion.map { "did you mean '\($0)'?" }, hint: hint)
    }
}

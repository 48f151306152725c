// QuestionNames: the companies a question names (`project`, `table ... for`, `compare`,
// `chart ... for`, `captable`), checked before the model answers, so a misspelt company is
// an unknown company with the nearest name, never an "unknown metric".

extension Interpreter {
    /// Throws for a name that should be a company and is not one.
    func checkQuestionNames(_ statement: Stmt) throws {
        switch statement.kind {
        case .project(let names, _):
            try checkProjectNames(names)
        case .table(_, let companies, _), .compare(let companies, _, _), .chart(_, let companies, _, _):
            for company in companies { try requireCompany(company) }
        case .captable(let name?):
            try requireCompany(name)
        case .export(let inner, _):
            try checkQuestionNames(inner)
        default:
            break
        }
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

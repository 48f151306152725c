// WorldQuestions: the statements that ask the model and print: project, table, compare,
// explain, sources, captable.
import BurnModel

extension World {
    func question(_ statement: Stmt, _ interpreter: Interpreter) throws {
        let text: String
        switch statement.kind {
        case .project(let names, let until): text = try project(names, until, statement.span, interpreter)
        case .table(let metrics, let companies, let years):
            text = try table(metrics: metrics, companies: companies, years: years, statement.span, interpreter, byMetric: false)
        case .compare(let companies, let metrics, let years):
            text = try table(metrics: metrics, companies: companies, years: years, statement.span, interpreter, byMetric: true)
        case .explain(let e): text = try explain(e, interpreter)
        case .sources: text = sources(interpreter)
        case .captable(let name): text = try capTable(name, statement.span, interpreter)
        default:
            throw Diagnostic("this statement is not available yet", at: statement.span,
                             hint: "scenarios, goal seek, sweeps, charts and export come in a later version")
        }
        interpreter.output(text)
    }

    // MARK: - project

    private func project(_ names: [Name], _ until: Expr, _ span: Span, _ interpreter: Interpreter) throws -> String {
        var metrics = names
        let company: String
        if let first = names.first, isCompany(first.text) {
            company = first.text
            metrics.removeFirst()
        } else {
            company = try currentCompany(interpreter, at: span, for: "`project`")
        }
        for m in metrics { try requireMetric(m) }
        let last = try wholeNumber(interpreter.evaluate(until), at: until.span, what: "a year")
        let projection: Projection
        do {
            projection = try state.project(company: company, extraMetrics: metrics.map(\.text), until: last)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        guard !projection.rows.isEmpty else {
            throw Diagnostic("\(company) has no facts to project from", at: span,
                             hint: "give a fact first, like `revenue[2024] = 3.7B`")
        }
        let f = interpreter.formatter
        let rows = projection.rows.map { row in [String(row.year)] + row.cells.map { format($0, f) } }
        let table = TextTable(headers: ["year"] + projection.columns, rows: rows)
        return table.render(interpreter.tableStyle) + closingLine(projection, until: last)
    }

    private func closingLine(_ p: Projection, until: Int) -> String {
        let breakeven: String, runsOut: String
        switch p.breakeven {
        case .year(let y): breakeven = "break-even in \(y)"
        case .noneThrough: breakeven = "no break-even by \(until)"
        }
        switch p.runsOut {
        case .year(let y): runsOut = "the cash runs out in \(y)"
        case .noneThrough: runsOut = "the cash lasts through \(until)"
        }
        return "\(p.company): \(breakeven); \(runsOut)\n"
    }

    func format(_ cell: Cell, _ f: ValueFormatter) -> String {
        switch cell {
        case .value(let q): return f.format(q)
        case .unknown: return "?"
        case .none: return "-"
        }
    }

    // MARK: - table and compare

    private func table(metrics: [Name], companies: [Name], years: Expr?, _ span: Span, _ interpreter: Interpreter,
                       byMetric: Bool) throws -> String {
        for m in metrics { try requireMetric(m) }
        var names = companies.map(\.text)
        for c in companies where !isCompany(c.text) {
            let suggestion = EditDistance.suggestion(for: c.text, among: companyNames)
            throw Diagnostic("unknown company '\(c.text)'", at: c.span, label: suggestion.map { "did you mean '\($0)'?" })
        }
        if names.isEmpty { names = [try currentCompany(interpreter, at: span, for: "a table")] }
        let range = try yearRange(years, companies: names, span, interpreter)
        let columns = byMetric
            ? metrics.flatMap { m in names.map { Table.Column(company: $0, metric: m.text) } }
            : names.flatMap { c in metrics.map { Table.Column(company: c, metric: $0.text) } }
        let result: Table
        do {
            result = try state.table(columns: columns, years: range)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        let f = interpreter.formatter
        let headers = ["year"] + columns.map { names.count == 1 ? $0.metric : "\($0.company).\($0.metric)" }
        let rows = zip(result.years, result.rows).map { year, cells in
            [String(year)] + zip(columns, cells).map { column, cell in formatCell(cell, metric: column.metric, f) }
        }
        return TextTable(headers: headers, rows: rows).render(interpreter.tableStyle)
    }

    /// A cell shown as its metric's measure asks.
    private func formatCell(_ cell: Cell, metric: String, _ f: ValueFormatter) -> String {
        guard case .value(var q) = cell else { return format(cell, f) }
        if q.unit.isNone, q.display == .auto, let decl = state.metric(named: metric) {
            if decl.measure == .percent { q.display = .percent }
            if decl.measure == .multiple { q.display = .multiple }
        }
        return f.format(q)
    }

    /// `in a..b`, or by default the companies' first year through their last fact.
    private func yearRange(_ years: Expr?, companies: [String], _ span: Span, _ interpreter: Interpreter) throws -> ClosedRange<Int> {
        if let years {
            switch try interpreter.evaluate(years) {
            case .range(let a, let b): return a...b
            case let v:
                let y = try wholeNumber(v, at: years.span, what: "a year or a range of years")
                return y...y
            }
        }
        let firsts = companies.compactMap { state.company(named: $0)?.firstYear }
        let lasts = state.facts().filter { companies.contains($0.company) }.map(\.year)
        guard let first = firsts.min(), let last = lasts.max() else {
            throw Diagnostic("there are no facts to show yet", at: span, hint: "give the years: `in 2024..2030`")
        }
        return first...max(first, last)
    }
}

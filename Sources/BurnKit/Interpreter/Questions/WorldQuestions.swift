// WorldQuestions: the statements that ask the model and print: project, table, compare,
// explain, sources, captable.
import BurnModel

extension World {
    func question(_ statement: Stmt, _ interpreter: Interpreter) throws {
        let event: OutputEvent
        switch statement.kind {
        case .project(let names, let until): event = .table(try project(names, until, statement.span, interpreter))
        case .table(let metrics, let companies, let years):
            event = .table(try table(metrics: metrics, companies: companies, years: years, statement.span, interpreter,
                                     byMetric: false))
        case .compare(let companies, let metrics, let years):
            event = .table(try table(metrics: metrics, companies: companies, years: years, statement.span, interpreter,
                                     byMetric: true))
        case .explain(let e): event = .explain(try explain(e, interpreter))
        case .sources: event = sources(interpreter)
        case .captable(let name): event = try capTable(name, statement.span, interpreter)
        case .export(let inner, let path):
            return try export(inner, to: path, span: statement.span, interpreter, file: interpreter.currentFile(statement))
        case .chart(let metrics, let companies, let years, let path, let kind):
            return try chart(kind, metrics: metrics, companies: companies, years: years, to: path, span: statement.span,
                             interpreter, file: interpreter.currentFile(statement))
        default:
            throw Diagnostic("this statement is not available yet", at: statement.span)
        }
        interpreter.emit(event)
    }

    // MARK: - project

    /// The years, columns and cells a question shows, before any formatting.
    struct DataTable {
        var headers: [String]
        var metrics: [String]
        var years: [Int]
        var cells: [[Cell]]
        /// For an uncertain model: the number of draws each uncertain cell is the mean of.
        var meanOfDraws: Int?
        /// For an uncertain projection, one per row: what its runway column shows instead of a mean.
        var runway: [RunwaySummary?] = []
    }

    private func project(_ names: [Name], _ until: Expr, _ span: Span, _ interpreter: Interpreter) throws -> TableEvent {
        var (data, projection, last) = try projectionData(names, until, span, interpreter)
        data.runway = projection.runway
        var event = tableEvent(data, interpreter)
        event.notes = [unknownNote(data), meanNote(projection.meanOfDraws, interpreter), runwayNote(data),
                       needNote(projection)].compactMap { $0 }
        event.closing = [closingLine(projection, until: last, interpreter.formatter)]
        return event
    }

    func projectionData(_ names: [Name], _ until: Expr, _ span: Span, _ interpreter: Interpreter) throws
        -> (DataTable, Projection, Int) {
        var metrics = names
        let company: String
        if let first = names.first, isCompany(first.text) {
            company = first.text
            metrics.removeFirst()
        } else {
            company = try currentCompany(interpreter, at: span, for: "`project`")
        }
        for m in metrics { try requireMetric(m) }
        let last = try calendarYear(interpreter.evaluate(until), at: until.span)
        let projection: Projection
        do {
            projection = try state.project(company: company, extraMetrics: metrics.map(\.text), until: last)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        try checkTableSize(rows: projection.rows.count, columns: projection.columns.count, at: span)
        guard !projection.rows.isEmpty else {
            throw Diagnostic("\(company) has no facts to project from", at: span,
                             hint: "give a fact first, like `revenue[2024] = 3.7B`")
        }
        let data = DataTable(headers: ["year"] + projection.columns, metrics: projection.columns,
                             years: projection.rows.map(\.year), cells: projection.rows.map(\.cells),
                             meanOfDraws: projection.meanOfDraws)
        return (data, projection, last)
    }

    /// A data table as aligned text or Markdown, each cell shown as its metric's measure asks.
    func text(_ data: DataTable, _ interpreter: Interpreter) -> String {
        OutputText.render(tableEvent(data, interpreter))
    }

    /// A data table as an output event: a year a row, each cell the value its metric's
    /// measure shows (a percent metric as a percentage) with its printed text.
    func tableEvent(_ data: DataTable, _ interpreter: Interpreter) -> TableEvent {
        let f = interpreter.formatter
        let rows = data.years.indices.map { row in
            [TableCell(.year(data.years[row]), text: String(data.years[row]))] + zip(data.metrics, data.cells[row]).map { metric, cell in
                if metric == "runway", row < data.runway.count, let summary = data.runway[row] {
                    return TableCell(summary.median.map(Value.make), text: format(summary, f))
                }
                return typedCell(cell, metric: metric, f)
            }
        }
        let columns = data.headers.indices.map { TableColumn(data.headers[$0], $0 == 0 ? .left : .right) }
        return TableEvent(columns: columns, rows: rows, style: interpreter.tableStyle)
    }

    /// An uncertain runway: `9.19 months (12% out)`, the median then the share of draws whose
    /// cash is below 0; `-` for a median with nothing burning.
    private func format(_ runway: RunwaySummary, _ f: ValueFormatter) -> String {
        (runway.median.map { f.format($0) } ?? "-") + " (\(f.percent(runway.outShare)) out)"
    }

    /// What an uncertain projection's runway column shows.
    private func runwayNote(_ data: DataTable) -> String? {
        guard data.runway.contains(where: { $0 != nil }) else { return nil }
        return "runway: the median of the samples (one that burns nothing counts as unlimited), then the share "
            + "of samples whose cash is below 0 at the end of the year"
    }

    /// Why a projection shows `funding_need` rather than cash.
    private func needNote(_ p: Projection) -> String? {
        guard p.fundingNeed != nil else { return nil }
        return "funding_need: the least starting cash that keeps the cash at or above 0 through the year "
            + "(\(p.company) has no `cash` fact, so its cash is unknown)"
    }

    /// `OpenAI: break-even in 2028; the cash runs out in 2025`: operating break-even, the first
    /// year of positive free cash flow when it differs, then the year the cash runs out, or,
    /// with no cash fact, the new money the plan needs and by when.
    private func closingLine(_ p: Projection, until: Int, _ f: ValueFormatter) -> String {
        let first = p.rows.first?.year ?? until
        var breakeven = yearClause(p.breakeven, first: first, until: until, f, found: "break-even",
                                   unknown: "break-even unknown")
        if !p.freeCashFlow.isSame(as: p.breakeven) {
            breakeven = "operating " + breakeven + ", " + yearClause(
                p.freeCashFlow, first: first, until: until, f, found: "free cash flow positive",
                unknown: "free cash flow unknown", inYear: "from", never: "free cash flow not positive")
        }
        let cash: String
        if let need = p.fundingNeed {
            cash = needClause(need, first: first, until: until, f)
        } else {
            switch p.runsOut {
            case .draws(let years, let through):
                cash = uncertainYears(years, through: through, until: until, f, found: "the cash runs out by",
                                      never: "the cash lasts through")
            case .year(let y): cash = "the cash runs out in \(y)"
            case .noneThrough(let y) where y < first: cash = "cash unknown"
            case .noneThrough(let y) where y < until: cash = "the cash lasts through \(y), unknown after"
            case .noneThrough: cash = "the cash lasts through \(until)"
            }
        }
        return "\(p.company): \(breakeven); \(cash)"
    }

    /// `break-even in 2028`, `no break-even by 2030`, or the shares of samples.
    private func yearClause(_ answer: YearAnswer, first: Int, until: Int, _ f: ValueFormatter, found: String,
                            unknown: String, inYear: String = "in", never: String? = nil) -> String {
        let never = never ?? "no \(found)"
        switch answer {
        case .draws(let years, let through):
            return uncertainYears(years, through: through, until: until, f, found: "\(found) by", never: "\(never) by")
        case .year(let y): return "\(found) \(inYear) \(y)"
        case .noneThrough(let y) where y < first: return unknown
        case .noneThrough(let y) where y < until: return "\(never) through \(y), unknown after"
        case .noneThrough: return "\(never) by \(until)"
        }
    }

    /// `needs $115B of new money by 2029`: the most new money the plan needs within the years
    /// projected (funding_need in the last year), by the year the need reaches it (the low
    /// point of the cumulative cash flow); `still growing` when that is the last year.
    private func needClause(_ need: FundingNeed, first: Int, until: Int, _ f: ValueFormatter) -> String {
        guard let amount = need.amount else { return "cash unknown, and the new money needed unknown too" }
        let unknownAfter = need.through < until ? ", unknown after \(need.through)" : ""
        let atLeast = need.through < until ? "at least " : ""
        switch need.by {
        case .year(let y):
            let growing = y == until ? ", still growing in \(until)" : ""
            return "needs \(atLeast)\(f.format(amount)) of new money by \(y)" + growing + unknownAfter
        case .noneThrough:
            return "needs no new money through \(need.through)" + unknownAfter
        case .draws(let years, _):
            let share = Double(years.valuedCount) / Double(max(1, years.count))
            guard share > 0 else { return "needs no new money through \(need.through) in every sample" + unknownAfter }
            let median = Int(years.percentile(50).rounded())
            let none = share < 1 ? ", none in \(f.percent(1 - share)) of samples" : ""
            return "needs \(atLeast)\(f.format(amount)) of new money by \(median) (median year)" + none + unknownAfter
        }
    }

    /// `break-even by 2030 in 63% of samples (median 2027)`: a searched year, per draw.
    private func uncertainYears(_ years: Draws, through: Int, until: Int, _ f: ValueFormatter,
                                found: String, never: String) -> String {
        let share = Double(years.valuedCount) / Double(max(1, years.count))
        let last = min(through, until)
        let unknownAfter = through < until && share < 1 ? ", unknown after \(through)" : ""
        guard share > 0 else { return "\(never) \(last) in every sample" + unknownAfter }
        let median = Int(years.percentile(50).rounded())
        let how = share == 1 ? "every sample" : f.percent(share) + " of samples"
        return "\(found) \(last) in \(how) (median \(median))" + unknownAfter
    }

    /// A line saying what an uncertain model's table cells show.
    func meanNote(_ draws: Int?, _ interpreter: Interpreter) -> String? {
        guard let draws else { return nil }
        return "uncertain cells show the mean of \(interpreter.formatter.localized(NumberFormat.grouped(String(draws)))) samples"
    }

    /// A line explaining `?` when a table has unknown cells.
    func unknownNote(_ data: DataTable) -> String? {
        let unknown = data.cells.contains { $0.contains { if case .unknown = $0 { return true } else { return false } } }
        return unknown ? "? = unknown: give a fact, a rule (`revenue grows 50% per year`) or a formula" : nil
    }

    func format(_ cell: Cell, _ f: ValueFormatter) -> String {
        switch cell {
        case .value(let q): return f.format(q)
        case .unknown: return "?"
        case .none: return "-"
        }
    }

    // MARK: - Size

    /// The most rows a table, a chart or a projection shows (years lie in 1900...2200, so a
    /// year a row stays under it; the bound holds whatever the rows become).
    static let maximumRows = 1_000
    /// The most cells (rows × columns) one shows: `table revenue, revenue, ...` listing a
    /// metric a thousand times would otherwise print a million cells.
    static let maximumCells = 100_000

    /// Refuses a table too large to read, before any of it is computed.
    func checkTableSize(rows: Int, columns: Int, at span: Span) throws {
        if rows > Self.maximumRows {
            throw Diagnostic("this table would have \(rows) rows; at most 1,000", at: span,
                             hint: "show fewer years: `in 2024..2030`")
        }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: max(columns, 1))
        if overflow || cells > Self.maximumCells {
            throw Diagnostic("this table would have \(rows) rows of \(columns) columns; at most 100,000 cells", at: span,
                             hint: "show fewer metrics or years, or split it into several tables")
        }
    }

    // MARK: - table and compare

    private func table(metrics: [Name], companies: [Name], years: Expr?, _ span: Span, _ interpreter: Interpreter,
                       byMetric: Bool) throws -> TableEvent {
        let data = try tableData(metrics: metrics, companies: companies, years: years, span, interpreter, byMetric: byMetric)
        var event = tableEvent(data, interpreter)
        event.notes = [unknownNote(data), meanNote(data.meanOfDraws, interpreter)].compactMap { $0 }
        return event
    }

    func tableData(metrics: [Name], companies: [Name], years: Expr?, _ span: Span, _ interpreter: Interpreter,
                   byMetric: Bool) throws -> DataTable {
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
        try checkTableSize(rows: range.count, columns: columns.count, at: span)
        let result: Table
        do {
            result = try state.table(columns: columns, years: range)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        let headers = ["year"] + columns.map { names.count == 1 ? $0.metric : "\($0.company).\($0.metric)" }
        return DataTable(headers: headers, metrics: columns.map(\.metric), years: result.years, cells: result.rows,
                         meanOfDraws: result.meanOfDraws)
    }

    /// A cell shown as its metric's measure asks.
    func formatCell(_ cell: Cell, metric: String, _ f: ValueFormatter) -> String {
        typedCell(cell, metric: metric, f).text
    }

    /// A cell's value, as its metric's measure shows it (a percent metric's plain number as a
    /// percentage), and its text: an unknown cell has no value (`?`), a cell with none `-`.
    func typedCell(_ cell: Cell, metric: String, _ f: ValueFormatter) -> TableCell {
        switch cell {
        case .value(var q):
            if q.unit.isNone, q.display == .auto, let decl = state.metric(named: metric) {
                if decl.measure == .percent { q.display = .percent }
                if decl.measure == .multiple { q.display = .multiple }
            }
            return TableCell(Value.make(q), text: f.format(q))
        case .unknown: return TableCell(nil, text: format(cell, f))
        case .none(let reason): return TableCell(.none(reason), text: format(cell, f))
        }
    }

    /// `in a..b`, or by default the companies' first year through their last fact.
    func yearRange(_ years: Expr?, companies: [String], _ span: Span, _ interpreter: Interpreter) throws -> ClosedRange<Int> {
        if let years {
            switch try interpreter.evaluate(years) {
            case .range(let a, let b): return try checkCalendarYears(a, b, at: years.span)
            case let v:
                let y = try calendarYear(v, at: years.span)
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

// WorldChart: the `chart` statement: which chart its form asks for (lines over years, bars
// for one year across companies, a cap table, a cash waterfall), the data each draws (an
// uncertain value's percentiles read from its samples), and where it goes (the terminal or
// Jupyter, or an .svg file).
import BurnModel

extension World {
    /// What a chart statement draws, once its years are known.
    private enum ChartPlan {
        case lines
        case bars(year: Int)
        case waterfall(year: Int)
        case capTable
    }

    func chart(_ kind: ChartKind, metrics: [Name], companies: [Name], years: Expr?, to path: String?, span: Span,
               _ interpreter: Interpreter, file: SourceFile) throws {
        if let path, FilePaths.extensionOf(path) != "svg" {
            throw Diagnostic("a chart is written to an .svg file", at: span, hint: "write `to \"chart.svg\"`")
        }
        let title: String, content: ChartContent
        switch try plan(kind, metrics: metrics, companies: companies, years: years, span, interpreter) {
        case .lines: (title, content) = try lineChart(metrics, companies, years, span, interpreter)
        case .bars(let year): (title, content) = try barChart(metrics, companies, years, year: year, span, interpreter)
        case .waterfall(let year):
            let company = try companies.first?.text ?? currentCompany(interpreter, at: span, for: "a chart")
            (title, content) = try waterfallChart(company, year: year, span, interpreter)
        case .capTable: (title, content) = try capTableChart(companies.first, span, interpreter)
        }
        let chart = ChartEvent(title: title, content: content, formatter: interpreter.formatter, color: interpreter.outputColor)
        guard let path else {
            interpreter.emit(.chart(chart))
            return
        }
        try write(chart.svg, to: try writablePath(path, span: span, interpreter, file: file), span: span)
        interpreter.emit(.text("wrote \(path)\n"))
    }

    // MARK: - Which chart

    /// The kind named, or chosen from the form: one year (not a range) gives bars, or a
    /// waterfall when the one metric is one company's cash; anything else, lines.
    private func plan(_ kind: ChartKind, metrics: [Name], companies: [Name], years: Expr?, _ span: Span,
                      _ interpreter: Interpreter) throws -> ChartPlan {
        if kind == .capTable { return .capTable }
        let given = try years.map { try chartYears($0, interpreter) }
        switch kind {
        case .lines, .capTable:
            return .lines
        case .bars:
            let example = World.chartStatement(metrics.map(\.text), companies, "in 2025 as bars")
            return .bars(year: try oneYear(given, years, "a bar chart", span, example: example))
        case .waterfall:
            try checkWaterfall(metrics, companies)
            let example = World.chartStatement(["cash"], companies, "in 2025 as waterfall")
            return .waterfall(year: try oneYear(given, years, "a waterfall", span, example: example))
        case .automatic:
            guard let given, !given.isRange else { return .lines }
            if metrics.map(\.text) == ["cash"], companies.count <= 1 { return .waterfall(year: given.years.lowerBound) }
            return .bars(year: given.years.lowerBound)
        }
    }

    /// The years after `in`: a range (`2024..2030`) or one year (`2025`).
    private func chartYears(_ years: Expr, _ interpreter: Interpreter) throws -> (years: ClosedRange<Int>, isRange: Bool) {
        if case .range(let a, let b) = try interpreter.evaluate(years) {
            return (try checkCalendarYears(a, b, at: years.span), true)
        }
        let year = try calendarYear(try interpreter.evaluate(years), at: years.span)
        return (year...year, false)
    }

    /// The one year a bar chart or waterfall shows; a range of several is an error.
    private func oneYear(_ given: (years: ClosedRange<Int>, isRange: Bool)?, _ years: Expr?, _ what: String, _ span: Span,
                         example: String) throws -> Int {
        guard let given, let years else {
            throw Diagnostic("\(what) shows one year: say which", at: span, hint: "give it with `in`: `\(example)`")
        }
        guard given.years.count == 1 else {
            let (first, last) = (given.years.lowerBound, given.years.upperBound)
            throw Diagnostic("\(what) shows one year, not \(first)..\(last)", at: years.span,
                             hint: "write `in \(last)`, or chart \(first)..\(last) as lines")
        }
        return given.years.lowerBound
    }

    /// A waterfall follows one company's cash.
    private func checkWaterfall(_ metrics: [Name], _ companies: [Name]) throws {
        if let other = metrics.first(where: { $0.text != "cash" }) ?? (metrics.count > 1 ? metrics.last : nil) {
            throw Diagnostic("a waterfall shows how cash changed in a year, not '\(other.text)'", at: other.span,
                             hint: "write `\(World.chartStatement(["cash"], Array(companies.prefix(1)), "in 2025"))`, or `as bars` for \(other.text)")
        }
        if companies.count > 1 {
            throw Diagnostic("a waterfall follows one company's cash", at: companies[1].span,
                             hint: "write one chart a company: `\(World.chartStatement(["cash"], [companies[0]], "in 2025"))`")
        }
    }

    /// `chart revenue, costs for OpenAI, "Mistral AI" <ending>`: a statement for a hint.
    static func chartStatement(_ metrics: [String], _ companies: [Name], _ ending: String) -> String {
        let names = companies.map { $0.text.contains(" ") ? "\"\($0.text)\"" : $0.text }
        return "chart " + metrics.joined(separator: ", ") + (names.isEmpty ? "" : " for " + names.joined(separator: ", "))
            + " " + ending
    }

    // MARK: - Lines

    /// A series a column of the table, in its order (each company's metrics in turn).
    private func lineChart(_ metrics: [Name], _ companies: [Name], _ years: Expr?, _ span: Span,
                           _ interpreter: Interpreter) throws -> (String, ChartContent) {
        let data = try tableData(metrics: metrics, companies: companies, years: years, span, interpreter, byMetric: false)
        let names = try chartCompanies(companies, span, interpreter)
        let columns = names.flatMap { c in metrics.map { (company: c, metric: $0.text) } }
        let sampled = try sampledColumns(data, columns, span)
        let series = data.headers.dropFirst().enumerated().map { j, header in
            chartSeries(header, years: data.years, cells: sampled?[j] ?? data.cells.map { $0[j] }, metric: data.metrics[j],
                        interpreter.formatter)
        }
        return (ChartEvent.title(companies: names, metrics: metrics.map(\.text)), .lines(series))
    }

    private func chartCompanies(_ companies: [Name], _ span: Span, _ interpreter: Interpreter) throws -> [String] {
        companies.isEmpty ? [try currentCompany(interpreter, at: span, for: "a chart")] : companies.map(\.text)
    }

    /// Each column's cells with their samples when the model is uncertain (a table holds their
    /// means); nil when it is certain.
    private func sampledColumns(_ data: DataTable, _ columns: [(company: String, metric: String)],
                                _ span: Span) throws -> [[Cell]]? {
        guard data.meanOfDraws != nil, let first = data.years.first, let last = data.years.last else { return nil }
        return try columns.map { column in
            do {
                return try state.series(company: column.company, metric: column.metric, years: first...last)
            } catch let error as ModelError {
                throw diagnostic(error, at: span)
            }
        }
    }

    /// A series of a metric's cells, in the unit and display of its first value (how the axis
    /// prints its ticks).
    private func chartSeries(_ label: String, years: [Int], cells: [Cell], metric: String, _ f: ValueFormatter) -> ChartSeries {
        let measure = cells.lazy.compactMap(\.quantity).first.flatMap { q in
            self.typedCell(.value(Quantity(1, q.unit, display: q.display)), metric: metric, f).value?.asQuantity
        }
        return ChartSeries(label: label, points: zip(years, cells).map { chartPoint($0, $1, metric: metric, f) },
                           unit: measure?.unit ?? .none, display: measure?.display ?? .auto)
    }

    /// A cell as a point: its value and text; an uncertain one's median, its percentiles, and
    /// `median $4.4B (90%: $4B to $5B)`.
    private func chartPoint(_ year: Int, _ cell: Cell, metric: String, _ f: ValueFormatter) -> ChartPoint {
        guard let q = cell.quantity, let draws = q.draws else {
            return ChartPoint(year: year, value: cell.quantity?.value, text: formatCell(cell, metric: metric, f))
        }
        guard draws.valuedCount > 0, let spread = ChartSpread(draws.percentiles(ChartSpread.percentiles)) else {
            return ChartPoint(year: year, value: nil, text: "none in every sample")
        }
        let text = { (x: Double) in self.formatCell(.value(Quantity(x, q.unit, display: q.display)), metric: metric, f) }
        let none = draws.noneShare > 0 ? ", none in " + f.percent(draws.noneShare) + " of samples" : ""
        return ChartPoint(year: year, value: spread.median,
                          text: "median " + text(spread.median) + Chart.interval(text(spread.p5), text(spread.p95), f) + none,
                          spread: spread)
    }

    // MARK: - Bars

    /// A series a metric, a point a company, all in `year`.
    private func barChart(_ metrics: [Name], _ companies: [Name], _ years: Expr?, year: Int, _ span: Span,
                          _ interpreter: Interpreter) throws -> (String, ChartContent) {
        let data = try tableData(metrics: metrics, companies: companies, years: years, span, interpreter, byMetric: true)
        let names = try chartCompanies(companies, span, interpreter)
        let columns = metrics.flatMap { m in names.map { (company: $0, metric: m.text) } }
        let sampled = try sampledColumns(data, columns, span)
        let series = metrics.enumerated().map { k, metric in
            let cells = names.indices.map { i in
                let j = k * names.count + i
                return sampled?[j].first ?? data.cells.first?[j] ?? .none("no value")
            }
            return chartSeries(metric.text, years: Array(repeating: year, count: cells.count), cells: cells,
                               metric: metric.text, interpreter.formatter)
        }
        let title = ChartEvent.title(companies: names, metrics: metrics.map(\.text)) + " in \(year)"
        return (title, .bars(ChartBars(year: year, companies: names, series: series)))
    }

    // MARK: - Waterfall

    /// The flows between one year's cash and the next, as the cash identity adds them:
    /// `cash = cash[year - 1] + revenue - costs - capex + raised`.
    private static let cashFlows: [(metric: String, sign: Double)] = [("revenue", 1), ("costs", -1), ("capex", -1), ("raised", 1)]

    /// The start (last year's cash), each flow, anything else that moved the cash (a `cash`
    /// fact the flows do not add up to), and the end. Means of the samples on an uncertain model.
    private func waterfallChart(_ company: String, year: Int, _ span: Span,
                                _ interpreter: Interpreter) throws -> (String, ChartContent) {
        let f = interpreter.formatter
        var uncertain = false
        func amount(_ metric: String, _ year: Int) throws -> Quantity? {
            let cell: Cell
            do {
                cell = try state.cell(company: company, metric: metric, year: year)
            } catch let error as ModelError {
                throw diagnostic(error, at: span)
            }
            uncertain = uncertain || cell.quantity?.isUncertain == true
            return World.meanCell(cell).quantity.flatMap { $0.value.isFinite ? $0 : nil }
        }
        guard let start = try amount("cash", year - 1) else { throw try unknownStart(company, year: year, span) }
        let signed = { (x: Double) in (x > 0 ? "+" : "") + self.formatCell(.value(Quantity(x, start.unit)), metric: "cash", f) }
        var steps = [ChartStep(label: "cash \(year - 1)", kind: .total, amount: start.value,
                               text: formatCell(.value(start), metric: "cash", f))]
        var running = start.value
        for flow in World.cashFlows {
            guard let q = try amount(flow.metric, year) else { throw try unknownFlow(company, flow.metric, year, span) }
            let x = try sameUnit(q, as: start, flow.metric, span) * flow.sign
            steps.append(ChartStep(label: flow.metric, kind: .change, amount: x, text: signed(x)))
            running += x
        }
        guard let end = try amount("cash", year) else { throw try unknownFlow(company, "cash", year, span) }
        let other = try sameUnit(end, as: start, "cash", span) - running
        // A `cash` fact that the flows do not add up to moved it by the difference: shown, never dropped.
        if abs(other) > 1e-9 * max(abs(end.value), abs(start.value), 1) {
            steps.append(ChartStep(label: "other", kind: .change, amount: other, text: signed(other)))
        }
        steps.append(ChartStep(label: "cash \(year)", kind: .total, amount: end.value, text: formatCell(.value(end), metric: "cash", f)))
        let title = "\(company): cash in \(year)" + (uncertain ? " (means of the samples)" : "")
        return (title, .waterfall(ChartWaterfall(steps: steps, unit: start.unit, display: .auto)))
    }

    /// The amount of `q`, which must be in the unit of the cash it is added to.
    private func sameUnit(_ q: Quantity, as cash: Quantity, _ metric: String, _ span: Span) throws -> Double {
        guard q.unit == cash.unit else {
            throw Diagnostic("the waterfall adds \(metric) to cash, but they are in different units", at: span,
                             hint: "give \(metric) in the currency of the company's cash")
        }
        return q.value
    }

    /// Last year's cash is unknown: the waterfall has nothing to start from.
    private func unknownStart(_ company: String, year: Int, _ span: Span) throws -> Diagnostic {
        let firstFact = state.facts().filter { $0.company == company && $0.metric == "cash" }.map(\.year).min()
        let quoted = company.contains(" ") ? "\"\(company)\"" : company
        let hint: String
        if let firstFact, firstFact >= year {
            hint = "the first `cash` fact is for \(firstFact): chart \(firstFact + 1) or later, "
                + "or give `\(quoted).cash[\(year - 1)]`"
        } else if firstFact == nil {
            hint = "give the cash it starts from: `\(quoted).cash[\(year - 1)] = 10B`, or write `as bars`"
        } else {
            return try unknownFlow(company, "cash", year - 1, span)
        }
        return Diagnostic("the waterfall starts from \(company)'s cash at the end of \(year - 1), which is unknown",
                          at: span, hint: hint)
    }

    /// The model's own error for a flow with no value (it says what to add).
    private func unknownFlow(_ company: String, _ metric: String, _ year: Int, _ span: Span) throws -> Diagnostic {
        switch try state.cell(company: company, metric: metric, year: year) {
        case .unknown(let error): return diagnostic(error, at: span)
        case .none(let why): return Diagnostic("\(company).\(metric)[\(year)] has no value (\(why))", at: span)
        case .value: return Diagnostic("\(company).\(metric)[\(year)] has no finite value", at: span)
        }
    }

    // MARK: - Cap table

    /// A bar a round: the holders after it, grouped by the round whose money bought their shares.
    private func capTableChart(_ name: Name?, _ span: Span, _ interpreter: Interpreter) throws -> (String, ChartContent) {
        let company = try name?.text ?? currentCompany(interpreter, at: span, for: "a chart")
        let steps: [CapTableStep]
        do {
            steps = try state.capTable(company: company)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        guard let last = steps.last else {
            throw Diagnostic("\(company) has no rounds to chart", at: span,
                             hint: "add one: `round \"Series A\" in 2024-06 raise 10M at 50M post`")
        }
        let groups = [ChartHolderGroup(label: Model.earlierHolders)] + steps.indices.map { i in
            ChartHolderGroup(label: "\(steps[i].round.name) investors",
                             investors: last.holders.filter { $0.round == i && $0.name != Model.roundInvestors }.map(\.name))
        }
        let shares = steps.map { step in
            step.holders.map { ChartShare(holder: $0.name, group: ($0.round ?? -1) + 1, share: $0.share) }
        }
        return ("\(company): shares after each round",
                .capTable(ChartCapTable(rounds: steps.map(\.round.name), groups: groups, shares: shares)))
    }
}

// WorldExport: `export ... to "file.csv|json|md"` and `chart ... [to "file.svg"]`.
import BurnModel

extension World {
    func export(_ inner: Stmt, to path: String, span: Span, _ interpreter: Interpreter, file: SourceFile) throws {
        let data = try exportData(inner, interpreter)
        let target = try writablePath(path, span: span, interpreter, file: file)
        let text: String
        switch FilePaths.extensionOf(path) {
        case "csv": text = csv(data)
        case "json": text = json(data)
        case "md":
            let saved = interpreter.tableStyle
            interpreter.tableStyle = .markdown
            defer { interpreter.tableStyle = saved }
            text = self.text(data, interpreter)
        default:
            throw Diagnostic("cannot export to '\(path)'", at: span, hint: "name a .csv, .json or .md file")
        }
        try write(text, to: target, span: span)
        interpreter.output("wrote \(path) (\(data.years.count) rows)\n")
    }

    private func exportData(_ inner: Stmt, _ interpreter: Interpreter) throws -> DataTable {
        switch inner.kind {
        case .table(let metrics, let companies, let years):
            return try tableData(metrics: metrics, companies: companies, years: years, inner.span, interpreter, byMetric: false)
        case .compare(let companies, let metrics, let years):
            return try tableData(metrics: metrics, companies: companies, years: years, inner.span, interpreter, byMetric: true)
        case .project(let names, let until):
            return try projectionData(names, until, inner.span, interpreter).0
        case .expression(let e):
            guard case .seriesValues(let s) = try interpreter.evaluate(e) else {
                throw Diagnostic("export takes a table, a comparison, a projection or a series over years", at: e.span,
                                 hint: "write `export table revenue for OpenAI in 2024..2030 to \"revenue.csv\"`")
            }
            return DataTable(headers: ["year", "\(s.company).\(s.metric)"], metrics: [s.metric],
                             years: s.values.indices.map { s.firstYear + $0 }, cells: s.values.map { [.value($0)] })
        default:
            throw Diagnostic("export takes a table, a comparison, a projection or a series over years", at: inner.span)
        }
    }

    /// A path the session may write, relative to the script's folder.
    func writablePath(_ path: String, span: Span, _ interpreter: Interpreter, file: SourceFile) throws -> String {
        let base = file.name.hasPrefix("<") ? "." : FilePaths.directory(of: file.name)
        let full = FilePaths.join(base, path)
        guard interpreter.files.allows(full) else {
            throw Diagnostic("this session may not write '\(path)'", at: span,
                             hint: "the host program decides which directories scripts may write")
        }
        return full
    }

    func write(_ text: String, to path: String, span: Span) throws {
        guard FilePaths.writeAtomically(text, to: path) else {
            throw Diagnostic("cannot write '\(path)'", at: span, hint: "does its folder exist, and may it be written?")
        }
    }

    private func csv(_ data: DataTable) -> String {
        func field(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s }
        var out = data.headers.map(field).joined(separator: ",") + "\n"
        for (year, cells) in zip(data.years, data.cells) {
            out += ([String(year)] + cells.map { $0.quantity.map { World.raw($0.value) } ?? "" }).joined(separator: ",") + "\n"
        }
        return out
    }

    private func json(_ data: DataTable) -> String {
        func string(_ s: String) -> String { "\"" + s.replacingAll("\"", with: "\\\"") + "\"" }
        let rows = zip(data.years, data.cells).map { year, cells in
            let fields = ["\(string("year")): \(year)"] + zip(data.headers.dropFirst(), cells).map { header, cell in
                "\(string(header)): \(cell.quantity.map { World.raw($0.value) } ?? "null")"
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    func chart(metrics: [Name], companies: [Name], years: Expr?, to path: String?, span: Span,
               _ interpreter: Interpreter, file: SourceFile) throws {
        let data = try tableData(metrics: metrics, companies: companies, years: years, span, interpreter, byMetric: false)
        let f = interpreter.formatter
        let series = data.headers.dropFirst().enumerated().map { column, header in
            ChartSeries(label: header, points: data.years.enumerated().map { row, year in
                let cell = data.cells[row][column]
                return (year, cell.quantity?.value, formatCell(cell, metric: data.metrics[column], f))
            })
        }
        guard let path else {
            interpreter.output(Chart.terminal(series))
            return
        }
        guard FilePaths.extensionOf(path) == "svg" else {
            throw Diagnostic("a chart is written to an .svg file", at: span, hint: "write `to \"chart.svg\"`")
        }
        let title = data.headers.dropFirst().joined(separator: ", ")
        try write(Chart.svg(series, title: title), to: try writablePath(path, span: span, interpreter, file: file), span: span)
        interpreter.output("wrote \(path)\n")
    }

    /// A number for data files: up to 15 significant digits, no grouping, no exponent below 1e21.
    static func raw(_ x: Double) -> String { NumberFormat.significant(x, 15) }
}

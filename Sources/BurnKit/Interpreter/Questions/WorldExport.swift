// WorldExport: `export ... to "file.csv|json|md"`, and writing files (`chart ... to` too).
import BurnModel

extension World {
    func export(_ inner: Stmt, to path: String, span: Span, _ interpreter: Interpreter, file: SourceFile) throws {
        let data = try withIntervals(try exportData(inner, interpreter), inner, interpreter)
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
        interpreter.emit(.text("wrote \(path) (\(data.years.count) rows)\n"))
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
        guard interpreter.files.writeHandler != nil || interpreter.files.allows(full) else {
            throw Diagnostic("this session may not write '\(path)'", at: span,
                             hint: "the host program decides which directories scripts may write")
        }
        return full
    }

    func write(_ text: String, to path: String, span: Span) throws {
        switch runtime.interpreter.files.write(text, to: path) {
        case .written: return
        case .refused:
            throw Diagnostic("this session may not write '\(path)'", at: span,
                             hint: "the host program decides which directories scripts may write")
        case .failed:
            throw Diagnostic("cannot write '\(path)'", at: span, hint: "does its folder exist, and may it be written?")
        }
    }

    private func csv(_ data: DataTable) -> String {
        func field(_ s: String) -> String {
            s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        var out = data.headers.map(field).joined(separator: ",") + "\n"
        for (year, cells) in zip(data.years, data.cells) {
            out += ([String(year)] + cells.map { World.number($0) ?? "" }).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Always valid JSON: a cell with no finite value (unknown, none, or no value in any draw)
    /// is `null`, and names are escaped.
    private func json(_ data: DataTable) -> String {
        let rows = zip(data.years, data.cells).map { year, cells in
            let fields = ["\(World.jsonString("year")): \(year)"] + zip(data.headers.dropFirst(), cells).map { header, cell in
                "\(World.jsonString(header)): \(World.number(cell) ?? "null")"
            }
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return rows.isEmpty ? "[]\n" : "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    /// A cell as a data-file number, nil when it has no finite value. An uncertain cell is its
    /// mean (its interval has columns of its own, from `withIntervals`).
    static func number(_ cell: Cell) -> String? {
        guard let q = cell.quantity else { return nil }
        let x = q.draws.map { $0.valuedCount > 0 ? $0.mean : .nan } ?? q.value
        return x.isFinite ? raw(x) : nil
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, as the
    /// notebook JSON writer escapes them.
    static func jsonString(_ s: String) -> String {
        var out = ""
        JSONValue.writeString(s, to: &out)
        return out
    }

    // MARK: - Uncertain cells

    /// The table with, after each column that holds an uncertain cell, its 5th and 95th
    /// percentiles as two more columns (`loss p5`, `loss p95`); uncertain cells become their
    /// mean. Tables and projections of an uncertain model hold means only, so their columns
    /// are read again with every draw.
    private func withIntervals(_ data: DataTable, _ inner: Stmt, _ interpreter: Interpreter) throws -> DataTable {
        var data = data
        if data.meanOfDraws != nil, let columns = try exportColumns(inner, data, interpreter), columns.count == data.metrics.count,
           let first = data.years.first, let last = data.years.last {
            for (j, column) in columns.enumerated() {
                let cells: [Cell]
                do {
                    cells = try state.series(company: column.company, metric: column.metric, years: first...last)
                } catch let error as ModelError {
                    throw diagnostic(error, at: inner.span)
                }
                for i in data.years.indices where cells.indices.contains(i) { data.cells[i][j] = cells[i] }
            }
        }
        var result = DataTable(headers: ["year"], metrics: [], years: data.years, cells: data.years.map { _ in [] })
        for (j, header) in data.headers.dropFirst().enumerated() {
            let column = data.cells.map { $0[j] }
            result.headers.append(header)
            result.metrics.append(data.metrics[j])
            let uncertain = column.contains { $0.quantity?.isUncertain ?? false }
            for i in column.indices { result.cells[i].append(World.meanCell(column[i])) }
            guard uncertain else { continue }
            for p in [5.0, 95.0] {
                result.headers.append(header + " p" + NumberFormat.significant(p, 2))
                result.metrics.append(data.metrics[j])
                for i in column.indices { result.cells[i].append(World.percentileCell(column[i], p)) }
            }
        }
        return result
    }

    /// The (company, metric) of each column of a table or projection, in its order; nil for a
    /// series, whose values already hold their draws.
    private func exportColumns(_ inner: Stmt, _ data: DataTable, _ interpreter: Interpreter) throws -> [Table.Column]? {
        switch inner.kind {
        case .table(let metrics, let companies, _), .compare(let companies, let metrics, _):
            var names = companies.map(\.text)
            if names.isEmpty { names = [try currentCompany(interpreter, at: inner.span, for: "a table")] }
            if case .compare = inner.kind {
                return metrics.flatMap { m in names.map { Table.Column(company: $0, metric: m.text) } }
            }
            return names.flatMap { c in metrics.map { Table.Column(company: c, metric: $0.text) } }
        case .project(let names, _):
            var company: String
            if let first = names.first, isCompany(first.text) { company = first.text } else {
                company = try currentCompany(interpreter, at: inner.span, for: "`project`")
            }
            return data.metrics.map { Table.Column(company: company, metric: $0) }
        default:
            return nil
        }
    }

    /// An uncertain cell as its mean (none when no draw has a value); others as they are.
    static func meanCell(_ cell: Cell) -> Cell {
        guard let q = cell.quantity, let draws = q.draws else { return cell }
        guard draws.valuedCount > 0 else { return .none("none in every sample") }
        return .value(Quantity(draws.mean, q.unit, display: q.display))
    }

    /// The p-th percentile of an uncertain cell (a certain one is its own percentile).
    static func percentileCell(_ cell: Cell, _ p: Double) -> Cell {
        guard let q = cell.quantity else { return cell }
        guard let draws = q.draws else { return cell }
        guard draws.valuedCount > 0 else { return .none("none in every sample") }
        return .value(Quantity(draws.percentile(p), q.unit, display: q.display))
    }

    /// A number for data files: up to 15 significant digits, no grouping, no exponent below 1e21.
    static func raw(_ x: Double) -> String { NumberFormat.significant(x, 15) }
}

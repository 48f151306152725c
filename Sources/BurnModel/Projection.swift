// Projection: the tables `project` and `table` print, and the break-even and runs-out answers.

/// A company-level answer found by searching years: the year, or none through the last
/// year searched.
public enum YearAnswer: Sendable, Hashable {
    case year(Int)
    /// Searched through this year (inclusive) without finding it; the search stops early
    /// at the first year whose value is unknown.
    case noneThrough(Int)
}

/// What `project` prints: one row a year from the company's first year.
public struct Projection {
    public struct Row {
        public var year: Int
        /// One cell per column.
        public var cells: [Cell]
    }

    public var company: String
    public var columns: [String]
    public var rows: [Row]
    public var breakeven: YearAnswer
    public var runsOut: YearAnswer
}

/// What `table` prints: any metrics of any companies over a range of years.
public struct Table {
    public struct Column: Hashable, Sendable {
        public var company: String
        public var metric: String
        public init(company: String, metric: String) {
            self.company = company
            self.metric = metric
        }
    }

    public var columns: [Column]
    public var years: [Int]
    /// Rows by year, then cells by column.
    public var rows: [[Cell]]
}

extension Model {
    /// The last year `breakeven` and `runsOut` search when not told.
    public static let horizon = 2100

    /// The columns every projection has.
    public static let projectionColumns = ["revenue", "costs", "operating_income", "burn", "raised", "cash", "runway"]

    /// The first year with `operating_income >= 0`, from the company's first year.
    public func breakeven(company: String, until: Int = Model.horizon) throws -> YearAnswer {
        try search(company, "operating_income", until: until, evaluator: Evaluator(self)) { $0 >= 0 }
    }

    /// The first year with `cash < 0`, from the company's first year.
    public func runsOut(company: String, until: Int = Model.horizon) throws -> YearAnswer {
        try search(company, "cash", until: until, evaluator: Evaluator(self)) { $0 < 0 }
    }

    private func search(_ company: String, _ metric: String, until: Int, evaluator: Evaluator,
                        _ found: (Double) -> Bool) throws -> YearAnswer {
        let c = try companyIndex(company), m = try metricIndex(metric)
        guard let first = companyList[c].firstYear else { return .noneThrough(until) }
        var year = first
        while year <= until {
            guard case .value(let q) = try evaluator.cell(CellKey(c, m, year)) else { return .noneThrough(year - 1) }
            if found(q.value) { return .year(year) }
            year += 1
        }
        return .noneThrough(until)
    }

    /// `project OpenAI margin until 2030`: the standard columns plus the extra metrics (no
    /// duplicates), one row a year from the company's first year through `until`, and the
    /// break-even and runs-out answers searched through the same years.
    public func project(company: String, extraMetrics: [String] = [], until: Int) throws -> Projection {
        let c = try companyIndex(company)
        var columns: [String] = []
        for name in Model.projectionColumns + extraMetrics where !columns.contains(name) {
            _ = try metricIndex(name)
            columns.append(name)
        }
        let metrics = try columns.map { try metricIndex($0) }
        let evaluator = Evaluator(self)
        var rows: [Projection.Row] = []
        if let first = companyList[c].firstYear, first <= until {
            for year in first...until {
                let cells = try metrics.map { try evaluator.cell(CellKey(c, $0, year)) }
                rows.append(Projection.Row(year: year, cells: cells))
            }
        }
        return Projection(
            company: company, columns: columns, rows: rows,
            breakeven: try search(company, "operating_income", until: until, evaluator: evaluator) { $0 >= 0 },
            runsOut: try search(company, "cash", until: until, evaluator: evaluator) { $0 < 0 })
    }

    /// `table revenue, loss for OpenAI, Anthropic in 2024..2030`, columns company by company.
    public func table(metrics: [String], companies: [String], years: ClosedRange<Int>) throws -> Table {
        try table(columns: companies.flatMap { c in metrics.map { Table.Column(company: c, metric: $0) } }, years: years)
    }

    /// A table of any columns, in the order given.
    public func table(columns: [Table.Column], years: ClosedRange<Int>) throws -> Table {
        let keys = try columns.map { (try companyIndex($0.company), try metricIndex($0.metric)) }
        let evaluator = Evaluator(self)
        var rows: [[Cell]] = []
        for year in years {
            rows.append(try keys.map { try evaluator.cell(CellKey($0.0, $0.1, year)) })
        }
        return Table(columns: columns, years: Array(years), rows: rows)
    }
}

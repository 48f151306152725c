// Projection: the tables `project` and `table` print, and the break-even and runs-out answers.

/// A company-level answer found by searching years: the year, or none through the last
/// year searched.
public enum YearAnswer: Sendable, Hashable {
    case year(Int)
    /// Searched through this year (inclusive) without finding it; the search stops early
    /// at the first year whose value is unknown.
    case noneThrough(Int)
    /// For an uncertain model: the year in each draw (NaN where there is none through the
    /// given year, the last one searched in the draws still without a year).
    case draws(Draws, through: Int)

    /// True when the search ended without a year (in some draw).
    public var hasNone: Bool {
        switch self {
        case .year: return false
        case .noneThrough: return true
        case .draws(let years, _): return years.valuedCount < years.count
        }
    }
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
    /// For an uncertain model: the number of draws whose mean each uncertain cell shows.
    public var meanOfDraws: Int?
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
    /// For an uncertain model: the number of draws whose mean each uncertain cell shows.
    public var meanOfDraws: Int?
}

extension Model {
    /// The last year `breakeven` and `runsOut` search when not told.
    public static let horizon = 2100

    /// The columns every projection has.
    public static let projectionColumns = ["revenue", "costs", "operating_income", "burn", "raised", "cash", "runway"]

    /// The first year with `operating_income >= 0`, from the company's first year.
    public func breakeven(company: String, until: Int = Model.horizon) throws -> YearAnswer {
        try search(company, "operating_income", until: until, evaluator: Evaluator(self), .atLeastZero)
    }

    /// The first year with `cash < 0`, from the company's first year.
    public func runsOut(company: String, until: Int = Model.horizon) throws -> YearAnswer {
        try search(company, "cash", until: until, evaluator: Evaluator(self), .belowZero)
    }

    private func search(_ company: String, _ metric: String, until: Int, evaluator: Evaluator,
                        _ test: YearTest) throws -> YearAnswer {
        let c = try companyIndex(company), m = try metricIndex(metric)
        if drawCount != nil { return try uncertainSearch(c, m, until: until, test) }
        guard let first = companyList[c].firstYear else { return .noneThrough(until) }
        var year = first
        while year <= until {
            guard case .value(let q) = try evaluator.cell(CellKey(c, m, year)) else { return .noneThrough(year - 1) }
            if test.holds(q.value) { return .year(year) }
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
        var years: [Int] = []
        if let first = companyList[c].firstYear, first <= until { years = Array(first...until) }
        if drawCount != nil { return try uncertainProjection(c, columns, metrics, years: years, until: until) }
        let evaluator = Evaluator(self)
        let rows = try years.map { year in
            Projection.Row(year: year, cells: try metrics.map { try evaluator.cell(CellKey(c, $0, year)) })
        }
        return Projection(
            company: company, columns: columns, rows: rows,
            breakeven: try search(company, "operating_income", until: until, evaluator: evaluator, .atLeastZero),
            runsOut: try search(company, "cash", until: until, evaluator: evaluator, .belowZero))
    }

    /// `project` for an uncertain model: cells as means, break-even and runs-out per draw,
    /// all from one pass over the slices.
    private func uncertainProjection(_ c: Int, _ columns: [String], _ metrics: [Int], years: [Int], until: Int) throws
        -> Projection {
        let keys = years.flatMap { year in metrics.map { CellKey(c, $0, year) } }
        let income = try metricIndex("operating_income"), cash = try metricIndex("cash")
        var searches: [(answer: YearAnswer?, years: [Double], through: Int)] = [(nil, [], until), (nil, [], until)]
        let cells = try meanCells(keys) { evaluator in
            guard let first = years.first else { return }
            for (i, (m, test)) in [(income, YearTest.atLeastZero), (cash, YearTest.belowZero)].enumerated() {
                let slice = try searchSlice(evaluator, c, m, from: first, until: until, test)
                searches[i].answer = slice.answer
                searches[i].years += slice.years
                searches[i].through = min(searches[i].through, slice.through)
            }
        }
        let answers = searches.map { $0.answer ?? .draws(Draws($0.years), through: $0.through) }
        let rows = years.indices.map { i in
            Projection.Row(year: years[i], cells: Array(cells[(i * metrics.count)..<((i + 1) * metrics.count)]))
        }
        return Projection(company: companyList[c].name, columns: columns, rows: rows,
                          breakeven: years.isEmpty ? .noneThrough(until) : answers[0],
                          runsOut: years.isEmpty ? .noneThrough(until) : answers[1], meanOfDraws: drawCount)
    }

    /// `table revenue, loss for OpenAI, Anthropic in 2024..2030`, columns company by company.
    public func table(metrics: [String], companies: [String], years: ClosedRange<Int>) throws -> Table {
        try table(columns: companies.flatMap { c in metrics.map { Table.Column(company: c, metric: $0) } }, years: years)
    }

    /// A table of any columns, in the order given.
    public func table(columns: [Table.Column], years: ClosedRange<Int>) throws -> Table {
        let keys = try columns.map { (try companyIndex($0.company), try metricIndex($0.metric)) }
        if drawCount != nil {
            let cells = try meanCells(years.flatMap { year in keys.map { CellKey($0.0, $0.1, year) } })
            let rows = (0..<years.count).map { Array(cells[($0 * keys.count)..<(($0 + 1) * keys.count)]) }
            return Table(columns: columns, years: Array(years), rows: rows, meanOfDraws: drawCount)
        }
        let evaluator = Evaluator(self)
        var rows: [[Cell]] = []
        for year in years {
            rows.append(try keys.map { try evaluator.cell(CellKey($0.0, $0.1, year)) })
        }
        return Table(columns: columns, years: Array(years), rows: rows)
    }
}

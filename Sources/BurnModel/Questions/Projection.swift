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

    /// The same answer in every draw (NaN, no year, matching NaN): whether two searches
    /// agree, as break-even and positive free cash flow do when nothing is capex.
    public func isSame(as other: YearAnswer) -> Bool {
        switch (self, other) {
        case (.draws(let a, let t), .draws(let b, let u)):
            return t == u && a.count == b.count
                && zip(a.values, b.values).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
        default: return self == other
        }
    }

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
    /// One year of the projection.
    public struct Row {
        /// The year of the row.
        public var year: Int
        /// One cell per column.
        public var cells: [Cell]
    }

    /// The company projected.
    public var company: String
    /// The metrics shown, one a column, in order.
    public var columns: [String]
    /// The rows, one a year in order.
    public var rows: [Row]
    /// Operating break-even: the first year with `operating_income >= 0`.
    public var breakeven: YearAnswer
    /// The first year of positive free cash flow (`free_cash_flow > 0`: revenue - costs -
    /// capex, before any round); the same as `breakeven` when nothing is capex.
    public var freeCashFlow: YearAnswer
    /// The first year with `cash < 0`. Meaningful only when `fundingNeed` is nil.
    public var runsOut: YearAnswer
    /// When the company has no `cash` fact (its cash is unknown): the new money the plan
    /// needs, shown instead of a year the cash runs out.
    public var fundingNeed: FundingNeed?
    /// For an uncertain model, one per row: the runway's median and the share of draws whose
    /// cash is gone (nil where the runway is certain or not shown).
    public var runway: [RunwaySummary?] = []
    /// For an uncertain model: the number of draws whose mean each uncertain cell shows.
    public var meanOfDraws: Int?
}

/// What `table` prints: any metrics of any companies over a range of years.
public struct Table {
    /// One column of a table: a company's metric.
    public struct Column: Hashable, Sendable {
        /// The company whose metric the column shows.
        public var company: String
        /// The metric the column shows.
        public var metric: String
        /// The column of `company`'s `metric`.
        public init(company: String, metric: String) {
            self.company = company
            self.metric = metric
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The years, one a row, in order.
    public var years: [Int]
    /// Rows by year, then cells by column.
    public var rows: [[Cell]]
    /// For an uncertain model: the number of draws whose mean each uncertain cell shows.
    public var meanOfDraws: Int?
}

extension Model {
    /// The last year `breakeven` and `runsOut` search when not told.
    public static let horizon = 2100

    /// The columns every projection has, when the company's cash is known.
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
        try search(try companyIndex(company), try metricIndex(metric), until: until, evaluator: evaluator, test)
    }

    private func search(_ c: Int, _ m: Int, until: Int, evaluator: Evaluator, _ test: YearTest) throws -> YearAnswer {
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
    /// break-even, free cash flow and runs-out answers searched through the same years. With
    /// no `cash` fact, `funding_need` replaces `cash` and `runway`, and the answer says how
    /// much new money the plan needs; capex and commitments are shown when the company has any.
    public func project(company: String, extraMetrics: [String] = [], until: Int) throws -> Projection {
        let c = try companyIndex(company)
        let plan = try ProjectionPlan(self, c, extraMetrics: extraMetrics)
        var years: [Int] = []
        if let first = companyList[c].firstYear, first <= until { years = Array(first...until) }
        if drawCount != nil { return try uncertainProjection(c, plan, years: years, until: until) }
        let evaluator = Evaluator(self)
        let rows = try years.map { year in
            Projection.Row(year: year, cells: try plan.metrics.map { try evaluator.cell(CellKey(c, $0, year)) })
        }
        var need: FundingNeed?
        if let m = plan.needMetric, let first = years.first {
            var tracker = NeedTracker(through: until)
            try tracker.add(evaluator, c, m, years: years)
            need = tracker.need(first: first)
        }
        let breakeven = try search(c, plan.income, until: until, evaluator: evaluator, .atLeastZero)
        return Projection(
            company: company, columns: plan.columns, rows: rows, breakeven: breakeven,
            freeCashFlow: try plan.freeCashFlow.map { try search(c, $0, until: until, evaluator: evaluator, .aboveZero) }
                ?? breakeven,
            runsOut: plan.needMetric == nil ? try search(c, plan.cash, until: until, evaluator: evaluator, .belowZero)
                : .noneThrough((years.first ?? until + 1) - 1),
            fundingNeed: need)
    }

    /// `project` for an uncertain model: cells as means, the runway as a median with the share
    /// of draws whose cash is gone, the year answers and the funding need per draw, all from
    /// one pass over the slices.
    private func uncertainProjection(_ c: Int, _ plan: ProjectionPlan, years: [Int], until: Int) throws -> Projection {
        let metrics = plan.metrics
        let keys = years.flatMap { year in metrics.map { CellKey(c, $0, year) } }
        var tests: [(Int, YearTest)] = [(plan.income, .atLeastZero)]
        if let m = plan.freeCashFlow { tests.append((m, .aboveZero)) }
        if plan.needMetric == nil { tests.append((plan.cash, .belowZero)) }
        var searches = [(answer: YearAnswer?, years: [Double], through: Int)](repeating: (nil, [], until), count: tests.count)
        var need = NeedTracker(through: until)
        var runway = RunwayTracker(years: years.count)
        let runwayMetric = plan.columns.firstIndex(of: "runway").map { metrics[$0] }
        let cells = try meanCells(keys) { evaluator in
            guard let first = years.first else { return }
            for (i, (m, test)) in tests.enumerated() {
                let slice = try searchSlice(evaluator, c, m, from: first, until: until, test)
                if searches[i].years.isEmpty { searches[i].years.reserveCapacity(drawCount ?? 0) }
                searches[i].answer = slice.answer
                searches[i].years += slice.years
                searches[i].through = min(searches[i].through, slice.through)
            }
            if let m = plan.needMetric { try need.add(evaluator, c, m, years: years) }
            if let m = runwayMetric { try runway.add(evaluator, c, runway: m, cash: plan.cash, years: years) }
        }
        let answers = searches.map { years.isEmpty ? .noneThrough(until) : $0.answer ?? .draws(Draws($0.years), through: $0.through) }
        let rows = years.indices.map { i in
            Projection.Row(year: years[i], cells: Array(cells[(i * metrics.count)..<((i + 1) * metrics.count)]))
        }
        let first = years.first ?? until + 1
        return Projection(company: companyList[c].name, columns: plan.columns, rows: rows, breakeven: answers[0],
                          freeCashFlow: plan.freeCashFlow == nil ? answers[0] : answers[1],
                          runsOut: plan.needMetric == nil ? answers[tests.count - 1] : .noneThrough(first - 1),
                          fundingNeed: plan.needMetric == nil || years.isEmpty ? nil : need.need(first: first),
                          runway: runwayMetric == nil ? [] : runway.summaries(), meanOfDraws: drawCount)
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

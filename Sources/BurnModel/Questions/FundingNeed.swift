// FundingNeed: the new money a plan needs when its cash is unknown, and an uncertain runway's
// summary; both read year by year from one evaluator (a certain model, or one slice of draws).

/// What `project` says when a company has no `cash` fact: the most new money the plan needs
/// within the years projected, and by when.
public struct FundingNeed {
    /// `funding_need` in the last year it is known: the most new money needed through then
    /// (uncertain for an uncertain model); nil when it is unknown from the first year.
    public var amount: Quantity?
    /// By when: the first year `funding_need` reaches `amount`, which is the year the
    /// cumulative cash flow (`cumulative_cash_flow`) is at its lowest within the years
    /// projected; the plan's last new money is needed then. `.noneThrough` when nothing is
    /// needed; for an uncertain model the year per draw (NaN where nothing is needed).
    public var by: YearAnswer
    /// The last year the need is known: the projection's last year, or earlier when a value
    /// it needs becomes unknown.
    public var through: Int
}

/// The runway column of an uncertain projection, for one year: the mean of a runway is no
/// answer (one rich draw outweighs many broke ones), so the table shows the median and the
/// share of draws whose cash is gone.
public struct RunwaySummary: Sendable, Hashable {
    /// The median runway over every draw, a draw that burns nothing counting as unlimited;
    /// nil when the median is unlimited (more than half of the draws burn nothing).
    public var median: Quantity?
    /// The share of draws whose cash is below 0 at the end of that year, 0...1.
    public var outShare: Double
}

/// funding_need read year by year, lane by lane: where it reaches its largest value.
struct NeedTracker {
    var amounts: [Double] = []
    var years: [Double] = []
    var unit: Unit?
    var through: Int
    var uncertain = false

    init(through: Int) { self.through = through }

    /// Adds one evaluator's lanes (a slice of draws, or the one lane of a certain model),
    /// reading `m` (funding_need) over `years` until a year is unknown.
    mutating func add(_ evaluator: Evaluator, _ c: Int, _ m: Int, years: [Int]) throws {
        let width = evaluator.lanes?.count ?? 1
        var amount = [Double](repeating: 0, count: width), by = [Double](repeating: .nan, count: width)
        var last = (years.first ?? 1) - 1
        for year in years {
            guard case .value(let q) = try evaluator.cell(CellKey(c, m, year)) else { break }
            unit = q.unit
            last = year
            if let draws = q.draws {
                uncertain = true
                let values = draws.values
                for i in 0..<min(width, values.count) where values[i] > amount[i] {
                    amount[i] = values[i]
                    by[i] = Double(year)
                }
            } else {
                for i in 0..<width where q.value > amount[i] {
                    amount[i] = q.value
                    by[i] = Double(year)
                }
            }
        }
        through = min(through, last)
        if amounts.isEmpty, let all = evaluator.model.drawCount {
            amounts.reserveCapacity(all)
            self.years.reserveCapacity(all)
        }
        amounts += amount
        self.years += by
    }

    /// The answer once every lane is in.
    func need(first: Int) -> FundingNeed {
        guard through >= first, let unit else { return FundingNeed(amount: nil, by: .noneThrough(through), through: through) }
        if uncertain {
            return FundingNeed(amount: Quantity(draws: Draws(amounts), unit), by: .draws(Draws(years), through: through),
                               through: through)
        }
        let amount = amounts.first ?? 0
        // A year stored as a Double from an Int: exact, and finite whenever the amount is positive.
        let by: YearAnswer = amount > 0 ? .year(Int(exactly: years[0]) ?? through) : .noneThrough(through)
        return FundingNeed(amount: Quantity(amount, unit), by: by, through: through)
    }
}

/// An uncertain runway column read year by year: the draws of each year's runway (none, a draw
/// that burns nothing, as +infinity) and how many draws have cash below 0. The draws are kept
/// as Float, half the memory of a million draws a year, still exact to the digits shown.
struct RunwayTracker {
    var draws: [[Float]]
    var out: [Int]
    var total: [Int]
    var uncertain: [Bool]
    var unit: Unit?

    init(years: Int) {
        draws = Array(repeating: [], count: years)
        out = Array(repeating: 0, count: years)
        total = Array(repeating: 0, count: years)
        uncertain = Array(repeating: false, count: years)
    }

    mutating func add(_ evaluator: Evaluator, _ c: Int, runway: Int, cash: Int, years: [Int]) throws {
        let width = evaluator.lanes?.count ?? 1
        for (i, year) in years.enumerated() {
            guard case .value(let r) = try evaluator.cell(CellKey(c, runway, year)), let runwayDraws = r.draws else { continue }
            uncertain[i] = true
            unit = r.unit
            if draws[i].isEmpty, let all = evaluator.model.drawCount { draws[i].reserveCapacity(all) }
            for x in runwayDraws.values { draws[i].append(x.isNaN ? .infinity : Float(x)) }
            total[i] += width
            guard case .value(let q) = try evaluator.cell(CellKey(c, cash, year)) else { continue }
            if let cashDraws = q.draws {
                for x in cashDraws.values where x < 0 { out[i] += 1 }
            } else if q.value < 0 {
                out[i] += width
            }
        }
    }

    /// One summary a year; nil where the runway is certain (the cell shows it as it is).
    func summaries() -> [RunwaySummary?] {
        draws.indices.map { i in
            guard uncertain[i], !draws[i].isEmpty, let unit else { return nil }
            let (lo, hi) = RunwayTracker.middle(draws[i])
            let median = hi.isInfinite ? nil : Quantity((Double(lo) + Double(hi)) / 2, unit)
            return RunwaySummary(median: median, outShare: Double(out[i]) / Double(max(1, total[i])))
        }
    }

    /// The two middle draws (the same one when the count is odd), by selection in place.
    static func middle(_ values: [Float]) -> (Float, Float) {
        var a = values
        let n = a.count, upper = n / 2, lower = (n - 1) / 2
        a.withUnsafeMutableBufferPointer { select($0, upper) }
        let hi = a[upper]
        // After selecting `upper`, everything before it is at most `hi`: the lower middle is their largest.
        let lo = lower == upper ? hi : a[0..<upper].max() ?? hi
        return (lo, hi)
    }

    /// Rearranges `a` so that `a[k]` is the k-th smallest, smaller ones before it, larger after
    /// (Hoare's selection with a middle pivot; the draws come in random order).
    private static func select(_ a: UnsafeMutableBufferPointer<Float>, _ k: Int) {
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let pivot = a[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
    }
}

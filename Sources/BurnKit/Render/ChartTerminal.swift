// ChartTerminal: charts as text for the REPL and `burn run`: bars of block characters, 40
// columns at most, each line ending with the value as the session prints it. An uncertain
// value shows its median and interval; colour (ANSI) only when the host asks for it.

/// Draws a chart as lines of text. Plain unless `color`: then bars take their series' colour.
enum ChartTerminal {
    /// The bars' longest length, in columns.
    static let width = 40

    static func render(_ chart: ChartEvent) -> String {
        let paint = Paint(enabled: chart.color)
        switch chart.content {
        case .lines(let series): return blocks(series, rowLabel: { p, _ in "\(p.year)" }, paint, chart.formatter)
        case .bars(let bars):
            let series = bars.series.map { s in ChartSeries(label: s.label + " in \(bars.year)", points: s.points) }
            let longest = bars.companies.map(\.count).max() ?? 0
            return blocks(series, rowLabel: { _, i in
                let name = bars.companies.indices.contains(i) ? bars.companies[i] : ""
                return name + String(repeating: " ", count: max(0, longest - name.count))
            }, paint, chart.formatter)
        case .capTable(let table): return capTable(table, title: chart.title, paint, chart.formatter)
        case .waterfall(let waterfall): return self.waterfall(waterfall, title: chart.title, paint)
        }
    }

    // MARK: - Lines and bars

    /// A block of bars a series, all on one scale: the series' label, then a row a point.
    static func blocks(_ series: [ChartSeries], rowLabel: (ChartPoint, Int) -> String, _ paint: Paint,
                       _ formatter: ValueFormatter) -> String {
        let largest = series.flatMap { $0.points.flatMap(Chart.reach) }.map(abs).filter(\.isFinite).max() ?? 0
        var out = ""
        for (i, s) in series.enumerated() {
            out += paint.bold(s.label) + (s.isUncertain ? "  " + key(formatter) : "") + "\n"
            for (j, p) in s.points.enumerated() {
                let bar = p.spread.map { intervalBar($0, largest: largest) } ?? solidBar(p.value, largest: largest)
                let pad = String(repeating: " ", count: max(0, width + 1 - bar.count))
                out += "  \(rowLabel(p, j))  \(paint.colour(bar, Paint.series(i)))\(pad)\(p.text)\n"
            }
        }
        return out
    }

    /// A bar of `|v| / largest` of the width, to an eighth of a column; light shade below zero.
    static func solidBar(_ v: Double?, largest: Double) -> String {
        guard let v, v.isFinite, largest > 0, largest.isFinite else { return "" }
        let eighths = Int((min(abs(v), largest) / largest * Double(width) * 8).rounded())
        return String(repeating: v < 0 ? "░" : "█", count: eighths / 8) + (v < 0 ? "" : partial(eighths % 8))
    }

    private static func partial(_ eighths: Int) -> String {
        eighths == 0 ? "" : String(["▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths - 1])
    }

    /// What an uncertain row's marks mean.
    static func key(_ formatter: ValueFormatter) -> String {
        "┃ median  ━ \(formatter.percent(0.5))  ─ \(formatter.percent(0.9)) of samples"
    }

    /// An uncertain value: solid to its 5th percentile, then its 90% interval (`─`) with the
    /// middle 50% thicker (`━`) and the median marked (`┃`). Sizes are of magnitudes, as solid
    /// bars are; an interval across zero starts at zero.
    static func intervalBar(_ spread: ChartSpread, largest: Double) -> String {
        let all = [spread.p5, spread.p25, spread.median, spread.p75, spread.p95]
        guard largest > 0, largest.isFinite, all.allSatisfy(\.isFinite) else { return "" }
        func column(_ x: Double) -> Int { Int((min(abs(x), largest) / largest * Double(width)).rounded()) }
        let oneSign = spread.p5 >= 0 || spread.p95 <= 0
        let low = oneSign ? column(min(abs(spread.p5), abs(spread.p95))) : 0
        let high = max(low + 1, column(max(abs(spread.p5), abs(spread.p95))))
        let middle = oneSign || spread.p25 > 0 || spread.p75 < 0 ? column(min(abs(spread.p25), abs(spread.p75))) : 0
        let middleEnd = column(max(abs(spread.p25), abs(spread.p75)))
        let median = min(max(Int(min(abs(spread.median), largest) / largest * Double(width)), low), high - 1)
        var cells = Array(repeating: spread.median < 0 ? "░" : "█", count: low)
        for c in low..<high { cells.append(c == median ? "┃" : (middle..<middleEnd).contains(c) ? "━" : "─") }
        return cells.joined()
    }

    // MARK: - Cap table

    /// Glyphs for a cap table's groups (the earlier holders, then a round each), in turn.
    static let groupGlyphs = ["█", "▓", "▒", "░", "#", "=", "+", ":", "."]

    static func groupGlyph(_ group: Int) -> String { groupGlyphs[group % groupGlyphs.count] }

    /// The title, a bar a round split among the groups, the earlier holders' share after it,
    /// then what each glyph stands for.
    static func capTable(_ table: ChartCapTable, title: String, _ paint: Paint, _ formatter: ValueFormatter) -> String {
        let longest = table.rounds.map(\.count).max() ?? 0
        var out = paint.bold(title) + "\n"
        for (round, shares) in zip(table.rounds, table.shares) {
            var totals: [(group: Int, share: Double)] = []
            for share in shares where share.share.isFinite {
                if totals.last?.group == share.group { totals[totals.count - 1].share += share.share } else {
                    totals.append((share.group, share.share))
                }
            }
            let columns = apportion(totals.map(\.share), into: width)
            let bar = zip(totals, columns).map { total, n in
                paint.colour(String(repeating: groupGlyph(total.group), count: n), Paint.group(total.group))
            }.joined()
            let earlier = totals.first { $0.group == 0 }.map { formatter.percent($0.share) } ?? formatter.percent(0)
            let label = round + String(repeating: " ", count: max(0, longest - round.count))
            out += "  \(label)  \(bar)  \(table.groups.first?.label ?? "") \(earlier)\n"
        }
        for (g, group) in table.groups.enumerated() {
            let names = group.investors.isEmpty ? "" : ": " + group.investors.joined(separator: ", ")
            out += "  " + paint.colour(groupGlyph(g), Paint.group(g)) + " " + group.label + names + "\n"
        }
        return out
    }

    /// `shares` (summing to about 1) as whole columns summing to `columns`: each its rounded-
    /// down part, then the columns left to the largest remainders (the first among equals).
    static func apportion(_ shares: [Double], into columns: Int) -> [Int] {
        let total = shares.reduce(0, +)
        guard total > 0, total.isFinite else { return shares.map { _ in 0 } }
        let exact = shares.map { max(0, $0) / total * Double(columns) }
        var parts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for i in order.prefix(max(0, columns - parts.reduce(0, +))) { parts[i] += 1 }
        return parts
    }

    // MARK: - Waterfall

    /// The title, a row a step on a scale from the lowest to the highest running total (zero
    /// included): totals `█` from zero, money in `▓` and out `░` from the running total.
    static func waterfall(_ waterfall: ChartWaterfall, title: String, _ paint: Paint) -> String {
        let spans = Chart.spans(waterfall.steps)
        let ends = spans.flatMap { [$0.from, $0.to] }.filter(\.isFinite)
        let low = min(0, ends.min() ?? 0), high = max(0, ends.max() ?? 0)
        func column(_ x: Double) -> Int {
            guard high > low, x.isFinite else { return 0 }
            return Int(((min(max(x, low), high) - low) / (high - low) * Double(width)).rounded())
        }
        let longest = waterfall.steps.map(\.label.count).max() ?? 0
        var out = paint.bold(title) + "\n"
        for (step, span) in zip(waterfall.steps, spans) {
            let (a, b) = (column(min(span.from, span.to)), column(max(span.from, span.to)))
            let (glyph, colour) = step.kind == .total ? ("█", Paint.balance) : step.amount < 0 ? ("░", Paint.moneyOut) : ("▓", Paint.moneyIn)
            // A step of nothing is a thin mark where its bar would be.
            let bar = b > a ? String(repeating: glyph, count: b - a) : "│"
            let start = b > a ? a : min(a, width - 1)
            let label = step.label + String(repeating: " ", count: max(0, longest - step.label.count))
            let pad = String(repeating: " ", count: max(0, width + 1 - start - bar.count))
            out += "  \(label)  " + String(repeating: " ", count: start) + paint.colour(bar, colour) + pad + step.text + "\n"
        }
        out += "  " + paint.colour("█", Paint.balance) + " cash  " + paint.colour("▓", Paint.moneyIn) + " money in  "
            + paint.colour("░", Paint.moneyOut) + " money out\n"
        return out
    }
}

/// ANSI colour for a terminal, or nothing. 256-colour codes near the SVG's Okabe-Ito colours.
struct Paint {
    let enabled: Bool

    static let palette = [25, 166, 36, 175, 178, 74, 244]
    static let balance = 25, moneyIn = 36, moneyOut = 166

    /// The `i`th series' colour.
    static func series(_ i: Int) -> Int { palette[i % palette.count] }

    /// A cap-table group's colour: grey for the earlier holders, then a colour a round.
    static func group(_ g: Int) -> Int { g == 0 ? 250 : palette[(g - 1) % (palette.count - 1)] }

    func colour(_ text: String, _ code: Int) -> String {
        enabled && !text.isEmpty ? "\u{1B}[38;5;\(code)m" + text + "\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { enabled && !text.isEmpty ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
}

extension Chart {
    /// One block of bars a series, all on one scale, as the REPL prints a line chart.
    public static func terminal(_ series: [ChartSeries]) -> String {
        ChartTerminal.blocks(series, rowLabel: { p, _ in "\(p.year)" }, Paint(enabled: false), ValueFormatter())
    }
}

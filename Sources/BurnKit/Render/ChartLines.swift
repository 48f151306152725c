// ChartLines: the line chart, for series over years: a line a series (a dot at each year's
// value, a gap where a year has none), an uncertain series as a fan, and a legend giving each
// series' last value.
import BurnModel

extension Chart {
    /// A line chart for a reader who wants numbers off it: the title, a value axis of round
    /// ticks printed by `formatter` (`$20B`, `20 Md$`) with light grid lines and a darker,
    /// labelled zero line, years along the bottom, a line (dots at each year, a gap where a year
    /// has no value) a series, an uncertain series' median over its 50% and 90% bands, and a
    /// legend giving each series' last value. 640×360 unless the legend or title needs more.
    public static func svg(_ series: [ChartSeries], title: String, formatter: ValueFormatter = ValueFormatter()) -> String {
        let years = series.flatMap { $0.points.map(\.year) }
        let values = series.flatMap { $0.points.flatMap(reach) }.filter(\.isFinite)
        guard let first = years.min(), let last = years.max(), !values.isEmpty else { return empty(title) }
        let ticks = ChartTicks(covering: values)
        let tickText = tickFormat(series, formatter)
        let legend = lineLegend(series, formatter)
        let frame = ChartFrame(title: title, ticks: ticks, tickLabels: ticks.values.map(tickText), legend: legend)
        let scale = YearScale(first: first, last: last)
        var doc = SVGDocument()
        valueAxis(&doc, frame.plot, tickText: tickText)
        yearAxis(&doc, frame.plot, scale)
        // Every band under every line, so no band hides another series' line.
        for (i, s) in series.enumerated() where s.isUncertain { fan(s, colour: colour(i), &doc, frame.plot, scale) }
        for (i, s) in series.enumerated() { line(s, colour: colour(i), dash: dash(i), &doc, frame.plot, scale) }
        legend.draw(&doc, x: frame.legendX, top: frame.plot.top)
        return doc.document(width: frame.width, height: frame.height, title: title)
    }

    /// The values a point reaches on the axis: its value, and an uncertain one's 90% band.
    static func reach(_ p: ChartPoint) -> [Double] {
        (p.value.map { [$0] } ?? []) + (p.value == nil ? [] : p.spread?.extremes ?? [])
    }

    /// A series' line, broken where a year has no value, and a dot at each year's value.
    private static func line(_ s: ChartSeries, colour: String, dash: String?, _ doc: inout SVGDocument, _ plot: ChartPlot,
                             _ years: YearScale) {
        let points = s.points.map { p in p.value.flatMap { $0.isFinite ? (years.x(p.year, plot), plot.y($0)) : nil } }
        for run in runs(points) where run.count > 1 { doc.polyline(run, stroke: colour, width: 2.5, dash: dash) }
        for case let (x, y)? in points { doc.circle(x, y, r: 3, fill: colour) }
    }

    /// The runs of consecutive points with a value: a year with none ends a run.
    static func runs<T>(_ points: [T?]) -> [[T]] {
        var runs: [[T]] = [[]]
        for point in points {
            if let point {
                runs[runs.count - 1].append(point)
            } else if !(runs.last ?? []).isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// An entry a series: its label, its last year's value; an uncertain series' entry gives
    /// the median and the 90% interval, and a note says what the bands are.
    private static func lineLegend(_ series: [ChartSeries], _ formatter: ValueFormatter) -> ChartLegend {
        let entries = series.enumerated().map { i, s in
            LegendEntry(swatch: s.isUncertain ? .fan(colour(i)) : .line(colour(i), dash: dash(i)),
                        lines: [s.label] + lastValue(s, formatter))
        }
        return ChartLegend(entries: entries, notes: series.contains(where: \.isUncertain) ? bandNotes(formatter) : [])
    }

    /// `2030: $193.4B` (French: `2030 : 193,4 Md$`), the last year with a value; for an
    /// uncertain value `2030 median: $62B` and `90%: $40B to $80B`.
    static func lastValue(_ s: ChartSeries, _ formatter: ValueFormatter) -> [String] {
        guard let last = s.points.last(where: { $0.value?.isFinite == true }), let value = last.value else { return ["no values"] }
        let colon = (formatter.locale.isFrench ? FrenchSpace.noBreak : "") + ": "
        guard let spread = last.spread else { return ["\(last.year)" + colon + last.text] }
        let text = { valueText($0, unit: s.unit, display: s.display, formatter) }
        return ["\(last.year) median" + colon + text(value),
                formatter.percent(0.9) + colon + text(spread.p5) + (formatter.locale.isFrench ? " à " : " to ") + text(spread.p95)]
    }

    /// What a fan's bands are: `shaded: the middle 50%`, `and 90% of samples`.
    static func bandNotes(_ formatter: ValueFormatter) -> [String] {
        ["shaded: the middle \(formatter.percent(0.5))", "and \(formatter.percent(0.9)) of samples"]
    }

    /// What a bar's whiskers are.
    static func whiskerNotes(_ formatter: ValueFormatter) -> [String] {
        ["whiskers: the middle \(formatter.percent(0.5))", "(thick) and \(formatter.percent(0.9)) (thin)", "of samples"]
    }
}

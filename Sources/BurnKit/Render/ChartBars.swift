// ChartBars: one year across companies: a group of bars a company, a bar (a colour) a metric,
// each labelled with its value; an uncertain value is a bar to its median with whiskers over
// the middle 50% and 90% of its samples.

extension Chart {
    /// Grouped bars on a value axis with the companies along the bottom; 640×360 unless the
    /// companies, the legend or the title need more room.
    static func barsSVG(_ bars: ChartBars, title: String, formatter: ValueFormatter) -> String {
        let values = bars.series.flatMap { $0.points.flatMap(reach) }.filter(\.isFinite)
        guard !bars.companies.isEmpty, !values.isEmpty else { return empty(title) }
        let ticks = ChartTicks(covering: roomForLabels(values))
        let tickText = tickFormat(bars.series, formatter)
        let labels = bars.series.map { s in s.points.map { barLabel($0, s, formatter) } }
        let legend = ChartLegend(
            entries: bars.series.enumerated().map { LegendEntry(swatch: .box(colour($0.offset)), lines: [$0.element.label]) },
            notes: bars.series.contains(where: \.isUncertain) ? whiskerNotes(formatter) : [])
        // Each bar is at least as wide as its label, so labels side by side never touch.
        let step = max(28, ChartText.widest(labels.flatMap { $0 }, size: 11) + 6)
        let width = plotWidth(slots: bars.companies, minimumSlot: step * Double(bars.series.count) + 16)
        let frame = ChartFrame(title: title, ticks: ticks, tickLabels: ticks.values.map(tickText), plotWidth: width,
                               legend: legend)
        var doc = SVGDocument()
        valueAxis(&doc, frame.plot, tickText: tickText)
        slotAxis(&doc, frame.plot, bars.companies)
        for (j, s) in bars.series.enumerated() {
            for (i, point) in s.points.enumerated() where i < bars.companies.count {
                let slot = BarSlot(plot: frame.plot, company: i, of: bars.companies.count, series: j, of: bars.series.count)
                bar(point, label: labels[j][i], colour: colour(j), slot, &doc, frame.plot)
            }
        }
        legend.draw(&doc, x: frame.legendX, top: frame.plot.top)
        return doc.document(width: frame.width, height: frame.height, title: title)
    }

    /// What a bar is labelled: its value, an uncertain one's median; `?` or `-` for none.
    private static func barLabel(_ p: ChartPoint, _ s: ChartSeries, _ formatter: ValueFormatter) -> String {
        guard let v = p.value, p.spread != nil else { return p.text }
        return valueText(v, unit: s.unit, display: s.display, formatter)
    }

    /// One bar from zero to its value (an uncertain one's median, with whiskers), its label
    /// above it (below it when negative); a value with none is its label on the zero line.
    private static func bar(_ p: ChartPoint, label: String, colour: String, _ slot: BarSlot, _ doc: inout SVGDocument,
                            _ plot: ChartPlot) {
        guard let v = p.value, v.isFinite else {
            doc.text(label, x: slot.centre, y: plot.y(0) - 5, anchor: "middle", size: 11, fill: "#777")
            return
        }
        doc.rect(x: slot.centre - slot.width / 2, y1: plot.y(0), y2: plot.y(v), width: slot.width, fill: colour)
        var reach = (low: v, high: v)
        if let spread = p.spread, spread.extremes.allSatisfy(\.isFinite) {
            whiskers(spread, x: slot.centre, &doc, plot)
            reach = (min(v, spread.p5), max(v, spread.p95))
        }
        let y = v < 0 ? plot.y(reach.low) + 14 : plot.y(reach.high) - 5
        doc.text(label, x: slot.centre, y: y, anchor: "middle", size: 11, fill: "#222")
    }

    /// A thin line over the middle 90% of the samples, capped at both ends, and a thick one
    /// over the middle 50%.
    private static func whiskers(_ spread: ChartSpread, x: Double, _ doc: inout SVGDocument, _ plot: ChartPlot) {
        let (low, high) = (plot.y(spread.p5), plot.y(spread.p95))
        doc.line(x, low, x, high, stroke: "#222", width: 1.2)
        doc.line(x - 4, low, x + 4, low, stroke: "#222", width: 1.2)
        doc.line(x - 4, high, x + 4, high, stroke: "#222", width: 1.2)
        doc.line(x, plot.y(spread.p25), x, plot.y(spread.p75), stroke: "#222", width: 4)
    }
}

/// Where one bar of a group goes: the company's slot split evenly among the metrics.
private struct BarSlot {
    let centre: Double
    let width: Double

    init(plot: ChartPlot, company: Int, of companies: Int, series: Int, of count: Int) {
        let inner = plot.slotWidth(of: companies) - 16
        let step = inner / Double(max(1, count))
        width = min(48, step - 4)
        centre = plot.slotCentre(company, of: companies) - inner / 2 + step * (Double(series) + 0.5)
    }
}

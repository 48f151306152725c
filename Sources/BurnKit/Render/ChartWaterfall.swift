// ChartWaterfall: how a company's cash went from one year's end to the next: the start as a
// bar from zero, each flow as a bar floating from the running total (money in up, money out
// down, a dashed line carrying the total to the next bar), and the end from zero. A bar that
// crosses zero is drawn from its start to its end like any other.

extension Chart {
    static let balanceColour = "#0072b2"
    static let moneyInColour = "#009e73"
    static let moneyOutColour = "#d55e00"

    /// Where each step starts and ends: a total from zero to its amount; a change from the
    /// running total to the running total plus its amount.
    static func spans(_ steps: [ChartStep]) -> [(from: Double, to: Double)] {
        var running = 0.0
        return steps.map { step in
            let from = step.kind == .total ? 0 : running
            running = step.kind == .total ? step.amount : running + step.amount
            return (from, running)
        }
    }

    /// The waterfall on a value axis (zero marked) with the steps along the bottom; each bar
    /// labelled with its amount above it (under it when it lies below zero).
    static func waterfallSVG(_ waterfall: ChartWaterfall, title: String, formatter: ValueFormatter) -> String {
        let spans = spans(waterfall.steps)
        let values = spans.flatMap { [$0.from, $0.to] }
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return empty(title) }
        let ticks = ChartTicks(covering: roomForLabels(values))
        let tickText = tickFormat(unit: waterfall.unit, display: waterfall.display, formatter)
        let legend = ChartLegend(entries: [LegendEntry(swatch: .box(balanceColour), lines: ["cash"]),
                                           LegendEntry(swatch: .box(moneyInColour), lines: ["money in"]),
                                           LegendEntry(swatch: .box(moneyOutColour), lines: ["money out"])])
        let labels = waterfall.steps.map(\.label)
        let slot = max(64, ChartText.widest(waterfall.steps.map(\.text), size: 11) + 12)
        let frame = ChartFrame(title: title, ticks: ticks, tickLabels: ticks.values.map(tickText),
                               plotWidth: plotWidth(slots: labels, minimumSlot: slot), legend: legend)
        let plot = frame.plot
        let width = min(56, plot.slotWidth(of: labels.count) * 0.6)
        var doc = SVGDocument()
        valueAxis(&doc, plot, tickText: tickText)
        slotAxis(&doc, plot, labels)
        for (i, (step, span)) in zip(waterfall.steps, spans).enumerated() {
            let centre = plot.slotCentre(i, of: labels.count)
            if i + 1 < spans.count {
                doc.line(centre + width / 2, plot.y(span.to), plot.slotCentre(i + 1, of: labels.count) - width / 2,
                         plot.y(span.to), stroke: "#888", dash: "3,3")
            }
            let colour = step.kind == .total ? balanceColour : step.amount < 0 ? moneyOutColour : moneyInColour
            // A step of zero is still seen: a line where its bar would be.
            if abs(plot.y(span.from) - plot.y(span.to)) < 1 {
                doc.line(centre - width / 2, plot.y(span.to), centre + width / 2, plot.y(span.to), stroke: colour, width: 2)
            } else {
                doc.rect(x: centre - width / 2, y1: plot.y(span.from), y2: plot.y(span.to), width: width, fill: colour)
            }
            // Above the bar, unless all of it is below zero: then under it.
            let (low, high) = (min(span.from, span.to), max(span.from, span.to))
            doc.text(step.text, x: centre, y: high <= 0 && low < 0 ? plot.y(low) + 14 : plot.y(high) - 5, anchor: "middle",
                     size: 11, fill: "#222")
        }
        legend.draw(&doc, x: frame.legendX, top: plot.top)
        return doc.document(width: frame.width, height: frame.height, title: title)
    }

    /// The values, and room below the lowest negative one for a label under its bar (a label
    /// above the highest has the room between the plot and the title).
    static func roomForLabels(_ values: [Double]) -> [Double] {
        guard let low = values.min(), let high = values.max(), low < 0 else { return values }
        return values + [low - 0.08 * (max(high, 0) - low)]
    }
}

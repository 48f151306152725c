// ChartFan: an uncertain series drawn as a fan: under its median line, a light band holding
// the middle 90% of its samples (5th to 95th percentile) and a darker one the middle 50%
// (25th to 75th). A year with no value breaks the bands as it breaks the line.

extension Chart {
    /// The light band's opacity (90%), and the darker one's (50%: drawn over it, so darker still).
    static let outerBandOpacity = 0.16
    static let innerBandOpacity = 0.28

    /// The series' two bands; a certain year inside the series pinches them to its value.
    static func fan(_ s: ChartSeries, colour: String, _ doc: inout SVGDocument, _ plot: ChartPlot, _ years: YearScale) {
        let spreads = s.points.map { p -> (x: Double, spread: ChartSpread)? in
            guard let v = p.value, v.isFinite else { return nil }
            let spread = p.spread ?? ChartSpread(p5: v, p25: v, median: v, p75: v, p95: v)
            guard spread.extremes.allSatisfy(\.isFinite) else { return nil }
            return (years.x(p.year, plot), spread)
        }
        for run in runs(spreads) {
            band(run, \.p5, \.p95, colour: colour, opacity: outerBandOpacity, &doc, plot)
            band(run, \.p25, \.p75, colour: colour, opacity: innerBandOpacity, &doc, plot)
        }
    }

    /// The band between two percentiles along a run of years: a polygon along the high edge
    /// left to right and back along the low edge; one year alone, a narrow box.
    private static func band(_ run: [(x: Double, spread: ChartSpread)], _ low: KeyPath<ChartSpread, Double>,
                             _ high: KeyPath<ChartSpread, Double>, colour: String, opacity: Double,
                             _ doc: inout SVGDocument, _ plot: ChartPlot) {
        if run.count == 1, let only = run.first {
            doc.rect(x: only.x - 6, y1: plot.y(only.spread[keyPath: low]), y2: plot.y(only.spread[keyPath: high]), width: 12,
                     fill: colour, opacity: opacity)
            return
        }
        let upper = run.map { ($0.x, plot.y($0.spread[keyPath: high])) }
        let lower = run.reversed().map { ($0.x, plot.y($0.spread[keyPath: low])) }
        doc.polygon(upper + lower, fill: colour, opacity: opacity)
    }
}

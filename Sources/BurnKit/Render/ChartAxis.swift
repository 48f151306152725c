// ChartAxis: a chart's frame and axes: where the plot, the legend's band and the canvas's
// edges fall, the value axis (round ticks printed as the session prints values, light grid
// lines, a dark zero line), and the labels along the bottom (years, companies, rounds, steps).
import BurnModel

/// The plot's edges and its value scale (from its first tick at the bottom to its last at the top).
struct ChartPlot {
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double
    let ticks: ChartTicks

    /// The height of `v` on the canvas.
    func y(_ v: Double) -> Double {
        bottom - (bottom - top) * (v - ticks.low) / (ticks.high - ticks.low)
    }

    /// The middle of the `i`th of `count` equal slots across the plot (a company's bars, a round).
    func slotCentre(_ i: Int, of count: Int) -> Double {
        left + (right - left) * (Double(i) + 0.5) / Double(max(1, count))
    }

    /// The width of one of `count` equal slots.
    func slotWidth(of count: Int) -> Double { (right - left) / Double(max(1, count)) }
}

/// The canvas's layout: 640×360 unless something needs more room. The value axis's labels
/// get the room their text takes on the left; the legend gets a band of its own right of the
/// plot, as wide as its longest line, and the canvas grows (wider, or taller with a taller
/// plot) so that neither the legend nor the title is ever clipped or drawn over the plot.
struct ChartFrame {
    static let standardWidth = 640.0, standardHeight = 360.0
    static let plotTop = 48.0, standardPlotWidth = 356.0, standardPlotHeight = 268.0
    /// Room under the plot for the labels along the bottom.
    static let bottomMargin = 44.0

    let width: Double
    let height: Double
    let plot: ChartPlot
    /// Where the legend's band starts.
    var legendX: Double { plot.right + 16 }

    init(title: String, ticks: ChartTicks, tickLabels: [String], plotWidth: Double = standardPlotWidth,
         legend: ChartLegend) {
        let left = max(84, (ChartText.widest(tickLabels, bold: true) + 20).rounded(.up))
        let right = left + plotWidth.rounded(.up)
        let legendRight = right + 16 + legend.width.rounded(.up) + 16
        width = max(ChartFrame.standardWidth, legendRight, (ChartText.width(title, size: 15, bold: true) + 32).rounded(.up))
        let plotHeight = max(ChartFrame.standardPlotHeight, legend.height.rounded(.up) + 8)
        height = ChartFrame.plotTop + plotHeight + ChartFrame.bottomMargin
        plot = ChartPlot(left: left, right: right, top: ChartFrame.plotTop, bottom: ChartFrame.plotTop + plotHeight, ticks: ticks)
    }
}

/// Where years fall across a line chart: the first a little right of the value axis, the
/// last a little left of the plot's right edge, one year alone in the middle.
struct YearScale {
    let first: Int
    let last: Int

    func x(_ year: Int, _ plot: ChartPlot) -> Double {
        guard last > first else { return (plot.left + plot.right) / 2 }
        return plot.left + 12 + (plot.right - plot.left - 24) * Double(year - first) / Double(last - first)
    }
}

extension Chart {
    /// Grid lines and tick labels; zero's line is darker and its label bold. The y-axis line.
    static func valueAxis(_ doc: inout SVGDocument, _ plot: ChartPlot, tickText: (Double) -> String) {
        for tick in plot.ticks.values {
            let y = plot.y(tick), zero = tick == 0
            doc.line(plot.left, y, plot.right, y, stroke: zero ? "#555" : "#e2e2e2", width: zero ? 1.2 : nil)
            doc.text(tickText(tick), x: plot.left - 8, y: y + 4, anchor: "end", bold: zero, fill: "#333")
        }
        doc.line(plot.left, plot.top, plot.left, plot.bottom, stroke: "#888")
    }

    /// Year labels under the plot, every year when they fit, else every second, fifth...
    static func yearAxis(_ doc: inout SVGDocument, _ plot: ChartPlot, _ years: YearScale) {
        let count = years.last - years.first + 1
        let every = [1, 2, 5, 10, 20, 50, 100].first { count <= 8 * $0 } ?? max(1, count / 8)
        for year in years.first...years.last where (year - years.first) % every == 0 {
            let x = years.x(year, plot)
            doc.line(x, plot.bottom, x, plot.bottom + 4, stroke: "#888")
            doc.text(String(year), x: x, y: plot.bottom + 20, anchor: "middle", fill: "#333")
        }
    }

    /// A label under each slot of the plot (a company, a round, a waterfall's step).
    static func slotAxis(_ doc: inout SVGDocument, _ plot: ChartPlot, _ labels: [String]) {
        for (i, label) in labels.enumerated() {
            doc.text(label, x: plot.slotCentre(i, of: labels.count), y: plot.bottom + 20, anchor: "middle", fill: "#333")
        }
    }

    /// The plot width that gives each of `labels` a slot wider than its text, and at least
    /// `minimumSlot` pixels; never narrower than the standard plot.
    static func plotWidth(slots labels: [String], minimumSlot: Double) -> Double {
        let slot = max(minimumSlot, ChartText.widest(labels) + 16)
        return max(ChartFrame.standardPlotWidth, slot * Double(labels.count))
    }

    /// How a tick prints: as the series' unit (`$20B`, `20%`) when every series has the same
    /// one, else as a plain number.
    static func tickFormat(_ series: [ChartSeries], _ formatter: ValueFormatter) -> (Double) -> String {
        let valued = series.filter { s in s.points.contains { $0.value != nil } }
        guard let first = valued.first, valued.allSatisfy({ $0.unit == first.unit && $0.display == first.display }) else {
            return tickFormat(unit: nil, display: .auto, formatter)
        }
        return tickFormat(unit: first.unit, display: first.display, formatter)
    }

    /// Ticks in `unit` shown as `display` (nil: plain numbers). At least 4 significant digits,
    /// so ticks stay distinct under `:set digits 1`.
    static func tickFormat(unit: Unit?, display: Display, _ formatter: ValueFormatter) -> (Double) -> String {
        var f = formatter
        f.moneyDigits = max(f.moneyDigits, 4)
        f.plainDigits = max(f.plainDigits, 6)
        f.ratioDigits = f.ratioDigits.map { max($0, 3) }
        guard let unit else { return { f.plain($0) } }
        // A magnitude display (`3.7B` typed with its letter) would print `$0B`: ticks choose their own.
        let shown: Display = display == .percent || display == .multiple ? display : .auto
        return { f.format(Quantity($0, unit, display: shown)) }
    }
}

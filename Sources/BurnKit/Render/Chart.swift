// Chart: series drawn as bars in the terminal, or as lines in an SVG file.
import BurnModel

/// One line (or block of bars) of a chart: a label, a point a year, and the unit and display
/// of its values (how the SVG chart's axis prints its ticks: `$20B`, `20%`).
public struct ChartSeries: Sendable, Equatable {
    /// The legend's text (`OpenAI revenue`).
    public var label: String
    /// The points, one a year in order.
    public var points: [ChartPoint]
    /// The unit of the values (how the axis prints them).
    public var unit: Unit
    /// The display of the values (a percentage, a multiple, or from the unit).
    public var display: Display

    /// A series labelled `label` (the column's header), its values in `unit` shown as `display`.
    public init(label: String, points: [ChartPoint], unit: Unit = .none, display: Display = .auto) {
        self.label = label
        self.points = points
        self.unit = unit
        self.display = display
    }
}

/// A year's value in a chart (nil: none, drawn as a gap) and how it prints beside its bar.
public struct ChartPoint: Sendable, Equatable {
    /// The year of the point.
    public var year: Int
    /// The value in the series's unit; nil for none (a gap).
    public var value: Double?
    /// The value as it prints beside its bar.
    public var text: String

    /// A point: `year`, its value (nil: none) and its printed text.
    public init(year: Int, value: Double?, text: String) {
        self.year = year
        self.value = value
        self.text = text
    }
}

/// Draws chart series: as terminal bars, or as an SVG line chart.
public enum Chart {
    /// One block of bars a series, all on one scale.
    public static func terminal(_ series: [ChartSeries], width: Int = 40) -> String {
        let largest = series.flatMap { $0.points.compactMap { $0.value.map(abs) } }.max() ?? 0
        var out = ""
        for s in series {
            out += s.label + "\n"
            for p in s.points {
                let bar: String
                if let v = p.value, v.isFinite, largest > 0, largest.isFinite {
                    let eighths = Int((abs(v) / largest * Double(width) * 8).rounded())
                    bar = String(repeating: v < 0 ? "░" : "█", count: eighths / 8) + (v < 0 ? "" : partial(eighths % 8))
                } else {
                    bar = ""
                }
                let pad = String(repeating: " ", count: max(0, width + 1 - bar.count))
                out += "  \(p.year)  \(bar)\(pad)\(p.text)\n"
            }
        }
        return out
    }

    private static func partial(_ eighths: Int) -> String {
        eighths == 0 ? "" : String(["▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths - 1])
    }

    /// A line chart, 640×360, for a reader who wants numbers off it: the title, a value axis of
    /// round ticks printed by `formatter` (`$20B`, `20 Md$`) with light grid lines and a darker,
    /// labelled zero line, years along the bottom, a line (dots at each year, a gap where a year
    /// has no value) a series, and a legend giving each series' last value.
    public static func svg(_ series: [ChartSeries], title: String, formatter: ValueFormatter = ValueFormatter()) -> String {
        let years = series.flatMap { $0.points.map(\.year) }
        let values = series.flatMap { $0.points.compactMap(\.value) }.filter(\.isFinite)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\" viewBox=\"0 0 640 360\""
            + " font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title>\(escape(title))</title>\n"
        out += "<rect width=\"640\" height=\"360\" fill=\"#fff\"/>\n"
        out += "<text x=\"16\" y=\"26\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">\(escape(title))</text>\n"
        guard let y0 = years.min(), let y1 = years.max(), !values.isEmpty else {
            return out + "<text x=\"16\" y=\"60\" fill=\"#555\">no values to draw</text>\n</svg>\n"
        }
        let plot = ChartPlot(ticks: ChartTicks(covering: values), firstYear: y0, lastYear: y1)
        out += valueAxis(plot, tickText: tickFormat(series, formatter))
        out += yearAxis(plot)
        for (i, s) in series.enumerated() { out += line(s, colour: colour(i), plot) }
        out += legend(series, formatter: formatter)
        return out + "</svg>\n"
    }

    /// Colours that stay apart for readers with the common colour blindnesses (Okabe-Ito).
    private static let colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]

    private static func colour(_ i: Int) -> String { colours[i % colours.count] }

    /// Grid lines and tick labels; zero's line is darker and its label bold. The y-axis line.
    private static func valueAxis(_ plot: ChartPlot, tickText: (Double) -> String) -> String {
        var out = ""
        for tick in plot.ticks.values {
            let y = n(plot.y(tick)), zero = tick == 0
            let stroke = zero ? "#555\" stroke-width=\"1.2" : "#e2e2e2"
            out += "<line x1=\"\(n(ChartPlot.left))\" y1=\"\(y)\" x2=\"\(n(ChartPlot.right))\" y2=\"\(y)\" stroke=\"\(stroke)\"/>\n"
            out += "<text x=\"\(n(ChartPlot.left - 8))\" y=\"\(n(plot.y(tick) + 4))\" text-anchor=\"end\" fill=\"#333\""
                + (zero ? " font-weight=\"bold\"" : "") + ">\(escape(tickText(tick)))</text>\n"
        }
        return out + "<line x1=\"\(n(ChartPlot.left))\" y1=\"\(n(ChartPlot.top))\" x2=\"\(n(ChartPlot.left))\" y2=\"\(n(ChartPlot.bottom))\" stroke=\"#888\"/>\n"
    }

    /// Year labels under the plot, every year when they fit, else every second, fifth...
    private static func yearAxis(_ plot: ChartPlot) -> String {
        let count = plot.lastYear - plot.firstYear + 1
        let every = [1, 2, 5, 10, 20, 50, 100].first { count <= 8 * $0 } ?? max(1, count / 8)
        var out = ""
        for year in plot.firstYear...plot.lastYear where (year - plot.firstYear) % every == 0 {
            let x = n(plot.x(year))
            out += "<line x1=\"\(x)\" y1=\"\(n(ChartPlot.bottom))\" x2=\"\(x)\" y2=\"\(n(ChartPlot.bottom + 4))\" stroke=\"#888\"/>\n"
            out += "<text x=\"\(x)\" y=\"\(n(ChartPlot.bottom + 20))\" text-anchor=\"middle\" fill=\"#333\">\(year)</text>\n"
        }
        return out
    }

    /// A series' line, broken where a year has no value, and a dot at each year's value.
    private static func line(_ s: ChartSeries, colour: String, _ plot: ChartPlot) -> String {
        var runs: [[String]] = [[]]
        var dots = ""
        for p in s.points {
            guard let v = p.value, v.isFinite else {
                if !(runs.last ?? []).isEmpty { runs.append([]) }
                continue
            }
            let (x, y) = (n(plot.x(p.year)), n(plot.y(v)))
            runs[runs.count - 1].append("\(x),\(y)")
            dots += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"3\" fill=\"\(colour)\"/>\n"
        }
        let lines = runs.filter { $0.count > 1 }.map {
            "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\"\($0.joined(separator: " "))\"/>\n"
        }
        return lines.joined() + dots
    }

    /// Right of the plot: a swatch and the series' label, and under it its last year's value.
    private static func legend(_ series: [ChartSeries], formatter: ValueFormatter) -> String {
        let spacing = min(40, (ChartPlot.bottom - ChartPlot.top) / Double(max(1, series.count)))
        var out = ""
        for (i, s) in series.enumerated() {
            let y = ChartPlot.top + 12 + spacing * Double(i)
            let x = ChartPlot.right + 16
            out += "<line x1=\"\(n(x))\" y1=\"\(n(y - 4))\" x2=\"\(n(x + 16))\" y2=\"\(n(y - 4))\" stroke=\"\(colour(i))\" stroke-width=\"3\"/>\n"
            out += "<text x=\"\(n(x + 22))\" y=\"\(n(y))\" font-weight=\"bold\" fill=\"#222\">\(escape(s.label))</text>\n"
            out += "<text x=\"\(n(x + 22))\" y=\"\(n(y + 15))\" fill=\"#444\">\(escape(lastValue(s, formatter.locale)))</text>\n"
        }
        return out
    }

    /// `2030: $193.4B` (French: `2030 : 193,4 Md$`), the last year with a value.
    static func lastValue(_ s: ChartSeries, _ locale: NumberLocale) -> String {
        guard let last = s.points.last(where: { $0.value?.isFinite == true }) else { return "no values" }
        return "\(last.year)" + (locale.isFrench ? FrenchSpace.noBreak : "") + ": " + last.text
    }

    /// How a tick prints: as the series' unit (`$20B`, `20%`) when every series has the same
    /// one, else as a plain number. At least 4 significant digits, so ticks stay distinct under
    /// `:set digits 1`.
    static func tickFormat(_ series: [ChartSeries], _ formatter: ValueFormatter) -> (Double) -> String {
        var f = formatter
        f.moneyDigits = max(f.moneyDigits, 4)
        f.plainDigits = max(f.plainDigits, 6)
        f.ratioDigits = f.ratioDigits.map { max($0, 3) }
        let valued = series.filter { s in s.points.contains { $0.value != nil } }
        guard let first = valued.first, valued.allSatisfy({ $0.unit == first.unit && $0.display == first.display }) else {
            return { f.plain($0) }
        }
        // A magnitude display (`3.7B` typed with its letter) would print `$0B`: ticks choose their own.
        let display: Display = first.display == .percent || first.display == .multiple ? first.display : .auto
        return { f.format(Quantity($0, first.unit, display: display)) }
    }

    private static func n(_ x: Double) -> String { NumberFormat.fixedTrimmed(x, 1) }

    /// Text content: `&`, `<` and `>` escaped (quotes need none outside attributes).
    private static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }
}

/// Where values and years fall in the chart's 640×360 frame: the plot's edges, and the axis's
/// range (its first and last tick).
struct ChartPlot {
    static let (left, right, top, bottom) = (84.0, 440.0, 48.0, 316.0)
    let ticks: ChartTicks
    let firstYear: Int
    let lastYear: Int

    func x(_ year: Int) -> Double {
        guard lastYear > firstYear else { return (ChartPlot.left + ChartPlot.right) / 2 }
        return ChartPlot.left + 12 + (ChartPlot.right - ChartPlot.left - 24) * Double(year - firstYear) / Double(lastYear - firstYear)
    }

    func y(_ v: Double) -> Double {
        ChartPlot.bottom - (ChartPlot.bottom - ChartPlot.top) * (v - ticks.low) / (ticks.high - ticks.low)
    }
}

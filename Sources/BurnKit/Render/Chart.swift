// Chart: series drawn as bars in the terminal, or as lines in an SVG file.

/// One line (or block of bars) of a chart: a label and a point a year.
public struct ChartSeries: Sendable, Equatable {
    public var label: String
    public var points: [ChartPoint]

    /// A series labelled `label` (the column's header).
    public init(label: String, points: [ChartPoint]) {
        self.label = label
        self.points = points
    }
}

/// A year's value in a chart (nil: none, drawn as a gap) and how it prints beside its bar.
public struct ChartPoint: Sendable, Equatable {
    public var year: Int
    public var value: Double?
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

    /// A line chart, 640×360, years along the bottom, a line and a legend entry a series.
    public static func svg(_ series: [ChartSeries], title: String) -> String {
        let years = series.flatMap { $0.points.map(\.year) }
        let values = series.flatMap { $0.points.compactMap(\.value) }
        guard let y0 = years.min(), let y1 = years.max(), let lo0 = values.min(), let hi0 = values.max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\"></svg>\n"
        }
        let lo = min(lo0, 0), hi = hi0 == lo ? lo + 1 : hi0
        let (left, right, top, bottom) = (70.0, 620.0, 40.0, 320.0)
        func x(_ year: Int) -> String { n(left + (right - left) * Double(year - y0) / Double(max(1, y1 - y0))) }
        func y(_ v: Double) -> String { n(bottom - (bottom - top) * (v - lo) / (hi - lo)) }
        let colours = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"360\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<text x=\"\(n(left))\" y=\"24\" font-size=\"14\">\(escape(title))</text>\n"
        out += "<line x1=\"\(n(left))\" y1=\"\(y(0))\" x2=\"\(n(right))\" y2=\"\(y(0))\" stroke=\"#999\"/>\n"
        for year in y0...y1 {
            out += "<text x=\"\(x(year))\" y=\"\(n(bottom + 18))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        for (i, s) in series.enumerated() {
            let colour = colours[i % colours.count]
            let points = s.points.compactMap { p in p.value.map { "\(x(p.year)),\(y($0))" } }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            out += "<text x=\"\(n(right - 150))\" y=\"\(n(top + 16 * Double(i)))\" fill=\"\(colour)\">\(escape(s.label))</text>\n"
        }
        return out + "</svg>\n"
    }

    private static func n(_ x: Double) -> String { NumberFormat.fixedTrimmed(x, 1) }

    /// Text content: `&`, `<` and `>` escaped (quotes need none outside attributes).
    private static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }
}

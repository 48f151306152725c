// ChartSVG: the SVG document every kind of chart is drawn into: a self-contained file (a
// viewBox, a white background, a generic font, no scripts, no links), its numbers written with
// at most one decimal so the bytes are the same on every run and machine.
import BurnModel

/// Draws charts: as an SVG document (`svg`), or as text for a terminal (`ChartTerminal`).
public enum Chart {
    /// The chart as an SVG document, drawn as its content asks: lines, bars, a cap table or a
    /// waterfall.
    static func svg(_ chart: ChartEvent) -> String {
        switch chart.content {
        case .lines(let series): return svg(series, title: chart.title, formatter: chart.formatter)
        case .bars(let bars): return barsSVG(bars, title: chart.title, formatter: chart.formatter)
        case .capTable(let table): return capTableSVG(table, title: chart.title, formatter: chart.formatter)
        case .waterfall(let waterfall): return waterfallSVG(waterfall, title: chart.title, formatter: chart.formatter)
        }
    }

    /// Colours that stay apart for readers with the common colour blindnesses (Okabe-Ito).
    static let colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]

    /// The `i`th series' colour (they repeat after seven).
    static func colour(_ i: Int) -> String { colours[i % colours.count] }

    /// The `i`th series' dashes: the second seven lines are dashed, so no two of fourteen look alike.
    static func dash(_ i: Int) -> String? { (i / colours.count) % 2 == 1 ? "6,3" : nil }

    /// Text on a filled shape: black on the light colours, white on the dark ones.
    static func ink(on fill: String) -> String {
        ["#e69f00", "#56b4e9", "#f0e442", "#bbbbbb"].contains(fill) ? "#000" : "#fff"
    }

    /// A chart with nothing to draw: its title and a line saying so.
    static func empty(_ title: String) -> String {
        var doc = SVGDocument()
        doc.text("no values to draw", x: 16, y: 60, fill: "#555")
        return doc.document(width: 640, height: 360, title: title)
    }

    /// A value in a series' unit as the session prints it (`$11.6B`, `40%`).
    static func valueText(_ x: Double, unit: Unit, display: Display, _ formatter: ValueFormatter) -> String {
        formatter.format(Quantity(x, unit, display: display))
    }

    /// ` (90%: $4B to $5B)` as the session prints an interval (French: ` (90 % : 4 Md$ à 5 Md$)`).
    static func interval(_ low: String, _ high: String, _ formatter: ValueFormatter) -> String {
        let french = formatter.locale.isFrench
        return " (" + formatter.percent(0.9) + (french ? FrenchSpace.noBreak : "") + ": " + low
            + (french ? " à " : " to ") + high + ")"
    }
}

/// An SVG document being drawn: elements in drawing order, coordinates with at most one
/// decimal, text escaped.
struct SVGDocument {
    private(set) var body = ""

    /// The whole document: the canvas's size and viewBox, the title (for screen readers and
    /// as a tooltip), a white background, the heading, then what was drawn.
    func document(width: Double, height: Double, title: String) -> String {
        let (w, h) = (SVGDocument.n(width), SVGDocument.n(height))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\""
            + " font-family=\"sans-serif\" font-size=\"12\">\n"
            + "<title>\(SVGDocument.escape(title))</title>\n"
            + "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#fff\"/>\n"
            + "<text x=\"16\" y=\"26\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">\(SVGDocument.escape(title))</text>\n"
            + body + "</svg>\n"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double? = nil,
                       dash: String? = nil) {
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\""
            + (width.map { " stroke-width=\"\(n($0))\"" } ?? "") + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
    }

    /// A rectangle from (x, y), its height taken from two edges in either order.
    mutating func rect(x: Double, y1: Double, y2: Double, width: Double, fill: String, opacity: Double? = nil,
                       stroke: String? = nil) {
        let top = min(y1, y2), height = abs(y2 - y1)
        body += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\""
            + (opacity.map { " fill-opacity=\"\(SVGDocument.fixed($0, 2))\"" } ?? "")
            + (stroke.map { " stroke=\"\($0)\" stroke-width=\"0.5\"" } ?? "") + "/>\n"
    }

    mutating func text(_ text: String, x: Double, y: Double, anchor: String? = nil, size: Int? = nil, bold: Bool = false,
                       fill: String) {
        body += "<text x=\"\(n(x))\" y=\"\(n(y))\"" + (anchor.map { " text-anchor=\"\($0)\"" } ?? "")
            + (size.map { " font-size=\"\($0)\"" } ?? "") + (bold ? " font-weight=\"bold\"" : "")
            + " fill=\"\(fill)\">\(SVGDocument.escape(text))</text>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double, dash: String? = nil) {
        body += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " points=\"\(list(points))\"/>\n"
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        body += "<polygon fill=\"\(fill)\" fill-opacity=\"\(SVGDocument.fixed(opacity, 2))\" points=\"\(list(points))\"/>\n"
    }

    mutating func circle(_ x: Double, _ y: Double, r: Double, fill: String) {
        body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\"/>\n"
    }

    private func list(_ points: [(Double, Double)]) -> String {
        points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    }

    private func n(_ x: Double) -> String { SVGDocument.n(x) }

    /// A coordinate: one decimal at most, trailing zeros dropped (`96`, `206.7`).
    static func n(_ x: Double) -> String { NumberFormat.fixedTrimmed(x, 1) }

    /// An opacity: `decimals` decimals at most (`0.18`).
    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberFormat.fixedTrimmed(x, decimals) }

    /// Text content: `&`, `<` and `>` escaped (quotes need none outside attributes).
    static func escape(_ s: String) -> String {
        s.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }
}

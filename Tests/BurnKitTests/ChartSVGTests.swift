// ChartSVGTests: the SVG chart a learner reads numbers off: round ticks printed as the session
// prints values (English and French), the title, the labelled zero line, the legend's last
// values, gaps, escaping, well-formed XML (Foundation's parser) and a PNG rsvg-convert draws.
import BurnModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BurnKit

/// OpenAI's revenue 3.7B, 11.6B, 29B, 62B and costs 8.7B, 22B, 40B, 70B: operating income
/// -5B, -10.4B, -11B, -8B, all below zero while revenue is above it.
private let openAI = """
    company OpenAI
    revenue[2024] = 3.7B
    revenue[2025] = 11.6B
    revenue[2026] = 29B
    revenue[2027] = 62B
    costs[2024] = 8.7B
    costs[2025] = 22B
    costs[2026] = 40B
    costs[2027] = 70B

    """

@Suite struct ChartTicksTests {
    /// 0 to 62B: steps of 10B would give 8 ticks (0..70B), 20B gives 0, 20, 40, 60, 80B: five.
    @Test func roundTicksOverAPositiveSeries() {
        #expect(ChartTicks(covering: [3.7e9, 11.6e9, 29e9, 62e9]).values == [0, 20e9, 40e9, 60e9, 80e9])
    }

    /// -74B to 208.9B (283B wide): 25B steps give -75..225 (13 ticks), 50B -100..250 (8), 100B
    /// -100, 0, 100, 200, 300B: five, zero among them.
    @Test func ticksCrossingZero() {
        #expect(ChartTicks(covering: [-74e9, 3.7e9, 208.9e9]).values == [-100e9, 0, 100e9, 200e9, 300e9])
    }

    /// 0 to 0.6: 0.1 steps give 7 ticks, 0.2 gives 0, 0.2, 0.4, 0.6 (0.6 / 0.2 is 2.9999999999999996
    /// in doubles: no fifth tick for it).
    @Test func ticksOfSmallValues() {
        let ticks = ChartTicks(covering: [0.15, 0.6]).values
        #expect(ticks.count == 4)
        for (tick, expected) in zip(ticks, [0, 0.2, 0.4, 0.6]) { #expect(abs(tick - expected) < 1e-12) }
    }

    @Test func allZeroOrNothingIsZeroToOne() {
        #expect(ChartTicks(covering: [0, 0]).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ChartTicks(covering: []).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ChartTicks(covering: [.nan, .infinity, 5]).values == [0, 1, 2, 3, 4, 5])
    }

    /// For ranges across twelve orders of magnitude, on both sides of zero: four to six ticks,
    /// zero among them, every value between the first and last, evenly spaced.
    @Test func fourToSixTicksCoveringEveryValue() {
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, next() * 12 - 3)
            let values = (0..<3).map { _ in (next() * 2 - (next() < 0.3 ? 1 : 0)) * scale }
            let ticks = ChartTicks(covering: values).values
            #expect((4...6).contains(ticks.count), "\(values) -> \(ticks)")
            #expect(ticks.contains(0), "\(values) -> \(ticks)")
            #expect(ticks.first! <= values.min()! && ticks.last! >= values.max()!, "\(values) -> \(ticks)")
            let step = ticks[1] - ticks[0]
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { abs($1 - $0 - step) <= step * 1e-9 })
        }
    }
}

@Suite struct ChartSVGTests {
    @Test func revenueHasRoundMoneyTicksATitleAndItsLastValue() throws {
        let chart = try #require(try chartEvent(openAI + "chart revenue in 2024..2027"))
        let svg = try #require(SVGReader.read(chart.svg), "the SVG is not well-formed XML")
        #expect(chart.title == "OpenAI: revenue")
        #expect(svg.elements.first { $0.name == "title" }?.text == "OpenAI: revenue")
        #expect(svg.texts { $0.attributes["font-size"] == "15" } == ["OpenAI: revenue"])
        // 3.7B..62B: ticks every 20B from 0 to 80B (ChartTicksTests), printed as money.
        #expect(svg.tickLabels == ["$0", "$20B", "$40B", "$60B", "$80B"])
        #expect(svg.legend == ["revenue", "2027: $62B"])
        #expect(svg.texts { $0.attributes["text-anchor"] == "middle" } == ["2024", "2025", "2026", "2027"])
        #expect(svg.elements.filter { $0.name == "polyline" }.count == 1)
        #expect(svg.elements.filter { $0.name == "circle" }.count == 4)
    }

    /// Operating income is revenue - costs: -5B, -10.4B, -11B, -8B; the axis runs from -20B
    /// (one 20B step below -11B) to 80B: six ticks, zero among them, its line dark and labelled.
    @Test func aSeriesBelowZeroGetsALabelledZeroLine() throws {
        let chart = try #require(try chartEvent(openAI + "chart revenue, costs, operating_income for OpenAI in 2024..2027"))
        let svg = try #require(SVGReader.read(chart.svg), "the SVG is not well-formed XML")
        #expect(chart.title == "OpenAI: revenue, costs, operating_income")
        #expect(svg.tickLabels == ["-$20B", "$0", "$20B", "$40B", "$60B", "$80B"])
        #expect(svg.legend == ["revenue", "2027: $62B", "costs", "2027: $70B", "operating_income", "2027: -$8B"])
        // The zero line is the dark one; its label sits on it (4 below, for the baseline) in bold.
        let zeroLines = svg.elements.filter { $0.name == "line" && $0.attributes["stroke"] == "#555" }
        let zero = try #require(zeroLines.first)
        #expect(zeroLines.count == 1 && zero.attributes["y1"] == zero.attributes["y2"])
        let label = try #require(svg.elements.first { $0.name == "text" && $0.text == "$0" })
        #expect(label.attributes["font-weight"] == "bold")
        #expect(Double(label.attributes["y"] ?? "") == Double(zero.attributes["y1"] ?? "").map { $0 + 4 })
        // Zero is 20B above the axis's bottom (-20B) of a 100B axis: a fifth of the plot's height up.
        let expectedY = ChartFrame.plotTop + ChartFrame.standardPlotHeight * 0.8
        #expect(abs((Double(zero.attributes["y1"] ?? "") ?? 0) - expectedY) < 0.06)
    }

    /// `locale fr`: ticks and last values as French prints money, a no-break space before the
    /// unit (`20 Md$`) and before the colon.
    @Test func frenchTicks() throws {
        let source = "locale fr\n" + openAI.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "B\n", with: " Md$\n")
        let chart = try #require(try chartEvent(source + "chart revenue in 2024..2027"))
        let svg = try #require(SVGReader.read(chart.svg), "the SVG is not well-formed XML")
        let nbsp = "\u{00A0}"
        #expect(svg.tickLabels == ["0\(nbsp)$", "20\(nbsp)Md$", "40\(nbsp)Md$", "60\(nbsp)Md$", "80\(nbsp)Md$"])
        #expect(svg.legend == ["revenue", "2027\(nbsp): 62\(nbsp)Md$"])
    }

    @Test func titleNamesEveryCompanyOnce() throws {
        #expect(ChartEvent.title(companies: ["OpenAI", "Anthropic"], metrics: ["revenue", "revenue"]) == "OpenAI, Anthropic: revenue")
        let two = openAI + "company Anthropic\nrevenue[2024] = 1B\nrevenue[2025] = 4B\n"
        let chart = try #require(try chartEvent(two + "chart revenue for OpenAI, Anthropic in 2024..2025"))
        let svg = try #require(SVGReader.read(chart.svg))
        #expect(chart.title == "OpenAI, Anthropic: revenue")
        #expect(svg.legend == ["OpenAI.revenue", "2025: $11.6B", "Anthropic.revenue", "2025: $4B"])
    }

    /// A percent metric's ticks are percents; series of different units share plain numbers.
    @Test func ticksFollowTheUnit() throws {
        let percent = ChartSeries(label: "margin", points: [ChartPoint(year: 2024, value: -0.75, text: "-75%")], display: .percent)
        let svg = try #require(SVGReader.read(Chart.svg([percent], title: "m")))
        // -75% to 0: 20% steps give -80, -60, -40, -20, 0: five.
        #expect(svg.tickLabels == ["-80%", "-60%", "-40%", "-20%", "0%"])
        let money = ChartSeries(label: "cash", points: [ChartPoint(year: 2024, value: 3e9, text: "$3B")], unit: .money("USD"))
        let mixed = try #require(SVGReader.read(Chart.svg([percent, money], title: "m")))
        // -0.75 to 3B: 1B steps give 0, 1B, 2B, 3B (-0.75 is within the billionth of a step the
        // rounding slack allows, so no -1B tick for it), plain numbers as neither unit fits both.
        #expect(mixed.tickLabels == ["0", "1B", "2B", "3B"])
    }

    /// A year with no value breaks the line; text is escaped; the bytes are the same every time.
    @Test func gapsEscapingAndDeterminism() throws {
        let points = [ChartPoint(year: 2024, value: 1, text: "1"), ChartPoint(year: 2025, value: nil, text: "-"),
                      ChartPoint(year: 2026, value: 3, text: "3"), ChartPoint(year: 2027, value: 4, text: "4")]
        let text = Chart.svg([ChartSeries(label: "a<b & c", points: points)], title: "R&D <costs>")
        let svg = try #require(SVGReader.read(text))
        #expect(svg.elements.filter { $0.name == "polyline" }.map { $0.attributes["points"]?.split(separator: " ").count } == [2])
        #expect(svg.elements.filter { $0.name == "circle" }.count == 3)
        #expect(svg.legend == ["a<b & c", "2027: 4"])
        #expect(text.contains(">R&amp;D &lt;costs&gt;</text>") && text.contains(">a&lt;b &amp; c</text>"))
        #expect(try chartEvent(openAI + "chart revenue, costs, operating_income")?.svg
            == chartEvent(openAI + "chart revenue, costs, operating_income")?.svg)
        let empty = try #require(SVGReader.read(Chart.svg([], title: "nothing")))
        #expect(empty.texts { _ in true } == ["nothing", "no values to draw"])
    }

    /// rsvg-convert draws the chart on its own white background (no `-b` given: a transparent
    /// SVG would give transparent corners), 640×360, with its lines in colour.
    @Test(.enabled(if: rsvgConvert != nil, "rsvg-convert is not installed (Debian: librsvg2-bin): the SVG is not rendered"))
    func rsvgConvertDrawsIt() throws {
        let svg = try #require(try chartEvent(openAI + "chart revenue, costs, operating_income")).svg
        let image = try PNGImage(try renderPNG(svg))
        #expect((image.width, image.height) == (640, 360))
        #expect(image.pixel(0, 0) == [255, 255, 255, 255] && image.pixel(639, 359) == [255, 255, 255, 255])
        #expect(image.colouredShare > 0.005, "no series drawn in colour")
    }
}

@Suite struct HTMLCodeSpanTests {
    @Test func backticksBecomeCodeAfterEscaping() {
        #expect(HTMLRender.inline("(OpenAI has no `cash` fact") == "(OpenAI has no <code>cash</code> fact")
        #expect(HTMLRender.inline("`a < b` & `c`") == "<code>a &lt; b</code> &amp; <code>c</code>")
        // A backtick with no partner stays one.
        #expect(HTMLRender.inline("`x` and `y") == "<code>x</code> and `y")
        #expect(HTMLRender.inline("no code") == "no code")
    }

    @Test func notesAndClosingLinesShowCode() {
        let table = TableEvent(columns: [TableColumn("year", .left)], rows: [], notes: ["write `revenue grows 50% per year`"],
                               closing: ["OpenAI has no `cash` fact"])
        let html = HTMLRender.table(table)
        #expect(html.hasSuffix("<p>write <code>revenue grows 50% per year</code></p>\n<p>OpenAI has no <code>cash</code> fact</p>\n"))
    }
}

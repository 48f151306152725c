// ChartKindsTests: the kinds of chart a statement's form chooses (lines, bars, a waterfall, the
// cap table), their numbers checked against hand computations (ticks, bar edges, shares,
// percentiles), the legend's room, the parser's forms, and colour only when asked for.
import BurnModel
import Foundation
import Testing
@testable import BurnKit

/// Three companies' 2025: revenue 12B, 4B, 0.3B; costs 20B, 7B, 0.2B.
private let threeCompanies = """
    company OpenAI
    revenue[2025] = 12B
    costs[2025] = 20B
    company Anthropic
    revenue[2025] = 4B
    costs[2025] = 7B
    company Mistral
    revenue[2025] = 0.3B
    costs[2025] = 0.2B

    """

/// OpenAI's 2025: 10B of cash, 11.6B in, 19.4B and 3B out, a 40B round: 39.2B at the end.
private let openAICash = """
    company OpenAI
    cash[2024] = 10B
    revenue[2025] = 11.6B
    costs[2025] = 19.4B
    capex[2025] = 3B
    round "Mar 2025" in 2025-03 raise 40B at 300B post led by SoftBank

    """

@Suite struct ChartKindTests {
    @Test func theFormChoosesTheKind() throws {
        let charts = try chartEvents(threeCompanies + openAICash + """
            chart revenue for OpenAI in 2025..2025
            chart revenue for OpenAI, Anthropic in 2025
            chart cash for OpenAI in 2025
            chart cash for OpenAI in 2025 as bars
            chart revenue for OpenAI in 2025 as lines
            """)
        let kinds = charts.map { chart -> String in
            switch chart.content {
            case .lines: return "lines"
            case .bars: return "bars"
            case .waterfall: return "waterfall"
            case .capTable: return "captable"
            }
        }
        // A range, even of one year, is lines; one year is bars; one company's cash a waterfall.
        #expect(kinds == ["lines", "bars", "waterfall", "bars", "lines"])
        #expect(charts.map(\.title) == ["OpenAI: revenue", "OpenAI, Anthropic: revenue in 2025", "OpenAI: cash in 2025",
                                        "OpenAI: cash in 2025", "OpenAI: revenue"])
    }

    /// Bars from -8B (OpenAI's operating income) to 20B, and room under -8B's label: 8% of the
    /// 28B span lower, -10.24B. Steps of 5B would give -15..20 (8 ticks); 10B gives -20, -10,
    /// 0, 10, 20: five.
    @Test func barTicksAndLabels() throws {
        let chart = try #require(try chartEvent(threeCompanies + "chart revenue, costs, operating_income for OpenAI, Anthropic, Mistral in 2025"))
        guard case .bars(let bars) = chart.content else { Issue.record("not bars"); return }
        #expect(bars.companies == ["OpenAI", "Anthropic", "Mistral"])
        #expect(bars.series.map { $0.points.map(\.value) } == [[12e9, 4e9, 0.3e9], [20e9, 7e9, 0.2e9], [-8e9, -3e9, 0.1e9]])
        let svg = try #require(SVGReader.read(chart.svg))
        #expect(svg.tickLabels == ["-$20B", "-$10B", "$0", "$10B", "$20B"])
        #expect(svg.bottomLabels == ["OpenAI", "Anthropic", "Mistral"])
        #expect(svg.legend == ["revenue", "costs", "operating_income"])
        // Each bar is labelled with its value, revenue first (in company order), then costs...
        let labels = svg.texts { $0.attributes["font-size"] == "11" }
        #expect(labels == ["$12B", "$4B", "$300M", "$20B", "$7B", "$200M", "-$8B", "-$3B", "$100M"])
        // OpenAI's revenue bar: from zero to 12B on a -20..20B axis over 48..316 (268 pixels):
        // zero at 316 - 268 * 20/40 = 182, 12B at 316 - 268 * 32/40 = 101.6.
        let bar = try #require(svg.all("rect").first { $0.attributes["fill"] == Chart.colour(0) && $0.number("height") ?? 0 > 20 })
        #expect(bar.number("y") == 101.6 && bar.number("height") == 80.4)
    }

    /// 10 + 11.6 - 19.4 - 3 + 40 = 39.2B. The running totals reach -0.8B (after capex, across
    /// zero), so the axis leaves room 8% of the 40B span below: -4B; 10B steps give -10..40.
    @Test func waterfallStepsAndBars() throws {
        let chart = try #require(try chartEvent(openAICash + "chart cash for OpenAI in 2025"))
        guard case .waterfall(let waterfall) = chart.content else { Issue.record("not a waterfall"); return }
        #expect(waterfall.steps.map(\.label) == ["cash 2024", "revenue", "costs", "capex", "raised", "cash 2025"])
        #expect(waterfall.steps.map(\.text) == ["$10B", "+$11.6B", "-$19.4B", "-$3B", "+$40B", "$39.2B"])
        let spans = Chart.spans(waterfall.steps)
        let expected: [(Double, Double)] = [(0, 10e9), (10e9, 21.6e9), (21.6e9, 2.2e9), (2.2e9, -0.8e9), (-0.8e9, 39.2e9), (0, 39.2e9)]
        #expect(zip(spans, expected).allSatisfy { abs($0.from - $1.0) < 1 && abs($0.to - $1.1) < 1 })
        // The model's own cash agrees with the end of the waterfall.
        #expect(try Session.evaluating(openAICash + "OpenAI.cash[2025]") == "$39.2B")
        let svg = try #require(SVGReader.read(chart.svg))
        #expect(svg.tickLabels == ["-$10B", "$0", "$10B", "$20B", "$30B", "$40B"])
        #expect(svg.bottomLabels == ["cash 2024", "revenue", "costs", "capex", "raised", "cash 2025"])
        // y(v) = 316 - 268 * (v + 10) / 50 (in billions): revenue from y(10) = 208.8 up to
        // y(21.6) = 146.624; capex from y(2.2) = 250.608 down to y(-0.8) = 266.688, across the
        // zero line at y(0) = 262.4.
        let bars = svg.all("rect").filter { $0.attributes["fill"] != "#fff" && ($0.number("x") ?? 0) < svg.plotRight }
        let edges = bars.map { [$0.number("y") ?? 0, $0.number("height") ?? 0] }
        #expect(edges[1] == [146.6, 62.2] && edges[3] == [250.6, 16.1])
        #expect(bars.map { $0.attributes["fill"] } == [Chart.balanceColour, Chart.moneyInColour, Chart.moneyOutColour,
                                                      Chart.moneyOutColour, Chart.moneyInColour, Chart.balanceColour])
        let zero = try #require(svg.all("line").first { $0.attributes["stroke"] == "#555" })
        #expect(zero.number("y1") == 262.4)
    }

    /// Each round sells amount / post of the company: 1/20, 10/29, 6.6/157, 40/300; the earlier
    /// holders keep the product of what each leaves: 95%, 62.24%, 59.63%, 51.68%.
    @Test func capTableShares() throws {
        let source = """
            company OpenAI
            round "2019" in 2019-07 raise 1B at 20B post led by Microsoft
            round "2023" in 2023-01 raise 10B at 29B post led by Microsoft
            round "Oct 2024" in 2024-10 raise 6.6B at 157B post led by "Thrive Capital" with Microsoft, Nvidia, SoftBank
            round "Mar 2025" in 2025-03 raise 40B at 300B post led by SoftBank
            chart captable OpenAI
            """
        let chart = try #require(try chartEvent(source))
        guard case .capTable(let table) = chart.content else { Issue.record("not a cap table"); return }
        #expect(table.rounds == ["2019", "2023", "Oct 2024", "Mar 2025"])
        #expect(table.groups.map(\.label) == ["earlier holders", "2019 investors", "2023 investors", "Oct 2024 investors",
                                              "Mar 2025 investors"])
        #expect(table.groups[3].investors == ["Thrive Capital", "Microsoft", "Nvidia", "SoftBank"])
        var kept = 1.0
        for (round, sold) in zip(table.shares, [1.0 / 20, 10.0 / 29, 6.6 / 157, 40.0 / 300]) {
            kept *= 1 - sold
            #expect(abs(round.reduce(0) { $0 + $1.share } - 1) < 1e-12)
            #expect(abs((round.first { $0.group == 0 }?.share ?? 0) - kept) < 1e-12)
        }
        let svg = try #require(SVGReader.read(chart.svg))
        #expect(svg.tickLabels == ["0%", "20%", "40%", "60%", "80%", "100%"])
        #expect(svg.bottomLabels == ["2019", "2023", "Oct 2024", "Mar 2025"])
        // The earlier holders' share is printed on their part of each bar.
        #expect(svg.texts { $0.text.hasSuffix("%") && $0.attributes["font-size"] == "11" }.filter { ["95%", "62.2%", "59.6%", "51.7%"].contains($0) }.count == 4)
    }

    /// An uncertain series: its points are the medians, its spread the percentiles `percentile`
    /// gives; the SVG draws two bands under the median line and says what they are.
    @Test func uncertainSeriesIsAFan() throws {
        let model = """
            company Lab
            revenue[2024] = 4B
            revenue[2025] = uniform(2B, 10B)

            """
        let chart = try #require(try chartEvent(model + "chart revenue in 2024..2025"))
        let point = try #require(chart.series.first?.points.last)
        let spread = try #require(point.spread)
        let session = Session()
        try session.run(source: model)
        for (p, value) in zip([5.0, 25, 50, 75, 95], [spread.p5, spread.p25, spread.median, spread.p75, spread.p95]) {
            let expected = try session.evaluate("percentile(Lab.revenue[2025], \(Int(p))%)")
            #expect(expected.asQuantity.map { abs($0.value - value) < 1 } == true, "p\(p)")
        }
        // Near uniform(2B, 10B)'s own percentiles: 2.4, 4, 6, 8, 9.6B, within sampling error.
        #expect(abs(spread.p5 - 2.4e9) < 0.1e9 && abs(spread.median - 6e9) < 0.15e9 && abs(spread.p95 - 9.6e9) < 0.1e9)
        #expect(point.value == spread.median)
        #expect(point.text == "median $5.987B (90%: $2.403B to $9.583B)")
        #expect(chart.series.first?.points.first?.spread == nil)
        let svg = try #require(SVGReader.read(chart.svg))
        #expect(svg.all("polygon").map { $0.attributes["fill-opacity"] } == ["0.16", "0.28"])
        #expect(svg.legend == ["revenue", "2025 median: $5.987B", "90%: $2.403B to $9.583B",
                               "shaded: the middle 50%", "and 90% of samples"])
        // The 90% band reaches 9.583B: the axis covers it (0 to 10B in 2B steps, six ticks).
        #expect(svg.tickLabels == ["$0", "$2B", "$4B", "$6B", "$8B", "$10B"])
    }

    /// A percent metric's axis is in percents: margins -100%, -50%, 0%, 37.5% span 1.375;
    /// steps of 0.25 would give -100..50% (seven ticks), 0.5 gives -100, -50, 0, 50%: four.
    @Test func aPercentMetricHasPercentTicks() throws {
        let source = "company A\nrevenue[2024..2027] = [1B, 2B, 4B, 8B]\ncosts[2024..2027] = [2B, 3B, 4B, 5B]\n"
        let chart = try #require(try chartEvent(source + "chart margin in 2024..2027"))
        #expect(chart.series.first?.points.map(\.text) == ["-100%", "-50%", "0%", "37.5%"])
        let svg = try #require(SVGReader.read(chart.svg))
        #expect(svg.tickLabels == ["-100%", "-50%", "0%", "50%"])
    }

    /// The legend's entries stack without touching, right of the plot, inside the canvas, however
    /// many and however long (here 10 series with a 35-letter company name).
    @Test func theLegendHasItsOwnRoom() throws {
        let name = "Very Long Company Name Incorporated"
        let source = "company \"\(name)\"\nrevenue[2024..2025] = [1B, 2B]\ncosts[2024..2025] = [2B, 3B]\n"
            + "company B\nrevenue[2024..2025] = [1B, 2B]\ncosts[2024..2025] = [2B, 3B]\n"
            + "chart revenue, costs, operating_income, loss, burn for \"\(name)\", B in 2024..2025"
        let chart = try #require(try chartEvent(source))
        let svg = try #require(SVGReader.read(chart.svg))
        let legend = svg.all("text").filter { ($0.number("x") ?? 0) > svg.plotRight }
        // Two lines an entry: the label and its last value.
        #expect(legend.count == 20)
        let (width, height) = svg.size
        #expect(width > 640 && height > 360)
        for (a, b) in zip(legend, legend.dropFirst()) { #expect((b.number("y") ?? 0) - (a.number("y") ?? 0) >= 15) }
        for text in legend {
            let right = (text.number("x") ?? 0) + ChartText.width(text.text, bold: text.attributes["font-weight"] == "bold")
            #expect(right <= width - 16)
            #expect((text.number("y") ?? 0) <= height)
        }
    }

    /// The widths the layout uses are DejaVu Sans's (what rsvg-convert draws with): `revenue`
    /// is r 411 + e 615 + v 592 + e 615 + n 634 + u 634 + e 615 = 4116 thousandths of an em.
    @Test func textWidths() {
        #expect(abs(ChartText.width("revenue", size: 10) - 41.16) < 1e-9)
        #expect(abs(ChartText.width("$0", size: 12, bold: true) - (696 + 696) * 0.012) < 1e-9)
        #expect(ChartText.width("€") > 0 && ChartText.width("日本") == 24)
    }
}

@Suite struct ChartTerminalTests {
    /// Colour only when the chart asks for it; without the escapes the text is the plain chart.
    @Test func colourOnlyWhenAsked() throws {
        var chart = try #require(try chartEvent(threeCompanies + "chart revenue for OpenAI, Anthropic in 2025"))
        let plain = chart.terminal
        #expect(!plain.contains("\u{1B}"))
        chart.color = true
        let coloured = chart.terminal
        // The first series' colour (256-colour 25, near the SVG's #0072b2), the label in bold.
        #expect(coloured.hasPrefix("\u{1B}[1mrevenue in 2025\u{1B}[0m\n  OpenAI     \u{1B}[38;5;25m█"))
        #expect(NotebookIpynb.withoutANSI(coloured) == plain)
    }

    /// A session prints plain charts unless the host turns colour on; the REPL shows the colour
    /// but saves each cell's output without it (`:save` writes notebooks).
    @Test func aReplShowsColourAndSavesWithout() throws {
        let repl = ReplSession()
        _ = repl.submit(threeCompanies)
        let plain = repl.submit("chart revenue for OpenAI in 2025").text
        #expect(!plain.contains("\u{1B}"))
        repl.session.outputColor = true
        let outcome = repl.submit("chart revenue for OpenAI in 2025")
        #expect(outcome.text.contains("\u{1B}[") && NotebookIpynb.withoutANSI(outcome.text) == plain)
        #expect(repl.cells.last?.output == plain)
    }

    @Test func apportionGivesLeftoverColumnsToTheLargestRemainders() {
        // 25.6, 6.4, 8 columns: 25, 6, 8 and the one left to the largest remainder (0.6).
        #expect(ChartTerminal.apportion([0.64, 0.16, 0.2], into: 40) == [26, 6, 8])
        #expect(ChartTerminal.apportion([1, 1, 1], into: 40) == [14, 13, 13])
        #expect(ChartTerminal.apportion([0, 0], into: 40) == [0, 0])
    }
}

@Suite struct ChartSyntaxTests {
    @Test func kindsAndTheCapTableForm() {
        #expect(shape("chart revenue for A, B in 2025 as bars") == "(chart [revenue] [A B] 2025 nil as:bars)")
        #expect(shape(#"chart cash in 2025 to "c.svg" as waterfall"#) == "(chart [cash] [] 2025 c.svg as:waterfall)")
        #expect(shape(#"chart captable OpenAI to "cap.svg""#) == "(chart [] [OpenAI] nil cap.svg as:captable)")
        #expect(shape("chart captable") == "(chart [] [] nil nil as:captable)")
        #expect(shape("chart captable for OpenAI") == "(chart [] [OpenAI] nil nil as:captable)")
        #expect(shape("chart captable for").hasPrefix("errors: expected a company after 'chart captable'"))
        #expect(shape(#"chart captable "Mistral AI""#) == "(chart [] [Mistral AI] nil nil as:captable)")
        // `captable` followed by a comma is a metric in a list.
        #expect(shape("chart captable, revenue") == "(chart [captable revenue] [] nil nil)")
    }

    @Test func aKindMustBeKnown() {
        let error = parseAll("chart revenue in 2025 as bar").diagnostics.first
        #expect(error?.message == "unknown kind of chart 'bar'")
        #expect(error?.label == "did you mean 'bars'?")
        #expect(error?.hint == "write `as lines`, `as bars` or `as waterfall`")
        #expect(parseAll("chart revenue in 2025 as").diagnostics.first?.message
            == "expected a kind of chart after 'as', found the end of the input")
    }
}

extension Session {
    /// The value of the last expression of `source`, as it prints.
    static func evaluating(_ source: String) throws -> String {
        let session = Session()
        return session.format(try session.evaluate(source))
    }
}

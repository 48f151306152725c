// ChartCapTable: who owns what after each round, a stacked 100% bar a round: the earlier
// holders at the bottom, each round's investors above in the order they came in (a colour a
// round, a thin white line between its investors), so dilution reads bar after bar.

extension Chart {
    /// Fills for a cap table's groups: a neutral grey for the earlier holders, then a colour a
    /// round (Okabe-Ito, with its yellow).
    static func groupColour(_ group: Int) -> String {
        let fills = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442"]
        return group == 0 ? "#bbbbbb" : fills[(group - 1) % fills.count]
    }

    /// Stacked bars on a 0 to 100% axis with the rounds along the bottom; each group's share
    /// is printed on its part of the bar where there is room.
    static func capTableSVG(_ table: ChartCapTable, title: String, formatter: ValueFormatter) -> String {
        guard !table.rounds.isEmpty else { return empty(title) }
        let ticks = ChartTicks(covering: [0, 1])
        let tickText = { (x: Double) in formatter.percent(x) }
        let legend = ChartLegend(entries: table.groups.enumerated().map { g, group in
            LegendEntry(swatch: .box(groupColour(g)), lines: [group.label] + wrapped(group.investors, width: 240))
        })
        let frame = ChartFrame(title: title, ticks: ticks, tickLabels: ticks.values.map(tickText),
                               plotWidth: plotWidth(slots: table.rounds, minimumSlot: 72), legend: legend)
        var doc = SVGDocument()
        valueAxis(&doc, frame.plot, tickText: tickText)
        slotAxis(&doc, frame.plot, table.rounds)
        for (r, shares) in table.shares.enumerated() where r < table.rounds.count {
            stack(shares, centre: frame.plot.slotCentre(r, of: table.rounds.count),
                  width: min(56, frame.plot.slotWidth(of: table.rounds.count) * 0.6), &doc, frame.plot, formatter)
        }
        legend.draw(&doc, x: frame.legendX, top: frame.plot.top)
        return doc.document(width: frame.width, height: frame.height, title: title)
    }

    /// One round's bar: a part a holder, bottom up, then each group's share over its parts.
    private static func stack(_ shares: [ChartShare], centre: Double, width: Double, _ doc: inout SVGDocument,
                              _ plot: ChartPlot, _ formatter: ValueFormatter) {
        var below = 0.0
        var groups: [(group: Int, low: Double, share: Double)] = []
        for share in shares where share.share.isFinite {
            doc.rect(x: centre - width / 2, y1: plot.y(below), y2: plot.y(below + share.share), width: width,
                     fill: groupColour(share.group), stroke: "#fff")
            if let last = groups.last, last.group == share.group {
                groups[groups.count - 1].share += share.share
            } else {
                groups.append((share.group, below, share.share))
            }
            below += share.share
        }
        for group in groups {
            let text = formatter.percent(group.share)
            let (top, bottom) = (plot.y(group.low + group.share), plot.y(group.low))
            guard bottom - top >= 14, ChartText.width(text, size: 11, bold: true) + 4 <= width else { continue }
            doc.text(text, x: centre, y: (top + bottom) / 2 + 4, anchor: "middle", size: 11, bold: true,
                     fill: ink(on: groupColour(group.group)))
        }
    }

    /// Names joined by commas, in lines no wider than `width` pixels (a name too long alone
    /// gets a line of its own).
    static func wrapped(_ names: [String], width: Double) -> [String] {
        var lines: [String] = []
        for (i, name) in names.enumerated() {
            let piece = name + (i < names.count - 1 ? "," : "")
            if let last = lines.last, ChartText.width(last + " " + piece) <= width {
                lines[lines.count - 1] = last + " " + piece
            } else {
                lines.append(piece)
            }
        }
        return lines
    }
}

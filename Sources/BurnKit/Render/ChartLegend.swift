// ChartLegend: the legend in its own band right of the plot: a swatch and lines of text an
// entry (the first bold), then notes; its width and height come from its text, so the frame
// can give it all the room it needs.

/// One entry of a legend: what its swatch looks like, and its lines (the first is the name).
struct LegendEntry {
    enum Swatch {
        /// A series' line, dashed or not.
        case line(String, dash: String?)
        /// An uncertain series: its median line over its two bands.
        case fan(String)
        /// A filled box: a bar's colour.
        case box(String)
    }

    var swatch: Swatch
    var lines: [String]
}

/// A legend: entries top down, then notes in smaller grey text.
struct ChartLegend {
    var entries: [LegendEntry]
    var notes: [String] = []

    static let lineHeight = 15.0
    static let entryGap = 10.0
    /// Where the text starts, right of the swatch.
    static let textOffset = 22.0
    static let noteSize = 11

    /// The widest line's width, with the swatch.
    var width: Double {
        let names = ChartText.widest(entries.compactMap(\.lines.first), bold: true)
        let details = ChartText.widest(entries.flatMap { $0.lines.dropFirst() })
        let noteWidth = ChartText.widest(notes, size: Double(ChartLegend.noteSize))
        return max(ChartLegend.textOffset + max(names, details), noteWidth)
    }

    /// From the band's top to the last line's descent.
    var height: Double {
        let entryLines = entries.reduce(0.0) { $0 + Double($1.lines.count) * ChartLegend.lineHeight + ChartLegend.entryGap }
        return entryLines + Double(notes.count) * ChartLegend.lineHeight
    }

    /// Draws the legend in the band from (`x`, `top`).
    func draw(_ doc: inout SVGDocument, x: Double, top: Double) {
        var y = top + 12
        for entry in entries {
            swatch(entry.swatch, &doc, x: x, y: y)
            for (i, line) in entry.lines.enumerated() {
                doc.text(line, x: x + ChartLegend.textOffset, y: y + Double(i) * ChartLegend.lineHeight, bold: i == 0,
                         fill: i == 0 ? "#222" : "#444")
            }
            y += Double(entry.lines.count) * ChartLegend.lineHeight + ChartLegend.entryGap
        }
        for note in notes {
            doc.text(note, x: x, y: y, size: ChartLegend.noteSize, fill: "#666")
            y += ChartLegend.lineHeight
        }
    }

    /// The swatch left of an entry's first line (whose baseline is `y`).
    private func swatch(_ swatch: LegendEntry.Swatch, _ doc: inout SVGDocument, x: Double, y: Double) {
        switch swatch {
        case .line(let colour, let dash):
            doc.line(x, y - 4, x + 16, y - 4, stroke: colour, width: 3, dash: dash)
        case .fan(let colour):
            doc.rect(x: x, y1: y - 11, y2: y + 3, width: 16, fill: colour, opacity: Chart.outerBandOpacity)
            doc.rect(x: x, y1: y - 8, y2: y, width: 16, fill: colour, opacity: Chart.innerBandOpacity)
            doc.line(x, y - 4, x + 16, y - 4, stroke: colour, width: 2.5)
        case .box(let colour):
            doc.rect(x: x + 1, y1: y - 11, y2: y + 1, width: 14, fill: colour)
        }
    }
}

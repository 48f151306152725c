// ChartText: how wide a chart's text is drawn, so that legends, labels and titles get room
// and never overlap or leave the canvas.

/// Text widths for laying out an SVG chart. The SVG names `sans-serif`; the widths are DejaVu
/// Sans's (what rsvg-convert and Linux browsers use, and wider than Helvetica or Arial), so
/// text drawn in any of them fits the room it was given.
enum ChartText {
    /// The width in pixels of `text` at `size` pixels, bold or not.
    static func width(_ text: String, size: Double = 12, bold: Bool = false) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars { thousandths += advance(scalar, bold: bold) }
        return Double(thousandths) * size / 1000
    }

    /// The widest of `texts`; 0 for none.
    static func widest(_ texts: [String], size: Double = 12, bold: Bool = false) -> Double {
        texts.map { width($0, size: size, bold: bold) }.max() ?? 0
    }

    /// A character's advance in thousandths of the font size: DejaVu Sans's, read from its
    /// `hmtx` table for printable ASCII and the characters French numbers use; a full em for
    /// anything else (wide enough for any Latin letter).
    private static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let v = Int(scalar.value)
        if (32...126).contains(v) { return (bold ? boldASCII : regularASCII)[v - 32] }
        switch v {
        case 0x00A0: return bold ? 348 : 318   // no-break space, before a French unit
        case 0x202F: return 200                // narrow no-break space, between digit groups
        case 0x00E0...0x00FF: return bold ? 716 : 635   // à, é, ü...: as wide as a lowercase `b`
        case 0x20AC, 0x00A3: return bold ? 696 : 636    // €, £: as wide as a digit
        default: return 1000
        }
    }

    /// DejaVu Sans, ` ` (32) to `~` (126).
    private static let regularASCII: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// DejaVu Sans Bold, ` ` (32) to `~` (126).
    private static let boldASCII: [Int] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]
}

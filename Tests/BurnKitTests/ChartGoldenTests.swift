// ChartGoldenTests: every Tests/ChartOutputs/NAME.burn writes NAME.svg, and its bytes must be
// the golden NAME.svg beside it (`BURN_UPDATE_GOLDEN=1 swift test --filter ChartGoldenTests`
// rewrites them, for `git diff` and a look at the pictures). Each golden SVG is self-contained,
// and rsvg-convert draws it at its size on its own white background, with colour in it.
import Foundation
import Testing
@testable import BurnKit

struct ChartGoldenCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ChartOutputs")

    static func all() -> [ChartGoldenCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".burn") }.sorted().map { ChartGoldenCase(name: String($0.dropLast(5))) }
    }

    var script: URL { ChartGoldenCase.directory.appendingPathComponent(name + ".burn") }
    var golden: URL { ChartGoldenCase.directory.appendingPathComponent(name + ".svg") }

    /// The files the script writes (in memory), by name.
    func written() throws -> [(String, [UInt8])] {
        let files = Collector<(String, [UInt8])>()
        let session = Session()
        session.output = { _ in }
        session.files = .inMemory { name, bytes in files.append(((name as NSString).lastPathComponent, bytes)) }
        try session.run(source: try String(contentsOf: script, encoding: .utf8), name: script.path)
        return files.items
    }
}

@Suite("Chart golden files")
struct ChartGoldenTests {
    @Test func thereAreGoldenCharts() {
        // Lines (plain, gaps, a fan, French, a long legend), bars (plain, uncertain), the cap
        // table, and two waterfalls.
        #expect(ChartGoldenCase.all().count >= 10)
    }

    @Test(arguments: ChartGoldenCase.all())
    func svgIsItsGoldenFile(_ chart: ChartGoldenCase) throws {
        let written = try chart.written()
        #expect(written.map(\.0) == [chart.name + ".svg"], "each script writes one chart named after it")
        let bytes = try #require(written.first?.1)
        if ProcessInfo.processInfo.environment["BURN_UPDATE_GOLDEN"] == "1" {
            try Data(bytes).write(to: chart.golden, options: .atomic)
        }
        let golden = try [UInt8](Data(contentsOf: chart.golden))
        #expect(bytes == golden, "\(chart.name).svg differs from \(chart.golden.path)")
        // The same script draws the same bytes again.
        #expect(try chart.written().first?.1 == bytes)
    }

    /// No script, no link, no external font or stylesheet: the file draws the same anywhere.
    @Test(arguments: ChartGoldenCase.all())
    func goldenSVGIsSelfContained(_ chart: ChartGoldenCase) throws {
        let text = try String(contentsOf: chart.golden, encoding: .utf8)
        let svg = try #require(SVGReader.read(text), "\(chart.name).svg is not well-formed XML")
        let root = try #require(svg.elements.first)
        let (width, height) = svg.size
        #expect(root.name == "svg" && root.attributes["viewBox"] == "0 0 \(SVGDocument.n(width)) \(SVGDocument.n(height))")
        #expect(root.attributes["font-family"] == "sans-serif")
        for banned in ["<script", "href", "url(", "@import", "@font-face", "<style", "<foreignObject", "<image"] {
            #expect(!text.contains(banned), "\(chart.name).svg contains \(banned)")
        }
        // A white background over the whole canvas, before anything else is drawn.
        let background = try #require(svg.all("rect").first)
        #expect(background.attributes["fill"] == "#fff" && background.number("width") == width
            && background.number("height") == height && background.attributes["x"] == nil)
        // Every text lies inside the canvas (start-anchored text by its estimated width).
        for element in svg.all("text") {
            let x = element.number("x") ?? 0, y = element.number("y") ?? 0
            let w = ChartText.width(element.text, size: element.number("font-size") ?? 12,
                                    bold: element.attributes["font-weight"] == "bold")
            let (left, right): (Double, Double) = switch element.attributes["text-anchor"] {
            case "end": (x - w, x)
            case "middle": (x - w / 2, x + w / 2)
            default: (x, x + w)
            }
            #expect(left >= 0 && right <= width && y > 0 && y <= height, "\(chart.name): '\(element.text)' leaves the canvas")
        }
    }

    @Test(.enabled(if: rsvgConvert != nil, "rsvg-convert is not installed (Debian: librsvg2-bin): the SVGs are not rendered"),
          arguments: ChartGoldenCase.all())
    func rsvgConvertDrawsIt(_ chart: ChartGoldenCase) throws {
        let text = try String(contentsOf: chart.golden, encoding: .utf8)
        let (width, height) = try #require(SVGReader.read(text)).size
        let image = try PNGImage(try renderPNG(text))
        #expect((Double(image.width), Double(image.height)) == (width, height))
        #expect(image.width >= 640 && image.height >= 360)
        // Its own white background: rsvg-convert adds none, so the corners would be transparent.
        for (x, y) in [(0, 0), (image.width - 1, 0), (0, image.height - 1), (image.width - 1, image.height - 1)] {
            #expect(image.pixel(x, y) == [255, 255, 255, 255], "\(chart.name): corner (\(x), \(y))")
        }
        // Not blank, not a smear: some of it drawn, most of it white, bars and lines in colour.
        #expect(image.inkedShare > 0.03 && image.inkedShare < 0.6, "\(chart.name): \(image.inkedShare) of the pixels inked")
        #expect(image.colouredShare > 0.004, "\(chart.name): \(image.colouredShare) of the pixels in colour")
    }
}

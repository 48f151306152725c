// ChartTestSupport: what the chart tests share: the chart a program draws, the SVG read back
// as elements (Foundation's XML parser), rsvg-convert's rendering of it, and a small PNG
// decoder (zlib inflate and scanline filters), so a test can look at the pixels it drew.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BurnKit

/// The chart events a program's `chart` statements give, in order (the printed text dropped).
func chartEvents(_ source: String) throws -> [ChartEvent] {
    let session = Session()
    let charts = Collector<ChartEvent>()
    session.output = { _ in }
    session.events = { if case .chart(let c) = $0 { charts.append(c) } }
    try session.run(source: source, name: "<test>")
    return charts.items
}

/// The chart event a program's last `chart` statement gives.
func chartEvent(_ source: String) throws -> ChartEvent? { try chartEvents(source).last }

/// The SVG's elements in document order, each with its attributes and text, as XMLParser reads them.
final class SVGReader: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""

        func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }
    }
    var elements: [Element] = []
    private var open: [Int] = []

    /// Nil when the document is not well-formed XML.
    static func read(_ svg: String) -> SVGReader? {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    /// The canvas's width and height, from the `svg` element.
    var size: (Double, Double) {
        let svg = elements.first { $0.name == "svg" }
        return (svg?.number("width") ?? 0, svg?.number("height") ?? 0)
    }

    /// The value axis's labels, lowest first (the only right-aligned texts).
    var tickLabels: [String] { texts { $0.attributes["text-anchor"] == "end" } }
    /// The plot's right edge: where the first grid line ends.
    var plotRight: Double { elements.first { $0.name == "line" && $0.attributes["y1"] == $0.attributes["y2"] }?.number("x2") ?? 0 }
    /// The legend's texts: each series' label, then its last value (everything right of the plot).
    var legend: [String] { texts { ($0.number("x") ?? 0) > plotRight } }
    /// The labels along the bottom (years, companies, rounds, steps): centred and under the plot.
    var bottomLabels: [String] {
        let bottom = elements.first { $0.name == "line" && $0.attributes["x1"] == $0.attributes["x2"] }?.number("y2") ?? 0
        return texts { $0.attributes["text-anchor"] == "middle" && ($0.number("y") ?? 0) > bottom }
    }

    func texts(_ keep: (Element) -> Bool) -> [String] {
        elements.filter { $0.name == "text" && keep($0) }.map(\.text)
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

/// rsvg-convert's path on PATH, nil when it is not installed.
let rsvgConvert: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }

/// The PNG rsvg-convert draws from `svg` (no background of its own: what shows is the SVG's).
func renderPNG(_ svg: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(rsvgConvert))
    process.arguments = ["--format", "png"]
    let input = Pipe(), output = Pipe()
    (process.standardInput, process.standardOutput) = (input, output)
    try process.run()
    input.fileHandleForWriting.write(Data(svg.utf8))
    try input.fileHandleForWriting.close()
    let png = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return png
}

/// A decoded 8-bit RGB or RGBA PNG (what rsvg-convert writes): its size and its pixels.
struct PNGImage {
    let width: Int
    let height: Int
    /// Four bytes a pixel (RGBA; an RGB image's alpha is 255), row by row.
    let pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "not a PNG") }
        var pos = 8, header: [UInt8] = [], compressed: [UInt8] = []
        while pos + 8 <= bytes.count {
            let length = bytes[pos..<pos + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[pos + 4..<pos + 8], as: UTF8.self)
            guard pos + 12 + length <= bytes.count else { throw Failure(description: "a chunk runs past the end") }
            let body = Array(bytes[pos + 8..<pos + 8 + length])
            if type == "IHDR" { header = body }
            if type == "IDAT" { compressed += body }
            pos += 12 + length
        }
        guard header.count == 13 else { throw Failure(description: "no IHDR") }
        width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        let (depth, colour, interlace) = (header[8], header[9], header[12])
        guard depth == 8, colour == 6 || colour == 2, interlace == 0 else {
            throw Failure(description: "depth \(depth), colour type \(colour), interlace \(interlace): not decoded here")
        }
        let channels = colour == 6 ? 4 : 3
        // zlib: a two-byte header, then DEFLATE.
        var inflater = Inflater(Array(compressed.dropFirst(2)))
        let raw = try inflater.inflate()
        let rows = try PNGImage.unfilter(raw, width: width, height: height, channels: channels)
        pixels = channels == 4 ? rows : stride(from: 0, to: rows.count, by: 3).flatMap { Array(rows[$0..<$0 + 3]) + [255] }
    }

    /// RGBA of the pixel at (x, y).
    func pixel(_ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * width + x) * 4
        return Array(pixels[i..<i + 4])
    }

    /// The share of pixels that are not white.
    var inkedShare: Double {
        var inked = 0
        for i in stride(from: 0, to: pixels.count, by: 4) where pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250 {
            inked += 1
        }
        return Double(inked) / Double(max(1, width * height))
    }

    /// The share of pixels in a strong colour (a line, a bar; not grey text or grid).
    var colouredShare: Double {
        var coloured = 0
        for i in stride(from: 0, to: pixels.count, by: 4) {
            let rgb = pixels[i..<i + 3]
            if Int(rgb.max() ?? 0) - Int(rgb.min() ?? 0) > 80 { coloured += 1 }
        }
        return Double(coloured) / Double(max(1, width * height))
    }

    /// Undoes the PNG filters, row by row (filter byte, then the row's bytes).
    private static func unfilter(_ raw: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        let stride = width * channels
        guard raw.count >= height * (stride + 1) else { throw Failure(description: "too few bytes for the image") }
        var out = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            let line = y * (stride + 1) + 1
            for x in 0..<stride {
                let a = x >= channels ? Int(out[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(out[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c
                    let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Failure(description: "filter \(filter)")
                }
                out[y * stride + x] = UInt8((Int(raw[line + x]) + predictor) & 0xFF)
            }
        }
        return out
    }
}

/// A DEFLATE decoder (RFC 1951), after zlib's `puff.c`: stored, fixed and dynamic blocks.
struct Inflater {
    private let input: [UInt8]
    private var pos = 0
    private var buffer = 0
    private var count = 0
    private var out: [UInt8] = []

    init(_ input: [UInt8]) { self.input = input }

    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(_ lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for l in 1..<15 { offsets[l + 1] = offsets[l] + counts[l] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }
    }

    private mutating func bits(_ n: Int) throws -> Int {
        while count < n {
            guard pos < input.count else { throw PNGImage.Failure(description: "the compressed data ends early") }
            buffer |= Int(input[pos]) << count
            pos += 1
            count += 8
        }
        let value = buffer & ((1 << n) - 1)
        buffer >>= n
        count -= n
        return value
    }

    private mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= try bits(1)
            let n = h.counts[length]
            if code - n < first { return h.symbols[index + code - first] }
            index += n
            first = (first + n) << 1
            code <<= 1
        }
        throw PNGImage.Failure(description: "a bad Huffman code")
    }

    mutating func inflate() throws -> [UInt8] {
        var last = 0
        repeat {
            last = try bits(1)
            switch try bits(2) {
            case 0: try stored()
            case 1: try codes(Inflater.fixed.0, Inflater.fixed.1)
            case 2:
                let (lengths, distances) = try dynamic()
                try codes(lengths, distances)
            default: throw PNGImage.Failure(description: "a bad block type")
            }
        } while last == 0
        return out
    }

    private mutating func stored() throws {
        (buffer, count) = (0, 0)
        guard pos + 4 <= input.count else { throw PNGImage.Failure(description: "a stored block ends early") }
        let length = Int(input[pos]) | Int(input[pos + 1]) << 8
        pos += 4
        guard pos + length <= input.count else { throw PNGImage.Failure(description: "a stored block ends early") }
        out += input[pos..<pos + length]
        pos += length
    }

    private static let fixed: (Huffman, Huffman) = {
        let lengths = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
        return (Huffman(lengths), Huffman([Int](repeating: 5, count: 30)))
    }()

    private mutating func dynamic() throws -> (Huffman, Huffman) {
        let (literals, distances, codeCount) = (try bits(5) + 257, try bits(5) + 1, try bits(4) + 4)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[order[i]] = try bits(3) }
        let lengthCode = Huffman(codeLengths)
        var lengths: [Int] = []
        while lengths.count < literals + distances {
            let symbol = try decode(lengthCode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw PNGImage.Failure(description: "a repeat with nothing before") }
                lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
        }
        return (Huffman(Array(lengths[0..<literals])), Huffman(Array(lengths[literals..<literals + distances])))
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                     131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                       1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                        12, 13, 13]

    private mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try decode(lengths)
            if symbol < 256 {
                out.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let l = symbol - 257
            guard l < 29 else { throw PNGImage.Failure(description: "a bad length code") }
            let length = Inflater.lengthBase[l] + (try bits(Inflater.lengthExtra[l]))
            let d = try decode(distances)
            guard d < 30 else { throw PNGImage.Failure(description: "a bad distance code") }
            let distance = Inflater.distanceBase[d] + (try bits(Inflater.distanceExtra[d]))
            guard distance <= out.count else { throw PNGImage.Failure(description: "a distance before the start") }
            for _ in 0..<length { out.append(out[out.count - distance]) }
        }
    }
}

// PropertySupport: what the property, reference-model and standard-library tests share: reading
// numbers out of values, writing numbers as Burn literals, a seeded generator, tolerances.
import BurnModel
@testable import BurnKit

/// The number a value holds (a plain number, a quantity, a year), or nil.
func numberIn(_ value: Value) -> Double? { value.asQuantity?.value }

/// The draws of an uncertain value, or nil when the value is certain.
func drawsIn(_ value: Value) -> [Double]? {
    if case .samples(let s) = value { return s.values }
    return nil
}

/// `units / 10^decimals` written as a Burn number literal, exactly (`decimalLiteral(-1234, 2)`
/// is `-12.34`): generated inputs are whole numbers of some small step, so the source text
/// holds exactly the value the test compares with.
func decimalLiteral(_ units: Int, _ decimals: Int) -> String {
    let sign = units < 0 ? "-" : ""
    let digits = String(units.magnitude)
    guard decimals > 0 else { return sign + digits }
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let cut = padded.index(padded.endIndex, offsetBy: -decimals)
    return sign + padded[..<cut] + "." + padded[cut...]
}

/// `units / 10^decimals` as a Double, the value `decimalLiteral` writes.
func decimalValue(_ units: Int, _ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return Double(units) / scale
}

/// True when `a` and `b` agree within `relative` of the larger magnitude (or `absolute`).
func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-9) -> Bool {
    abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// A session with the standard library, its printed output collected in `printed`.
final class Recorder: @unchecked Sendable {
    let session = Session()
    var printed = ""

    init(samples: Int? = nil) {
        session.output = { [unowned self] in printed += $0 }
        if let samples { try? session.run(source: "samples \(samples)") }
    }

    /// Runs `source` and returns what it printed.
    func run(_ source: String) throws -> String {
        printed = ""
        try session.run(source: source)
        return printed
    }
}

/// SplitMix64: a small seeded generator, so a failing reference model reproduces from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

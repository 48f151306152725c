// NumberFormat: digits for every printed number (LANGUAGE.md sections 2 and 12).
// Built on integer arithmetic so that output never depends on the C library's locale.

enum NumberFormat {
    /// `x` rounded to `digits` significant digits, as a Double.
    static func roundSignificant(_ x: Double, _ digits: Int) -> Double {
        guard x != 0, x.isFinite else { return x }
        let (mantissa, exponent) = significand(abs(x), digits)
        let value = Double(mantissa) * power10(exponent)
        return x < 0 ? -value : value
    }

    /// Up to `digits` significant digits, trailing zeros dropped, no exponent:
    /// `plain(107.6923, 6)` is `107.692`.
    static func significant(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        if x == 0 { return "0" }
        let (mantissa, exponent) = significand(abs(x), digits)
        let body = place(mantissa, exponent)
        return x < 0 ? "-" + body : body
    }

    /// Exactly `decimals` digits after the point (rounded half away from zero), no grouping.
    static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return significant(x, 6) }
        let scale = power10(decimals)
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return significant(x, 15) }
        let n = UInt64(scaled)
        var digits = String(n)
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (x < 0 && n != 0) ? "-" + digits : digits
    }

    /// `fixed` with a trailing `.0` (or `.00`) dropped: `75`, `4.2`.
    static func fixedTrimmed(_ x: Double, _ decimals: Int) -> String {
        trimZeros(fixed(x, decimals))
    }

    /// Thousands separators in the integer part: `6250` → `6,250`.
    static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        guard integer.count > 3 else { return text }
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return sign + out
    }

    /// The magnitude suffix for a rounded absolute value: (power of ten, letter), or nil below 1M.
    static func suffix(for magnitude: Double) -> (power: Int, letter: String)? {
        if magnitude >= 1e12 { return (12, "T") }
        if magnitude >= 1e9 { return (9, "B") }
        if magnitude >= 1e6 { return (6, "M") }
        return nil
    }

    static func letter(forPower power: Int) -> String {
        switch power {
        case 3: return "k"
        case 6: return "M"
        case 9: return "B"
        case 12: return "T"
        default: return "e\(power)"
        }
    }

    // MARK: - French

    /// English digits written the French way: `1,400.5` → `1 400,5`, the groups separated by
    /// U+202F (a narrow no-break space), the decimals by a comma.
    static func frenchDigits(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case ",": out += FrenchSpace.narrow
            case ".": out += ","
            default: out.append(c)
            }
        }
        return out
    }

    /// The French magnitude for a rounded absolute value: 6 (`M`) from a million, 9 (`Md`)
    /// from a milliard, with no larger one (`1 400 Md`, never `Bn`); nil below a million.
    static func frenchPower(for magnitude: Double) -> Int? {
        if magnitude >= 1e9 { return 9 }
        if magnitude >= 1e6 { return 6 }
        return nil
    }

    /// `k`, `M`, `Md` (milliard), `T`: what `locale fr` reads back.
    static func frenchLetter(forPower power: Int) -> String {
        power == 9 ? "Md" : letter(forPower: power)
    }

    // MARK: - Helpers

    /// (mantissa with exactly `digits` digits, power of ten of its last digit) for x > 0.
    private static func significand(_ x: Double, _ digits: Int) -> (UInt64, Int) {
        var exponent = Int(log10(x).rounded(.down)) - digits + 1
        var mantissa = (x / power10(exponent)).rounded()
        let limit = power10(digits)
        if mantissa >= limit {
            exponent += 1
            mantissa = (x / power10(exponent)).rounded()
        } else if mantissa < limit / 10 {
            exponent -= 1
            mantissa = (x / power10(exponent)).rounded()
        }
        return (UInt64(min(mantissa, 9e18)), exponent)
    }

    /// Digits of `mantissa` × 10^exponent written out, trailing fractional zeros dropped.
    private static func place(_ mantissa: UInt64, _ exponent: Int) -> String {
        let digits = String(mantissa)
        if exponent >= 0 { return digits + String(repeating: "0", count: exponent) }
        let fractional = -exponent
        var padded = digits
        while padded.count <= fractional { padded = "0" + padded }
        padded.insert(".", at: padded.index(padded.endIndex, offsetBy: -fractional))
        return trimZeros(padded)
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }

    static func power10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(n) { r *= 10 }
        return n < 0 ? 1 / r : r
    }

    private static func log10(_ x: Double) -> Double { Math.log10(x) }
}

// Format: short renderings of quantities for the model's own error messages.

enum Format {
    /// `$3.7B`, `-$74B`, `$6,250`, `80.5%`, `1.83x`, `42.4x`, `16 GW`: close to the language's rules,
    /// which own the real rendering.
    static func brief(_ q: Quantity) -> String {
        if q.unit.isMoney {
            let code = q.unit.currency ?? "USD"
            let symbol = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"][code]
            let body = magnitude(abs(q.value))
            let text = symbol.map { $0 + body } ?? "\(body) \(code)"
            return q.value < 0 ? "-" + text : text
        }
        if q.isPlain {
            switch q.display {
            case .percent: return decimals(q.value * 100, 1) + "%"
            case .multiple: return (abs(q.value) < 10 ? significant(q.value, 3) : decimals(q.value, 1)) + "x"
            default: return significant(q.value, 6)
            }
        }
        let unit = q.unit.factors.count == 1 && q.unit.factors[0].power == 1 ? q.unit.factors[0].unit.name : q.unit.description
        return significant(q.value, 6) + " " + unit
    }

    static func magnitude(_ v: Double) -> String {
        if v >= 1e12 { return significant(v / 1e12, 4) + "T" }
        if v >= 1e9 { return significant(v / 1e9, 4) + "B" }
        if v >= 1e6 { return significant(v / 1e6, 4) + "M" }
        if v >= 100 { return grouped(Int(v.rounded())) }
        return decimals(v, 2)
    }

    static func significant(_ v: Double, _ digits: Int) -> String {
        guard v != 0, v.isFinite else { return v == 0 ? "0" : "\(v)" }
        let exponent = Int(_log10(abs(v)).rounded(.down))
        return decimals(v, max(0, digits - 1 - exponent))
    }

    static func decimals(_ v: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (v * scale).rounded() / scale
        var s = "\(rounded)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        if s == "-0" { s = "0" }
        return s
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}

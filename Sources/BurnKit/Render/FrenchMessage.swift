// FrenchMessage: the numbers in a message of the model (which writes them the English way,
// `$5B`, `80.5%`, `1.83x`) rewritten in French (`5 Md$`, `80,5 %`, `1,83x`) for `locale fr`.

/// Rewrites the money, percents and multiples of an English message in the formatter's locale.
/// Plain numbers (years, `revenue[2024]`, `2024-10`) are left as written.
enum FrenchMessage {
    static func rewrite(_ text: String, _ f: ValueFormatter) -> String {
        guard f.locale.isFrench else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if let (replacement, end) = money(chars, at: i, f) ?? ratio(chars, at: i, f) {
                out += replacement
                i = end
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    private static let symbols: [Character: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"]

    /// `$3.7B`, `-$74B`, `€210B`, `$6,250`: a currency sign (after an optional minus), digits
    /// with commas and a point, and a magnitude letter.
    private static func money(_ chars: [Character], at start: Int, _ f: ValueFormatter) -> (String, Int)? {
        var i = start
        let negative = chars[i] == "-"
        if negative { i += 1 }
        guard i < chars.count, let currency = symbols[chars[i]], !precededByWord(chars, start) else { return nil }
        guard let (value, end) = number(chars, at: i + 1, commas: true) else { return nil }
        var j = end
        var multiplier = 1.0
        if j < chars.count, let m = ["k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12][chars[j]], !isWord(chars, j + 1) {
            multiplier = m
            j += 1
        } else if isWord(chars, j) {
            return nil
        }
        return (f.money((negative ? -1 : 1) * value * multiplier, currency: currency), j)
    }

    /// `80.5%`, `-75%`, `1.83x`: a number straight followed by `%`, or by `x` and no letter.
    private static func ratio(_ chars: [Character], at start: Int, _ f: ValueFormatter) -> (String, Int)? {
        var i = start
        let negative = chars[i] == "-"
        if negative { i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isNumber, !precededByWord(chars, start) else { return nil }
        guard let (value, end) = number(chars, at: i, commas: false), end < chars.count else { return nil }
        let signed = negative ? -value : value
        if chars[end] == "%" { return (f.percent(signed / 100), end + 1) }
        if chars[end] == "x", !isWord(chars, end + 1) { return (f.multiple(signed), end + 1) }
        return nil
    }

    /// Digits (with `,` groups when `commas`) and an optional `.` and decimals; nil if none.
    private static func number(_ chars: [Character], at start: Int, commas: Bool) -> (Double, Int)? {
        var i = start
        var digits = ""
        while i < chars.count {
            let c = chars[i]
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else if commas, c == ",", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber, !digits.isEmpty {
                // a group separator: `6,250`
            } else if c == ".", !digits.contains("."), i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isNumber {
                digits.append(c)
            } else {
                break
            }
            i += 1
        }
        guard !digits.isEmpty, let value = Double(digits) else { return nil }
        return (value, i)
    }

    /// Whether a letter, digit, `_`, `.`, `,` or `[` comes right before `index` (inside a name,
    /// an index or a number, French ones included, where nothing is rewritten: so a message
    /// rewritten twice is rewritten once).
    private static func precededByWord(_ chars: [Character], _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let c = chars[index - 1]
        return c.isLetter || c.isNumber || c == "_" || c == "." || c == "," || c == "["
    }

    private static func isWord(_ chars: [Character], _ index: Int) -> Bool {
        guard index < chars.count else { return false }
        let c = chars[index]
        return c.isLetter || c.isNumber || c == "_"
    }
}

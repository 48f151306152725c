// FrenchMessage: the numbers in a message (the model and the parser write them the English way,
// `$5B`, `80.5%`, `1.83x`, `3.7B`, `f(x, 90%)`) rewritten in French (`5 Md$`, `80,5 %`, `1,83x`,
// `3,7 Md`, `f(x; 90 %)`) for `locale fr`.

/// Rewrites the money, percents, multiples, magnitudes and decimals of an English message in
/// the formatter's locale; in code (between backticks) the commas between arguments and list
/// items become `;`. Whole numbers (years, `revenue[2024]`, `2024-10`) and names are left as written.
enum FrenchMessage {
    static func rewrite(_ text: String, _ f: ValueFormatter) -> String {
        guard f.locale.isFrench else { return text }
        var phrased = text
        for (english, french) in phrases { phrased = phrased.replacing(english, with: french) }
        let chars = Array(phrased)
        var out = ""
        var i = 0
        var inCode = false
        var nesting = 0
        while i < chars.count {
            let c = chars[i]
            if let (replacement, end) = money(chars, at: i, f) ?? ratio(chars, at: i, f) {
                out += replacement
                i = end
                continue
            }
            switch c {
            case "`": inCode.toggle(); nesting = 0
            case "(", "[": if inCode { nesting += 1 }
            case ")", "]": if inCode { nesting = max(0, nesting - 1) }
            default: break
            }
            // `percentile(x, 90%)` → `percentile(x; 90 %)`: in French a comma is a decimal comma.
            if c == ",", inCode, nesting > 0, i + 1 < chars.count, chars[i + 1] == " " {
                out.append(";")
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// A syntax error's message, label, hint and notes in the locale of `f` (the parser's hints
    /// write numbers the English way, as the model's messages do).
    static func rewrite(_ d: Diagnostic, _ f: ValueFormatter) -> Diagnostic {
        guard f.locale.isFrench else { return d }
        var d = d
        d.message = rewrite(d.message, f)
        d.label = d.label.map { rewrite($0, f) }
        d.hint = d.hint.map { rewrite($0, f) }
        d.notes = d.notes.map { Diagnostic.Note(rewrite($0.message, f), span: $0.span) }
        return d
    }

    /// Words of a hint that name the English magnitudes: French writes `Md` for 10^9.
    private static let phrases = [("`B` billion", "`Md` milliard")]

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

    /// `80.5%`, `-75%`, `1.83x`, `3.7B`, `80M`, `0.9`: a number straight followed by `%`, by
    /// `x` or a magnitude letter and no letter, or with decimals.
    private static func ratio(_ chars: [Character], at start: Int, _ f: ValueFormatter) -> (String, Int)? {
        var i = start
        let negative = chars[i] == "-"
        if negative { i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isNumber, !precededByWord(chars, start) else { return nil }
        guard let (value, end) = number(chars, at: i, commas: false) else { return nil }
        let signed = negative ? -value : value
        if end < chars.count {
            if chars[end] == "%" { return (f.percent(signed / 100), end + 1) }
            if chars[end] == "x", !isWord(chars, end + 1) { return (f.multiple(signed), end + 1) }
            if let m = magnitudes[chars[end]], !isWord(chars, end + 1) { return (f.plain(signed * m), end + 1) }
        }
        let written = String(chars[start..<end])
        guard written.contains(".") else { return nil }
        return (String(written.map { $0 == "." ? "," : $0 }), end)
    }

    private static let magnitudes: [Character: Double] = ["k": 1e3, "M": 1e6, "B": 1e9, "T": 1e12]

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

    /// Whether a letter, digit, `_`, `.`, `,`, a currency sign or an index's `[` comes right
    /// before `index` (inside a name, an index or a number, French ones included, where nothing
    /// is rewritten: so a message rewritten twice is rewritten once).
    private static func precededByWord(_ chars: [Character], _ index: Int) -> Bool {
        guard index > 0 else { return false }
        let c = chars[index - 1]
        // `20%..80%`: the second bound of a range is a number of its own.
        if c == ".", index >= 2, chars[index - 2] == "." { return false }
        // `revenue[2024]` is an index; `[11.6B; 29.4B]` a list, whose items are numbers.
        if c == "[" { return index >= 2 && isWord(chars, index - 2) }
        return c.isLetter || c.isNumber || c == "_" || c == "." || c == "," || symbols[c] != nil
    }

    private static func isWord(_ chars: [Character], _ index: Int) -> Bool {
        guard index < chars.count else { return false }
        let c = chars[index]
        return c.isLetter || c.isNumber || c == "_"
    }
}

// Lexer+French: the pieces of a number that French writes (LANGUAGE.md section 12): digit groups
// separated by spaces, `Md` and the other magnitudes after a space, `%` after a space, and the
// currency sign after the number. English reads `Md` and `Md$` too.

extension Lexer {
    /// The length of one space at `index` that French puts inside a number: a plain space,
    /// U+00A0 (before a unit, a magnitude or `%`) or U+202F (between digit groups); 0 if none.
    func numberSpaceLength(at index: Int) -> Int {
        switch byte(at: index) {
        case UInt8(ascii: " "): return 1
        case 0xC2 where byte(at: index + 1) == 0xA0: return 2
        case 0xE2 where byte(at: index + 1) == 0x80 && byte(at: index + 2) == 0xAF: return 3
        default: return 0
        }
    }

    /// `1 400`, `12 000 000`: after one to three digits, groups of exactly three digits, each
    /// after one space. `2024 100` (four digits first) is not a number with groups.
    mutating func scanDigitGroups(into text: inout [UInt8]) {
        guard (1...3).contains(text.count) else { return }
        while true {
            let space = numberSpaceLength(at: pos)
            guard space > 0 else { return }
            let first = pos + space
            for i in 0..<3 {
                guard let d = byte(at: first + i), Lexer.isDigit(d) else { return }
            }
            if let after = byte(at: first + 3), Lexer.isDigit(after) || after == UInt8(ascii: "_") { return }
            text.append(contentsOf: bytes[first..<(first + 3)])
            pos = first + 3
        }
    }

    /// Whether `word` is written at `index`, with no identifier character straight after it.
    func wordAt(_ index: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { w in (0..<count).allSatisfy { bytes[index + $0] == w[$0] } }
        return matches && identifierCharLength(at: index + count) == 0
    }

    /// A magnitude after the digits, straight or after one space: in French `Md` (also `Mds`,
    /// `milliard`, `milliards`), `k`, `M`, `T`; in English only `Md` and `Mds` (`157 Md$`).
    /// Its multiplier and length, spaces included.
    func spacedMagnitude(at index: Int) -> (Double, Int)? {
        let space = numberSpaceLength(at: index)
        let at = index + space
        // Most numbers have none: one byte decides.
        switch byte(at: at) {
        case UInt8(ascii: "M"), UInt8(ascii: "m"), UInt8(ascii: "k"), UInt8(ascii: "T"): break
        default: return nil
        }
        let words = locale.isFrench ? Lexer.frenchMagnitudes : Lexer.englishMagnitudes
        for (word, multiplier) in words where wordAt(at, word) {
            return (multiplier, space + word.utf8CodeUnitCount)
        }
        return nil
    }

    static let englishMagnitudes: [(StaticString, Double)] = [("Mds", 1e9), ("Md", 1e9)]
    static let frenchMagnitudes: [(StaticString, Double)] = englishMagnitudes
        + [("milliards", 1e9), ("milliard", 1e9), ("millions", 1e6), ("million", 1e6), ("k", 1e3), ("M", 1e6), ("T", 1e12)]

    /// `%` straight after the number, or in French after one space (`4,2 %`): its length.
    func percentSign(at index: Int) -> Int? {
        if byte(at: index) == UInt8(ascii: "%") { return 1 }
        let space = numberSpaceLength(at: index)
        guard locale.isFrench, space > 0, byte(at: index + space) == UInt8(ascii: "%") else { return nil }
        return space + 1
    }

    /// `billion` or `billions` after the number (straight or after one space): where the word
    /// starts and where it ends, counted from `index`.
    func billionWord(at index: Int) -> (space: Int, total: Int)? {
        let space = numberSpaceLength(at: index)
        for word: StaticString in ["billions", "billion", "Billions", "Billion"] where wordAt(index + space, word) {
            return (space, space + word.utf8CodeUnitCount)
        }
        return nil
    }

    /// A currency sign after the number, straight or after one space: `157 Md$`, `210 Md €`,
    /// `6 250 $`. Its ISO code and length, space included.
    func currencyAfter(at index: Int) -> (String, Int)? {
        let space = numberSpaceLength(at: index)
        let at = index + space
        switch byte(at: at) {
        case UInt8(ascii: "$"): return ("USD", space + 1)
        case 0xE2 where byte(at: at + 1) == 0x82 && byte(at: at + 2) == 0xAC: return ("EUR", space + 3)
        case 0xC2 where byte(at: at + 1) == 0xA3: return ("GBP", space + 2)
        default: return nil
        }
    }

    /// What a French article writes after a number and Burn does not read: `de dollars`,
    /// `d’euros`, `d'euros`, `dollars`, `de $`, `de km`, a lone `de`. Where the words end, and
    /// the currency they name (nil for `de km`, whose unit is left to read, or a lone `de`).
    func frenchWordsAfter(at index: Int) -> (end: Int, currency: String?)? {
        let at = index + numberSpaceLength(at: index)
        var j = at
        var hasDe = false
        if wordAt(at, "de") {
            hasDe = true
            j = at + 2
            j += numberSpaceLength(at: j)
        } else if byte(at: at) == UInt8(ascii: "d"), byte(at: at + 1) == UInt8(ascii: "'") {
            hasDe = true
            j = at + 2
        } else if byte(at: at) == UInt8(ascii: "d"), byte(at: at + 1) == 0xE2, byte(at: at + 2) == 0x80,
                  byte(at: at + 3) == 0x99 {
            // `d’euros`, with the typographic apostrophe U+2019.
            hasDe = true
            j = at + 4
        }
        for (word, code) in Lexer.currencyWords where wordAt(j, word) {
            return (j + word.utf8CodeUnitCount, code)
        }
        guard hasDe else { return nil }
        if let (code, length) = currencyAfter(at: j) { return (j + length, code) }
        return (j, nil)
    }

    static let currencyWords: [(StaticString, String)] = [
        ("dollars", "USD"), ("dollar", "USD"), ("euros", "EUR"), ("euro", "EUR"),
    ]

    /// Teaches the Burn form of `6,6 milliards de dollars` (`6,6 Md$`), `80 millions de km`
    /// (`80 M km`) or a lone `de`: the words from `from` to `to` are not read.
    mutating func reportFrenchWords(_ value: Double, currency: String?, from: Int, to: Int) {
        let f = ValueFormatter(digits: nil, locale: .french)
        let written = String(decoding: bytes[from..<to], as: UTF8.self)
        if let code = currency {
            report("'\(written)' is not read: the currency sign goes after the number", from, to,
                   hint: "write `\(f.money(value, currency: code))`")
        } else if identifierCharLength(at: to) > 0 {
            let unit = String(decoding: bytes[to..<(to + identifierRun(at: to))], as: UTF8.self)
            report("'\(written.trimmingSuffixSpaces)' is not read: a unit follows the number straight", from, to,
                   hint: "write `\(f.plain(value))\(FrenchSpace.noBreak)\(unit)`")
        } else {
            report("'\(written.trimmingSuffixSpaces)' is not read after a number", from, to,
                   hint: "write `\(f.plain(value))`, or `\(f.money(value, currency: "USD"))` for dollars (`\(f.money(value, currency: "EUR"))` for euros)")
        }
    }

    /// The length of the identifier starting at `index`.
    private func identifierRun(at index: Int) -> Int {
        var j = index
        while true {
            let length = identifierCharLength(at: j)
            if length == 0 { return j - index }
            j += length
        }
    }
}

private extension String {
    /// The text without the spaces (ASCII or no-break) it ends with.
    var trimmingSuffixSpaces: String {
        var s = self
        while let last = s.last, last == " " || last == "\u{00A0}" || last == "\u{202F}" { s.removeLast() }
        return s
    }
}

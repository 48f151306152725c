// Lexer+Numbers: number literals with suffixes, percents and multiples, months and days.

extension Lexer {
    /// A number (`42`, `3.7`, `1_000`, `1e9`, `6.6B`, `80%`, `3.1x`), a month (`2024-10`) or a
    /// day (`2024-10-02`);
    /// with `locale fr` also `6,6`, `1 400`, `3,7 Md`, `4,2 %` and, as `.amount`, `157 Md$`
    /// (Lexer+French.swift). English reads `157 Md$` too.
    mutating func scanNumber() {
        let start = pos
        if scanMonth() { return }
        var text: [UInt8] = []
        scanDigits(into: &text)
        if locale.isFrench, pos - start == text.count { scanDigitGroups(into: &text) }
        if let mark = byte(at: pos), mark == UInt8(ascii: ".") || (locale.isFrench && mark == UInt8(ascii: ",")),
           let next = byte(at: pos + 1), Lexer.isDigit(next) {
            // `6,6` is a decimal comma in French; `6, 6` (a space after) stays two items.
            pos += 1
            text.append(UInt8(ascii: "."))
            let before = text.count
            scanDigits(into: &text)
            // In French a point may group thousands (`1.400` for 1 400): reading it as a
            // decimal point would be off by a thousand, silently. Three digits after it ask.
            if locale.isFrench, mark == UInt8(ascii: "."), text.count - before == 3, !text.contains(UInt8(ascii: "_")) {
                let digits = String(decoding: text, as: UTF8.self)
                let whole = digits.split(separator: ".").first.map(String.init) ?? digits
                let decimals = digits.split(separator: ".").last.map(String.init) ?? ""
                report("'\(digits)' is ambiguous in French: a point may group thousands", start, pos,
                       hint: "write `\(whole) \(decimals)` for thousands, or `\(whole),\(decimals)` for a decimal")
            }
        }
        var tooLarge = false
        if let e = byte(at: pos), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var i = pos + 1
            var negative = false
            if let sign = byte(at: i), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                negative = sign == UInt8(ascii: "-")
                i += 1
            }
            if let d = byte(at: i), Lexer.isDigit(d) {
                var exponent = 0
                while let d = byte(at: i), Lexer.isDigit(d) || (d == UInt8(ascii: "_") && i + 1 < bytes.count && Lexer.isDigit(bytes[i + 1])) {
                    if d != UInt8(ascii: "_"), exponent < Lexer.exponentCap {
                        exponent = exponent * 10 + Int(d - UInt8(ascii: "0"))
                    }
                    i += 1
                }
                pos = i
                if exponent >= Lexer.exponentCap { tooLarge = !negative; exponent = Lexer.exponentCap }
                text.append(UInt8(ascii: "e"))
                if negative { text.append(UInt8(ascii: "-")) }
                text.append(contentsOf: Array(String(exponent).utf8))
            } else if i > pos + 1 {
                // `1e+` with no digits.
                pos = i
                report("expected digits after the exponent", start, pos, hint: "write an exponent like `\(locale.isFrench ? "1,5e-3" : "1.5e-3")`")
                emit(.number(0, .plain), from: start)
                return
            }
        }
        var value = Double(String(decoding: text, as: UTF8.self)) ?? 0
        var style = NumberStyle.plain
        var magnitudeWord = false
        if let (multiplier, length) = suffix(at: pos) {
            pos += length
            if multiplier == 0 { style = .multiple } else { value *= multiplier }
        } else if let (multiplier, length) = spacedMagnitude(at: pos) {
            pos += length
            value *= multiplier
            magnitudeWord = true
        } else if let length = percentSign(at: pos) {
            pos += length
            value /= 100
            style = .percent
        }
        var billion = false
        if locale.isFrench, let length = billionWord(at: pos) {
            report("'billion' is not read: it means 10^12 in French and 10^9 in English", pos + length.space,
                   pos + length.total, hint: "write `1 000 Md` or `1 T` for 10^12, `1 Md` for 10^9")
            pos += length.total
            billion = true
        }
        // `6,6 milliards de dollars`, `1 milliard d’euros`, `80 millions de km`: taught, and
        // read through so that the line gives one error (after `billion`, none more).
        if locale.isFrench, style == .plain, let words = frenchWordsAfter(at: pos) {
            let from = pos + numberSpaceLength(at: pos)
            pos = words.end
            if !billion { reportFrenchWords(value, currency: words.currency, from: from, to: words.end) }
            if let code = words.currency {
                emit(.amount(value, currency: code), from: start)
                return
            }
        }
        if tooLarge || !value.isFinite {
            report("number too large", start, pos, hint: "numbers must be below about \(locale.isFrench ? "1,8e308" : "1.8e308")")
            value = 0
        }
        if style == .plain, locale.isFrench || magnitudeWord, let (code, length) = currencyAfter(at: pos) {
            pos += length
            emit(.amount(value, currency: code), from: start)
            return
        }
        emit(.number(value, style), from: start)
    }

    /// Digits with `_` separators between them.
    mutating func scanDigits(into text: inout [UInt8]) {
        while let b = byte(at: pos) {
            if Lexer.isDigit(b) {
                text.append(b)
                pos += 1
            } else if b == UInt8(ascii: "_"), let next = byte(at: pos + 1), Lexer.isDigit(next), !text.isEmpty {
                pos += 1
            } else {
                break
            }
        }
    }

    /// A magnitude suffix or `x` at `index`, not followed by another identifier character:
    /// its multiplier (0 for `x`, the multiple marker) and length.
    func suffix(at index: Int) -> (Double, Int)? {
        guard let b = byte(at: index) else { return nil }
        let two = byte(at: index + 1)
        var result: (Double, Int)?
        switch b {
        case UInt8(ascii: "k"): result = (1e3, 1)
        case UInt8(ascii: "M"): result = (1e6, 1)
        case UInt8(ascii: "B"): result = (1e9, 1)
        case UInt8(ascii: "T"): result = (1e12, 1)
        case UInt8(ascii: "x"): result = (0, 1)
        case UInt8(ascii: "b") where two == UInt8(ascii: "n"): result = (1e9, 2)
        case UInt8(ascii: "t") where two == UInt8(ascii: "n"): result = (1e12, 2)
        default: return nil
        }
        guard let found = result, identifierCharLength(at: index + found.1) == 0 else { return nil }
        return found
    }

    /// `2024-10`: four digits, `-`, one or two digits, not followed by a digit or letter. A
    /// month outside 01 to 12 (`2024-13`, `2024-00`) or written with one digit (`2024-1`)
    /// is an error, never a subtraction (a round would silently move to 2011); with spaces,
    /// `2024 - 13` subtracts. The year is checked where the month is used. A month followed by
    /// `-` and a digit is a day (`2024-10-02`).
    mutating func scanMonth() -> Bool {
        let start = pos
        guard start + 6 <= bytes.count else { return false }
        for i in 0..<4 where !Lexer.isDigit(bytes[start + i]) { return false }
        guard bytes[start + 4] == UInt8(ascii: "-"), Lexer.isDigit(bytes[start + 5]) else { return false }
        let width = start + 6 < bytes.count && Lexer.isDigit(bytes[start + 6]) ? 2 : 1
        let end = start + 5 + width
        if width == 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "-"), Lexer.isDigit(bytes[end + 1]) {
            return scanDay(start)
        }
        if identifierCharLength(at: end) != 0 { return false }
        func digit(_ i: Int) -> Int { Int(bytes[start + i] - UInt8(ascii: "0")) }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = width == 2 ? digit(5) * 10 + digit(6) : digit(5)
        pos = end
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let subtraction = "or put spaces around a subtraction: `\(year) - \(month)`"
        if width == 1, (1...9).contains(month) {
            report("`\(text)` is not a month: a month has two digits", start, end,
                   hint: "write `\(year)-0\(month)`, \(subtraction)")
        } else if !(1...12).contains(month) {
            report("`\(text)` is not a month: months run from 01 to 12", start, end,
                   hint: "write a month from `\(year)-01` to `\(year)-12`, \(subtraction)")
        }
        emit(.month(year: year, month: min(max(month, 1), 12)), from: start)
        return true
    }

    /// `2024-10-02`: a month, `-` and two digits, for dated cash flows (`xnpv`, `xirr`). A day the
    /// month does not have (`2025-02-29`) or one digit (`2024-10-2`) is an error.
    private mutating func scanDay(_ start: Int) -> Bool {
        var end = start + 8
        while end < bytes.count, Lexer.isDigit(bytes[end]) { end += 1 }
        if identifierCharLength(at: end) != 0 { return false }
        func number(_ from: Int, _ to: Int) -> Int {
            bytes[from..<to].reduce(0) { min($0 * 10 + Int($1 - UInt8(ascii: "0")), 100_000) }
        }
        let year = number(start, start + 4), month = number(start + 5, start + 7), day = number(start + 8, end)
        pos = end
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let days = CalendarDays.daysIn(month: month, of: year)
        if !(1...12).contains(month) {
            report("`\(text)` is not a day: months run from 01 to 12", start, end,
                   hint: "write a day as `\(year)-10-02`")
        } else if end - start != 10 {
            report("`\(text)` is not a day: a day has two digits", start, end,
                   hint: "write `\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(min(day, 99))`")
        } else if !(1...days).contains(day) {
            report("`\(text)` is not a day: \(CalendarDays.monthNames[month - 1]) \(year) has \(days) days", start, end,
                   hint: "write a day from `\(String(text.prefix(8)))01` to `\(String(text.prefix(8)))\(days)`")
        }
        emit(.day(year: year, month: min(max(month, 1), 12), day: min(max(day, 1), days)), from: start)
        return true
    }
}

// Lexer: turns a source file's UTF-8 bytes into tokens, with a diagnostic for each bad spot.

/// Splits Burn source into tokens (LANGUAGE.md section 1).
///
/// Newlines become `.newline` tokens only where they end a statement: not inside `(` or `[`,
/// not after a binary operator or a comma, and not after a `\` continuation. Numbers read in
/// English or French (section 12); a `locale fr` or `locale en` line switches for the lines below.
public struct Lexer {
    /// Everything one run of the lexer finds, including what the REPL needs to know
    /// about whether the input is complete.
    struct Result {
        var tokens: [Token]
        var diagnostics: [Diagnostic]
        /// Brackets still open at the end of the input.
        var openBrackets: Int
        /// The input ends inside a string.
        var endsInString: Bool
        /// The input ends after a binary operator, a comma or a `\`.
        var endsWithContinuation: Bool
    }

    /// Tokenizes `file`; always ends with `.eof`, never fails.
    /// `locale` is how numbers read at the start of the file; a `locale fr` or `locale en`
    /// line switches it for the rest of the file.
    public static func tokenize(_ file: SourceFile, locale: NumberLocale = .english)
        -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let result = run(file, locale: locale)
        return (result.tokens, result.diagnostics)
    }

    static func run(_ file: SourceFile, locale: NumberLocale = .english) -> Result {
        var lexer = Lexer(file: file, locale: locale)
        lexer.scanAll()
        return Result(
            tokens: lexer.tokens, diagnostics: lexer.diagnostics,
            openBrackets: lexer.brackets.count, endsInString: lexer.endsInString,
            endsWithContinuation: lexer.endsWithContinuation)
    }

    // MARK: - State

    let file: SourceFile
    let bytes: [UInt8]
    var pos = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    /// Open brackets, as the byte of each opener.
    var brackets: [UInt8] = []
    var sawSpace = false
    /// A `\` ended the current line.
    var continuation = false
    var endsInString = false
    var endsWithContinuation = false
    /// How numbers read here: French reads `6,6`, `1 400`, `157 Md$`, `4,2 %`.
    var locale: NumberLocale

    init(file: SourceFile, locale: NumberLocale = .english) {
        self.file = file
        self.bytes = file.bytes
        self.locale = locale
    }

    /// The largest exponent digits are read up to; beyond it the number is too large anyway.
    static let exponentCap = 100_000

    func span(_ start: Int, _ end: Int) -> Span {
        Span(file: file.id, start: start, end: end)
    }

    func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind, span(start, pos), spaceBefore: sawSpace))
        sawSpace = false
    }

    mutating func report(_ message: String, _ start: Int, _ end: Int, hint: String? = nil) {
        // A run of unexpected characters (NUL bytes, binary data) is one error under all of
        // them, not one per byte: 10,000 NULs printed 10,000 diagnostics of a 10,000-byte line.
        if message.hasPrefix("unexpected character"), let last = diagnostics.last,
           last.message.hasPrefix("unexpected character"), last.span.end == start {
            diagnostics[diagnostics.count - 1].span = span(last.span.start, end)
            return
        }
        diagnostics.append(Diagnostic(message, at: span(start, end), hint: hint))
    }

    // MARK: - Main loop

    mutating func scanAll() {
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                pos += 1
                sawSpace = true
            case UInt8(ascii: "\n"):
                endLine()
                pos += 1
                sawSpace = true
            case UInt8(ascii: "#"):
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                sawSpace = true
            case UInt8(ascii: "\\"):
                scanBackslash()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                scanNumber()
            case UInt8(ascii: "\""):
                scanString()
            case UInt8(ascii: "$"):
                let start = pos
                pos += 1
                emit(.currency("USD"), from: start)
            default:
                if Lexer.isIdentifierStart(b) {
                    scanIdentifier()
                } else if b < 0x80 {
                    scanSymbol()
                } else {
                    scanNonASCII()
                }
            }
        }
        endsWithContinuation = continuation || lastContinues
        // No newline token at the very end: the parser treats `.eof` as a statement end.
        tokens.append(Token(.eof, span(bytes.count, bytes.count), spaceBefore: sawSpace))
    }

    /// Whether the last token asks for the statement to go on to the next line.
    var lastContinues: Bool {
        guard let last = tokens.last else { return false }
        switch last.kind {
        case .symbol(let s):
            switch s {
            case .plus, .minus, .star, .slash, .caret, .assign, .equal, .notEqual,
                .less, .lessEqual, .greater, .greaterEqual, .dotDot, .comma, .semicolon, .tilde:
                return true
            default:
                return false
            }
        case .identifier(let word):
            return word == "and" || word == "or"
        default:
            return false
        }
    }

    /// At a line end: emit a `.newline` unless the statement continues on the next line.
    mutating func endLine() {
        let start = pos
        defer { continuation = false }
        if continuation { return }
        if let top = brackets.last, top != UInt8(ascii: "{") { return }
        guard let last = tokens.last, last.kind != .newline else { return }
        if lastContinues { return }
        tokens.append(Token(.newline, span(start, start + 1), spaceBefore: sawSpace))
        sawSpace = false
    }

    mutating func scanBackslash() {
        let start = pos
        var i = pos + 1
        while let b = byte(at: i), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") {
            i += 1
        }
        if byte(at: i) == UInt8(ascii: "#") {
            while let b = byte(at: i), b != UInt8(ascii: "\n") { i += 1 }
        }
        if i >= bytes.count || bytes[i] == UInt8(ascii: "\n") {
            continuation = true
            pos = i
            sawSpace = true
            return
        }
        pos += 1
        report("unexpected '\\'", start, pos, hint: "a '\\' continues a statement only at the end of a line")
    }

    // MARK: - Symbols

    mutating func scanSymbol() {
        let start = pos
        let b = bytes[pos]
        let next = byte(at: pos + 1)
        pos += 1
        var symbol: Symbol?
        switch b {
        case UInt8(ascii: "+"): symbol = .plus
        case UInt8(ascii: "-"): symbol = .minus
        case UInt8(ascii: "*"): symbol = .star
        case UInt8(ascii: "/"): symbol = .slash
        case UInt8(ascii: "^"): symbol = .caret
        case UInt8(ascii: "~"): symbol = .tilde
        case UInt8(ascii: "%"): symbol = .percent
        case UInt8(ascii: ","): symbol = .comma
        case UInt8(ascii: ";"): symbol = .semicolon
        case UInt8(ascii: ":"): symbol = .colon
        case UInt8(ascii: "("): symbol = .leftParen
        case UInt8(ascii: ")"): symbol = .rightParen
        case UInt8(ascii: "["): symbol = .leftBracket
        case UInt8(ascii: "]"): symbol = .rightBracket
        case UInt8(ascii: "{"): symbol = .leftBrace
        case UInt8(ascii: "}"): symbol = .rightBrace
        case UInt8(ascii: "."):
            if next == UInt8(ascii: ".") { pos += 1; symbol = .dotDot } else { symbol = .dot }
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") { pos += 1; symbol = .equal } else { symbol = .assign }
        case UInt8(ascii: "!"):
            if next == UInt8(ascii: "=") {
                pos += 1
                symbol = .notEqual
            } else {
                report("unexpected '!'", start, pos, hint: "write `not x` for negation and `!=` for inequality")
                return
            }
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { pos += 1; symbol = .lessEqual } else { symbol = .less }
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { pos += 1; symbol = .greaterEqual } else { symbol = .greater }
        default:
            break
        }
        guard let symbol else {
            let shown = Lexer.describe(byte: b)
            var hint: String?
            if b == UInt8(ascii: "'") { hint = "strings use double quotes: \"text\"" }
            if b == UInt8(ascii: "&") || b == UInt8(ascii: "|") { hint = "write `and` or `or`" }
            report("unexpected character \(shown)", start, pos, hint: hint)
            return
        }
        trackBracket(symbol)
        emit(.symbol(symbol), from: start)
    }

    mutating func trackBracket(_ symbol: Symbol) {
        switch symbol {
        case .leftParen: brackets.append(UInt8(ascii: "("))
        case .leftBracket: brackets.append(UInt8(ascii: "["))
        case .leftBrace: brackets.append(UInt8(ascii: "{"))
        case .rightParen: close(UInt8(ascii: "("))
        case .rightBracket: close(UInt8(ascii: "["))
        case .rightBrace: close(UInt8(ascii: "{"))
        default: break
        }
    }

    /// Pops up to and including the matching opener; a closer with no opener changes nothing.
    mutating func close(_ opener: UInt8) {
        guard let index = brackets.lastIndex(of: opener) else { return }
        brackets.removeSubrange(index...)
    }

    static func describe(byte b: UInt8) -> String {
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "(byte 0x\(String(b, radix: 16)))"
    }

    // MARK: - Identifiers

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Whether an identifier character (ASCII or a non-ASCII letter) starts at `index`.
    func identifierCharLength(at index: Int) -> Int {
        guard let b = byte(at: index) else { return 0 }
        if Lexer.isIdentifierStart(b) || Lexer.isDigit(b) { return 1 }
        if b < 0x80 { return 0 }
        guard let (scalar, length) = decodeScalar(at: index) else { return 0 }
        return Lexer.isLetter(scalar) ? length : 0
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }

    mutating func scanIdentifier() {
        let start = pos
        while true {
            let length = identifierCharLength(at: pos)
            if length == 0 { break }
            pos += length
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        emit(.identifier(text), from: start)
        switchLocaleAfterStatement()
    }

    /// `locale fr` / `locale en` at the top level, alone at the start of a statement: numbers
    /// read in that locale from here on (the parser makes the same statement a `.locale`).
    mutating func switchLocaleAfterStatement() {
        let n = tokens.count
        guard n >= 2, brackets.isEmpty, tokens[n - 2].kind == .identifier("locale"),
              case .identifier(let code) = tokens[n - 1].kind, let chosen = NumberLocale(code: code),
              n == 2 || tokens[n - 3].kind == .newline else { return }
        locale = chosen
    }

    /// A non-ASCII byte: `€`, `£`, a letter, or a bad character.
    mutating func scanNonASCII() {
        let start = pos
        guard let (scalar, length) = decodeScalar(at: pos) else {
            pos += 1
            report("invalid UTF-8 byte", start, pos)
            return
        }
        switch scalar {
        case "€":
            pos += length
            emit(.currency("EUR"), from: start)
        case "£":
            pos += length
            emit(.currency("GBP"), from: start)
        case "\u{00A0}", "\u{202F}":
            // French typography's no-break spaces, as printed with `locale fr`: whitespace.
            pos += length
            sawSpace = true
        default:
            if Lexer.isLetter(scalar) {
                scanIdentifier()
            } else {
                pos += length
                var hint: String?
                if scalar == "\u{201C}" || scalar == "\u{201D}" { hint = "strings use straight double quotes: \"text\"" }
                if scalar == "\u{2212}" || scalar == "\u{2013}" { hint = "write '-' for minus" }
                if scalar == "\u{00D7}" { hint = "write '*' for multiplication" }
                report("unexpected character '\(Character(scalar))'", start, pos, hint: hint)
            }
        }
    }

    /// Decodes one UTF-8 scalar at `index`; nil for an invalid sequence.
    func decodeScalar(at index: Int) -> (Unicode.Scalar, Int)? {
        guard let first = byte(at: index) else { return nil }
        let length: Int
        var value: UInt32
        switch first {
        case 0xC2...0xDF: length = 2; value = UInt32(first & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(first & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(first & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for i in 1..<length {
            let b = bytes[index + i]
            guard b & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    // MARK: - Strings

    mutating func scanString() {
        let start = pos
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                emit(.string(String(decoding: out, as: UTF8.self)), from: start)
                return
            }
            if b == UInt8(ascii: "\\") {
                let escStart = pos
                pos += 1
                guard let e = byte(at: pos) else { break }
                pos += 1
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
                default:
                    out.append(e)
                    report("unknown escape '\\\(Character(Unicode.Scalar(e)))'", escStart, pos,
                           hint: "the escapes are \\\", \\\\, \\n and \\t")
                }
                continue
            }
            out.append(b)
            pos += 1
        }
        // Unterminated: report it, and end the string at its first line end so that the rest
        // of the file is still lexed (and its errors reported).
        endsInString = true
        var lineEnd = start
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        report("unterminated string", start, lineEnd, hint: "add a closing '\"'")
        let text = String(decoding: bytes[min(start + 1, lineEnd)..<lineEnd], as: UTF8.self)
        pos = lineEnd
        emit(.string(text), from: start)
    }
}

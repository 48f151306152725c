// LexerTests: every lexical form of LANGUAGE.md section 1, newline rules, and bad input.
import Testing
@testable import BurnKit

@Suite struct LexerTests {
    @Test func numbers() {
        #expect(lex("42") == [.number(42, .plain), .eof])
        #expect(lex("3.7") == [.number(3.7, .plain), .eof])
        #expect(lex("1_000") == [.number(1000, .plain), .eof])
        #expect(lex("1e9") == [.number(1e9, .plain), .eof])
        #expect(lex("1.5e-3") == [.number(1.5e-3, .plain), .eof])
        #expect(lex("2E+2") == [.number(200, .plain), .eof])
        #expect(lex("12345678901234567890") == [.number(1.2345678901234567e19, .plain), .eof])
    }

    @Test func magnitudeSuffixes() {
        #expect(lex("5k") == [.number(5e3, .plain), .eof])
        #expect(lex("500M") == [.number(500e6, .plain), .eof])
        #expect(lex("6.6B") == [.number(6.6e9, .plain), .eof])
        #expect(lex("2bn") == [.number(2e9, .plain), .eof])
        #expect(lex("1.4T") == [.number(1.4e12, .plain), .eof])
        #expect(lex("3tn") == [.number(3e12, .plain), .eof])
        #expect(lex("3months") == [.number(3, .plain), .identifier("months"), .eof])
        #expect(lex("10km") == [.number(10, .plain), .identifier("km"), .eof])
        #expect(lex("2Bx") == [.number(2, .plain), .identifier("Bx"), .eof])
    }

    @Test func percentAndMultiple() {
        #expect(lex("80%") == [.number(0.8, .percent), .eof])
        #expect(lex("3.1x") == [.number(3.1, .multiple), .eof])
        #expect(lex("3xy") == [.number(3, .plain), .identifier("xy"), .eof])
        #expect(lex("x as %") == [.identifier("x"), .identifier("as"), .symbol(.percent), .eof])
        #expect(lex("5 %") == [.number(5, .plain), .symbol(.percent), .eof])
    }

    @Test func currencies() {
        #expect(lex("$6.6B") == [.currency("USD"), .number(6.6e9, .plain), .eof])
        #expect(lex("€210B") == [.currency("EUR"), .number(210e9, .plain), .eof])
        #expect(lex("£1B") == [.currency("GBP"), .number(1e9, .plain), .eof])
    }

    @Test func monthsAndRanges() {
        #expect(lex("2024-10") == [.month(year: 2024, month: 10), .eof])
        #expect(lex("2024-13 - 2024 - 13") == [.month(year: 2024, month: 12), .symbol(.minus), .number(2024, .plain),
                                                .symbol(.minus), .number(13, .plain), .eof])
        #expect(lex("2024 - 10") == [.number(2024, .plain), .symbol(.minus), .number(10, .plain), .eof])
        #expect(lex("2024-100") == [.number(2024, .plain), .symbol(.minus), .number(100, .plain), .eof])
        #expect(lex("2024..2030") == [.number(2024, .plain), .symbol(.dotDot), .number(2030, .plain), .eof])
        #expect(lex("1.5..2") == [.number(1.5, .plain), .symbol(.dotDot), .number(2, .plain), .eof])
    }

    /// `2024-13` once lexed as 2024 minus 13 (issue 11 defect 8): a month out of 01...12 or
    /// with one digit is an error, never a subtraction.
    @Test func badMonthsAreErrors() {
        let cases: [(String, String, String)] = [
            ("2024-13", "`2024-13` is not a month: months run from 01 to 12",
             "write a month from `2024-01` to `2024-12`, or put spaces around a subtraction: `2024 - 13`"),
            ("2024-00", "`2024-00` is not a month: months run from 01 to 12",
             "write a month from `2024-01` to `2024-12`, or put spaces around a subtraction: `2024 - 0`"),
            ("2024-1", "`2024-1` is not a month: a month has two digits",
             "write `2024-01`, or put spaces around a subtraction: `2024 - 1`"),
            ("2024-0", "`2024-0` is not a month: months run from 01 to 12",
             "write a month from `2024-01` to `2024-12`, or put spaces around a subtraction: `2024 - 0`"),
        ]
        for (text, message, hint) in cases {
            let result = Lexer.tokenize(source("round in \(text) raise 1B"))
            #expect(result.diagnostics.map(\.message) == [message], "\(text)")
            #expect(result.diagnostics.first?.hint == hint, "\(text)")
            #expect(result.diagnostics.first?.span.start == 9, "\(text)")
        }
        for good in ["2024-01", "2024-09", "2024-12", "2024-10"] {
            #expect(Lexer.tokenize(source(good)).diagnostics.isEmpty, "\(good)")
        }
        #expect(lex("2024-09") == [.month(year: 2024, month: 9), .eof])
    }

    @Test func stringsAndEscapes() {
        #expect(lex(#""Aleph Alpha""#) == [.string("Aleph Alpha"), .eof])
        #expect(lex(#""a\"b\\c\nd\te""#) == [.string("a\"b\\c\nd\te"), .eof])
        let result = Lexer.tokenize(source("\"open\nx = 1"))
        #expect(result.diagnostics.map(\.message) == ["unterminated string"])
        #expect(result.tokens.map(\.kind) == [.string("open"), .newline, .identifier("x"), .symbol(.assign),
                                              .number(1, .plain), .eof])
    }

    @Test func identifiersAndComments() {
        #expect(lex("OpenAI xAI gross_margin _x") == [.identifier("OpenAI"), .identifier("xAI"),
                                                      .identifier("gross_margin"), .identifier("_x"), .eof])
        #expect(lex("Zürich société") == [.identifier("Zürich"), .identifier("société"), .eof])
        #expect(lex("x # a comment\ny") == [.identifier("x"), .newline, .identifier("y"), .eof])
        #expect(lex("# only a comment") == [.eof])
    }

    @Test func symbols() {
        let text = Symbol.allCases.map(\.rawValue).joined(separator: " ")
        let expected = Symbol.allCases.map { TokenKind.symbol($0) }
        let kinds = lex(text).filter { $0 != .newline && $0 != .eof }
        #expect(kinds == expected)
        #expect(lex("a ~ b") == [.identifier("a"), .symbol(.tilde), .identifier("b"), .eof])
    }

    @Test func newlines() {
        #expect(lex("a\n\n\nb\n") == [.identifier("a"), .newline, .identifier("b"), .newline, .eof])
        #expect(lex("\n\na") == [.identifier("a"), .eof])
        // Inside ( and [ no newlines; inside { they separate statements.
        #expect(lex("f(1,\n2\n)") == [.identifier("f"), .symbol(.leftParen), .number(1, .plain), .symbol(.comma),
                                      .number(2, .plain), .symbol(.rightParen), .eof])
        #expect(lex("[1\n]") == [.symbol(.leftBracket), .number(1, .plain), .symbol(.rightBracket), .eof])
        #expect(lex("{\na\n}") == [.symbol(.leftBrace), .newline, .identifier("a"), .newline,
                                   .symbol(.rightBrace), .eof])
        #expect(lex("({\na\n})") == [.symbol(.leftParen), .symbol(.leftBrace), .newline, .identifier("a"),
                                     .newline, .symbol(.rightBrace), .symbol(.rightParen), .eof])
        // After a binary operator, a comma, `and`/`or`, or a backslash, the statement goes on.
        for op in ["+", "-", "*", "/", "^", "=", "==", "!=", "<", "<=", ">", ">=", "..", ",", "and", "or"] {
            #expect(!lex("a \(op)\nb").contains(.newline), "after \(op)")
        }
        #expect(lex("a \\\nb") == [.identifier("a"), .identifier("b"), .eof])
        #expect(lex("a \\ # why\nb") == [.identifier("a"), .identifier("b"), .eof])
        #expect(lex("a as %\nb").contains(.newline))
    }

    @Test func spaceBefore() {
        let tokens = Lexer.tokenize(source("10 GW 10GW")).tokens
        #expect(tokens.map(\.spaceBefore) == [false, true, true, false, false])
    }

    @Test func spansAreByteOffsets() {
        let tokens = Lexer.tokenize(source("€1 x")).tokens
        #expect(tokens[0].span.start == 0 && tokens[0].span.end == 3)
        #expect(tokens[1].span.start == 3 && tokens[1].span.end == 4)
        #expect(tokens[2].span.start == 5 && tokens[2].span.end == 6)
    }

    @Test func badInputIsReportedAndSkipped() {
        let result = Lexer.tokenize(source("a @ b ! c 1e+ ✓ 'x'"))
        #expect(result.diagnostics.count == 6)
        #expect(result.diagnostics.allSatisfy { $0.message == $0.message.lowercased() || $0.message.contains("UTF") })
        #expect(result.tokens.contains(.init(.identifier("c"), result.tokens.first { $0.kind == .identifier("c") }!.span,
                                              spaceBefore: true)))
        let huge = Lexer.tokenize(source("1e999999999999 2e308 1e-999999"))
        #expect(huge.diagnostics.map(\.message) == ["number too large", "number too large"])
        #expect(huge.tokens.count == 4)
        let escape = Lexer.tokenize(source(#""\q""#))
        #expect(escape.diagnostics.first?.message == "unknown escape '\\q'")
    }

    @Test func invalidUTF8DoesNotCrash() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82]
        let text = String(decoding: bytes, as: UTF8.self)
        let result = Lexer.tokenize(source(text))
        #expect(result.tokens.last?.kind == .eof)
    }
}

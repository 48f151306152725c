// FrenchNumberTests: LANGUAGE.md section 12 piece by piece: French digits, the formatter in
// French, the lexer's French numbers, the `locale` statement, `:set locale`, and the property
// that every French value read back is the number printed.
import BurnModel
import PropertyBased
import Testing
@testable import BurnKit

/// Expected French text written legibly: `_` is U+202F (between digit groups), `~` is U+00A0
/// (before a unit, a magnitude or `%`).
func french(_ text: String) -> String {
    text.replacingAll("_", with: "\u{202F}").replacingAll("~", with: "\u{00A0}")
}

@Suite struct FrenchNumberFormatTests {
    @Test(arguments: [
        ("1,400", "1_400"), ("6.6", "6,6"), ("-12,345.25", "-12_345,25"), ("107.692", "107,692"), ("2024", "2024"),
    ])
    func digits(_ english: String, _ expected: String) {
        #expect(NumberFormat.frenchDigits(english) == french(expected))
    }

    @Test func magnitudes() {
        // `Md` from a milliard up, with no larger letter: 1.4e12 is 1 400 Md, never `T` or `Bn`.
        #expect(NumberFormat.frenchPower(for: 1.4e12) == 9)
        #expect(NumberFormat.frenchPower(for: 1e9) == 9)
        #expect(NumberFormat.frenchPower(for: 999e6) == 6)
        #expect(NumberFormat.frenchPower(for: 999_999) == nil)
        #expect(NumberFormat.frenchLetter(forPower: 9) == "Md")
        #expect(NumberFormat.frenchLetter(forPower: 6) == "M")
    }
}

@Suite struct FrenchFormatterTests {
    let f = ValueFormatter(digits: nil, locale: .french)

    // The English twins are in ValueFormatterTests: `$3.7B`, `$98.67B`, `$1.4T`, `-$74B`, `$6,250`...
    @Test(arguments: [
        (3.7e9, "3,7~Md$"), (157e9, "157~Md$"), (98.666e9, "98,67~Md$"), (1.4e12, "1_400~Md$"), (500e6, "500~M$"),
        (-74e9, "-74~Md$"), (6250, "6_250~$"), (41_666.67, "41_667~$"), (12.5, "12,5~$"), (0, "0~$"),
        (999_999.7, "1~M$"), (999.96e9, "1_000~Md$"), (-0.001, "0~$"), (99.999, "100~$"),
    ])
    func money(_ value: Double, _ expected: String) {
        #expect(f.format(Quantity.money(value)) == french(expected))
    }

    @Test func currencies() {
        #expect(f.format(Quantity.money(210e9, "EUR")) == french("210~Md€"))
        #expect(f.format(Quantity.money(1e9, "GBP")) == french("1~Md£"))
        #expect(f.format(Quantity.money(5e9, "CHF")) == french("5~Md~CHF"))
        #expect(f.format(Quantity.money(6250, "CHF")) == french("6_250~CHF"))
    }

    @Test(arguments: [
        (107.6923, "107,692"), (4.4e9, "4,4~Md"), (2024, "2024"), (0.3, "0,3"), (-2.5, "-2,5"),
        (1e15, "1e15"), (123_456.7, "123457"), (1.5e-9, "1,5e-9"), (2.5e6, "2,5~M"), (1.4e12, "1_400~Md"),
    ])
    func plain(_ value: Double, _ expected: String) {
        #expect(f.format(Value.number(value)) == french(expected))
    }

    @Test func ratios() {
        #expect(f.percent(0.042) == french("4,2~%"))
        #expect(f.percent(0.75) == french("75~%"))
        #expect(f.percent(-0.75) == french("-75~%"))
        // 157 / 3.7 = 42.43; 11.6 / 3.7 = 3.135
        #expect(f.multiple(157 / 3.7) == "42,4x")
        #expect(f.multiple(11.6 / 3.7) == "3,14x")
        #expect(f.multiple(6) == "6x")
    }

    @Test func digitsKeepTheLocale() {
        let six = ValueFormatter(digits: 6, locale: .french)
        // 1,400.123456 milliards to 6 significant digits: 1 400,12
        #expect(six.format(Quantity.money(1_400.123456e9)) == french("1_400,12~Md$"))
        #expect(six.percent(0.0421234) == french("4,21234~%"))
        #expect(six.locale == .french)
    }

    @Test func listsSeparateTheirItemsWithSemicolons() {
        let list = Value.list(ListValue([.number(1.5), .number(2), .string("a, b")]))
        #expect(f.format(list) == "[1,5; 2; \"a, b\"]")
    }

    @Test func englishIsTheDefault() {
        #expect(ValueFormatter().locale == .english)
        #expect(ValueFormatter().format(Quantity.money(1.4e12)) == "$1.4T")
    }
}

@Suite struct FrenchLexerTests {
    func lexFrench(_ text: String) -> [TokenKind] {
        Lexer.tokenize(source(text), locale: .french).tokens.map(\.kind).filter { $0 != .eof }
    }

    @Test(arguments: [
        ("6,6", 6.6), ("1 400", 1400), ("1\u{00A0}400", 1400), ("1\u{202F}400", 1400), ("12 000 000,5", 12_000_000.5),
        ("3,7 Md", 3.7e9), ("3,7Md", 3.7e9), ("3,7 Mds", 3.7e9), ("3,7 milliards", 3.7e9), ("3,7 milliard", 3.7e9),
        ("5 k", 5e3), ("12 M", 12e6), ("1 T", 1e12), ("6,6B", 6.6e9), ("1,5e3", 1500),
    ])
    func numbers(_ text: String, _ value: Double) {
        #expect(lexFrench(text) == [.number(value, .plain)], "\(text)")
    }

    @Test(arguments: [
        ("157 Md$", 157e9, "USD"), ("6,6 Md€", 6.6e9, "EUR"), ("210 Md €", 210e9, "EUR"), ("12 M$", 12e6, "USD"),
        ("6 250 $", 6250, "USD"), ("12$", 12, "USD"), ("3 £", 3, "GBP"),
    ])
    func amounts(_ text: String, _ value: Double, _ currency: String) {
        #expect(lexFrench(text) == [.amount(value, currency: currency)], "\(text)")
    }

    @Test func percents() {
        #expect(lexFrench("4,2 %") == [.number(0.042, .percent)])
        #expect(lexFrench("4,2%") == [.number(0.042, .percent)])
    }

    @Test func aCommaWithASpaceAfterIsASeparator() {
        #expect(lexFrench("1, 2") == [.number(1, .plain), .symbol(.comma), .number(2, .plain)])
        #expect(lexFrench("1;2") == [.number(1, .plain), .symbol(.semicolon), .number(2, .plain)])
    }

    @Test func groupsTakeThreeDigitsAfterOneToThree() {
        // `2024 100`: four digits first, so no group; `1 40`: two digits after, so no group.
        #expect(lexFrench("2024 100") == [.number(2024, .plain), .number(100, .plain)])
        #expect(lexFrench("1 40") == [.number(1, .plain), .number(40, .plain)])
        #expect(lexFrench("1 4000") == [.number(1, .plain), .number(4000, .plain)])
    }

    @Test func unitsAreNotMagnitudes() {
        #expect(lexFrench("10 MW") == [.number(10, .plain), .identifier("MW")])
        #expect(lexFrench("5 km") == [.number(5, .plain), .identifier("km")])
    }

    @Test func englishReadsMdButNotFrenchDecimals() {
        let english = Lexer.tokenize(source("157 Md$ 6,6")).tokens.map(\.kind)
        #expect(english == [.amount(157e9, currency: "USD"), .number(6, .plain), .symbol(.comma), .number(6, .plain), .eof])
    }

    @Test func aLocaleLineSwitchesTheLinesBelow() {
        let kinds = Lexer.tokenize(source("1,5\nlocale fr\n1,5\nlocale en\n1,5")).tokens.map(\.kind)
        let numbers = kinds.compactMap { kind -> Double? in
            if case .number(let x, _) = kind { return x }
            return nil
        }
        #expect(numbers == [1, 5, 1.5, 1, 5])
    }

    @Test func aLocaleWordInsideBracketsOrMidLineSwitchesNothing() {
        #expect(Lexer.tokenize(source("f(locale fr)\n1,5")).tokens.contains { $0.kind == .symbol(.comma) })
        #expect(Lexer.tokenize(source("x locale fr\n1,5")).tokens.contains { $0.kind == .symbol(.comma) })
    }

    @Test func noBreakSpacesAreWhitespace() {
        #expect(Lexer.tokenize(source("a\u{00A0}+\u{202F}b")).diagnostics.isEmpty)
    }
}

@Suite struct LocaleStatementTests {
    @Test func parsesAsAStatement() {
        let (statements, diagnostics) = Parser.parse(source("locale fr\ncagr(3,7 Md$; 98,7 Md$; 4)\nlocale en"))
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 3)
        #expect(statements.first.map(describe) == "(locale fr)")
        guard case .locale(.french) = statements[0].kind, case .locale(.english) = statements[2].kind else {
            Issue.record("expected two locale statements")
            return
        }
    }

    @Test func localeIsStillANameElsewhere() {
        let session = Session()
        #expect((try? session.evaluate("let locale = 3\nlocale + 1")).flatMap(numberIn) == 4)
    }

    @Test func theSessionPrintsInTheLocaleOnceTheStatementRuns() throws {
        let session = Session()
        let printed = OutputBuffer()
        session.output = printed.append
        try session.run(source: "6.6B\nlocale fr\n6,6 Md$\n")
        #expect(printed.text == "6.6B\n" + french("6,6~Md$") + "\n")
        #expect(session.formatter.locale == .french)
        // The next source starts in French: the session keeps the locale.
        #expect(numberIn(try session.evaluate("1,5")) == 1.5)
    }
}

@Suite struct ReplLocaleTests {
    @Test func setLocaleSwitchesReadingAndPrinting() {
        let repl = ReplSession()
        #expect(repl.submit(":set locale fr").text == "locale fr\n")
        #expect(repl.submit("6,6 Md$ * 2").text == french("[1] 13,2~Md$\n"))
        #expect(repl.submit(":set locale en").text == "locale en\n")
        #expect(repl.submit("_1").text == "[2] $13.2B\n")
    }

    @Test func setDigitsKeepsTheLocale() {
        let repl = ReplSession()
        _ = repl.submit(":set locale fr")
        _ = repl.submit(":set digits 6")
        // 1,400.123456 milliards to 6 significant digits
        #expect(repl.submit("1 400,123456 Md$").text == french("[1] 1_400,12~Md$\n"))
        _ = repl.submit(":set digits default")
        #expect(repl.submit("1 400,123456 Md$").text == french("[2] 1_400~Md$\n"))
    }

    @Test func aFailedCellLeavesTheLocaleAsItWas() {
        let repl = ReplSession()
        #expect(repl.submit("locale fr\nunknown_name").failed)
        #expect(repl.submit("1.5").text == "[1] 1.5\n")
    }

    @Test func undoPutsTheLocaleBack() {
        let repl = ReplSession()
        _ = repl.submit("locale fr")
        #expect(repl.submit("1,5").text == "[2] 1,5\n")
        _ = repl.submit(":undo")
        _ = repl.submit(":undo")
        #expect(repl.submit("1.5").text == "[1] 1.5\n")
    }

    @Test func resetKeepsTheLocaleLikeTheDigits() {
        let repl = ReplSession()
        _ = repl.submit(":set locale fr")
        _ = repl.submit(":reset")
        #expect(repl.submit("1,5").text == "[1] 1,5\n")
    }

    @Test func aBadLocaleIsAnError() {
        let repl = ReplSession()
        let outcome = repl.submit(":set locale de")
        #expect(outcome.failed)
        #expect(outcome.text.hasPrefix("error: ':set locale' takes `fr` or `en`, found 'de'"))
    }

    @Test func aSavedNotebookSetsTheLocaleWhereTheSessionDid() {
        let repl = ReplSession()
        _ = repl.submit(":set locale fr")
        _ = repl.submit("1,5 + 1")
        _ = repl.submit("locale en")
        _ = repl.submit("2.5")
        let text = Notebook.render(repl.cells)
        // One `:set locale fr` before the first cell; none after `locale en`, which the cell says.
        #expect(text.components(separatedBy: ":set locale").count == 2)
        #expect(text.contains("```burn\n:set locale fr\n```\n\n```output\nlocale fr\n```\n\n```burn\n1,5 + 1\n"))
        let run = ReplSession().run(Notebook(parsing: text))
        #expect(run.blocks.allSatisfy { $0.matches })
    }

    @Test func settingsListTheLocale() {
        let repl = ReplSession()
        _ = repl.submit(":set locale fr")
        #expect(repl.submit(":set").text.contains("\nlocale fr\n"))
    }
}

@Suite struct FrenchRoundTripTests {
    /// `literal` (English) as a fact of `kind`, printed in French, then that text read back in
    /// French: the value, the French text, the number read back, and the text printed again.
    private func roundTrip(_ kind: String, _ literal: String) throws -> (value: Double, text: String, back: Double, again: String) {
        let session = Session()
        try session.run(source: "company Rt\nmetric v: \(kind)\nv[2024] = \(literal)\nlocale fr\n")
        let value = try session.evaluate("Rt.v[2024]")
        let text = session.format(value)
        // Unlike English (`$6,250`), French output reads back as printed, spaces and all.
        let back = try session.evaluate(text)
        return (numberIn(value) ?? .nan, text, numberIn(back) ?? .nan, session.format(back))
    }

    /// A literal with 1 to 6 digits, 0 to 2 decimals and a magnitude suffix, of either sign.
    static let amounts = zip(Gen.int(in: -999_999...999_999), Gen.int(in: 0...2), Gen.int(in: 0...4)).map {
        units, decimals, magnitude in
        decimalLiteral(units, decimals) + ["", "k", "M", "B", "T"][magnitude]
    }

    @Test func moneyReadsBackAsPrinted() async throws {
        await propertyCheck(count: 60, input: Self.amounts) { literal in
            let r = try roundTrip("money stock", literal)
            // 4 significant digits from 1M up, whole units below, 2 decimals below 100.
            let x = abs(r.value)
            let tolerance = x >= 1e6 ? 5.0001e-4 * x : x >= 100 ? 0.5 : 0.005
            #expect(abs(r.back - r.value) <= tolerance + 1e-9, "\(literal) printed \(r.text), read back \(r.back)")
            #expect(r.again == r.text, "\(literal) printed \(r.text), then \(r.again)")
            #expect(r.text.hasSuffix("$") && !r.text.contains("B"), "\(literal) printed \(r.text)")
        }
    }

    @Test func plainNumbersReadBackAsPrinted() async throws {
        await propertyCheck(count: 60, input: Self.amounts) { literal in
            let r = try roundTrip("number stock", literal)
            let x = abs(r.value)
            let tolerance = x >= 1e6 ? 5.0001e-4 * x : 5.0001e-6 * x
            #expect(abs(r.back - r.value) <= tolerance + 1e-12, "\(literal) printed \(r.text), read back \(r.back)")
            #expect(r.again == r.text, "\(literal) printed \(r.text), then \(r.again)")
        }
    }

    @Test func percentsReadBackAsPrinted() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: -999_999...999_999)) { thousandths in
            let r = try roundTrip("percent stock", decimalLiteral(thousandths, 3) + "%")
            #expect(abs(r.back - r.value) <= 0.0005 + 1e-12, "\(r.value) printed \(r.text), read back \(r.back)")
            #expect(r.again == r.text && r.text.hasSuffix("\u{00A0}%"), "\(r.value) printed \(r.text), then \(r.again)")
        }
    }

    @Test func multiplesReadBackAsPrinted() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 100...99_999)) { thousandths in
            let r = try roundTrip("multiple stock", decimalLiteral(thousandths, 3) + "x")
            // Three significant digits below 10, one decimal from 10.
            let tolerance = r.value < 10 ? 5.0001e-3 * r.value : 0.05
            #expect(abs(r.back - r.value) <= tolerance + 1e-9, "\(r.value)x printed \(r.text), read back \(r.back)")
            #expect(r.again == r.text && r.text.hasSuffix("x"), "\(r.value)x printed \(r.text), then \(r.again)")
        }
    }

    @Test func quantitiesReadBackAsPrinted() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 1...99_999_999), Gen.element(of: ["GW", "MW", "km", "months"])) {
            hundredths, unit in
            let session = Session()
            try session.run(source: "locale fr")
            let value = try session.evaluate("\(hundredths / 100),\(format2(hundredths % 100)) \(unit!)")
            let text = session.format(value)
            let back = try session.evaluate(text)
            let x = decimalValue(hundredths, 2)
            #expect(close(numberIn(value) ?? .nan, x), "\(x) \(unit!) is \(text)")
            // 4 significant digits (whole units kept) below 1M, 4 with `M` from 1M up.
            let tolerance = x >= 1e6 ? 5.0001e-4 * x : max(5.0001e-4 * x, 0.005)
            #expect(abs((numberIn(back) ?? .nan) - x) <= tolerance, "\(x) \(unit) printed \(text), read back \(back)")
            #expect(session.format(back) == text)
        }
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

@Suite struct FrenchMessageTests {
    let f = ValueFormatter(digits: nil, locale: .french)

    @Test(arguments: [
        ("loss[2024] = $5B, but $6.25B is given", "loss[2024] = 5~Md$, but 6,25~Md$ is given"),
        ("-$74B and €210B and $6,250", "-74~Md$ and 210~Md€ and 6_250~$"),
        ("off by 80.5% (more than 5%)", "off by 80,5~% (more than 5~%)"),
        ("write `x = 1.83x` or 42.4x", "write `x = 1,83x` or 42,4x"),
        ("in 2024-10, revenue[2024], 3.7 and x2", "in 2024-10, revenue[2024], 3,7 and x2"),
        ("a$5B and 5xyz stay", "a$5B and 5xyz stay"),
    ])
    func rewritesMoneyPercentsAndMultiples(_ english: String, _ expected: String) {
        #expect(FrenchMessage.rewrite(english, f) == french(expected))
    }

    @Test func englishIsLeftAlone() {
        #expect(FrenchMessage.rewrite("$5B and 80.5%", ValueFormatter()) == "$5B and 80.5%")
    }
}

@Suite struct FrenchTableTests {
    @Test func columnsAlignByCharactersNotBytes() {
        // `1 400 Md$` is 9 characters but 12 bytes (U+202F is 3 bytes, U+00A0 2): padding by
        // bytes would push the shorter cells too far right.
        let table = TextTable(headers: ["year", "revenue"],
                              rows: [["2024", french("3,7~Md$")], ["2030", french("1_400~Md$")]])
        let expected = "year    revenue\n----  ---------\n2024    " + french("3,7~Md$") + "\n2030  " + french("1_400~Md$") + "\n"
        #expect(table.render() == expected)
        let widths = table.render().split(separator: "\n").map(\.count)
        #expect(Set(widths) == [15])
    }
}

extension FrenchMessageTests {
    @Test func rewritingTwiceChangesNothingMore() {
        let once = FrenchMessage.rewrite("$5B, 80.5%, 1.83x, -$74B and $6,250", f)
        #expect(FrenchMessage.rewrite(once, f) == once)
        #expect(once == french("5~Md$, 80,5~%, 1,83x, -74~Md$ and 6_250~$"))
    }
}

extension ReplLocaleTests {
    @Test func aLocaleBlockSwitchesTheNotebookBlocksBelow() {
        let text = "Prose.\n\n```burn\nlocale fr\n```\n\n```burn\n6,6 Md$ * 2\n```\n\n```output\n"
            + french("[2] 13,2~Md$") + "\n```\n"
        let run = ReplSession().run(Notebook(parsing: text))
        #expect(run.blocks.map(\.matches) == [true, true])
        #expect(!run.hasUnexpectedFailure)
    }
}

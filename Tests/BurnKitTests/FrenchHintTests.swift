// FrenchHintTests: with `locale fr`, hints show code the French way (FrenchMessage), and the
// words French articles write after a number (`de dollars`, `d’euros`) are taught, once.
import Testing
@testable import BurnKit

@Suite struct FrenchHintRewriteTests {
    let f = ValueFormatter(digits: nil, locale: .french)

    @Test(arguments: [
        // A bare magnitude keeps its value and kind: 3.7B is 3,7 × 10^9 (`Md`), 80M is 80 × 10^6.
        ("like `revenue[2024] = 3.7B`", "like `revenue[2024] = 3,7~Md`"),
        ("`revenue[2024] = 2B to 3.7B`", "`revenue[2024] = 2~Md to 3,7~Md`"),
        ("a loss is `loss[2024] = 5B`", "a loss is `loss[2024] = 5~Md`"),
        ("write `80M`", "write `80~M`"),
        // Between arguments and list items in code, `;`; percents take their no-break space.
        ("write `percentile(x, 90%)`", "write `percentile(x; 90~%)`"),
        ("write `revenue[2025..2026] = [11.6B, 29.4B]`", "write `revenue[2025..2026] = [11,6~Md; 29,4~Md]`"),
        ("write `sweep g in 20%..80% step 10%`", "write `sweep g in 20~%..80~% step 10~%`"),
        // Decimals in prose: 0.9 is 0,9.
        ("0.9 would be the 0.9th percentile", "0,9 would be the 0,9th percentile"),
        // The English magnitude letters are named in French.
        ("(`k` thousand, `M` million, `B` billion, `T` trillion)", "(`k` thousand, `M` million, `Md` milliard, `T` trillion)"),
    ])
    func codeInHintsReadsFrench(_ english: String, _ expected: String) {
        #expect(FrenchMessage.rewrite(english, f) == french(expected))
    }

    @Test(arguments: [
        // Names, indexes, whole numbers, months, a comma in prose and outside brackets stay.
        "`x2`, `rate_3B`, `revenue[2024]`, 2024-10, `a, b`",
        "project OpenAI cash, runway until 2030",
        "a$5B and 5xyz",
    ])
    func namesAndWholeNumbersStay(_ text: String) {
        #expect(FrenchMessage.rewrite(text, f) == text)
    }

    @Test func englishHintsStayEnglish() {
        let hint = "write `percentile(x, 90%)` or `revenue[2024] = 3.7B`"
        #expect(FrenchMessage.rewrite(hint, ValueFormatter()) == hint)
    }

    @Test func rewritingAHintTwiceChangesNothingMore() {
        let once = FrenchMessage.rewrite("`revenue[2025..2026] = [11.6B, 29.4B]`, `percentile(x, 90%)`, 0.9", f)
        #expect(FrenchMessage.rewrite(once, f) == once)
    }

    @Test func aSyntaxErrorsHintIsFrenchUnderLocaleFr() {
        let file = SourceFile(id: 0, name: "t", text: "locale fr\nassume g = 10 %\nsweep g in 0 %..50 % show g\n")
        let diagnostics = Parser.parse(file).diagnostics
        #expect(diagnostics.first?.hint == french("write `step 10~%`"))
    }
}

@Suite struct FrenchWordsAfterNumberTests {
    func diagnostics(_ line: String) -> [Diagnostic] {
        Parser.parse(SourceFile(id: 0, name: "t", text: "locale fr\nlet a = \(line)\n")).diagnostics
    }

    @Test(arguments: [
        ("6,6 milliards de dollars", "write `6,6~Md$`"),
        ("6,6 milliard de $", "write `6,6~Md$`"),
        ("1 milliard d'euros", "write `1~Md€`"),
        ("1 milliard d\u{2019}euros", "write `1~Md€`"),
        ("2 Md dollars", "write `2~Md$`"),
        ("80 millions de km", "write `80~M~km`"),
    ])
    func eachIsOneErrorWhoseHintIsTheBurnForm(_ line: String, _ hint: String) {
        let found = diagnostics(line)
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.hint == french(hint))
    }

    @Test func billionsDeDollarsIsOnlyTheBillionError() {
        let found = diagnostics("1,4 billions de dollars")
        #expect(found.map(\.message) == ["'billion' is not read: it means 10^12 in French and 10^9 in English"])
    }

    @Test func millionsReadAsM() {
        #expect(diagnostics("80 millions km").isEmpty)
        #expect(diagnostics("3 millions $").isEmpty)
    }

    @Test func englishIsNotTaughtFrenchWords() {
        let found = Parser.parse(SourceFile(id: 0, name: "t", text: "let a = 5 de\n")).diagnostics
        #expect(found.allSatisfy { !$0.message.contains("is not read") })
    }
}

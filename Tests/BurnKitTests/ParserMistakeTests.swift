// ParserMistakeTests: the common mistakes a new user makes on one line each get their own
// message, label and fixed line, and the forms they resemble still parse.
import Testing
@testable import BurnKit

@Suite struct ParserMistakeTests {
    /// The one diagnostic of `text`: message, label and hint.
    private func mistake(_ text: String) -> (message: String, label: String?, hint: String?, spanText: String) {
        let result = parseAll(text)
        #expect(result.diagnostics.count == 1, "\(text): \(result.diagnostics.map(\.message))")
        guard let d = result.diagnostics.first else { return ("", nil, nil, "") }
        return (d.message, d.label, d.hint, source(text).text(of: d.span))
    }

    @Test func numbersWrittenTheFrenchOrEnglishWay() {
        let french = mistake("revenue[2024] = 6,6B")
        #expect(french.message == "'6,6B' has a decimal comma")
        #expect(french.label == "did you mean '6.6B'?")
        #expect(french.hint?.contains("`locale fr`") == true)
        #expect(french.spanText == "6,6B")
        let english = mistake("x = 1,400,000")
        #expect(english.message == "'1,400,000' groups its digits with commas")
        #expect(english.label == "did you mean '1_400_000'?")
        // A list keeps its commas: spaces, or brackets, make them separators.
        #expect(shape("x = [6,6]") == "(formula x [6 6])")
        #expect(mistake("x = 50 %").message == "a percent sign goes straight after the number")
        #expect(shape("x = 50% as %") == "(formula x (as 0.5:pct %))")
    }

    @Test func namesWithASpaceNeedQuotes() {
        let company = mistake("company Mistral AI")
        #expect(company.message == "the company name 'Mistral AI' has a space, so it needs quotes")
        #expect(company.hint == "write `company \"Mistral AI\"`")
        #expect(mistake("company Mistral AI {\n}").hint == "write `company \"Mistral AI\" {`")
        #expect(mistake("round raise 1B at 2B post led by Thrive Capital").spanText == "Thrive Capital")
        #expect(mistake("round raise 1B with Thrive Capital, Microsoft 1B").hint
            == "write `round raise 1B with \"Thrive Capital\", Microsoft 1B`")
        #expect(mistake("commit 3B to Oracle Cloud over 2027..2031").message
            == "the counterparty 'Oracle Cloud' has a space, so it needs quotes")
        // What these resemble still parses: quoted names, amounts after investors, lowercase amounts.
        #expect(shape("company \"Mistral AI\"") == "(company Mistral AI)")
        #expect(parseAll("round raise 1B with Microsoft 1B, Nvidia share").diagnostics.isEmpty)
        #expect(parseAll("company Mistral {\n}").diagnostics.isEmpty)
    }

    @Test func twoStatementsOnOneLine() {
        let facts = mistake("revenue[2024] = 3.7B loss[2024] = 5B")
        #expect(facts.message == "two statements on one line")
        #expect(facts.spanText == "loss[2024] = 5B")
        #expect(facts.hint == "start a new line before `loss[2024] = 5B`")
        #expect(mistake("revenue[2024] = 3.7B, loss[2024] = 5B").hint
            == "a comma does not separate statements: start a new line before `loss[2024] = 5B`")
        #expect(mistake("company OpenAI founded 2015").spanText == "founded 2015")
        let dotted = mistake("OpenAI revenue[2024] = 3.7B")
        #expect(dotted.message == "a company's metric is written with a dot")
        #expect(dotted.hint == "write `OpenAI.revenue[2024] = 3.7B`")
        // The next line still parses after the error.
        let result = parseAll("let x = 5 let y = 6\nz = 1")
        #expect(result.diagnostics.count == 1)
        #expect(result.statements.map(describe) == ["(formula z 1)"])
    }

    @Test func rulesWithTheirWordsOutOfPlace() {
        #expect(mistake("revenue grows 50% a year").hint == "write `revenue grows 50% per year`, or `grows 50% in 2025` for one year")
        #expect(mistake("revenue grows 50% yearly").label == "did you mean 'per year'?")
        #expect(mistake("revenue grows by 50% per year").hint == "write `revenue grows 50% per year`")
        #expect(mistake("revenue grows 50% per anum").label == "did you mean 'year'?")
        #expect(mistake("revenue grows 50% per year from 2026 to 2030").hint
            == "write `revenue grows 50% per year from 2026 until 2030`")
        #expect(mistake("revenue grows 50% per year until 2030 from 2026").hint
            == "write `revenue grows 50% per year from 2026 until 2030`")
        #expect(mistake("revenue grows 50% per year 2026..2030").hint == "write `per year from 2026 until 2030`")
        #expect(mistake("assume growth = 50% per year").message
            == "a knob is a number: 'per year' belongs to the rule that uses it")
        // A unit after a rate is still a unit where no rule is written.
        #expect(shape("x = 50 GW") == "(formula x (qty 50 GW))")
    }

    @Test func factsAndQuestionsWithAMisplacedWord() {
        #expect(mistake("revenue 2025 = 3.7B").hint == "write `revenue[2025] = 3.7B`")
        #expect(mistake("revenue(2025) = 3.7B").hint == "write `revenue[2025] = 3.7B`")
        #expect(mistake("revenue[2025] is 3.7B").hint == "write `revenue[2025] = 3.7B`")
        #expect(mistake("revenue[2025] = 3.7B sourced \"001\"").hint == "write `revenue[2025] = 3.7B source \"001\"`")
        #expect(mistake("revenue[2025] = 3.7B \"001\"").hint == "write `revenue[2025] = 3.7B source \"001\"`")
        #expect(mistake("revenue[2025..2026] = 3.7B, 11.6B").hint == "write `revenue[2025..2026] = [3.7B, 11.6B]`")
        #expect(mistake("round raise 1B at 2B post-money").hint == "write `round raise 1B at 2B post`")
        #expect(mistake("check a = b").hint == "write `check a == b`")
        #expect(mistake("check a == b within 5%").hint == "write `check a ~ b within 5%`")
        #expect(mistake("show x in USD").hint == "write `show x as USD`")
        #expect(mistake("commit 3B to Oracle over 2027 to 2031").label == "did you mean '2027..2031'?")
        #expect(mistake("table revenue for OpenAI 2024..2030").hint == "write `table revenue for OpenAI in 2024..2030`")
        #expect(mistake("table revenue for OpenAI from 2024 to 2030").hint == "write `table revenue for OpenAI in 2024..2030`")
        #expect(mistake("table revenue costs").hint == "write `table revenue, costs`")
        #expect(mistake("compare OpenAI and Anthropic on revenue").hint == "write `compare OpenAI, Anthropic on revenue`")
        #expect(mistake("project OpenAI to 2030").hint == "write `project OpenAI until 2030`")
        #expect(mistake("project burn until 2030 for OpenAI").hint == "write `project OpenAI burn until 2030`")
        #expect(mistake("solve g in 0%..1 so x = 0").label == "did you mean '=='?")
    }

    @Test func roundsCommentsAndSeparators() {
        #expect(mistake("round \"A\" 2024-10 raise 1B").hint == "write `round \"A\" in 2024-10 raise 1B`")
        #expect(mistake("round raise 1B valuation 9B").hint == "write `round raise 1B at 9B post` (or `pre`)")
        #expect(mistake("round raise 1B at 9B post-money valuation").hint == "write `round raise 1B at 9B post`")
        #expect(mistake("round raise 1B with A and B").hint == "write `round raise 1B with A, B`")
        #expect(mistake("round raise 1B with A 1B and B 2B").hint == "write `round raise 1B with A 1B, B 2B`")
        #expect(mistake("x = 1 // note").message == "a comment starts with '#', not '//'")
        #expect(mistake("company OpenAI:").message == "a company line ends after its name, with no ':'")
        #expect(mistake("let x := 5").hint == "write `let x = 5`")
        #expect(mistake("show a, b").hint == "write `show [a, b]`, or put each value on its own line")
        #expect(mistake("explain costs 2024").hint == "write `explain costs[2024]`")
        #expect(mistake("project OpenAI until 2030 with cash, runway").hint == "write `project OpenAI cash, runway until 2030`")
        #expect(mistake("x[2024] = 1 source: \"a\"").hint == "write `source \"a\"`")
        // Division and `and` in an amount still parse.
        #expect(shape("x = 4 / 2") == "(formula x (/ 4 2))")
        #expect(parseAll("round raise 1B with A 1B, B 2B").diagnostics.isEmpty)
    }

    @Test func anythingElseKeepsTheGeneralMessage() {
        let stray = mistake("revenue[2024] = 3.7B source \"a\" really")
        #expect(stray.message == "unexpected 'really' after the end of the statement")
        #expect(stray.hint == "the statement is complete before it: remove it, or put it on a line of its own")
    }
}

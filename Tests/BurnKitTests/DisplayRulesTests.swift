// DisplayRulesTests: issue 11's display defects through the REPL: `:set digits` reaching
// multiples and percents (defect 17), a bare series printing its years (defect 15), and
// `percentile` reading its rank as a percent (defect 3).
import Testing
@testable import BurnKit

@Suite struct DisplayRulesTests {
    /// 157 / 86 = 1.8255814; 157 / 3.7 = 42.432432; 6.6 / 157 = 0.04203822.
    @Test func setDigitsReachesMultiplesAndPercents() {
        let repl = ReplSession()
        #expect(repl.submit("157B / 86B as x").text == "[1] 1.83x\n")
        #expect(repl.submit("157B / 3.7B as x").text == "[2] 42.4x\n")
        #expect(repl.submit("6.6B / 157B as %").text == "[3] 4.2%\n")
        _ = repl.submit(":set digits 6")
        #expect(repl.submit("157B / 86B as x").text == "[4] 1.82558x\n")
        #expect(repl.submit("157B / 3.7B as x").text == "[5] 42.4324x\n")
        #expect(repl.submit("6.6B / 157B as %").text == "[6] 4.20382%\n")
        _ = repl.submit(":set digits default")
        #expect(repl.submit("157B / 86B as x").text == "[7] 1.83x\n")
    }

    /// The series reader survives a change of formatter (`:set digits`).
    @Test func bareSeriesPrintsItsYears() {
        let repl = ReplSession()
        _ = repl.submit("company OpenAI\nrevenue[2024] = 3.7B\nrevenue[2025] = 11.6B")
        #expect(repl.submit("OpenAI.revenue").text.hasSuffix("] 2024 $3.7B, 2025 $11.6B\n"))
        _ = repl.submit(":set digits 6")
        #expect(repl.submit("OpenAI.revenue").text.hasSuffix("] 2024 $3.7B, 2025 $11.6B\n"))
        // A company's first year comes from its facts: with none, no known years.
        _ = repl.submit("company Empty")
        #expect(repl.submit("Empty.revenue").text.hasSuffix("] no known years\n"))
    }

    /// `90%` and `90` are the same rank; on draws 0, 1, ..., 100 (uniform) the 90th
    /// percentile is near 90, where the old reading (the 0.9th) was near 0.9.
    @Test func percentileTakesAPercent() throws {
        let session = Session()
        session.output = { _ in }
        try session.run(source: "samples 10000\nlet x = uniform(0, 100)")
        guard case .number(let a) = try session.evaluate("percentile(x, 90%)"),
              case .number(let b) = try session.evaluate("percentile(x, 90)") else {
            Issue.record("percentile should give a plain number")
            return
        }
        #expect(a == b)
        #expect(abs(a - 90) < 2)
        #expect(throws: BurnError.self) { try session.evaluate("percentile(x, 0.9)") }
        #expect(throws: BurnError.self) { try session.evaluate("percentile(x, 150%)") }
        #expect(throws: BurnError.self) { try session.evaluate("percentile(x, 2x)") }
    }
}

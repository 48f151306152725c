// GrowthWordingTests: `grows 50%` multiplies by 1.5 and `grows 3.1x` by 3.1, per year and in a
// year alike; a plain number is an error (issue 11, D1). Property: `grows r` gives back `growth = r`.
import BurnModel
import Testing
@testable import BurnKit

/// The session after running `script`.
private func session(_ script: String) throws -> Session {
    let session = Session()
    try session.run(source: script)
    return session
}

private func number(_ session: Session, _ expression: String) throws -> Double {
    let value = try session.evaluate(expression)
    return try #require(value.asQuantity).value
}

/// The error a script stops at, rendered.
private func failure(_ script: String) -> String? {
    let session = Session()
    do { try session.run(source: script, name: "test.burn") } catch { return session.render(error) }
    return nil
}

/// Rates and factors drawn from a fixed seed: the same on every run.
private func drawn(_ count: Int, in range: ClosedRange<Double>, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let unit = Double(state >> 11) / Double(1 << 53)
        // Two decimals, as a script would write them.
        return ((range.lowerBound + unit * (range.upperBound - range.lowerBound)) * 100).rounded() / 100
    }
}

@Suite struct GrowthWordingTests {
    /// The cases: a percent in a year was taken as a factor (halving the revenue), a
    /// multiple per year as a rate (x2.5).
    @Test func aPercentIsARateAndAMultipleAFactor() throws {
        let s = try session("""
            company A
            revenue[2024] = 10B
            revenue grows 50% in 2025
            revenue grows 1.5x per year from 2026 until 2027
            revenue grows 3.1x in 2028
            revenue grows 10% per year from 2029
            """)
        #expect(try number(s, "A.revenue[2025]") == 15e9)        // 10B x 1.5
        #expect(try number(s, "A.growth[2025]") == 0.5)
        #expect(abs(try number(s, "A.revenue[2027]") - 33.75e9) < 1)  // 15B x 1.5 x 1.5
        #expect(abs(try number(s, "A.growth[2026]") - 0.5) < 1e-12)
        #expect(abs(try number(s, "A.revenue[2028]") - 104.625e9) < 1)  // 33.75B x 3.1
        #expect(abs(try number(s, "A.growth[2029]") - 0.1) < 1e-12)
        #expect(s.format(try s.evaluate("A.growth[2025]")) == "50%")
    }

    /// Property: `grows r per year` (and `in YEAR`) then `growth[y]` gives back r, for rates
    /// written as percents and as multiples (growth = factor - 1).
    @Test(arguments: [("%", -90.0...400.0, UInt64(1)), ("x", 0.1...12.0, UInt64(2))])
    func growsThenGrowthGivesTheRateBack(_ suffix: String, _ range: ClosedRange<Double>, _ seed: UInt64) throws {
        for r in drawn(12, in: range, seed: seed) {
            let literal = "\(r)\(suffix)"
            let expected = suffix == "%" ? r / 100 : r - 1
            let s = try session("""
                company A
                revenue[2024] = 3.7B
                revenue grows \(literal) per year until 2027
                revenue grows \(literal) in 2028
                """)
            for year in 2025...2028 {
                let growth = try number(s, "A.growth[\(year)]")
                #expect(abs(growth - expected) <= 1e-12 * max(1, abs(expected)), "\(literal) in \(year): \(growth)")
            }
        }
    }

    /// A knob holds a percent (or a multiple), and an uncertain rate keeps its `%`: draw by
    /// draw, growth is the rate drawn.
    @Test func knobsAndUncertainRates() throws {
        let s = try session("""
            assume growth_rate = 50%
            assume factor = 2x
            assume spread = 30% to 90%
            company A
            revenue[2024] = 4B
            revenue grows growth_rate per year until 2026
            revenue grows factor in 2027
            revenue grows spread per year from 2028 until 2029
            revenue grows uniform(50%, 150%) per year from 2030
            """)
        #expect(try number(s, "A.revenue[2026]") == 9e9)    // 4B x 1.5 x 1.5
        #expect(try number(s, "A.revenue[2027]") == 18e9)   // x 2
        #expect(try number(s, "P(abs(A.growth[2029] - spread) < 0.000001)") == 1)
        let uniform = try number(s, "mean(A.growth[2030])")
        #expect(abs(uniform - 1) < 0.02)  // the mean of uniform(50%, 150%)
        #expect(try number(s, "p5(A.growth[2030])") > 0.5 - 1e-9)
    }

    @Test func aPlainNumberIsAnError() throws {
        let literal = try #require(failure("company A\nrevenue[2024] = 10B\nrevenue grows 60 per year\n"))
        #expect(literal.contains("error: a growth needs `%` for a rate or `x` for a factor, not a plain number"))
        #expect(literal.contains(" --> test.burn:3:15"))
        #expect(literal.contains("^^ did you mean `60%`?"))
        #expect(literal.contains("help: write `60%` for a rate, or `60x` for a factor"))

        let knob = try #require(failure("assume g = 0.6\ncompany A\nrevenue[2024] = 10B\nrevenue grows g in 2025\n"))
        #expect(knob.contains("help: write `(g as %)` for a rate, or `(g as x)` for a factor"))

        let uncertain = try #require(failure("company A\nrevenue[2024] = 10B\nrevenue grows 0.3 to 0.9 per year\n"))
        #expect(uncertain.contains("help: write its numbers with `%` for a rate (`uniform(50%, 150%)`), or with `x` for a factor"))
    }
}

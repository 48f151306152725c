// NonFiniteFormattingTests: values past any finite number, or too large for their digits, print
// without trapping (issue 16: `1e308 to 1.7e308` converted log10(inf) to Int) and never as
// `$infT` or `infx`.
import BurnModel
import Testing
@testable import BurnKit

@Suite struct NonFiniteFormattingTests {
    let f = ValueFormatter()
    var french: ValueFormatter {
        var french = ValueFormatter()
        french.locale = .french
        return french
    }

    @Test func infiniteQuantitiesPrintAsWordsInEveryKind() {
        #expect(f.format(Value.number(.infinity)) == "infinity")
        #expect(f.format(Quantity.money(.infinity)) == "infinity")
        #expect(f.format(Quantity.money(-.infinity, "EUR")) == "-infinity")
        #expect(f.format(Quantity(.nan, display: .multiple)) == "not a number")
        #expect(f.format(Quantity(.infinity, display: .percent)) == "infinity")
        #expect(f.format(Quantity(.infinity, display: .magnitude(9))) == "infinity")
        #expect(french.format(Quantity.money(.infinity)) == "infinity")
    }

    /// A million trillion dollars and up prints in scientific notation: 1e300 / 1e18 would
    /// otherwise be 282 grouped digits before the `T`.
    @Test func hugeMoneyIsScientific() {
        #expect(f.format(Quantity.money(1e300)) == "$1e300")
        #expect(f.format(Quantity.money(-2.5e20)) == "-$2.5e20")
        #expect(f.format(Quantity.money(9.99e17)) == "$999,000T")  // 9.99e17 / 1e12 = 999,000
        #expect(french.format(Quantity.money(1e300)).hasPrefix("1e300"))
        #expect(f.format(Quantity(1.5e300, display: .magnitude(9))) == "1.5e291B")  // 1.5e300 / 1e9
    }

    /// Draws near the largest double: their plain sum overflows, so the mean is computed as a
    /// sum of shares (1e308/2 + 1.6e308/2 = 1.3e308).
    @Test func theMeanOfHugeDrawsDoesNotOverflow() {
        let draws = Draws([1e308, 1.6e308])
        #expect(draws.mean.isInfinite)
        #expect(ValueFormatter.carefulMean(draws) == 1.3e308)
        #expect(f.format(Value.samples(Samples([1e308, 1.6e308]))).hasPrefix("1.3e308"))
    }

    @Test func uncertainValuesWithInfiniteDrawsDoNotTrap() {
        let text = f.format(Value.samples(Samples([1e308, .infinity, 1.7e308], unit: Quantity.money(1).unit)))
        #expect(!text.contains("inf") || text.hasPrefix("infinity"))
        let years = f.format(Value.samples(Samples([2024, 1e300, .infinity], kind: .year)))
        #expect(!years.isEmpty)
    }
}

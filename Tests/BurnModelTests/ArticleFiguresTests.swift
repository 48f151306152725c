// ArticleFiguresTests: the articles' derived figures that are plain quantity arithmetic (D15-D20).
import BurnModel
import Testing

@Suite struct ArticleFiguresTests {
    let rates = Rates()

    @Test func fibreCostPerKilometre() throws {  // D15, D16, D17
        let spent = Quantity.money(500e9)
        let laid = Quantity(80e6, .named(Units.km))
        let perKm = try spent.divided(by: laid, rates: rates)
        #expect(close(perKm.value, 6250))
        #expect(perKm.unit.moneyPower == 1 && perKm.unit.factors.first?.power == -1)
        let used = try perKm.divided(by: Quantity(1 - 0.85), rates: rates)
        #expect(Int(used.value.rounded()) == 41667)
        let stranded = try spent.multiplied(by: Quantity(0.85))
        #expect(close(stranded.value, 425e9))
    }

    @Test func startupsAndRounds() throws {  // D18, D19
        #expect(close(try Quantity(44).multiplied(by: .money(100e6)).value, 4.4e9))
        let share = try Quantity.money(500e6).divided(by: .money(6.6e9), rates: rates)
        #expect(share.isPlain && Int((share.value * 1000).rounded()) == 76)
    }

    @Test func eurosToDollars() throws {  // D20
        var model = Catalogue.forTests()
        model.rates.declare("EUR", equals: 1.0824, "USD", year: 2024)
        model.declareCompany("SpaceX")
        try model.setCurrency(company: "SpaceX", "EUR")
        try model.setFact(company: "SpaceX", metric: "valuation", year: 2024, Quantity(210e9), source: "000")
        let euros = try model.value(company: "SpaceX", metric: "valuation", year: 2024)
        let dollars = try euros.inCurrency("USD", rates: model.rates, year: 2024)
        #expect(Int((dollars.value / 1e9).rounded()) == 227)
    }
}

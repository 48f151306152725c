// ValueFormatterTests: the print rules of LANGUAGE.md section 2, value by value.
import BurnModel
import Testing
@testable import BurnKit

@Suite struct ValueFormatterTests {
    let f = ValueFormatter()

    @Test(arguments: [
        (3.7e9, "$3.7B"), (150.4e9, "$150.4B"), (98.666e9, "$98.67B"), (1.4e12, "$1.4T"), (500e6, "$500M"),
        (-74e9, "-$74B"), (6250, "$6,250"), (41_666.67, "$41,667"), (12.5, "$12.5"), (0, "$0"),
        (999_999.7, "$1M"), (999.96e9, "$1T"), (1_000_000, "$1M"), (-0.001, "$0"), (99.999, "$100"),
    ])
    func money(_ value: Double, _ expected: String) {
        #expect(f.format(Quantity.money(value)) == expected)
    }

    @Test func currencies() {
        #expect(f.format(Quantity.money(210e9, "EUR")) == "€210B")
        #expect(f.format(Quantity.money(1e9, "GBP")) == "£1B")
        #expect(f.format(Quantity.money(5e9, "CHF")) == "5B CHF")
    }

    @Test(arguments: [
        (107.6923, "107.692"), (4.4e9, "4.4B"), (2024, "2024"), (0.3, "0.3"), (-2.5, "-2.5"),
        (1e15, "1e15"), (123_456.7, "123457"), (0.000123456, "0.000123456"), (1e-9, "1e-9"),
    ])
    func plain(_ value: Double, _ expected: String) {
        #expect(f.format(Value.number(value)) == expected)
    }

    @Test func percentAndMultiple() {
        #expect(f.format(Quantity(0.042, display: .percent)) == "4.2%")
        #expect(f.format(Quantity(0.75, display: .percent)) == "75%")
        #expect(f.format(Quantity(-0.75, display: .percent)) == "-75%")
        #expect(f.format(Quantity(-0.0001, display: .percent)) == "0%")
    }

    /// Multiples: three significant digits below 10, one decimal from 10, trailing zeros
    /// dropped (LANGUAGE.md section 2). Each input is the quotient the contract names:
    /// 157/86 = 1.82558, 11.6/3.7 = 3.13514, 157/3.7 = 42.4324, 1400/13 = 107.692.
    @Test(arguments: [
        (157.0 / 86, "1.83x"), (11.6 / 3.7, "3.14x"), (157 / 3.7, "42.4x"), (1400.0 / 13, "107.7x"),
        (2, "2x"), (6, "6x"), (9.996, "10x"), (0.5, "0.5x"), (-1.234, "-1.23x"), (20.04, "20x"),
    ] as [(Double, String)])
    func multiple(_ value: Double, _ expected: String) {
        #expect(f.format(Quantity(value, display: .multiple)) == expected)
    }

    @Test func digitsSetting() {
        let precise = ValueFormatter(digits: 6)
        #expect(precise.format(Quantity.money(98.6667e9)) == "$98.6667B")
        // `:set digits` reaches multiples (N significant below 10, N - 2 decimals from 10)
        // and percents (N significant): 157/86 = 1.825581, 157/3.7 = 42.432432, 6.6/157 = 4.203822%.
        #expect(precise.format(Quantity(157.0 / 86, display: .multiple)) == "1.82558x")
        #expect(precise.format(Quantity(157 / 3.7, display: .multiple)) == "42.4324x")
        #expect(precise.format(Quantity(6.6 / 157, display: .percent)) == "4.20382%")
        let short = ValueFormatter(digits: 2)
        #expect(short.format(Quantity(157.0 / 86, display: .multiple)) == "1.8x")
        #expect(short.format(Quantity(157 / 3.7, display: .multiple)) == "42x")
        #expect(short.format(Quantity(0.75, display: .percent)) == "75%")
    }

    /// Quantities with a unit: thousands separators below a million, whole units kept.
    @Test func unitQuantities() {
        let mw = UnitDefinition(name: "MW", base: "W", scale: 1e6)
        #expect(f.format(Quantity(10_000, .named(mw))) == "10,000 MW")
        #expect(f.format(Quantity(12_345, .named(mw))) == "12,345 MW")
        #expect(f.format(Quantity(16, .named(mw))) == "16 MW")
        #expect(f.format(Quantity(6.75, .named(UnitDefinition(name: "month", plural: "months", base: "month", scale: 1)))) == "6.75 months")
    }

    @Test func numberFormatIsLocaleFree() {
        #expect(NumberFormat.grouped("1234567.5") == "1,234,567.5")
        #expect(NumberFormat.fixed(2.345, 2) == "2.35" || NumberFormat.fixed(2.345, 2) == "2.34")
        #expect(NumberFormat.significant(0.1 + 0.2, 6) == "0.3")
    }
}

// ArithmeticTableTests: the whole table of arithmetic (LANGUAGE.md section 2, KindArithmetic)
// walked through a Session: every operator, every pair of kinds, certain and uncertain, checked
// against the expected table below (the kind of the result and how it prints, or the error).
import BurnModel
import Testing
@testable import BurnKit

@Suite struct ArithmeticTableTests {
    /// One operand of each kind: plain 20, percent 30% (0.3), multiple 4x, money $8B, money per
    /// unit $35B/GW, unit 10 GW, and a year (2026, `Z.first_year`). Parenthesised so that `/`
    /// and `^` take the whole operand.
    static let certain: [(NumberKind, String)] = [
        (.plain, "20"), (.percent, "30%"), (.multiple, "4x"), (.money, "$8B"), (.moneyPerUnit, "($35B/GW)"),
        (.unit, "(10 GW)"), (.year, "y"),
    ]
    /// The same values, uncertain: draws that are all equal, so that they print as the certain
    /// ones do (an interval that prints as one number shows the mean alone). The uncertain year
    /// is a break-even year of an uncertain model that is 2026 in every draw.
    static let uncertain: [String] = [
        "normal(20, 0)", "normal(30%, 0)", "normal(4x, 0)", "normal($8B, 0)", "normal($35B/GW, 0)", "normal(10 GW, 0)", "yu",
    ]

    /// `kind printed` for each `row OP column`, rows and columns in the order of `certain`;
    /// `error MESSAGE` for a refusal, `bool true|false` for a comparison. Worked by hand:
    /// - `+`: 20 + 0.3 = 20.3 (a plain number joins a percent as a plain number); 0.3 + 4 = 4.3;
    ///   0.3 + 0.3 = 60%; 4x + 4x = 8x; 2026 + 20 = 2046 (a year moves by a number of years); a
    ///   plain number takes the unit of money or GW (20 + $8B = $8,000,000,020, printed $8B).
    /// - `-`: 20 - 0.3 = 19.7; 0.3 - 4 = -3.7; 2026 - 20 = 2006; 2026 - 2026 = 0 years.
    /// - `*`: 20 * 0.3 = 6 (plain, LANGUAGE.md: `20 * 25%` is `5`); 0.3 * 0.3 = 9%; 0.3 * 4 = 120%
    ///   (a share scaled); 4 * 4 = 16x; $8B * 0.3 = $2.4B; $35B/GW * 0.3 = $10.5B/GW;
    ///   $35B/GW * 10 GW = $350B; 10 GW * 10 GW = 100 GW^2; $8B * 10 GW = $80B GW.
    /// - `/`: 20 / 0.3 = 66.6667; 0.3 / 20 = 1.5%; 0.3 / 4 = 7.5%; 4 / 20 = 0.2x; 4 / 0.3 =
    ///   13.33 (13.3x); $8B / 0.3 = $26.67B; $35B/GW / 0.3 = $116.7B/GW; 10 GW / 0.3 = 33.33 GW;
    ///   20 / $8B = 2.5e-9 (a ratio of amounts); $8B / ($35B/GW) = 0.228571 GW; ($35B/GW) / $8B
    ///   = 4.375/GW; $8B / 10 GW = $800M/GW; ($35B/GW) / 10 GW = $3.5B/GW^2; 20 / ($35B/GW) =
    ///   5.714e-10 GW/USD; 10 GW / $8B = 1.25e-9 GW/USD; 10 GW / ($35B/GW) = 2.857e-10 GW^2/USD;
    ///   0.3 / 10 GW = 0.03/GW.
    /// - `^`: 20^20 = 1.048576e26; 20^0.3 = 2.456460; 20^4 = 160000; 0.3^20 = 3.5e-11 (0%);
    ///   0.3^0.3 = 0.696845 (69.7%); 0.3^4 = 0.0081 (0.8%); 4^20 = 1.0995e12 (1.1Tx);
    ///   4^0.3 = 1.515717 (1.52x); 4^4 = 256x; (10 GW)^4 = 10,000 GW^4; a unit's power is
    ///   whole and at most 16.
    /// - `<`: 20 < 0.3 false; 20 < 4 false; 20 < $8B true (20 dollars); 20 < 10 GW false
    ///   (20 GW); 20 < 2026 true; 0.3 < 20 true; 0.3 < 4 true; 4 < 20 true; 4 < 0.3 false.
    static let expected: [String: [[String]]] = [
        // +
        "+": [
            ["plain 40", "plain 20.3", "plain 24", "money $8B", "moneyPerUnit $35B/GW", "unit 30 GW", "year 2046"],  // plain
            ["plain 20.3", "percent 60%", "plain 4.3", "error cannot add a percentage and money", "error cannot add a percentage and money per unit", "error cannot add a percentage and a quantity with a unit", "error cannot add a percentage and a year"],  // percent
            ["plain 24", "plain 4.3", "multiple 8x", "error cannot add a multiple and money", "error cannot add a multiple and money per unit", "error cannot add a multiple and a quantity with a unit", "error cannot add a multiple and a year"],  // multiple
            ["money $8B", "error cannot add money and a percentage", "error cannot add money and a multiple", "money $16B", "error cannot add money (USD) and money (USD)·GW^-1", "error cannot add money (USD) and GW", "error cannot add money and a year"],  // money
            ["moneyPerUnit $35B/GW", "error cannot add money per unit and a percentage", "error cannot add money per unit and a multiple", "error cannot add money (USD)·GW^-1 and money (USD)", "moneyPerUnit $70B/GW", "error cannot add money (USD)·GW^-1 and GW", "error cannot add money per unit and a year"],  // moneyPerUnit
            ["unit 30 GW", "error cannot add a quantity with a unit and a percentage", "error cannot add a quantity with a unit and a multiple", "error cannot add GW and money (USD)", "error cannot add GW and money (USD)·GW^-1", "unit 20 GW", "error cannot add a quantity with a unit and a year"],  // unit
            ["year 2046", "error cannot add a year and a percentage", "error cannot add a year and a multiple", "error cannot add a year and money", "error cannot add a year and money per unit", "error cannot add a year and a quantity with a unit", "error cannot add two years"],  // year
        ],
        // -
        "-": [
            ["plain 0", "plain 19.7", "plain 16", "money -$8B", "moneyPerUnit -$35B/GW", "unit 10 GW", "error cannot subtract a year from a plain number"],  // plain
            ["plain -19.7", "percent 0%", "plain -3.7", "error cannot subtract money from a percentage", "error cannot subtract money per unit from a percentage", "error cannot subtract a quantity with a unit from a percentage", "error cannot subtract a year from a percentage"],  // percent
            ["plain -16", "plain 3.7", "multiple 0x", "error cannot subtract money from a multiple", "error cannot subtract money per unit from a multiple", "error cannot subtract a quantity with a unit from a multiple", "error cannot subtract a year from a multiple"],  // multiple
            ["money $8B", "error cannot subtract a percentage from money", "error cannot subtract a multiple from money", "money $0", "error cannot subtract money (USD) and money (USD)·GW^-1", "error cannot subtract money (USD) and GW", "error cannot subtract a year from money"],  // money
            ["moneyPerUnit $35B/GW", "error cannot subtract a percentage from money per unit", "error cannot subtract a multiple from money per unit", "error cannot subtract money (USD)·GW^-1 and money (USD)", "moneyPerUnit $0/GW", "error cannot subtract money (USD)·GW^-1 and GW", "error cannot subtract a year from money per unit"],  // moneyPerUnit
            ["unit -10 GW", "error cannot subtract a percentage from a quantity with a unit", "error cannot subtract a multiple from a quantity with a unit", "error cannot subtract GW and money (USD)", "error cannot subtract GW and money (USD)·GW^-1", "unit 0 GW", "error cannot subtract a year from a quantity with a unit"],  // unit
            ["year 2006", "error cannot subtract a percentage from a year", "error cannot subtract a multiple from a year", "error cannot subtract money from a year", "error cannot subtract money per unit from a year", "error cannot subtract a quantity with a unit from a year", "plain 0"],  // year
        ],
        // *
        "*": [
            ["plain 400", "plain 6", "plain 80", "money $160B", "moneyPerUnit $700B/GW", "unit 200 GW", "error cannot multiply a year"],  // plain
            ["plain 6", "percent 9%", "percent 120%", "money $2.4B", "moneyPerUnit $10.5B/GW", "unit 3 GW", "error cannot multiply a year"],  // percent
            ["plain 80", "percent 120%", "multiple 16x", "money $32B", "moneyPerUnit $140B/GW", "unit 40 GW", "error cannot multiply a year"],  // multiple
            ["money $160B", "money $2.4B", "money $32B", "error cannot multiply money by money", "error cannot multiply money by money", "moneyPerUnit $80B GW", "error cannot multiply a year"],  // money
            ["moneyPerUnit $700B/GW", "moneyPerUnit $10.5B/GW", "moneyPerUnit $140B/GW", "error cannot multiply money by money", "error cannot multiply money by money", "money $350B", "error cannot multiply a year"],  // moneyPerUnit
            ["unit 200 GW", "unit 3 GW", "unit 40 GW", "moneyPerUnit $80B GW", "money $350B", "unit 100 GW^2", "error cannot multiply a year"],  // unit
            ["error cannot multiply a year", "error cannot multiply a year", "error cannot multiply a year", "error cannot multiply a year", "error cannot multiply a year", "error cannot multiply a year", "error cannot multiply a year"],  // year
        ],
        // /
        "/": [
            ["plain 1", "plain 66.6667", "plain 5", "plain 2.5e-9", "moneyPerUnit 5.714e-10 GW/USD", "unit 2/GW", "error cannot divide a year"],  // plain
            ["percent 1.5%", "plain 1", "percent 7.5%", "error cannot divide a percentage by money", "error cannot divide a percentage by money per unit", "unit 0.03/GW", "error cannot divide a year"],  // percent
            ["multiple 0.2x", "multiple 13.3x", "plain 1", "error cannot divide a multiple by money", "error cannot divide a multiple by money per unit", "unit 0.4/GW", "error cannot divide a year"],  // multiple
            ["money $400M", "money $26.67B", "money $2B", "plain 1", "unit 0.2286 GW", "moneyPerUnit $800M/GW", "error cannot divide a year"],  // money
            ["moneyPerUnit $1.75B/GW", "moneyPerUnit $116.7B/GW", "moneyPerUnit $8.75B/GW", "unit 4.375/GW", "plain 1", "moneyPerUnit $3.5B/GW^2", "error cannot divide a year"],  // moneyPerUnit
            ["unit 0.5 GW", "unit 33.33 GW", "unit 2.5 GW", "moneyPerUnit 1.25e-9 GW/USD", "moneyPerUnit 2.857e-10 GW^2/USD", "plain 1", "error cannot divide a year"],  // unit
            ["error cannot divide a year", "error cannot divide a year", "error cannot divide a year", "error cannot divide a year", "error cannot divide a year", "error cannot divide a year", "error cannot divide a year"],  // year
        ],
        // ^
        "^": [
            ["plain 1.049e26", "plain 2.45646", "plain 160000", "error cannot raise to money", "error cannot raise to money per unit", "error cannot raise to a quantity with a unit", "error cannot raise a year"],  // plain
            ["percent 0%", "percent 69.7%", "percent 0.8%", "error cannot raise to money", "error cannot raise to money per unit", "error cannot raise to a quantity with a unit", "error cannot raise a year"],  // percent
            ["multiple 1.1Tx", "multiple 1.52x", "multiple 256x", "error cannot raise to money", "error cannot raise to money per unit", "error cannot raise to a quantity with a unit", "error cannot raise a year"],  // multiple
            ["error cannot raise money to a power", "error cannot raise money to a power", "error cannot raise money to a power", "error cannot raise to money", "error cannot raise to money per unit", "error cannot raise to a quantity with a unit", "error cannot raise a year"],  // money
            ["error cannot raise money per unit to a power", "error cannot raise money per unit to a power", "error cannot raise money per unit to a power", "error cannot raise to money", "error cannot raise to money per unit", "error cannot raise to a quantity with a unit", "error cannot raise a year"],  // moneyPerUnit
            ["error cannot raise GW to this power", "error cannot raise GW to this power", "unit 10,000 GW^4", "error cannot raise to money", "error cannot raise to money per unit", "error cannot raise to a quantity with a unit", "error cannot raise a year"],  // unit
            ["error cannot raise a year", "error cannot raise a year", "error cannot raise a year", "error cannot raise a year", "error cannot raise a year", "error cannot raise a year", "error cannot raise a year"],  // year
        ],
        // <
        "<": [
            ["bool false", "bool false", "bool false", "bool true", "bool true", "bool false", "bool true"],  // plain
            ["bool true", "bool false", "bool true", "error cannot compare a percentage with money", "error cannot compare a percentage with money per unit", "error cannot compare a percentage with a quantity with a unit", "error cannot compare a percentage with a year"],  // percent
            ["bool true", "bool false", "bool false", "error cannot compare a multiple with money", "error cannot compare a multiple with money per unit", "error cannot compare a multiple with a quantity with a unit", "error cannot compare a multiple with a year"],  // multiple
            ["bool false", "error cannot compare money with a percentage", "error cannot compare money with a multiple", "bool false", "error cannot compare money (USD) and money (USD)·GW^-1", "error cannot compare money (USD) and GW", "error cannot compare money with a year"],  // money
            ["bool false", "error cannot compare money per unit with a percentage", "error cannot compare money per unit with a multiple", "error cannot compare money (USD)·GW^-1 and money (USD)", "bool false", "error cannot compare money (USD)·GW^-1 and GW", "error cannot compare money per unit with a year"],  // moneyPerUnit
            ["bool true", "error cannot compare a quantity with a unit with a percentage", "error cannot compare a quantity with a unit with a multiple", "error cannot compare GW and money (USD)", "error cannot compare GW and money (USD)·GW^-1", "bool false", "error cannot compare a quantity with a unit with a year"],  // unit
            ["bool false", "error cannot compare a year with a percentage", "error cannot compare a year with a multiple", "error cannot compare a year with money", "error cannot compare a year with money per unit", "error cannot compare a year with a quantity with a unit", "bool false"],  // year
        ],
    ]

    /// The session every row runs in: a certain year `y` and an uncertain one `yu`, both 2026.
    private func session() throws -> Session {
        let session = Session()
        session.output = { _ in }
        try session.run(source: """
            samples 1000
            company Z
            revenue[2026] = 1B
            let y = Z.first_year
            company Y
            revenue[2024] = 1B
            costs[2024] = 2.1B to 2.2B
            revenue grows 100% per year
            costs grows 0% per year
            let yu = Y.breakeven
            """)
        return session
    }

    /// `kind printed` of an expression: its kind in the table and its printed form, or the
    /// error's first line.
    private func outcome(_ source: String, _ session: Session) -> (entry: String, uncertain: Bool) {
        do {
            let value = try session.evaluate(source)
            let printed = session.format(value)
            switch value {
            case .bool: return ("bool " + printed, false)
            case .samples(let s) where s.isCondition:
                return ("bool " + (printed == "100% of samples" ? "true" : printed == "0% of samples" ? "false" : printed), true)
            default:
                let kind = Arithmetic.kind(of: value)?.rawValue ?? "?"
                if case .samples = value { return (kind + " " + printed, true) }
                return (kind + " " + printed, false)
            }
        } catch {
            let first = session.render(error).split(separator: "\n").first.map(String.init) ?? ""
            return ("error " + first.replacingOccurrences(of: "error: ", with: ""), false)
        }
    }

    @Test(arguments: KindOperator.allCases)
    func wholeTable(_ op: KindOperator) throws {
        let session = try session()
        let rows = try #require(Self.expected[op.rawValue])
        #expect(rows.count == Self.certain.count)
        for (i, row) in rows.enumerated() {
            #expect(row.count == Self.certain.count)
            for (j, expected) in row.enumerated() {
                let (lhs, rhs) = (Self.certain[i].1, Self.certain[j].1)
                let plain = outcome("\(lhs) \(op.rawValue) \(rhs)", session)
                #expect(plain.entry == expected, "\(lhs) \(op.rawValue) \(rhs)")
                #expect(!plain.uncertain)
                // The same with either side uncertain: the same kind and print, as draws.
                for (a, b) in [(Self.uncertain[i], rhs), (lhs, Self.uncertain[j])] {
                    let source = "\(a) \(op.rawValue) \(b)"
                    let drawn = outcome(source, session)
                    #expect(drawn.entry == uncertainEntry(expected, op, i, b == Self.uncertain[j]), "\(source)")
                    #expect(drawn.uncertain || drawn.entry.hasPrefix("error"), "\(source) should be uncertain")
                }
            }
        }
    }

    /// What an uncertain operand changes: nothing, except that a unit's power must be a certain
    /// whole number (each draw would give another unit).
    private func uncertainEntry(_ expected: String, _ op: KindOperator, _ row: Int, _ exponentUncertain: Bool) -> String {
        if op == .power, exponentUncertain, Self.certain[row].0 == .unit, !expected.hasPrefix("error") {
            return "error cannot raise GW to this power"
        }
        return expected
    }

    /// The table itself agrees with what the session printed: a refused pair is an error, and a
    /// percent, multiple or year outcome has that kind (the unit algebra decides the others).
    @Test(arguments: KindOperator.allCases)
    func tableMatchesExpectations(_ op: KindOperator) throws {
        let rows = try #require(Self.expected[op.rawValue])
        for (i, row) in rows.enumerated() {
            for (j, expected) in row.enumerated() {
                let outcome = KindArithmetic.outcome(op, Self.certain[i].0, Self.certain[j].0)
                switch outcome {
                case .refused: #expect(expected.hasPrefix("error"), "\(op.rawValue) \(i) \(j)")
                case .dimensionless(.percent): #expect(expected.hasPrefix("percent"))
                case .dimensionless(.multiple): #expect(expected.hasPrefix("multiple"))
                case .dimensionless: #expect(expected.hasPrefix("plain"))
                case .year: #expect(expected.hasPrefix("year"))
                case .comparable: #expect(expected.hasPrefix("bool") || expected.hasPrefix("error cannot compare"))
                case .units: #expect(!expected.hasPrefix("percent") && !expected.hasPrefix("multiple"))
                }
            }
        }
    }

    /// The contract's own examples (LANGUAGE.md section 2) and defect 2 of issue 11.
    @Test(arguments: [
        ("20 * 25%", "5"), ("25% * 20", "5"), ("$8B * 10%", "$800M"), ("$8B / 4x", "$2B"), ("40% * 50%", "20%"),
        ("40% + 10%", "50%"), ("40% - 10%", "30%"), ("2x * 3x", "6x"), ("$157B / $3.7B", "42.4324"),
        ("10 GW * $35B/GW", "$350B"), ("10 * 50%", "5"), ("2B * 50%", "1B"), ("50% * 50%", "25%"),
        ("sum([40%, 10%])", "50%"), ("(1 + 20%) * $10B", "$12B"), ("year_gap", "4"),
    ] as [(String, String)])
    func contractExamples(_ source: String, _ printed: String) throws {
        let session = Session()
        session.output = { _ in }
        try session.run(source: "company Z\nrevenue[2026] = 1B\nlet year_gap = 2030 - Z.first_year")
        #expect(session.format(try session.evaluate(source)) == printed)
    }

    /// A sum chain (`SumNode`) asks the same table as one operator at a time.
    @Test func sumChainsFollowTheTable() throws {
        let session = Session()
        session.output = { _ in }
        try session.run(source: "let u = normal(40%, 0)\nlet m = normal($1B, 0)")
        #expect(session.format(try session.evaluate("u + 10% - 5%")) == "45%")
        #expect(session.format(try session.evaluate("u + 10% - 5% + 1")) == "1.45")
        #expect(session.format(try session.evaluate("m + $1B - $500M")) == "$1.5B")
        #expect(throws: BurnError.self) { try session.evaluate("m + $1B - 10%") }
    }
}

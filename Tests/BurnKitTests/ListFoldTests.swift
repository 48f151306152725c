// ListFoldTests: `sum([...])` and `mean([...])` of a list written in the call add its items one
// by one as they are worked out (ListFold); a list handed over as a value is built first. On
// random lists of numbers, uncertain numbers, model cells and mistakes, both ways must give
// the same bits, or the same error.
import BurnModel
import PropertyBased
import Testing
@testable import BurnKit

@Suite struct ListFoldTests {
    /// Items a list may hold: amounts, percents, plain numbers, draws, model cells (certain and
    /// uncertain), and items that are errors of several kinds.
    static let items = ["$1.5B", "2B", "5%", "3", "1B to 2B", "-2B to 1B", "A.revenue[2026]", "B.revenue[2025]",
                        "\"text\"", "[1, 2]", "nosuch", "1e308 * 10", "A.revenue[1990]", "2x", "A.loss[2025]"]

    static let model = """
        samples 500
        fn same(x) = x
        company A
        revenue[2024] = 1B
        loss[2024] = 2B
        revenue grows 10% to 30% per year
        company B
        revenue[2024] = 3B
        revenue grows 20% per year

        """

    /// The value of `expression` in a fresh session with `model`, or the error's words.
    static func outcome(_ expression: String) -> (value: Value?, error: String?, printed: String) {
        let session = Session()
        do {
            try session.run(source: model)
            let value = try session.evaluate(expression)
            return (value, nil, session.format(value))
        } catch let error as BurnError {
            // The words only: the caret is under the argument, which differs between the two ways.
            return (nil, error.diagnostics.map { $0.message + " / " + ($0.hint ?? "") }.joined(separator: "\n"), "")
        } catch {
            return (nil, "\(error)", "")
        }
    }

    @Test(arguments: ["sum", "mean"])
    func aListWrittenInTheCallGivesWhatTheListGives(_ function: String) async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...(Self.items.count - 1)).array(of: 0...6)) { picks in
            let list = "[" + picks.map { Self.items[$0] }.joined(separator: ", ") + "]"
            let folded = Self.outcome("\(function)(\(list))")
            let built = Self.outcome("\(function)(same(\(list)))")
            #expect(folded.error == built.error, "\(function)(\(list))")
            #expect(folded.printed == built.printed, "\(function)(\(list))")
            if let a = folded.value, let b = built.value {
                #expect(drawsIn(a)?.map(\.bitPattern) == drawsIn(b)?.map(\.bitPattern), "\(function)(\(list))")
                #expect(numberIn(a)?.bitPattern == numberIn(b)?.bitPattern, "\(function)(\(list))")
            }
        }
    }

    @Test func aPortfolioSumIsEveryCellAddedInOrder() throws {
        // Three companies' uncertain cells summed by the fold, and by hand draw by draw.
        let session = Session()
        try session.run(source: "samples 2000\n" + (1...3).map { i in
            "company C\(i)\nrevenue[2024] = \(i)B\nrevenue grows \(10 * i)% to \(20 + 10 * i)% per year\n"
        }.joined())
        let cells = (1...3).map { "C\($0).revenue[2030]" }
        let total = try #require(drawsIn(try session.evaluate("sum([\(cells.joined(separator: ", "))])")))
        let columns = try cells.map { try #require(drawsIn(try session.evaluate($0))) }
        let byHand = (0..<2000).map { i in columns[0][i] + columns[1][i] + columns[2][i] }
        #expect(total.map(\.bitPattern) == byHand.map(\.bitPattern))
        let mean = try #require(drawsIn(try session.evaluate("mean([\(cells.joined(separator: ", "))])")))
        #expect(mean.map(\.bitPattern) == byHand.map { ($0 * (1.0 / 3)).bitPattern })
    }

    @Test func theEmptyListAndErrorsInTheirOrder() throws {
        #expect(Self.outcome("sum([])").printed == "0")
        #expect(Self.outcome("mean([])").error?.hasPrefix("'mean' of nothing") == true)
        // An item's own error comes first, even after an item that is not a number.
        #expect(Self.outcome("sum([\"a\", nosuch])").error?.contains("nosuch") == true)
        // The first item that is not a number, even after a unit mismatch.
        #expect(Self.outcome("sum([$1B, 5%, \"a\"])").error?.hasPrefix("'sum' needs numbers, but item 2 is") == true)
    }
}

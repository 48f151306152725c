// ReplCellValuesTests: `_n` lives apart from the globals (issue 16: a global per cell made each
// cell's snapshot copy every earlier value, so memory grew with the square of the cells).
import Testing
@testable import BurnKit

@Suite struct ReplCellValuesTests {
    @Test func cellsAddNoGlobals() {
        let repl = ReplSession()
        _ = repl.submit("1")
        let globals = repl.session.interpreter.runtime.globalValues.count
        for n in 2...1000 { _ = repl.submit("\(n)") }
        #expect(repl.session.interpreter.runtime.globalValues.count == globals)
        #expect(repl.submit("_1000 - _1").text == "[1001] 999\n")  // 1000 - 1
    }

    @Test func aFailedCellLeavesNoValue() {
        let repl = ReplSession()
        _ = repl.submit("5")
        #expect(repl.submit("nothing").failed)
        #expect(repl.submit("_2").failed)  // the failed cell kept no number: the next is [2]
        #expect(repl.submit("_1 * 2").text == "[2] 10\n")
    }

    @Test func aCellWithoutAValueHasNoUnderscore() {
        let repl = ReplSession()
        _ = repl.submit("let x = 1")
        let missing = repl.submit("_1")
        #expect(missing.failed)
        #expect(missing.text.hasPrefix("error: unknown name '_1'"))
    }

    @Test func resetAndUndoForgetCellValues() {
        let repl = ReplSession()
        _ = repl.submit("7")
        _ = repl.submit("fn seven() = _1")
        #expect(repl.submit("seven() + 1").text == "[3] 8\n")
        _ = repl.submit(":reset")
        #expect(repl.submit("_1").failed)
        _ = repl.submit("3")
        _ = repl.submit(":undo")
        #expect(repl.submit("_1").failed)
    }

    @Test func aNameDefinedByTheUserWins() {
        let repl = ReplSession()
        _ = repl.submit("1")
        _ = repl.submit("let _1 = 42")
        #expect(repl.submit("_1").text == "[3] 42\n")  // every cell that succeeds is numbered
    }
}

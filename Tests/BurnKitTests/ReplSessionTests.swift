// ReplSessionTests: the REPL's logic driven by strings: cells, `_`, failed cells change nothing.
import Testing
@testable import BurnKit

@Suite struct ReplSessionTests {
    @Test func numberedCellsAndUnderscore() {
        let repl = ReplSession()
        #expect(repl.submit("let x = 20").text == "")
        #expect(repl.submit("x + 1").text == "[2] 21\n")
        #expect(repl.submit("_ * 2").text == "[3] 42\n")
        #expect(repl.submit("_2 + _3").text == "[4] 63\n")
    }

    @Test func aFailedCellChangesNothing() {
        let repl = ReplSession()
        _ = repl.submit("let x = 1")
        let failed = repl.submit("let x = 2\nlet y = 3\n1 / 0")
        #expect(failed.failed)
        #expect(failed.text.contains("error: division by zero"))
        #expect(repl.submit("x").text == "[2] 1\n")
        #expect(repl.submit("y").failed)
    }

    @Test func commands() {
        let repl = ReplSession()
        #expect(repl.submit(":help cagr").text.contains("example: cagr(3.7B, 98.7B, 4)"))
        #expect(repl.submit(":hlep").text.contains("did you mean ':help'?"))
        _ = repl.submit(":quit")
        #expect(repl.wantsToQuit)
    }

    @Test func continuation() {
        #expect(ReplSession.needsMoreInput("fn f(x) = {"))
        #expect(ReplSession.needsMoreInput("1 +"))
        #expect(!ReplSession.needsMoreInput("1 + 2"))
    }
}

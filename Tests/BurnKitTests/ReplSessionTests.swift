// ReplSessionTests: the REPL's logic driven by strings: cells, `_`, failed cells change nothing,
// and every `:` command.
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

    @Test func aFailedCellKeepsNoFactOrCompany() {
        let repl = ReplSession()
        _ = repl.submit("company OpenAI\nrevenue[2024] = 3.7B")
        #expect(repl.submit("company Anthropic\nrevenue[2024] = 1B\nloss[2024] = 1B\nnope").failed)
        #expect(repl.submit("Anthropic.revenue[2024]").failed)
        #expect(repl.submit("revenue[2024]").text == "[2] $3.7B\n")
    }

    @Test func valuesPrintInOrderWithOtherOutput() {
        let repl = ReplSession()
        #expect(repl.submit("1 + 1\nshow 5\n2 + 2").text == "[1] 2\n5\n[1] 4\n")
    }

    @Test func continuation() {
        #expect(ReplSession.needsMoreInput("fn f(x) = {"))
        #expect(ReplSession.needsMoreInput("1 +"))
        #expect(ReplSession.needsMoreInput("[1, 2,"))
        #expect(!ReplSession.needsMoreInput("1 + 2"))
    }

    // MARK: - Commands

    @Test func help() {
        let repl = ReplSession()
        let general = repl.submit(":help").text
        for command in ReplSession.commands { #expect(general.contains(command.usage)) }
        #expect(repl.submit(":help cagr").text.contains("example: cagr(3.7B, 98.7B, 4)"))
        #expect(repl.submit(":help :save").text.hasPrefix(":save FILE.md\n"))
        #expect(repl.submit(":help undo").text.hasPrefix(":undo\n"))
        #expect(repl.submit(":help notebooks").text.contains("```output"))
        let missing = repl.submit(":help cagrr")
        #expect(missing.failed)
        #expect(missing.text.contains("error: no help for 'cagrr', did you mean 'cagr'?"))
    }

    @Test func unknownCommandsAreErrorsWithAHint() {
        let repl = ReplSession()
        let outcome = repl.submit(":hlep")
        #expect(outcome.failed)
        #expect(outcome.text == "error: unknown command ':hlep', did you mean ':help'?\n  = help: `:help` lists the commands\n")
        #expect(repl.submit(":cells now").failed)
        #expect(repl.nextCell == 1)
    }

    @Test func quit() {
        let repl = ReplSession()
        _ = repl.submit(":quit")
        #expect(repl.wantsToQuit)
    }

    @Test func cellsListsTheCellsThatSucceeded() {
        let repl = ReplSession()
        #expect(repl.submit(":cells").text == "no cells yet\n")
        _ = repl.submit("let x = 1")
        _ = repl.submit("nope")
        _ = repl.submit("fn f(a) = {\n  a + x\n}")
        #expect(repl.submit(":cells").text == "[1] let x = 1\n[2] fn f(a) = {\n      a + x\n    }\n")
    }

    @Test func undoDropsTheLastCellAndItsState() {
        let repl = ReplSession()
        _ = repl.submit("let x = 1")
        _ = repl.submit("company OpenAI\nrevenue[2024] = 3.7B\nlet x = 2")
        #expect(repl.submit(":undo").text == "undid [2] company OpenAI\n")
        #expect(repl.submit("x").text == "[2] 1\n")
        #expect(repl.submit("OpenAI.revenue[2024]").failed)
        _ = repl.submit(":undo")
        _ = repl.submit(":undo")
        #expect(repl.submit("x").failed)
        let nothing = repl.submit(":undo")
        #expect(nothing.failed)
        #expect(nothing.text.hasPrefix("error: nothing to undo\n"))
    }

    /// A scenario rebuilds the model by running the history again: an undone cell and a failed
    /// one must have left it as it was (a snapshot keeps the history's length, not a copy).
    @Test func undoneAndFailedCellsLeaveTheScenarioHistoryAsItWas() {
        let repl = ReplSession()
        _ = repl.submit("assume growth = 50%\ncompany A\nrevenue[2024] = 1B\nrevenue grows growth per year")
        _ = repl.submit("scenario fast { assume growth = 100% }")
        _ = repl.submit("company B\nrevenue[2024] = 5B")
        _ = repl.submit(":undo")
        #expect(repl.submit("company C\nrevenue[2024] = 2B\nlet z = nosuch").failed)
        _ = repl.submit("company D\nrevenue[2024] = 3B")
        #expect(repl.submit("D.revenue[2024] under fast").text.hasSuffix(" $3B\n"))
        _ = repl.submit(":undo")
        _ = repl.submit(":undo")
        #expect(repl.submit("A.revenue[2025] under fast").text.hasSuffix(" $2B\n"))
        #expect(repl.submit("A.revenue[2025]").text.hasSuffix(" $1.5B\n"))
        for company in ["B", "C", "D"] {
            #expect(repl.submit("\(company).revenue[2024] under fast").failed, "\(company)")
        }
    }

    @Test func undoGoesBackAHundredCells() {
        let repl = ReplSession()
        for i in 1...105 { _ = repl.submit("let v\(i) = \(i)") }
        for _ in 1...ReplSession.undoDepth { #expect(!repl.submit(":undo").failed) }
        let limit = repl.submit(":undo")
        #expect(limit.failed)
        #expect(limit.text.hasPrefix("error: cannot undo further: `:undo` takes back the last 100 cells\n"))
        // Cells 1 to 5 remain (105 - 100): v5 is defined, v6 is not.
        #expect(repl.submit("v5").text == "[6] 5\n")
        #expect(repl.submit("v6").failed)
    }

    @Test func undoTakesBackUnderscores() {
        let repl = ReplSession()
        _ = repl.submit("10")
        _ = repl.submit("20")
        _ = repl.submit(":undo")
        #expect(repl.submit("_").text == "[2] 10\n")
        #expect(repl.submit("_1 + _2").text == "[3] 20\n")
    }

    @Test func resetStartsAfresh() {
        let repl = ReplSession()
        _ = repl.submit("let x = 1\ncompany OpenAI")
        _ = repl.submit(":set digits 6")
        #expect(repl.submit(":reset").failed == false)
        #expect(repl.cells.isEmpty)
        #expect(repl.submit("x").failed)
        #expect(repl.submit("cagr(3.7B, 98.7B, 4)").text.hasPrefix("[1] 127."))
        #expect(repl.digits == 6)
    }

    @Test func setDigits() {
        let repl = ReplSession()
        #expect(repl.submit("$98.67891B").text == "[1] $98.68B\n")
        #expect(repl.submit(":set digits 6").text == "digits 6\n")
        #expect(repl.submit("$98.67891B").text == "[2] $98.6789B\n")
        #expect(repl.submit(":set digits default").text == "digits default\n")
        #expect(repl.submit(":set").text.hasPrefix("digits default (4 for money"))
        #expect(repl.submit("$98.67891B").text == "[3] $98.68B\n")
        for bad in [":set digits 0", ":set digits 16", ":set digits six", ":set digts 6", ":set digits 6 7"] {
            let outcome = repl.submit(bad)
            #expect(outcome.failed, "\(bad)")
            #expect(outcome.text.hasPrefix("error: "), "\(bad)")
        }
        #expect(repl.digits == nil)
        #expect(repl.submit(":set digits 16").text.contains("1 to 15"))
    }

    @Test func timeTogglesTheTimingLine() {
        let repl = ReplSession()
        #expect(repl.submit(":time").text == "time on\n")
        let timed = repl.submit("1 + 1").text
        #expect(timed.hasPrefix("[1] 2\ntime: "))
        #expect(timed.hasSuffix(" ms\n"))
        #expect(repl.cells[0].output == "[1] 2\n")
        #expect(repl.submit(":time off").text == "time off\n")
        #expect(repl.submit("2").text == "[2] 2\n")
        #expect(repl.submit(":time maybe").failed)
    }

    @Test func anInterruptedCellChangesNothing() {
        let repl = ReplSession()
        _ = repl.submit("let x = 1")
        _ = repl.submit("fn spin(n) = if n == 0 then 0 else spin(n - 1)")
        // Ctrl-C just before the cell starts, or between its statements, still stops it.
        repl.session.interruptFlag.set()
        let outcome = repl.submit("let x = 2\nspin(900) + spin(900)")
        #expect(outcome.failed)
        #expect(outcome.text == "interrupted\n")
        #expect(repl.submit("x").text == "[3] 1\n")
        // The interruption used the flag up: the next cell runs.
        #expect(repl.submit("spin(900) + spin(900)").text == "[4] 0\n")
    }
}

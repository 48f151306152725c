// CellDisplayEventTests: how a cell's output events become Jupyter displays: tables and explain
// as display_data with HTML beside the plain text, charts as SVG, values as one execute_result,
// printed text as streams, in the order the cell printed them, and the error last.
@testable import BurnJupyter
import BurnKit
import Testing

/// A REPL whose session's events are recorded, as the kernel records them.
private final class RecordingRepl: @unchecked Sendable {
    let repl = ReplSession()
    var events: [OutputEvent] = []
    init() { repl.session.events = { [unowned self] in events.append($0) } }

    func displays(_ code: String) -> [CellDisplay] {
        events = []
        let number = repl.nextCell
        let outcome = repl.submit(code)
        return CellDisplay.displays(outcome, events: events, number: number)
    }
}

private let acme = "company Acme\nrevenue[2024] = 1B\ncosts[2024] = 3B\ncash[2024] = 4B\nrevenue grows 50% per year\n"

@Suite struct CellDisplayEventTests {
    @Test func tableThenValues() {
        let r = RecordingRepl()
        let displays = r.displays(acme + "project cash until 2025\nrevenue[2024] * 2\ncosts[2024]")
        guard displays.count == 2, case .display(let table) = displays[0] else { Issue.record("\(displays)"); return }
        #expect(table.forms.map(\.0) == ["text/html", "text/plain"])
        #expect(table["text/html"]?.hasPrefix("<table>\n<thead>\n<tr><th style=\"text-align: left\">year</th>") == true)
        #expect(table["text/html"]?.contains("<td style=\"text-align: right\">$4B</td>") == true)
        #expect(table["text/plain"]?.hasPrefix("year  revenue  costs") == true)
        #expect(table["text/plain"]?.hasSuffix("the cash lasts through 2024, unknown after\n") == true)
        // 1B * 2 = 2B, then the fact 3B: one Out[1] of two lines, as the REPL's `[1]` lines.
        #expect(displays[1] == .result(MimeBundle(plain: "$2B\n$3B")))
    }

    @Test func chartIsSVGAndExplainHTML() {
        let r = RecordingRepl()
        _ = r.displays(acme)
        let displays = r.displays("chart revenue in 2024..2025\nexplain Acme.loss[2024]")
        guard displays.count == 2, case .display(let chart) = displays[0], case .display(let tree) = displays[1] else {
            Issue.record("\(displays)"); return
        }
        #expect(chart.forms.map(\.0) == ["image/svg+xml", "text/plain"])
        #expect(chart["image/svg+xml"]?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
        #expect(chart["text/plain"]?.hasPrefix("revenue\n  2024  ") == true)
        #expect(tree["text/html"]?.hasPrefix("<ul class=\"burn-explain\">") == true)
        #expect(tree["text/plain"]?.hasPrefix("loss[2024] = $2B  by loss = -operating_income = $2B\n└─ ") == true)
    }

    @Test func printedTextStreamsAndTheErrorComesLast() {
        let r = RecordingRepl()
        let displays = r.displays("show 1\nshow 2\nsources\n1 / 0")
        #expect(displays.count == 2)
        #expect(displays.first == .stream("1\n2\nno sourced facts yet: add `source \"...\"` to a fact\n"))
        guard case .error(let name, let value, _) = displays.last else { Issue.record("\(displays)"); return }
        #expect(name == "BurnError" && value.hasPrefix("division by zero"))
    }

    @Test func commandsAreSplitFromTheirText() {
        let r = RecordingRepl()
        let displays = r.displays(":help cagr")
        guard case .stream(let text) = displays.first, displays.count == 1 else { Issue.record("\(displays)"); return }
        #expect(text.hasPrefix("cagr(start, finish, years)\n"))
    }

    @Test func countedCheckFailuresGoToStderr() {
        let event = OutputEvent.checkFailure(CheckFailureEvent(message: "check failed: x", file: "a.burn", line: 1, column: 7,
                                                               display: "error: check failed: x\n"))
        #expect(CellDisplay.display(of: event, number: 1) == .stderr("error: check failed: x\n"))
        // A value of another cell (a `:load`ed file's) prints as text, with its number.
        #expect(CellDisplay.display(of: .value(.number(1), text: "1", cell: 2), number: 3) == .stream("[2] 1\n"))
    }
}

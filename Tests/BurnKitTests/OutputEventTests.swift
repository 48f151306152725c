// OutputEventTests: the typed output channel (`Session.events`): which event each statement
// gives and the data it carries, that `output` receives exactly the events' text, and the HTML
// renderer (well-formed, escaped).
import BurnModel
import Testing
@testable import BurnKit

/// A session recording both channels.
private final class EventRecorder: @unchecked Sendable {
    let session = Session()
    var printed = ""
    var events: [OutputEvent] = []

    init() {
        session.output = { [unowned self] in printed += $0 }
        session.events = { [unowned self] in events.append($0) }
    }

    func run(_ source: String) throws {
        try session.run(source: source, name: "<test>")
    }
}

private let acme = """
    company Acme
    revenue[2024] = 1B
    costs[2024] = 3B
    cash[2024] = 4B
    revenue grows 50% per year

    """

@Suite struct OutputEventTests {
    @Test func projectIsATableOfTypedCells() throws {
        let r = EventRecorder()
        try r.run(acme + "project cash until 2025")
        #expect(r.events.count == 1)
        guard case .table(let table) = r.events.first else { Issue.record("not a table: \(r.events)"); return }
        #expect(table.columns.map(\.header) == ["year", "revenue", "costs", "operating_income", "burn", "raised", "cash", "runway"])
        #expect(table.columns.map(\.alignment) == [.left] + Array(repeating: .right, count: 7))
        #expect(table.rows.count == 2)
        let first = table.rows[0]
        if case .year(2024) = first[0].value {} else { Issue.record("the year cell is \(String(describing: first[0].value))") }
        // cash[2024] is the fact 4B; revenue[2025] = 1B * 1.5 = 1.5B (the rule); runway 4B / 2B a year = 24 months.
        #expect(first[6].text == "$4B" && first[6].value?.asQuantity?.value == 4e9 && first[6].isNumber)
        #expect(first[6].value?.asQuantity?.unit.isMoney == true)
        #expect(table.rows[1][1].text == "$1.5B" && table.rows[1][1].value?.asQuantity?.value == 1.5e9)
        #expect(first[7].text == "24 months" && first[7].value?.asQuantity?.value == 24)
        // costs[2025] is unknown: no value, printed `?`.
        #expect(table.rows[1][2].text == "?" && table.rows[1][2].value == nil && !table.rows[1][2].isNumber)
        #expect(table.notes == ["? = unknown: give a fact, a rule (`revenue grows 50% per year`) or a formula"])
        #expect(table.closing == ["Acme: no break-even through 2024, unknown after; the cash lasts through 2024, unknown after"])
        #expect(r.printed == r.events.map(\.plainText).joined())
        #expect(r.printed.hasPrefix("year  revenue  costs  operating_income  burn  raised  cash     runway\n"))
    }

    @Test func chartCarriesItsSeries() throws {
        let r = EventRecorder()
        try r.run(acme + "chart revenue in 2024..2026")
        guard case .chart(let chart) = r.events.first, r.events.count == 1 else { Issue.record("\(r.events)"); return }
        // 1B growing 50% a year: 1B, 1.5B, 2.25B.
        #expect(chart.series == [ChartSeries(label: "revenue", points: [
            ChartPoint(year: 2024, value: 1e9, text: "$1B"),
            ChartPoint(year: 2025, value: 1.5e9, text: "$1.5B"),
            ChartPoint(year: 2026, value: 2.25e9, text: "$2.25B"),
        ], unit: .money("USD"))])
        #expect(chart.title == "Acme: revenue")
        #expect(r.printed == chart.terminal && r.printed.hasPrefix("revenue\n  2024  "))
        #expect(chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") && chart.svg.contains("<polyline"))
    }

    @Test func explainIsATree() throws {
        let r = EventRecorder()
        try r.run(acme + "explain Acme.loss[2024]")
        guard case .explain(let tree) = r.events.first else { Issue.record("\(r.events)"); return }
        // loss = -operating_income = -(1B - 3B) = 2B.
        #expect(tree.metric == "loss" && tree.year == 2024 && tree.valueText == "$2B" && tree.value.asQuantity?.value == 2e9)
        #expect(tree.children.map(\.metric) == ["operating_income"])
        #expect(tree.children[0].children.map(\.metric) == ["revenue", "costs"])
        #expect(tree.children[0].children[1].how == "fact (<test>:3)" || tree.children[0].children[1].how == "fact")
        #expect(r.printed == """
            loss[2024] = $2B  by loss = -operating_income = $2B
            └─ operating_income[2024] = -$2B  by operating_income = revenue - costs = $1B - $3B
               ├─ revenue[2024] = $1B  fact
               └─ costs[2024] = $3B  fact

            """)
    }

    @Test func valuesAndTextInOrder() throws {
        let r = EventRecorder()
        try r.run("1 + 1\nshow 6.6B / 157B as %\ncompany Acme\nsources")
        #expect(r.events.count == 3)
        if case .value(let v, let text, let cell) = r.events[0] {
            #expect(v.asQuantity?.value == 2 && text == "2" && cell == nil)
        } else { Issue.record("\(r.events[0])") }
        // 6.6 / 157 = 0.04204 -> 4.2%.
        if case .value(_, let text, nil) = r.events[1] { #expect(text == "4.2%") } else { Issue.record("\(r.events[1])") }
        if case .text(let text) = r.events[2] { #expect(text.hasPrefix("no sourced facts yet")) } else { Issue.record("\(r.events[2])") }
        #expect(r.printed == "2\n4.2%\nno sourced facts yet: add `source \"...\"` to a fact\n")
    }

    @Test func replCellValuesCarryTheirNumber() {
        let repl = ReplSession()
        let collected = Collector<OutputEvent>()
        repl.session.events = collected.append
        let outcome = repl.submit("2 + 3\nshow 4")
        let events = collected.items
        #expect(outcome.text == "[1] 5\n4\n")
        #expect(events.map(\.plainText) == ["[1] 5\n", "4\n"])
        if case .value(_, "5", 1) = events[0] {} else { Issue.record("\(events[0])") }
        if case .value(_, "4", nil) = events[1] {} else { Issue.record("\(events[1])") }
    }

    @Test func sweepAndScenariosAreTablesAndReplaysAreSilent() throws {
        let r = EventRecorder()
        try r.run(acme + """
            assume g = 50%
            scenario bull { assume g = 100% }
            Acme.revenue grows g per year
            sweep g in 0%..100% step 50% show Acme.revenue[2025]
            compare scenarios base, bull on Acme.revenue[2025]
            """)
        // Only the two tables: the model replayed for each trial and scenario shows nothing.
        #expect(r.events.count == 2, "\(r.events.map(\.plainText))")
        guard case .table(let sweep) = r.events.first, case .table(let scenarios) = r.events.last else { return }
        #expect(sweep.columns.map(\.header) == ["g", "Acme.revenue[2025]"])
        // revenue[2025] = 1B * (1 + g): 1B, 1.5B, 2B.
        #expect(sweep.rows.map { $0.map(\.text) } == [["0%", "$1B"], ["50%", "$1.5B"], ["100%", "$2B"]])
        #expect(sweep.rows.map { $0[1].value?.asQuantity?.value } == [1e9, 1.5e9, 2e9])
        #expect(scenarios.columns.map(\.header) == ["", "base", "bull"])
        #expect(scenarios.rows.map { $0.map(\.text) } == [["Acme.revenue[2025]", "$1.5B", "$2B"]])
        #expect(r.printed == r.events.map(\.plainText).joined())
    }

    @Test func countedCheckFailureIsAnEvent() throws {
        let r = EventRecorder()
        let failureText = OutputBuffer()
        r.session.countsFailedChecks = true
        r.session.checkFailureOutput = failureText.append
        try r.run("let x = 1\ncheck x == 2")
        let failures = failureText.text
        guard case .checkFailure(let failure) = r.events.first, r.events.count == 1 else { Issue.record("\(r.events)"); return }
        #expect(failure.message == "check failed: x == 2: left is 1, right is 2")
        #expect((failure.file, failure.line, failure.column) == ("<test>", 2, 7))
        #expect(failures == failure.display && r.printed == "")
        #expect(failure.display.hasPrefix("error: check failed: x == 2: left is 1, right is 2\n --> <test>:2:7\n"))
    }

    @Test func captableAndSourcesAreTables() throws {
        let r = EventRecorder()
        try r.run("""
            company Lab
            revenue[2024] = 1B source "10-K"
            round "A" in 2024 raise 1B at 4B post
            captable
            sources
            """)
        guard r.events.count == 2, case .table(let cap) = r.events[0], case .table(let sources) = r.events[1] else {
            Issue.record("\(r.events.map(\.plainText))"); return
        }
        #expect(cap.title == "Lab: shares after each round")
        // 1B at 4B post: the round's investors hold 1/4, earlier holders 3/4.
        #expect(cap.rows.map { $0.map(\.text) } == [["earlier holders", "75%"], ["A investors", "25%"]])
        #expect(cap.rows[1][1].value?.asQuantity?.value == 0.25)
        #expect(sources.columns.map(\.alignment) == [.left, .right, .left])
        #expect(sources.rows[0].map(\.text) == ["Lab.revenue[2024]", "$1B", "\"10-K\""])
        #expect(r.printed == r.events.map(\.plainText).joined())
    }
}

@Suite struct HTMLRenderTests {
    @Test func escapesMarkup() {
        #expect(HTMLRender.escape("a<b & \"c\" > 'd'") == "a&lt;b &amp; &quot;c&quot; &gt; &#39;d&#39;")
    }

    @Test func tableHTMLExactly() {
        let table = TableEvent(title: "R&D <costs>", columns: [TableColumn("year", .left), TableColumn("\"x\"", .right)],
                               rows: [[TableCell(.year(2024), text: "2024"), TableCell(.number(1), text: "<1>")]],
                               notes: ["a & b"], closing: ["done"])
        #expect(HTMLRender.table(table) == """
            <p>R&amp;D &lt;costs&gt;</p>
            <table>
            <thead>
            <tr><th style="text-align: left">year</th><th style="text-align: right">&quot;x&quot;</th></tr>
            </thead>
            <tbody>
            <tr><td style="text-align: left">2024</td><td style="text-align: right">&lt;1&gt;</td></tr>
            </tbody>
            </table>
            <p>a &amp; b</p>
            <p>done</p>

            """)
        #expect(wellFormed(HTMLRender.table(table)))
    }

    @Test func projectAndExplainHTMLAreWellFormed() throws {
        let r = EventRecorder()
        try r.run(acme + "project cash until 2025\nexplain Acme.loss[2024]")
        guard case .table(let table) = r.events[0], case .explain(let tree) = r.events[1] else { Issue.record("\(r.events)"); return }
        let html = HTMLRender.table(table)
        #expect(wellFormed(html))
        #expect(html.contains("<td style=\"text-align: right\">$4B</td>"))
        #expect(html.contains("<p>? = unknown: give a fact, a rule (<code>revenue grows 50% per year</code>) or a formula</p>"))
        let explain = HTMLRender.explain(tree)
        #expect(wellFormed(explain))
        #expect(explain.hasPrefix("<ul class=\"burn-explain\">\n<li><code>loss[2024] = $2B</code> by loss = -operating_income = $2B\n<ul>\n"))
        #expect(explain.split(separator: "<li>", omittingEmptySubsequences: false).count - 1 == 4)
    }

    @Test func checkerRejectsBadMarkup() {
        #expect(!wellFormed("<p>a < b</p>"))
        #expect(!wellFormed("<p><b>x</p></b>"))
        #expect(!wellFormed("<p>R&D</p>"))
        #expect(!wellFormed("<table>"))
        #expect(wellFormed("<p>a &lt; b &amp; c</p>"))
    }
}

/// A small HTML checker: tags nest and close in order, attribute values are quoted, and text
/// holds no `<`, `>` or bare `&` (only the entities HTMLRender writes).
private func wellFormed(_ html: String) -> Bool {
    var stack: [String] = []
    var i = html.startIndex
    let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
    while i < html.endIndex {
        let c = html[i]
        if c == "<" {
            guard let close = html[i...].firstIndex(of: ">") else { return false }
            let inside = html[html.index(after: i)..<close]
            if inside.contains("<") || inside.filter({ $0 == "\"" }).count % 2 != 0 { return false }
            let name = String(inside.prefix { $0 != " " && $0 != ">" })
            if name.hasPrefix("/") {
                guard stack.popLast() == String(name.dropFirst()) else { return false }
            } else if !inside.hasSuffix("/") {
                stack.append(name)
            }
            i = html.index(after: close)
        } else if c == ">" {
            return false
        } else if c == "&" {
            guard entities.contains(where: { html[i...].hasPrefix($0) }) else { return false }
            i = html.index(after: i)
        } else {
            i = html.index(after: i)
        }
    }
    return stack.isEmpty
}

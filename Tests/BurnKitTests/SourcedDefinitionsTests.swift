// SourcedDefinitionsTests: `let` values and formulas with `source "..."` (issue 13 item 5) in
// the REPL, where a failed cell changes nothing, and the per-statement run that `burn run
// --annotate` is built on (Session.run(source:each:) and AnnotatedRun).
import Testing
@testable import BurnKit

@Suite struct SourcedDefinitionsTests {
    @Test func aFailedCellKeepsNoSource() {
        let repl = ReplSession()
        _ = repl.submit("let oracle = $300B source \"004\"")
        #expect(repl.submit("let amd = 6 GW source \"004\"\nnope").failed)
        #expect(repl.submit("sources").text == """
            fact    value  source
            ------  -----  ------
            oracle  $300B  "004"

            """)
    }

    @Test func parsesASourceAfterALetAndAFormula() {
        let text = shape("let x = 3.7B source \"001\"\ncompute = 80% * costs source \"004\"\n")
        #expect(text.contains("source \"001\")\n"), "\(text)")
        #expect(text.hasSuffix("source \"004\")"), "\(text)")
        #expect(!text.hasPrefix("errors"))
    }

    @Test func eachStatementIsReportedOnceItHasRun() throws {
        let session = Session()
        let output = OutputBuffer()
        session.output = output.append
        let formatter = session.formatter
        let collected = Collector<(String, String?)>()
        try session.run(source: "let x = 2\nx * 3\nshow x\n", name: "<t>") { run in
            collected.append((run.source.text(of: run.span), run.value.map(formatter.format)))
        }
        let seen = collected.items, printed = output.text
        // The value of `x * 3` goes to the host, not to the output; `show` prints as usual.
        #expect(seen.map(\.0) == ["let x = 2", "x * 3", "show x"])
        #expect(seen.map(\.1) == [nil, "6", nil])
        #expect(printed == "2\n")
    }

    @Test func annotatesAValueOfSeveralLinesUnderItsColumn() {
        var text = ""
        let source = "a\nbb\n"
        let annotated = AnnotatedRun(text: source, format: { _ in "one\ntwo" }, emit: { text += $0 })
        let file = SourceFile(id: 0, name: "", text: source)
        annotated.add(StatementRun(source: file, span: Span(file: 0, start: 0, end: 1), value: .bool(true)))
        annotated.add(StatementRun(source: file, span: Span(file: 0, start: 2, end: 4), value: .bool(true)))
        annotated.finish()
        // Column 4: two spaces after `bb`, the longer code of the run.
        #expect(text == "a   # => one\n    #    two\nbb  # => one\n    #    two\n")
    }
}

// ReplCompletionTests: what Tab offers: keywords, names, companies, metrics, members, commands,
// help topics and paths, each replacing the word before the cursor.
import Foundation
import TestSupport
import Testing
@testable import BurnKit

@Suite struct ReplCompletionTests {
    private func repl() -> ReplSession {
        let repl = ReplSession()
        _ = repl.submit("company OpenAI\nrevenue[2024] = 3.7B\nlet growth_rate = 50%\nfn double(x) = 2 * x")
        return repl
    }

    @Test func namesKeywordsMetricsAndFunctions() {
        let r = repl()
        #expect(r.completions(for: "Open", cursor: 4) == ["OpenAI"])
        #expect(r.completions(for: "1 + growth_r", cursor: 12) == ["growth_rate"])
        #expect(r.completions(for: "doub", cursor: 4) == ["double", "doubling_time"])
        #expect(r.completions(for: "cag", cursor: 3).contains("cagr"))
        // A metric and a standard-library function (Stdlib/04-ai-metrics.burn) share the prefix.
        #expect(r.completions(for: "reve", cursor: 4) == ["revenue", "revenue_multiple"])
        #expect(r.completions(for: "proj", cursor: 4) == ["project"])
        #expect(r.completions(for: "x = sc", cursor: 6).contains("scenario"))
        #expect(!r.completions(for: "_", cursor: 1).contains("_1"))
        #expect(r.completions(for: "12", cursor: 2).isEmpty)
    }

    @Test func theWordEndsAtTheCursor() {
        let r = repl()
        let completion = r.complete("reve + 1", cursor: 4)
        #expect(completion.start == 0)
        #expect(completion.candidates == ["revenue", "revenue_multiple"])
        #expect(r.complete("(1 + Open", cursor: 9).start == 5)
    }

    @Test func membersOfACompany() {
        let r = repl()
        #expect(r.completions(for: "OpenAI.rev", cursor: 10) == ["OpenAI.revenue"])
        #expect(r.completions(for: "OpenAI.run", cursor: 10) == ["OpenAI.runs_out", "OpenAI.runway"])
        #expect(r.completions(for: "OpenAI.", cursor: 7).contains("OpenAI.breakeven"))
        #expect(r.completions(for: "Nobody.rev", cursor: 10).isEmpty)
    }

    @Test func commandsAndTheirArguments() {
        let r = repl()
        #expect(r.completions(for: ":", cursor: 1).count == ReplSession.commands.count)
        #expect(r.completions(for: ":lo", cursor: 3) == [":load"])
        #expect(r.completions(for: "  :un", cursor: 5) == [":undo"])
        #expect(r.completions(for: ":help ca", cursor: 8).contains("cagr"))
        #expect(r.completions(for: ":help noteb", cursor: 11) == ["notebooks"])
        #expect(r.completions(for: ":set d", cursor: 6) == ["digits"])
        #expect(r.completions(for: ":time o", cursor: 7) == ["off", "on"])
    }

    @Test func pathsAfterLoadAndSave() throws {
        let dir = try TemporaryDirectory()
        for name in ["model.burn", "notes.md", "data.csv", ".hidden.burn"] {
            try "".write(toFile: dir.path + "/" + name, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: dir.path + "/more", withIntermediateDirectories: false)
        let r = repl()
        let line = ":load \(dir.path)/"
        let completion = r.complete(line, cursor: line.count)
        #expect(completion.start == 6)
        #expect(completion.candidates == ["model.burn", "more/", "notes.md"].map { dir.path + "/" + $0 })
        #expect(r.completions(for: ":save \(dir.path)/no", cursor: 8 + dir.path.count + 1) == [dir.path + "/notes.md"])
    }
}

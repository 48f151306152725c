// PlanStatisticsTests: how the saved scripts' uncertain questions are worked out. None may
// fall back to asking every slice in full, and no slice a worker ran may need the language;
// the counts are printed for the benchmark note (README, "Benchmarks").
import BurnModel
import Foundation
import Testing
@testable import BurnKit

@Suite("How the scripts' questions are worked out")
struct PlanStatisticsTests {
    static let scripts: [String] = {
        let folder = PublicDocsTests.root.appendingPathComponent("Scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".burn") }.sorted()
    }()

    @Test(arguments: scripts)
    func compiledWithoutFallback(_ script: String) throws {
        let path = PublicDocsTests.root.appendingPathComponent("Scripts/\(script)").path
        let session = Session()
        session.output = { _ in }
        try session.run(source: try String(contentsOfFile: path, encoding: .utf8), name: script)
        let s = session.interpreter.world.state.statistics
        print("plan statistics \(script): \(s.parallel) on every core, \(s.oneThread) on one thread, "
              + "\(s.fallbacks) fallbacks, \(s.slicesRedone) slices redone, \(s.searches) searches by the evaluator")
        #expect(s.fallbacks == 0)
        #expect(s.slicesRedone == 0)
    }

    @Test func aPortfolioIsAskedOnEveryCore() throws {
        let session = Session()
        session.output = { _ in }
        var source = "samples 2000\n"
        for i in 1...5 {
            source += "company C\(i)\nrevenue[2024] = \(i)B\nloss[2024] = 1B\ncash[2024] = 3B\n"
            source += "revenue grows 20% to 60% per year\ncosts grow 5% per year\n"
        }
        source += "let total = sum([C1.cash[2030], C2.cash[2030], C3.cash[2030], C4.cash[2030], C5.cash[2030]])\n"
        try session.run(source: source, name: "portfolio.burn")
        let s = session.interpreter.world.state.statistics
        // A question per cell, each compiled (one program per company's cash).
        #expect(s.parallel == (Parallel.threads > 1 ? 5 : 0))
        #expect(s.parallel + s.oneThread == 5)
        // The same total, asked cell by cell (a question each), has the same bits.
        let one = try session.evaluate("C1.cash[2030] + C2.cash[2030] + C3.cash[2030] + C4.cash[2030] + C5.cash[2030]")
        let listed = try session.evaluate("total")
        #expect(one == listed)
    }
}

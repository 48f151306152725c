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
              + "\(s.kernels) as kernels, \(s.fallbacks) fallbacks, \(s.slicesRedone) slices redone, "
              + "\(s.searches) year searches")
        #expect(s.fallbacks == 0)
        #expect(s.slicesRedone == 0)
        // Most compiled questions are flat kernels (openai-2025-range: 7 of 11; the others
        // solve a ratio identity, or read a cell worked out inside another, which a kernel does not).
        #expect(s.kernels * 2 >= s.parallel + s.oneThread)
    }

    @Test func aPortfolioIsAskedOnEveryCore() throws {
        let session = Session()
        session.output = { _ in }
        var source = "samples 20000\n"
        for i in 1...5 {
            source += "company C\(i)\nrevenue[2024] = \(i)B\nloss[2024] = 1B\ncash[2024] = 3B\n"
            source += "revenue grows 20% to 60% per year\ncosts grow 5% per year\n"
        }
        source += "let total = sum([C1.cash[2040], C2.cash[2040], C3.cash[2040], C4.cash[2040], C5.cash[2040]])\n"
        try session.run(source: source, name: "portfolio.burn")
        let s = session.interpreter.world.state.statistics
        // A question per cell, each compiled to a kernel (one per company's cash); 20,000
        // draws of each are long enough for every core.
        #expect(s.kernels == 5)
        #expect(s.parallel == (Parallel.threads > 1 ? 5 : 0))
        #expect(s.parallel + s.oneThread == 5)
        // The same total, asked cell by cell (a question each), has the same bits.
        let one = try session.evaluate("C1.cash[2040] + C2.cash[2040] + C3.cash[2040] + C4.cash[2040] + C5.cash[2040]")
        let listed = try session.evaluate("total")
        #expect(one == listed)
    }
}

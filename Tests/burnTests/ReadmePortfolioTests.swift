// ReadmePortfolioTests: the README's portfolio example, run as written, prints what its comments
// say; the total's mean is also the sum of the two companies' means (computed another way).
import Foundation
import Testing
import TestSupport

@Suite struct ReadmePortfolioTests {
    @Test func theReadmePortfolioPrintsWhatItsCommentsSay() throws {
        let readme = try String(contentsOf: BurnBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```text\ncompany A\n"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let block = String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let lines = block.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1) }
        let dir = try TemporaryDirectory()
        try dir.write(lines.map { String($0[0]) }.joined(separator: "\n")
            + "\nmean(A.cash[2030])\nmean(B.cash[2030])\nmean(total)\n", to: "portfolio.burn")
        let r = try BurnBinary.run(["run", "portfolio.burn"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.status == 0, "\(r.stderr)")
        let printed = r.stdout.split(separator: "\n").map(String.init)
        // The comments of the lines that print, in order; each comment starts with the output.
        let said = lines.filter { $0.count == 2 }.map { $0[1].trimmingCharacters(in: .whitespaces) }
        try #require(printed.count == said.count + 3)
        for (output, comment) in zip(printed, said) { #expect(comment.hasPrefix(output), "\(output) vs \(comment)") }
        // $16.76B + $3.147B = $19.91B: the mean of the sum is the sum of the means.
        func billions(_ s: String) -> Double? { Double(s.dropFirst().dropLast()) }
        let (a, b, total) = (billions(printed[2]), billions(printed[3]), billions(printed[4]))
        #expect(a.flatMap { a in b.map { abs(a + $0 - (total ?? 0)) < 0.01 } } == true, "\(printed)")
    }
}

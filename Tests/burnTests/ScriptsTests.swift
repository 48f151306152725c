// ScriptsTests: every saved scenario script runs, and `burn check Scripts/` reproduces the
// articles' figures with no failed check.
import Foundation
import Testing

@Suite("Scripts/")
struct ScriptsTests {
    static let scripts: [String] = {
        let dir = BurnBinary.packageRoot.appendingPathComponent("Scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".burn") }.sorted().map { "Scripts/" + $0 }
    }()

    @Test(arguments: scripts)
    func runs(_ script: String) throws {
        let r = try BurnBinary.run(["run", script])
        #expect(r.status == 0, "\(script)\n\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(script)\n\(r.stderr)")
    }

    @Test func everyCheckPasses() throws {
        let r = try BurnBinary.run(["check", "Scripts/"])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasSuffix(" passed, 0 failed\n"))
        let passed = Int(r.stdout.split(separator: " ").first ?? "") ?? 0
        #expect(passed >= 50)
    }
}

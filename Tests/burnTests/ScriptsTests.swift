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

    /// Each script's whole output is kept in `Tests/ScriptOutputs/NAME.out`; a changed figure
    /// fails here until the golden file is reviewed and rewritten (`BURN_UPDATE_GOLDEN=1 swift
    /// test --filter ScriptsTests` rewrites them all, for `git diff` to review).
    @Test(arguments: scripts)
    func printsItsGoldenOutput(_ script: String) throws {
        let r = try BurnBinary.run(["run", script])
        let name = (script as NSString).lastPathComponent.replacingOccurrences(of: ".burn", with: ".out")
        let golden = BurnBinary.packageRoot.appendingPathComponent("Tests/ScriptOutputs/" + name)
        if ProcessInfo.processInfo.environment["BURN_UPDATE_GOLDEN"] == "1" {
            try Data(r.stdout.utf8).write(to: golden, options: .atomic)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(r.stdout == expected, "output of \(script) differs from \(golden.path)")
    }

    @Test func everyCheckPasses() throws {
        let r = try BurnBinary.run(["check", "Scripts/"])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.hasSuffix(" passed, 0 failed\n"))
        let passed = Int(r.stdout.split(separator: " ").first ?? "") ?? 0
        #expect(passed >= 50)
    }
}

// FuzzFoundTests: every input the fuzzers ever reported (Tests/Fuzz/found/<target>/, kept by
// Tests/Fuzz/run) is replayed by the target's ordinary build, in a fresh session: none may crash.
import Foundation
import Testing

struct FoundInput: CustomTestStringConvertible, Sendable {
    let target: String
    let name: String
    var testDescription: String { target + "/" + name }

    static let root = BurnBinary.packageRoot.appendingPathComponent("Tests/Fuzz/found").path

    static func all() -> [FoundInput] {
        ["FuzzSession", "FuzzNotebook"].flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + target)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted().map { FoundInput(target: target, name: $0) }
        }
    }
}

@Suite("Fuzzers' found inputs")
struct FuzzFoundTests {
    @Test(arguments: FoundInput.all())
    func replaysWithoutCrashing(_ input: FoundInput) throws {
        let binary = BurnBinary.executable.deletingLastPathComponent().appendingPathComponent(input.target).path
        let r = try LimitedProcess.run(binary, [FoundInput.root + "/" + input.target + "/" + input.name],
                                       directory: FoundInput.root, seconds: 30, addressSpace: 4 << 30)
        #expect(!r.timedOut, "did not finish within 30 s")
        #expect(r.signal == nil, "killed by signal \(r.signal ?? 0): \(r.stderr.suffix(600))")
        #expect(r.status == 0, "status \(r.status.map(String.init) ?? "-"): \(r.stderr.suffix(600))")
    }
}

// HostileCorpusTests: every script and notebook in Tests/Hostile/cases (generate.py) runs
// through `burn run` under 1 GB of memory and 10 s, and must end with a located diagnostic and
// status 1: never a crash, a hang or runaway memory (issue 16). Tests/Hostile/pending holds
// the cases that wait on issue 14; they are not run.
import Foundation
import Testing

struct HostileCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = BurnBinary.packageRoot.appendingPathComponent("Tests/Hostile/cases").path

    static func all() -> [HostileCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".burn") || $0.hasSuffix(".md") }.sorted().map(HostileCase.init)
    }
}

@Suite("Hostile corpus")
struct HostileCorpusTests {
    /// Wall-clock bound per case, and memory: the peak resident size must stay under 1 GB. The
    /// address-space limit is higher: evaluation reserves a 1 GB stack it mostly never touches.
    static let seconds = 10.0
    static let peakMegabytes = 1024
    static let addressSpace = 3 << 30

    @Test func theCorpusIsLargeEnough() {
        #expect(HostileCase.all().count >= 200)
    }

    @Test(arguments: HostileCase.all())
    func endsWithALocatedDiagnostic(_ hostile: HostileCase) throws {
        // The script's own time limit at half the bound: a runaway (2^60 calls, ten million draws
        // over 177 years) must end in its error, not in the test's kill.
        let r = try LimitedProcess.run(BurnBinary.executable.path, ["run", "--seconds", "5", hostile.name],
                                       directory: HostileCase.directory,
                                       seconds: Self.seconds, addressSpace: Self.addressSpace)
        #expect(!r.timedOut, "did not finish within \(Self.seconds) s")
        #expect(r.signal == nil, "killed by signal \(r.signal ?? 0): \(r.stderr.suffix(400))")
        #expect(r.status == 1, "status \(r.status.map(String.init) ?? "-")")
        #expect(r.peakMegabytes < Self.peakMegabytes, "peak memory \(r.peakMegabytes) MB")
        // ` --> file:line:column` (a notebook's cells are `<cell 3>`).
        let located = r.stderr.split(separator: "\n").contains { line in
            line.hasPrefix(" ") && line.contains("--> ") && line.split(separator: ":").count >= 3
                && line.split(separator: ":").suffix(2).allSatisfy { Int($0) != nil }
        }
        #expect(located, "no `--> file:line:column` in: \(r.stderr.prefix(400))")
    }
}

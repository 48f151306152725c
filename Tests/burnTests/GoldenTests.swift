// GoldenTests: every Tests/Golden/<feature>/*.burn runs through `burn run`; its comments are the
// assertions: `# expect: TEXT` lines are stdout in order, `# expect error: MESSAGE` is the
// first line of stderr (`error: MESSAGE`, and the exit status is 1), `# expect stderr: TEXT`
// lines must appear in stderr in order.
import Foundation
import Testing

struct GoldenCase: CustomTestStringConvertible, Sendable {
    let path: String
    var testDescription: String { path }

    static func all() -> [GoldenCase] {
        let root = BurnBinary.packageRoot.appendingPathComponent("Tests/Golden")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".burn") }.sorted()
            .map { GoldenCase(path: "Tests/Golden/" + $0) }
    }
}

struct Expectations {
    var stdout: [String] = []
    var error: String?
    var stderr: [String] = []

    init(source: String) {
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let hash = line.range(of: "# expect") else { continue }
            let rest = line[hash.upperBound...]
            if rest.hasPrefix(": ") || rest == ":" {
                stdout.append(String(rest.dropFirst(2)))
            } else if rest.hasPrefix(" error: ") {
                error = String(rest.dropFirst(" error: ".count))
            } else if rest.hasPrefix(" stderr: ") {
                stderr.append(String(rest.dropFirst(" stderr: ".count)))
            }
        }
    }
}

@Suite("Golden files")
struct GoldenTests {
    @Test(arguments: GoldenCase.all())
    func golden(_ test: GoldenCase) throws {
        let source = try String(contentsOf: BurnBinary.packageRoot.appendingPathComponent(test.path), encoding: .utf8)
        let expected = Expectations(source: source)
        let result = try BurnBinary.run(["run", test.path])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let printed = lines.last == "" ? Array(lines.dropLast()) : lines
        #expect(printed == expected.stdout, "stdout of \(test.path)\n--- stderr:\n\(result.stderr)")
        if let error = expected.error {
            #expect(result.status == 1, "exit status of \(test.path)")
            let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first == "error: " + error, "first stderr line of \(test.path)\n\(result.stderr)")
        } else {
            #expect(result.status == 0, "exit status of \(test.path)\n\(result.stderr)")
            #expect(result.stderr.isEmpty || !expected.stderr.isEmpty, "unexpected stderr:\n\(result.stderr)")
        }
        var remaining = Substring(result.stderr)
        for line in expected.stderr {
            guard let found = remaining.range(of: line) else {
                Issue.record("stderr of \(test.path) lacks '\(line)' (in order)\n\(result.stderr)")
                break
            }
            remaining = remaining[found.upperBound...]
        }
    }

    @Test func thereAreGoldenFiles() {
        #expect(GoldenCase.all().count >= 10)
    }
}

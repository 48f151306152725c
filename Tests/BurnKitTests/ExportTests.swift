// ExportTests: `export` writes CSV, JSON and Markdown atomically, only where the host allows.
import Foundation
import Testing
@testable import BurnKit

@Suite struct ExportTests {
    let model = """
        company OpenAI
        revenue[2024..2025] = [3.7B, 11.6B]
        loss[2024..2025] = [5B, 8B]

        """

    private func session(in dir: URL) -> Session {
        let session = Session()
        session.files = FileAccess(directories: [dir.path])
        session.output = { _ in }
        return session
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("burn-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func csvAndJson() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = session(in: dir)
        try session.run(source: model + """
            export table revenue, costs in 2024..2025 to "t.csv"
            export table revenue in 2024..2025 to "t.json"
            export table revenue in 2024..2025 to "t.md"
            """, name: dir.appendingPathComponent("m.burn").path)
        let csv = try String(contentsOf: dir.appendingPathComponent("t.csv"), encoding: .utf8)
        #expect(csv == "year,revenue,costs\n2024,3700000000,8700000000\n2025,11600000000,19600000000\n")
        let json = try String(contentsOf: dir.appendingPathComponent("t.json"), encoding: .utf8)
        #expect(json == "[\n  {\"year\": 2024, \"revenue\": 3700000000},\n  {\"year\": 2025, \"revenue\": 11600000000}\n]\n")
        let md = try String(contentsOf: dir.appendingPathComponent("t.md"), encoding: .utf8)
        #expect(md.hasPrefix("| year | revenue |\n"))
    }

    @Test func refusesDirectoriesTheHostDidNotAllow() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = session(in: dir)
        #expect(throws: BurnError.self) {
            try session.run(source: model + "export table revenue to \"/tmp/elsewhere.csv\"", name: dir.appendingPathComponent("m.burn").path)
        }
    }

    @Test func svgChart() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = session(in: dir)
        try session.run(source: model + "chart revenue, costs in 2024..2025 to \"c.svg\"", name: dir.appendingPathComponent("m.burn").path)
        let svg = try String(contentsOf: dir.appendingPathComponent("c.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("<polyline"))
    }
}

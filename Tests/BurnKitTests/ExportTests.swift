// ExportTests: `export` writes CSV, JSON and Markdown atomically, only where the host allows.
import BurnModel
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

    // MARK: - Uncertain values (issue 11, defect 4)

    /// A loss drawn lognormal with p5 3B and p95 5B: its mean is exp(mu + sigma^2 / 2) with
    /// mu = ln(sqrt(3 * 5)) and sigma = ln(5 / 3) / (2 * 1.6449) = 0.15527, so 3.8730B * 1.01213
    /// = 3.9200B.
    let uncertainModel = """
        samples 20000
        company A
        revenue[2024] = 10B
        loss[2024] = 3B to 5B
        revenue grows 50% per year
        costs grows 20% per year
        cash[2024] = 1B

        """
    static let lossMean = 3.9200e9

    private func rows(_ json: String) throws -> [[String: Any]] {
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(parsed as? [[String: Any]])
    }

    @Test func uncertainCellsExportMeanP5AndP95() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = session(in: dir)
        try session.run(source: uncertainModel + """
            export table revenue, loss in 2024..2025 to "t.csv"
            export table revenue, loss in 2024..2025 to "t.json"
            export table loss in 2024..2024 to "t.md"
            """, name: dir.appendingPathComponent("m.burn").path)
        let csv = try String(contentsOf: dir.appendingPathComponent("t.csv"), encoding: .utf8)
        #expect(!csv.contains("nan"))
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ["year", "revenue", "loss", "loss p5", "loss p95"])
        let (mean, p5, p95) = (Double(lines[1][2]) ?? 0, Double(lines[1][3]) ?? 0, Double(lines[1][4]) ?? 0)
        #expect(abs(mean / Self.lossMean - 1) < 0.01)
        #expect(abs(p5 / 3e9 - 1) < 0.02 && abs(p95 / 5e9 - 1) < 0.02)
        // The revenue is certain: no interval columns, its value as written.
        #expect(lines[1][1] == "10000000000")

        let json = try rows(String(contentsOf: dir.appendingPathComponent("t.json"), encoding: .utf8))
        #expect(json.count == 2)
        let first = json[0]
        #expect(first["year"] as? Int == 2024)
        #expect(abs((first["loss"] as? Double ?? 0) - mean) < 1)
        #expect(abs((first["loss p5"] as? Double ?? 0) - p5) < 1)
        #expect(abs((first["loss p95"] as? Double ?? 0) - p95) < 1)

        let md = try String(contentsOf: dir.appendingPathComponent("t.md"), encoding: .utf8)
        #expect(md.hasPrefix("| year | loss | loss p5 | loss p95 |\n"))
    }

    @Test func uncertainSeriesAndProjectionAreValidJson() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = session(in: dir)
        try session.run(source: uncertainModel + """
            export A.loss[2024..2025] to "s.json"
            export A.loss[2024..2025] to "s.csv"
            export project until 2026 to "p.json"
            """, name: dir.appendingPathComponent("m.burn").path)
        let series = try rows(String(contentsOf: dir.appendingPathComponent("s.json"), encoding: .utf8))
        #expect(abs((series[0]["A.loss"] as? Double ?? 0) / Self.lossMean - 1) < 0.01)
        #expect(series[0]["A.loss p95"] is Double)
        let csv = try String(contentsOf: dir.appendingPathComponent("s.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("year,A.loss,A.loss p5,A.loss p95\n") && !csv.contains("nan"))
        let projection = try rows(String(contentsOf: dir.appendingPathComponent("p.json"), encoding: .utf8))
        #expect(projection.count == 3)
        // operating_income = -loss in 2024: the mean negated, the bounds swapped.
        let income = projection[0]
        #expect(abs((income["operating_income"] as? Double ?? 0) / -Self.lossMean - 1) < 0.01)
        #expect((income["operating_income p5"] as? Double ?? 0) < (income["operating_income p95"] as? Double ?? 0))
    }

    /// Cells with no finite value (unknown, none, no value in any draw) are `null`.
    @Test func missingCellsAreNullInJson() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = session(in: dir)
        try session.run(source: """
            company A
            revenue[2024] = 10B
            loss[2024] = 0
            cash[2024] = 1B
            export table revenue, valuation, runway in 2024..2025 to "t.json"
            """, name: dir.appendingPathComponent("m.burn").path)
        let text = try String(contentsOf: dir.appendingPathComponent("t.json"), encoding: .utf8)
        let json = try rows(text)
        #expect(json.count == 2)
        #expect(json[0]["valuation"] is NSNull)
        #expect(json[0]["runway"] is NSNull)
        #expect(json[1]["revenue"] is NSNull)
    }

    @Test func jsonStringsAreEscaped() throws {
        let name = "a \"quoted\" \\ name\nwith\ttabs \u{1}"
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + World.jsonString(name) + "]").utf8))
        #expect((parsed as? [String])?.first == name)
        #expect(World.number(.value(Quantity(.infinity))) == nil)
        #expect(World.number(.value(Quantity(draws: Draws([.nan, .nan])))) == nil)
        #expect(World.number(.value(Quantity(draws: Draws([1, 3, .nan])))) == "2")
    }
}

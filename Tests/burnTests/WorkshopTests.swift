// WorkshopTests: the workshop notebooks of Scripts/ (issue 13): each lesson has its solutions
// beside it, exercises that ask for a prediction, and saved outputs that `burn check` confirms.
import Foundation
import Testing

@Suite("Scripts/ workshop notebooks")
struct WorkshopTests {
    static let lessons: [String] = {
        let dir = BurnBinary.packageRoot.appendingPathComponent("Scripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasPrefix("lesson-") && $0.hasSuffix(".md") && !$0.hasSuffix("-solutions.md") }
            .sorted().map { "Scripts/" + $0 }
    }()

    @Test func thereAreAtLeastThreeLessons() {
        #expect(Self.lessons.count >= 3, "\(Self.lessons)")
    }

    @Test(arguments: lessons)
    func hasExercisesAndSolutions(_ lesson: String) throws {
        let text = try String(contentsOf: BurnBinary.packageRoot.appendingPathComponent(lesson), encoding: .utf8)
        #expect(text.contains("## Exercises") || text.contains("## Exercices"), "\(lesson) has no exercises section")
        #expect(text.contains("predict") || text.contains("Prédisez"), "\(lesson) asks for no prediction")
        let solutions = lesson.replacingOccurrences(of: ".md", with: "-solutions.md")
        #expect(FileManager.default.fileExists(atPath: BurnBinary.packageRoot.appendingPathComponent(solutions).path))
        #expect(text.contains((solutions as NSString).lastPathComponent), "\(lesson) does not name its solutions")
    }

    /// Each notebook (lesson and solutions) re-runs to its saved outputs, every block having one.
    @Test(arguments: lessons.flatMap { [$0, $0.replacingOccurrences(of: ".md", with: "-solutions.md")] })
    func passesBurnCheck(_ notebook: String) throws {
        let text = try String(contentsOf: BurnBinary.packageRoot.appendingPathComponent(notebook), encoding: .utf8)
        let blocks = text.components(separatedBy: "```burn\n").count - 1
        #expect(blocks >= 4, "\(notebook) has \(blocks) code blocks")
        #expect(text.components(separatedBy: "```output\n").count - 1 == blocks, "\(notebook): a block has no saved output")
        let r = try BurnBinary.run(["check", notebook])
        #expect(r.status == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout == "\(blocks) passed, 0 failed\n")
    }
}

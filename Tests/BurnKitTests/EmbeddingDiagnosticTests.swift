// EmbeddingDiagnosticTests: structured errors for hosts: file, line, column (characters),
// end, message, hint and notes with their own places, in host text, imports and the library.
import BurnModel
import Testing
import TestSupport
@testable import BurnKit

@Suite struct EmbeddingDiagnosticTests {
    /// The first diagnostic of what `body` throws, located in the session's sources.
    static func located(_ session: Session, _ body: () throws -> Void) -> LocatedDiagnostic? {
        do {
            try body()
        } catch let error as BurnError {
            return error.located(in: session).first
        } catch {
            Issue.record("expected a BurnError, got \(error)")
        }
        return nil
    }

    @Test func lineAndColumnInCharacters() throws {
        let s = Session()
        // Line 2; `nope` starts after `"€é" + ` (7 characters, 10 bytes): columns 8 to 12.
        let d = try #require(Self.located(s) { _ = try s.evaluate("1\n\"€é\" + nope", name: "host.burn") })
        #expect(d.message == "unknown name 'nope'")
        #expect(d.location == SourceRange(file: "host.burn", line: 2, column: 8, endLine: 2, endColumn: 12))
        #expect(d.location?.description == "host.burn:2:8")
        #expect(d.severity == .error)
        #expect(d.limit == nil)
        // The caret display agrees.
        do { _ = try s.evaluate("1\n\"€é\" + nope", name: "host.burn") } catch {
            #expect(s.render(error).contains(" --> host.burn:2:8"))
        }
    }

    @Test func hintAndLabel() throws {
        let s = Session()
        try s.run(source: "company OpenAI")
        let d = try #require(Self.located(s) { try s.run(source: "company X\nrevnue[2024] = 3.7B", name: "m.burn") })
        #expect(d.location?.file == "m.burn")
        #expect(d.location?.line == 2 && d.location?.column == 1)
        #expect(d.label?.contains("revenue") == true)
        #expect(d.hint != nil || d.label != nil)
    }

    @Test func everySyntaxErrorIsLocated() throws {
        let s = Session()
        do {
            try s.run(source: "let = 1\nlet y = (2 +\n", name: "two.burn")
            Issue.record("expected syntax errors")
        } catch let error as BurnError {
            let all = error.located(in: s)
            #expect(all.count == error.diagnostics.count)
            #expect(all.allSatisfy { $0.location?.file == "two.burn" })
            #expect(all.first?.location?.line == 1)
        }
    }

    @Test func errorInAnImportedFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("# a library\nlet a = 1\nlet b = a + missing_name\n", to: "lib.burn")
        try dir.write("import \"lib.burn\"\n", to: "main.burn")
        let s = Session()
        s.files = FileAccess(directories: [dir.path])
        let d = try #require(Self.located(s) { try s.run(file: dir.path + "/main.burn") })
        #expect(d.message == "unknown name 'missing_name'")
        // `let b = a + ` is 12 characters: the name starts at column 13 and ends at 25.
        #expect(d.location == SourceRange(file: dir.path + "/lib.burn", line: 3, column: 13, endLine: 3, endColumn: 25))
    }

    @Test func errorInsideTheStandardLibrary() throws {
        let s = Session()
        // cagr divides by its first argument inside Stdlib/: the error is moved to the call,
        // and a note points into the library.
        let d = try #require(Self.located(s) { _ = try s.evaluate("cagr(0, 10, 2)", name: "q.burn") })
        #expect(d.message.contains("division by zero"))
        #expect(d.location == SourceRange(file: "q.burn", line: 1, column: 1, endLine: 1, endColumn: 15))
        let note = try #require(d.notes.last)
        let place = try #require(note.location)
        #expect(place.file.hasPrefix("Stdlib/"))
        #expect(place.line >= 1 && place.column >= 1)
        #expect(place.endLine > place.line || place.endColumn > place.column)
    }

    @Test func notesHaveTheirOwnPlaces() throws {
        let s = Session()
        let d = try #require(Self.located(s) {
            try s.run(source: "company X\nrevenue[2024] = 10B\ncosts[2024] = 8B\noperating_income[2024] = 5B\n", name: "c.burn")
        })
        #expect(d.location?.file == "c.burn")
        #expect(!d.notes.isEmpty)
        #expect(d.notes.contains { $0.location?.file == "c.burn" })
    }

    @Test func hostErrorsHaveNoPlace() throws {
        let s = Session()
        let d = Diagnostic("from the host", at: .none).located(in: s)
        #expect(d.location == nil)
        #expect(d.message == "from the host")
    }
}

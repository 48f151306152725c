// HelpCommandTests: `burn help [TOPIC]` prints what `:help` prints; `burn --help` points to the
// reference; and the help examples that read or write files, run through `burn` in a directory
// of their own, print what their topics say.
import Foundation
import Testing
import TestSupport
@testable import BurnKit

@Suite("burn help")
struct HelpCommandTests {
    static let fileTopics = HelpCatalogue.standard.topics.filter(\.touchesFiles).map(\.name)

    @Test func listsTheTopicsAsTheReplDoes() throws {
        let r = try BurnBinary.run(["help"])
        #expect(r.status == 0)
        #expect(r.stdout == ReplSession().submit(":help").text)
        for group in ["statements", "questions", "metrics", "functions", "concepts"] {
            #expect(r.stdout.contains("\n  " + group + " "))
        }
    }

    @Test(arguments: ["grows", "funding_need", "cagr", "round()", ":undo", "undo", "percent"])
    func printsOneTopicAsTheReplDoes(_ topic: String) throws {
        let r = try BurnBinary.run(["help", topic])
        #expect(r.status == 0)
        #expect(r.stdout == ReplSession().submit(":help " + topic).text)
        #expect(!r.stdout.isEmpty)
    }

    @Test func anUnknownTopicSuggestsTheNearest() throws {
        let r = try BurnBinary.run(["help", "revnue"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "error: no help for 'revnue', did you mean 'revenue'?\n  = help: `:help` lists the topics\n")
    }

    @Test func aSubcommandGetsItsUsage() throws {
        let r = try BurnBinary.run(["help", "check"])
        #expect(r.status == 0)
        // `check` is also a statement of the language: the statement's topic wins.
        #expect(r.stdout.hasPrefix("check CONDITION\n"))
        let run = try BurnBinary.run(["help", "run"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: burn run"))
    }

    @Test func dashDashHelpPointsToTheReference() throws {
        let r = try BurnBinary.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("burn help"))
        #expect(r.stdout.contains("LanguageReference.md"))
        #expect(!r.stdout.contains("LANGUAGE.md"))
        let path = BurnBinary.packageRoot.appendingPathComponent("Sources/BurnKit/BurnKit.docc/LanguageReference.md").path
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// `import`, `export`, `:save`, `:load`: piped into `burn` in an empty directory, as a user
    /// would type them; nothing goes to standard error.
    @Test(arguments: fileTopics)
    func fileExamplePrintsWhatTheTopicSays(_ name: String) throws {
        let topic = try #require(HelpCatalogue.standard.topic(named: name))
        let directory = try TemporaryDirectory()
        let r = try BurnBinary.run([], input: topic.example + "\n", directory: URL(fileURLWithPath: directory.path))
        #expect(r.stderr == "")
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .newlines) == topic.output, "\(name) printed\n\(r.stdout)")
        #expect(!directory.files().isEmpty, "\(name) wrote no file")
    }
}

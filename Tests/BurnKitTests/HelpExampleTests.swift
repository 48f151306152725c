// HelpExampleTests: every help topic's example, typed into a fresh REPL, prints exactly the
// output written in the topic (examples that touch files run in burnTests' HelpCommandTests).
import Foundation
import Testing
@testable import BurnKit

@Suite struct HelpExampleTests {
    static let catalogue = HelpCatalogue.standard

    /// The topics whose example runs here: those that touch no file.
    static let inProcess = catalogue.topics.filter { !$0.example.isEmpty && !$0.touchesFiles }.map(\.name)

    /// `locale` is implemented in parallel (issue 13, item 1): its example runs once the
    /// statement exists.
    static func isPending(_ topic: HelpTopic) -> Bool {
        topic.name == "locale" && Parser.statementWords["locale"] == nil
    }

    @Test(arguments: inProcess)
    func exampleOutputIsWhatTheTopicSays(_ name: String) throws {
        let topic = try #require(Self.catalogue.topic(named: name))
        if Self.isPending(topic) { return }
        let actual = topic.runExample()
        Self.record(name, actual)
        #expect(actual == topic.output, "\(name): the example printed\n\(actual)")
    }

    /// With BURN_HELP_ACTUAL=DIR, each example's actual output is written to DIR/NAME.out, to
    /// review and paste into the topic when an example changes on purpose.
    static func record(_ name: String, _ actual: String) {
        guard let dir = ProcessInfo.processInfo.environment["BURN_HELP_ACTUAL"] else { return }
        try? actual.write(toFile: dir + "/" + name + ".out", atomically: true, encoding: .utf8)
    }
}

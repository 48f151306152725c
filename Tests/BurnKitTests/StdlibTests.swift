// StdlibTests: every documented standard-library function has an example, and it prints its result.
import Testing
@testable import BurnKit

@Suite struct StdlibTests {
    @Test func everyExampleRunsAndPrintsItsResult() throws {
        let session = Session()
        let docs = session.functionDocs
        #expect(docs.count >= 4)
        for (name, doc) in docs.sorted(by: { $0.key < $1.key }) {
            let example = try #require(doc.example, "\(name) has no example")
            let result = try #require(doc.result, "\(name) has no result")
            #expect(!doc.text.isEmpty, "\(name) has no description")
            #expect(session.format(try session.evaluate(example)) == result, "example of \(name)")
        }
    }

    @Test func theRequiredFunctionsAreDocumented() {
        let docs = Session().functionDocs
        for name in ["cagr", "npv", "irr", "doubling_time"] { #expect(docs[name] != nil, "\(name)") }
        #expect(docs["npv"]?.text.contains("first") == true)
    }
}

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
        for name in ["cagr", "doubling_time", "burn_multiple", "rule_of_40", "revenue_multiple", "cash_conversion"] {
            #expect(docs[name] != nil, "\(name)")
        }
        // npv, irr and the time value of money are native (FinanceBuiltins), with topics of their own.
        let catalogue = HelpCatalogue.standard
        for name in ["npv", "irr", "mirr", "pv", "fv", "pmt", "nper", "rate()", "xnpv", "xirr", "growth_needed",
                     "payback_years", "trailing_multiple", "forward_multiple"] {
            #expect(catalogue.topic(named: name)?.group == .functions, "\(name)")
        }
        #expect(catalogue.topic(named: "npv")?.summary.contains("first") == true)
    }
}

// HelpCatalogueTests: every statement, metric, function and REPL command has a help topic with
// an example; names find their topic; the listing shows them all; the language reference in
// BurnKit.docc names every topic, so the two cannot drift apart; and the listing commands.
import Foundation
import Testing
@testable import BurnKit

@Suite struct HelpCatalogueTests {
    let catalogue = HelpCatalogue.standard

    /// Standard-library functions that only serve others and carry no `##` documentation.
    static let helperFunctions: Set<String> = []

    @Test func everyStatementWordHasATopic() {
        for word in Parser.statementWords.keys.sorted() {
            #expect(catalogue.topic(named: word) != nil, "no topic for the statement '\(word)'")
        }
        for word in ["grows", "reaches", "facts", "formulas", "under", "locale", "round", "commit"] {
            #expect(catalogue.topic(named: word) != nil, "no topic for '\(word)'")
        }
    }

    @Test func everyMetricOfTheCatalogueHasATopic() {
        let session = Session()
        for metric in session.interpreter.world.metricNames {
            #expect(catalogue.topic(named: metric)?.group == .metrics, "no metric topic for '\(metric)'")
        }
    }

    @Test func everyFunctionHasATopic() {
        let native = (CoreBuiltins.table + MathBuiltins.table + ListBuiltins.table + UncertaintyBuiltins.table
            + FinanceBuiltins.table).map(\.0)
        let session = Session()
        let globals = session.interpreter.globalSlots.keys.filter { name in
            if case .function? = session.interpreter.global(name) { return true }
            return false
        }
        for name in Set(native).union(globals).subtracting(Self.helperFunctions).sorted() {
            #expect(catalogue.topic(named: name + "()")?.group == .functions, "no function topic for '\(name)'")
        }
        // `round` is a statement and a function: the name finds the statement, `round()` the function.
        #expect(catalogue.topic(named: "round")?.group == .statements)
        #expect(catalogue.topic(named: "round()")?.forms.first == "round(x)")
    }

    @Test func everyCommandHasATopic() {
        for command in ReplSession.commands {
            #expect(catalogue.topic(named: ":" + command.name)?.group == .commands)
            #expect(catalogue.topic(named: command.name) != nil)
        }
        #expect(catalogue.topic(named: ":q")?.name == ":quit")
        #expect(catalogue.topic(named: "scenarios")?.group == .concepts)
        #expect(catalogue.topic(named: ":scenarios")?.group == .commands)
    }

    @Test func everyTopicButSomeConceptsHasAnExample() {
        let withoutExamples = catalogue.topics.filter { $0.example.isEmpty }.map(\.name)
        #expect(withoutExamples == ["keys", "notebooks", "jupyter", "cli", "embedding"])
        for topic in catalogue.topics where topic.name != ":quit" && !topic.example.isEmpty {
            #expect(!topic.output.isEmpty || topic.name == "export", "\(topic.name): an example that prints nothing")
        }
    }

    @Test func namesAreUniqueAndSeeAlsoLeadsSomewhere() {
        let names = catalogue.topics.map(\.name)
        #expect(Set(names).count == names.count)
        for topic in catalogue.topics {
            for other in topic.seeAlso {
                #expect(catalogue.topic(named: other) != nil, "\(topic.name) sends to '\(other)', which is no topic")
            }
        }
    }

    @Test func theListingNamesEveryTopicByGroup() {
        let listing = ReplSession().submit(":help").text
        for topic in catalogue.topics where topic.group != .commands {
            #expect(listing.contains(" " + topic.name + ",") || listing.contains(" " + topic.name + "\n"),
                    "the listing lacks '\(topic.name)'")
        }
        for command in ReplSession.commands { #expect(listing.contains(command.usage)) }
        for line in listing.split(separator: "\n") { #expect(line.count <= 100, "too long: \(line)") }
    }

    @Test func aTopicShowsItsFormsTextAndExample() {
        let text = ReplSession().submit(":help reaches").text
        #expect(text == """
            METRIC reaches VALUE in YEAR
            a rule: the metric reaches a value in a year, at one constant rate from the last known value
            The years between the last known value and YEAR grow at the constant rate that joins
            them. Between two facts with no rule the same happens on its own.
            example:
              company Acme
              revenue[2024] = 1B
              revenue reaches 4B in 2026
              revenue[2025]
            prints:
              [4] $2B
            see also: grows, facts

            """)
        // One line that prints one value reads as the reference writes it.
        #expect(ReplSession().submit(":help abs").text.contains("example: abs(-$74B)  # => $74B\n"))
    }

    @Test func unknownTopicsSuggestTheNearest() {
        let repl = ReplSession()
        let outcome = repl.submit(":help grwos")
        #expect(outcome.failed)
        #expect(outcome.text == "error: no help for 'grwos', did you mean 'grows'?\n  = help: `:help` lists the topics\n")
        #expect(repl.submit(":help fundng_need").text.contains("did you mean 'funding_need'?"))
        #expect(repl.submit(":help :metrcs").text.contains("did you mean ':metrics'?"))
        #expect(repl.submit(":help undoo").text.contains("did you mean 'undo'?"))
        #expect(repl.completions(for: ":help und", cursor: 9) == ["under", "undo"])
        #expect(repl.completions(for: ":help :und", cursor: 10) == [":undo"])
    }

    @Test func aUserFunctionWithDocsHasATopic() {
        let repl = ReplSession()
        _ = repl.submit("## Twice x.\n## example: twice(2)\n## result: 4\nfn twice(x) = 2 * x")
        #expect(repl.submit(":help twice").text == "twice(x)\nTwice x.\nexample: twice(2)  # => 4\n")
        // A documented function named like a native one replaces its topic.
        _ = repl.submit("## Absolutely.\nfn abs(x) = x")
        #expect(repl.submit(":help abs").text == "abs(x)\nAbsolutely.\n")
        let names = HelpCatalogue(docs: repl.session.functionDocs).topics.map(\.name)
        #expect(Set(names).count == names.count)
    }

    // MARK: - The reference

    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BurnKit/BurnKit.docc")

    @Test func theReferenceNamesEveryTopic() throws {
        let text = try String(contentsOf: Self.reference.appendingPathComponent("LanguageReference.md"), encoding: .utf8)
        for topic in catalogue.topics {
            let bare = topic.name.hasSuffix("()") ? String(topic.name.dropLast(2)) : topic.name
            #expect(text.contains("`" + bare), "the reference never names `\(bare)`")
        }
        #expect(text.hasPrefix("# "))
        #expect(!text.contains("../shared"))
    }

    @Test func theLandingPageLinksTheReference() throws {
        let text = try String(contentsOf: Self.reference.appendingPathComponent("BurnKit.md"), encoding: .utf8)
        #expect(text.hasPrefix("# ``BurnKit``"))
        #expect(text.contains("<doc:LanguageReference>"))
    }
}

@Suite struct ReplListingTests {
    @Test func emptySessionsSayHowToAdd() {
        let repl = ReplSession()
        #expect(repl.submit(":companies").text == "no companies yet: `company OpenAI` declares one\n")
        #expect(repl.submit(":knobs").text == "no knobs yet: `assume growth = 50%` declares one\n")
        #expect(repl.submit(":scenarios").text == "no scenarios yet: `scenario bear { assume growth = 25% }` declares one\n")
        #expect(repl.submit(":metrics").text.hasPrefix("metric                kind                  declared in\n"))
        #expect(repl.submit(":metrics now").failed)
    }

    @Test func companiesInDeclarationOrderWithTheirFigures() {
        let repl = ReplSession()
        _ = repl.submit("company Zeta\ncurrency EUR\nrevenue[2023] = 1B\ncommit 3B to Oracle over 2025..2027")
        _ = repl.submit("company Alpha\nrevenue[2024] = 2B\nloss[2024] = 1B\nround in 2024-05 raise 1B\nround in 2025-05 raise 2B")
        // Zeta: one fact (2023), a commitment to 2027; Alpha: two facts and two rounds, 2024..2025.
        #expect(repl.submit(":companies").text == """
            company  currency  facts  years       rounds  commitments
            -------  --------  -----  ----------  ------  -----------
            Zeta     EUR           1  2023..2027       0            1
            Alpha    USD           2  2024..2025       2            0

            """)
    }

    @Test func knobsAndScenariosInAFixedOrder() {
        let repl = ReplSession()
        _ = repl.submit("assume growth = 50%\nassume price = $20")
        _ = repl.submit("scenario zed { assume price = $10 }\nscenario bear { assume growth = 20%\n assume price = $15 }")
        #expect(repl.submit(":knobs").text == """
            knob    value  changed by
            ------  -----  ----------
            growth  50%    bear
            price   $20    bear, zed

            """)
        #expect(repl.submit(":scenarios").text == """
            scenario  changes
            --------  ---------------------------------------
            bear      assume growth = 20%; assume price = $15
            zed       assume price = $10

            """)
    }

    @Test func aMetricDeclaredInACellSaysWhere() {
        let repl = ReplSession()
        _ = repl.submit("1 + 1")
        _ = repl.submit("metric users: people stock")
        #expect(repl.submit(":metrics").text.hasSuffix("users                 people stock          <cell 2>:1\n"))
    }
}

// SessionDataTests: knobs, bindings, companies and facts given through Swift, validated as the
// language validates them, each transactional; and `run` leaving the model as it was on failure.
import BurnKit
import Testing

@Suite struct SessionDataTests {
    @Test func aKnobIsSeenByTheModelAndByScenarios() throws {
        let session = Session()
        try session.addCompany("Acme")
        try session.setFact(company: "Acme", metric: "revenue", year: 2024, value: .money(1e9), source: "10-K")
        try session.setKnob("g", .percent(0.5))
        try session.run(source: "Acme.revenue grows g per year\nscenario bull { assume g = 100% }")
        // 1B * 1.5 = 1.5B in the base; 1B * 2 = 2B in bull.
        #expect(try session.evaluate("Acme.revenue[2025]").money?.amount == 1.5e9)
        #expect(try session.evaluate("Acme.revenue[2025] under bull").money?.amount == 2e9)
        // Setting the knob again rebuilds the model: 1B * 1.25.
        try session.setKnob("g", .percent(0.25))
        #expect(try session.evaluate("Acme.revenue[2025]").money?.amount == 1.25e9)
        // The base replayed for the scenario keeps the injected company, fact and knob.
        #expect(try session.evaluate("Acme.revenue[2025] under bull").money?.amount == 2e9)
    }

    @Test func aKnobIsANumber() throws {
        let session = Session()
        #expect(throws: BurnError.self) { try session.setKnob("g", .string("fast")) }
        #expect((try? session.evaluate("g")) == nil)
    }

    @Test func aBindingIsALet() throws {
        let session = Session()
        try session.bind("price", .money(20))
        try session.bind("label", .string("pro"))
        #expect(try session.evaluate("price * 12").money?.amount == 240)
        #expect(try session.evaluate("label").string == "pro")
    }

    @Test func aCraftedCompanyNameIsOnlyAName() throws {
        let session = Session()
        let exported = OutputBuffer()
        session.files = .inMemory { name, _ in exported.append(name) }
        let name = "X\nexport table revenue to \"leak.csv\"\nlet pwned = 1"
        try session.addCompany(name)
        try session.setFact(company: name, metric: "revenue", year: 2024, value: .money(2e9))
        #expect(exported.text == "")
        #expect((try? session.evaluate("pwned")) == nil)
        // setFact found the company under its whole name; no company `X` came out of it.
        #expect((try? session.evaluate("X")) == nil)
    }

    @Test func aFactIsValidatedAsTheLanguageDoes() throws {
        let session = Session()
        try session.addCompany("Acme")
        #expect(throws: BurnError.self) { try session.setFact(company: "Nope", metric: "revenue", year: 2024, value: .money(1)) }
        #expect(throws: BurnError.self) { try session.setFact(company: "Acme", metric: "revenu", year: 2024, value: .money(1)) }
        #expect(throws: BurnError.self) { try session.setFact(company: "Acme", metric: "revenue", year: 1200, value: .money(1)) }
        #expect(throws: BurnError.self) { try session.setFact(company: "Acme", metric: "revenue", year: 2024, value: .string("a lot")) }
        #expect(throws: BurnError.self) { try session.addCompany("Beta", currency: "XYZ") }
        #expect(throws: BurnError.self) { try session.addCompany("") }
        // None of the failures left anything behind: no Beta, no fact.
        #expect((try? session.evaluate("Beta")) == nil)
        #expect(try session.evaluate("Acme").companyName == "Acme")
        #expect((try? session.evaluate("Acme.revenue[2024]"))?.money == nil)
    }

    @Test func aCompanyTakesItsCurrency() throws {
        let session = Session()
        try session.addCompany("Mistral", currency: "EUR")
        try session.setFact(company: "Mistral", metric: "revenue", year: 2024, value: .money(1e8, currency: "EUR"))
        #expect(try session.evaluate("Mistral.revenue[2024]").money?.currency == "EUR")
    }

    @Test func aFailingRunLeavesTheModelUnchanged() throws {
        let session = Session()
        let printed = OutputBuffer()
        session.output = printed.append
        try session.run(source: "company Acme\nrevenue[2024] = 1B\nlet x = 1")
        #expect(throws: BurnError.self) {
            try session.run(source: "revenue[2024] = 5B\ncompany Beta\nlet x = 2\nx\nnope + 1")
        }
        // What ran before the error printed; its changes were undone.
        #expect(printed.text == "2\n")
        #expect(try session.evaluate("x").double == 1)
        #expect(try session.evaluate("Acme.revenue[2024]").money?.amount == 1e9)
        #expect((try? session.evaluate("Beta")) == nil)
        // The current company is still Acme: a fact without a company goes to it.
        try session.run(source: "revenue[2025] = 2B")
        #expect(try session.evaluate("Acme.revenue[2025]").money?.amount == 2e9)
    }
}

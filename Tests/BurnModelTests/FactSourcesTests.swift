// FactSourcesTests: several sources for one cell (LANGUAGE.md section 4; issue 11 defect 5).
import BurnModel
import Testing

@Suite struct FactSourcesTests {
    private func openAI() -> Model {
        var model = Catalogue.forTests()
        model.declareCompany("OpenAI")
        return model
    }

    private func revenue(_ model: Model, _ year: Int = 2024) throws -> Double {
        try model.value(company: "OpenAI", metric: "revenue", year: year).value
    }

    @Test func aSecondSourceIsKeptBesideTheFirst() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.71e9), source: "002")
        let cell = try #require(model.factCell(company: "OpenAI", metric: "revenue", year: 2024))
        #expect(cell.facts.map(\.source) == ["001", "002"])
        // |3.71 - 3.7| / 3.71 = 0.27% <= 0.5%: they agree, and the cell has the first value.
        #expect(!cell.isDisputed)
        #expect(try revenue(model) == 3.7e9)
        #expect(model.facts(sourcedOnly: true).map(\.fact.source) == ["001", "002"])
    }

    @Test func agreementIsWithinHalfAPercent() throws {
        // 100.5 vs 100: 0.5 <= 0.005 * 100.5 = 0.5025, agree; 100.6: 0.6 > 0.503, disagree.
        for (second, disputed) in [(100.5, false), (100.6, true), (99.5, false), (99.4, true)] {
            var model = openAI()
            try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(100), source: "a")
            try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(second), source: "b")
            #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.isDisputed == disputed, "\(second)")
        }
        // Three sources: every pair counts (100.4 and 99.6 are each within 0.5% of 100, not of each other).
        var model = openAI()
        for (v, s) in [(100.0, "a"), (100.4, "b"), (99.6, "c")] {
            try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(v), source: s)
        }
        #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.isDisputed == true)
    }

    @Test func disagreeingSourcesMakeReadingAnError() throws {
        var model = openAI()
        let at1 = SourceRef(file: 1, start: 0, end: 10), at2 = SourceRef(file: 1, start: 20, end: 30)
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001", at: at1)
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "000", at: at2)
        let error = modelError { _ = try revenue(model) }
        #expect(error?.kind == .contradiction)
        #expect(error?.message == #"OpenAI.revenue[2024] has 2 facts that disagree: $3.7B (source "001") and $2B (source "000")"#)
        #expect(error?.hint
            == "keep one source's fact and delete the other lines (at the REPL, `:undo` the cell that added one), or write the range they span, which replaces them all (a fact with no source does): `revenue[2024] = 2B to 3.7B`")
        #expect(error?.notes.map(\.at) == [at1, at2])
        #expect(error?.notes.first?.message == #"revenue[2024] = $3.7B source "001" is given here"#)
        // Through any derivation: costs = revenue + loss, the margin, the projection.
        #expect(modelError { _ = try model.value(company: "OpenAI", metric: "costs", year: 2024) }?.message == error?.message)
        #expect(modelError { _ = try model.value(company: "OpenAI", metric: "margin", year: 2024) }?.message == error?.message)
        #expect(modelError { _ = try model.explain(company: "OpenAI", metric: "costs", year: 2024) }?.message == error?.message)
        // The facts of the other cells still read.
        #expect(try model.value(company: "OpenAI", metric: "loss", year: 2024).value == 5e9)
    }

    @Test func editsReplace() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "000")
        // The same source restated: replaced in its place, still beside 001's.
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.69e9), source: "000")
        var cell = try #require(model.factCell(company: "OpenAI", metric: "revenue", year: 2024))
        #expect(cell.facts.map(\.source) == ["001", "000"])
        #expect(cell.facts.map(\.value.value) == [3.7e9, 3.69e9])
        #expect(try revenue(model) == 3.7e9)
        // No source: the whole cell is replaced.
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3e9))
        cell = try #require(model.factCell(company: "OpenAI", metric: "revenue", year: 2024))
        #expect(cell.facts.count == 1 && cell.first.source == nil)
        #expect(try revenue(model) == 3e9)
        // A sourced fact replaces a lone unsourced one.
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "000")
        #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.facts.map(\.source) == ["000"])
        #expect(try revenue(model) == 2e9)
        // removeFact removes every source of the cell.
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(9e9), source: "009")
        try model.removeFact(company: "OpenAI", metric: "revenue", year: 2024)
        #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024) == nil)
        #expect(model.facts().isEmpty)
    }

    @Test func identitiesCheckFactsThatStandAlone() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "costs", year: 2024, Quantity(8.7e9), source: "001")
        // A lone fact that breaks an identity is still refused, and changes nothing.
        let refused = modelError {
            try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(6e9))
        }
        #expect(refused?.kind == .contradiction)
        #expect(try model.value(company: "OpenAI", metric: "loss", year: 2024).value == 5e9)
        // Another source's revenue is not checked against the identity: it is compared with
        // 001's revenue, and the disagreement surfaces when the cell is read.
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "000")
        #expect(modelError { _ = try revenue(model) }?.kind == .contradiction)
        // A disputed cell is no basis for checking others: 001's costs can be restated freely.
        try model.setFact(company: "OpenAI", metric: "costs", year: 2024, Quantity(9e9), source: "001")
        // Settling the cell (an unsourced fact replaces both) brings the identity back.
        let settled = modelError { try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9)) }
        // The facts are named in the order given (loss, then the restated costs).
        #expect(settled?.message == "loss[2024] = $5B and costs[2024] = $9B give revenue[2024] = $4B, but revenue[2024] = $3.7B is given")
    }

    @Test func aCellLeavingItsDisputeIsCheckedAgain() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "loss", year: 2024, Quantity(5e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "costs", year: 2024, Quantity(8.7e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "000")
        // 001 restated to agree with 000: the cell would be $2B, which costs - loss = $3.7B refutes.
        let error = modelError {
            try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "001")
        }
        #expect(error?.kind == .contradiction)
        #expect(error?.message.hasSuffix("give revenue[2024] = $3.7B, but revenue[2024] = $2B is given") == true)
        // Refused, so nothing changed: the cell is still in dispute.
        #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.facts.map(\.value.value) == [3.7e9, 2e9])
    }

    @Test func aSnapshotKeepsItsFacts() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        let snapshot = model
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(2e9), source: "000")
        #expect(modelError { _ = try revenue(model) } != nil)
        #expect(try revenue(snapshot) == 3.7e9)
        #expect(snapshot.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.facts.count == 1)
    }

    @Test func uncertainFactsAreComparedByTheirInterval() throws {
        var model = openAI()
        // A lognormal-ish spread of draws from 4B to 5B (its 5th and 95th percentiles).
        let draws = Draws((0..<1000).map { 4e9 + 1e9 * Double($0) / 999 })
        try model.setFact(company: "OpenAI", metric: "loss", year: 2025, Quantity(draws: draws), source: "000")
        // The same draws again from another source agree exactly.
        try model.setFact(company: "OpenAI", metric: "loss", year: 2025, Quantity(draws: draws), source: "002")
        #expect(model.factCell(company: "OpenAI", metric: "loss", year: 2025)?.isDisputed == false)
        // A point value at the mean (4.5B) does not: its 5th percentile is 4.5B, not about 4.05B.
        try model.setFact(company: "OpenAI", metric: "loss", year: 2025, Quantity(4.5e9), source: "001")
        let error = modelError { _ = try model.value(company: "OpenAI", metric: "loss", year: 2025) }
        // p5 of the evenly spread draws: 4B + 1B * 0.05 = 4.05B; p95: 4.95B.
        #expect(error?.message == #"OpenAI.loss[2025] has 3 facts that disagree: $4.05B to $4.95B (source "000"), $4.05B to $4.95B (source "002") and $4.5B (source "001")"#)
        #expect(error?.hint?.hasSuffix("`loss[2025] = 4.05B to 4.95B`") == true)
    }

    @Test func currenciesAreComparedAtTheDeclaredRate() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        // With no rate, euros cannot be compared with dollars: never settled silently.
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, .money(3.42e9, "EUR"), source: "003")
        #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.isDisputed == true)
        // At 1.0824 USD, €3.42B is $3.7018B: within 0.5% of $3.7B.
        model.rates.declare("EUR", equals: 1.0824, "USD")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, .money(3.42e9, "EUR"), source: "003")
        #expect(model.factCell(company: "OpenAI", metric: "revenue", year: 2024)?.isDisputed == false)
        #expect(try revenue(model) == 3.7e9)
    }

    @Test func explainListsEverySource() throws {
        var model = openAI()
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.7e9), source: "001")
        try model.setFact(company: "OpenAI", metric: "revenue", year: 2024, Quantity(3.71e9), source: "002")
        let tree = try model.explain(company: "OpenAI", metric: "revenue", year: 2024)
        #expect(tree.facts.map(\.source) == ["001", "002"])
        guard case .fact(let source, _) = tree.method else { Issue.record("not a fact"); return }
        #expect(source == "001")
    }
}

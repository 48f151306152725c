// CompiledPlanTests: the compiled path (methods shared by companies of one shape, questions
// compiled from their first slice into a program run over the other slices) against the
// reference evaluator, which finds every cell by trying each way in order, on random
// portfolios: every cell must have the same bits.
@testable import BurnModel
import Testing
@testable import BurnKit

@Suite("Compiled plan against the reference evaluator")
struct CompiledPlanTests {
    static let metrics = ["revenue", "costs", "operating_income", "loss", "capex", "commitments", "raised", "cash",
                          "burn", "runway", "margin", "growth", "valuation", "free_cash_flow", "funding_need"]

    /// A portfolio of random companies (`ReferenceModel`), each with a twin of the same shape
    /// and other numbers, so that twins share their methods.
    static func portfolio(seed: UInt64, uncertain: Bool) -> (source: String, companies: [(String, ClosedRange<Int>)]) {
        var source = uncertain ? "samples 3000\nseed \(seed)\n" : ""
        var companies: [(String, ClosedRange<Int>)] = []
        for i in 0..<4 {
            let model = ReferenceModel(seed: seed &* 31 &+ UInt64(i))
            var twin = model
            twin.revenue += 7
            twin.cash += 11
            twin.loss = min(twin.loss + 3, twin.revenue * 4)
            twin.costsRate += 5
            for (n, m) in [(2 * i, model), (2 * i + 1, twin)] {
                var text = m.description.replacingOccurrences(of: "company M", with: "company C\(n)")
                if uncertain { text += "revenue grows 5% to 40% per year from \(m.last - 1)\n" }
                source += text
                companies.append(("C\(n)", m.years))
            }
        }
        return (source, companies)
    }

    /// The session (its formulas need its interpreter alive) and its model.
    static func model(_ source: String) throws -> (Session, Model) {
        let session = Session()
        try session.run(source: source, name: "portfolio.burn")
        return (session, session.interpreter.world.state)
    }

    static func keys(_ model: Model, _ companies: [(String, ClosedRange<Int>)]) throws -> [CellKey] {
        try companies.flatMap { name, years in
            try metrics.flatMap { metric in
                try years.map { CellKey(try model.companyIndex(name), try model.metricIndex(metric), $0) }
            }
        }
    }

    /// Bits, unit and display of a cell; errors by message.
    static func same(_ a: Result<Cell, Error>, _ b: Result<Cell, Error>) -> Bool {
        switch (a, b) {
        case (.success(.value(let x)), .success(.value(let y))):
            return x.unit == y.unit && x.display == y.display && x.value.bitPattern == y.value.bitPattern
                && x.draws?.values.map(\.bitPattern) == y.draws?.values.map(\.bitPattern)
        case (.success(.unknown), .success(.unknown)), (.success(.none), .success(.none)): return true
        case (.failure(let e), .failure(let f)): return "\(e)" == "\(f)"
        default: return false
        }
    }

    @Test("certain portfolios: shared methods give the reference's cells", arguments: 0..<12)
    func certainCells(seed: UInt64) throws {
        let (source, companies) = Self.portfolio(seed: seed, uncertain: false)
        let (session, model) = try Self.model(source)
        defer { withExtendedLifetime(session) {} }
        // The twins have one shape: the test exercises sharing.
        #expect(Set(model.shapeNumbers).count <= companies.count / 2 + 1)
        let compiled = Evaluator(model), reference = Evaluator(reference: model, lanes: nil)
        for key in try Self.keys(model, companies) {
            let a = Result { try compiled.cell(key) }, b = Result { try reference.cell(key) }
            #expect(Self.same(a, b), "seed \(seed), \(compiled.name(key, full: true)): \(a) vs \(b)\n\(source)")
        }
    }

    @Test("uncertain portfolios: the program gives the reference's draws", arguments: 0..<8)
    func uncertainCells(seed: UInt64) throws {
        let (source, companies) = Self.portfolio(seed: seed, uncertain: true)
        let (session, model) = try Self.model(source)
        defer { withExtendedLifetime(session) {} }
        let keys = try Self.keys(model, companies)
        let compiled = Result { try model.uncertainCells(keys) }
        let reference = Evaluator(reference: model, lanes: 0..<(model.drawCount ?? 1))
        guard case .success(let cells) = compiled else {
            // Then the reference fails on some cell too.
            #expect(keys.contains { (try? reference.cell($0)) == nil }, "seed \(seed): \(compiled)")
            return
        }
        for (key, cell) in zip(keys, cells) {
            let b = Result { try reference.cell(key) }
            #expect(Self.same(.success(cell), b), "seed \(seed), \(reference.name(key, full: true))\n\(source)")
        }
    }
}

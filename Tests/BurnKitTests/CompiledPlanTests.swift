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

    /// The same year answer (the years of every draw bit for bit, NaN for none); errors by message.
    static func sameAnswer(_ a: Result<YearAnswer, Error>, _ b: Result<YearAnswer, Error>) -> Bool {
        switch (a, b) {
        case (.success(.draws(let x, let s)), .success(.draws(let y, let t))):
            return s == t && x.values.map(\.bitPattern) == y.values.map(\.bitPattern)
        case (.success(let x), .success(let y)): return x == y
        case (.failure(let e), .failure(let f)): return "\(e)" == "\(f)"
        default: return false
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

    /// A portfolio the kernel works out whole: uncertain facts, growth rules with certain and
    /// uncertain rates, identities and sums of metrics; `extreme` grows revenue past the largest
    /// number, so that the cash sums stop the kernel and the language reports them.
    static func kernelPortfolio(seed: UInt64, extreme: Bool) -> String {
        var rng = SplitMix64(seed: seed)
        var source = "samples 3000\nseed \(seed)\n"
        for i in 0..<6 {
            let revenue = 1 + rng.next() % 9, loss = 1 + rng.next() % 5, cash = 3 + rng.next() % 20
            let low = 5 + rng.next() % 30, high = low + 1 + rng.next() % 40
            source += "company C\(i)\n"
            source += i % 2 == 0 ? "revenue[2024] = \(revenue)B\n" : "revenue[2024] = \(revenue)B to \(revenue + 2)B\n"
            source += "loss[2024] = \(loss)B\ncash[2024] = \(cash)B\n"
            source += extreme && i == 3 ? "revenue grows 900% to 5000% per year\n" : "revenue grows \(low)% to \(high)% per year\n"
            source += "costs grow \(rng.next() % 25)% per year\n"
            // Factor rules (certain and uncertain), a rule that starts later, capex in the cash.
            switch i % 3 {
            case 0: source += "revenue grows 2.5x in 2027\ncapex[2024] = 1B\ncapex grows 10% per year\n"
            case 1: source += "revenue grows 1.5x to 3x in 2028\ncosts grow 30% per year from 2029\n"
            default: break
            }
        }
        return source
    }

    @Test("kernel portfolios: the flat kernel gives the reference's draws", arguments: 0..<6)
    func kernelCells(seed: UInt64) throws {
        let source = Self.kernelPortfolio(seed: seed, extreme: seed % 3 == 2)
        let (session, model) = try Self.model(source)
        defer { withExtendedLifetime(session) {} }
        let end = seed % 3 == 2 ? 2400 : 2034
        let reference = Evaluator(reference: model, lanes: 0..<(model.drawCount ?? 1))
        for c in 0..<6 {
            // A question per company (its cash at the end, its revenue and costs on the way),
            // then each of these cells as a question of its own.
            let keys = try ["cash", "revenue", "costs", "operating_income"].map {
                CellKey(c, try model.metricIndex($0), $0 == "cash" ? end : 2030)
            }
            let stats = model.statistics
            let before = stats.kernels, compiledBefore = stats.parallel + stats.oneThread
            let compiled = Result { try model.uncertainCells(keys) }
            let alone = keys.map { key in Result { try model.uncertainCells([key])[0] } }
            // The company grown past the largest number: its cash is an error the language reports.
            let overflows = seed % 3 == 2 && c == 3
            if !overflows {
                // Every question compiled (a certain cell needs none) is a kernel.
                let questions = stats.parallel + stats.oneThread - compiledBefore
                #expect(questions >= 3 && stats.kernels - before == questions, "seed \(seed), C\(c): not compiled to kernels")
            }
            // Break-even, cash running out: the compiled search against a search of the
            // reference's one pass over every draw.
            for (metric, test) in [("operating_income", YearTest.atLeastZero), ("cash", .belowZero)] {
                let m = try model.metricIndex(metric), first = model.companyList[c].firstYear ?? 2024
                let searched = Result { try model.uncertainSearch(c, m, until: end, test) }
                // A reference of its own: the order of questions decides which identity gives a cell.
                let fresh = Evaluator(reference: model, lanes: 0..<(model.drawCount ?? 1))
                let slice = Result { try model.searchSlice(fresh, c, m, from: first, until: end, test) }
                let expected = slice.map { $0.answer ?? .draws(Draws($0.years), through: $0.through) }
                #expect(Self.sameAnswer(searched, expected), "seed \(seed), C\(c) \(metric): \(searched) vs \(expected)")
            }
            for (i, key) in keys.enumerated() {
                let a = overflows ? alone[i] : compiled.map { $0[i] }, b = Result { try reference.cell(key) }
                #expect(Self.same(a, b), "seed \(seed), \(reference.name(key, full: true)): \(a) vs \(b)\n\(source)")
                #expect(Self.same(alone[i], b), "seed \(seed), \(reference.name(key, full: true)) alone")
            }
        }
    }

    /// Twelve certain companies of one shape with random numbers: rates below -100% (a derived
    /// revenue below zero is an error), growth past the largest number (a sum that is not finite
    /// goes to the language), capex facts, cash facts.
    static func shapePortfolio(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var source = ""
        for i in 0..<12 {
            let revenue = 1 + rng.next() % 9, loss = rng.next() % 6, cash = rng.next() % 20
            let growth = Int(rng.next() % 80) - 20
            source += "company C\(i)\nrevenue[2024] = \(revenue).\(rng.next() % 10)B\nloss[2024] = \(loss)B\n"
            source += "cash[2024] = \(cash)B\ncapex[2024] = \(rng.next() % 3)B\n"
            switch i {
            case 5: source += "revenue grows -150% per year\n"
            case 7: source += "revenue grows 900% per year\n"
            default: source += "revenue grows \(growth)% per year\n"
            }
            source += "costs grow \(rng.next() % 30)% per year\ncapex grows 10% per year\n"
        }
        return source
    }

    @Test("certain shapes: the shape kernel gives the reference's cells", arguments: 0..<4)
    func shapeKernelCells(seed: UInt64) throws {
        let source = Self.shapePortfolio(seed: seed)
        let metrics = ["revenue", "costs", "operating_income", "loss", "capex", "cash", "free_cash_flow", "margin", "burn"]
        var answered = 0
        for metric in metrics {
            for year in [2024, 2030, 2400] {
                // A fresh model: the question's first company is traced, the others answered
                // by the kernel; then a second question, with every company's cells cached.
                let (session, model) = try Self.model(source)
                defer { withExtendedLifetime(session) {} }
                #expect(Set(model.shapeNumbers).count == 1)
                let compiled = Evaluator(model), reference = Evaluator(reference: model, lanes: nil)
                for (m, y) in [(metric, year), ("cash", 2040)] {
                    for c in 0..<12 {
                        let key = CellKey(c, try model.metricIndex(m), y)
                        let a = Result { try compiled.cell(key) }, b = Result { try reference.cell(key) }
                        #expect(Self.same(a, b), "seed \(seed), \(compiled.name(key, full: true)): \(a) vs \(b)")
                    }
                }
                answered += model.statistics.shapeKernelAnswers
            }
        }
        // The kernel answered the first question for most companies (not for ratios, nor
        // where a company's numbers need the evaluator).
        #expect(answered >= 11 * 3 * 5)
    }

    /// Twelve companies of one shape with uncertain growth (and an uncertain fact): random
    /// numbers, rates that reach below -100% in some draws (a revenue below zero in some draws
    /// is an error), growth past the largest number, facts in euros (a certain one, an uncertain one).
    static func uncertainShapePortfolio(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var source = "samples 2000\nseed \(seed)\nrate EUR = 1.1 USD\n"
        for i in 0..<12 {
            let revenue = 1 + rng.next() % 9, loss = rng.next() % 6, cash = rng.next() % 20
            let low = Int(rng.next() % 60) - 20, high = low + 1 + Int(rng.next() % 60)
            source += "company C\(i)\n"
            source += i == 9 ? "revenue[2024] = \(revenue)B EUR\n" : "revenue[2024] = \(revenue).\(rng.next() % 10)B\n"
            // Company 9's revenue is in euros, company 4's uncertain cash.
            let currency = i == 4 ? " EUR" : ""
            source += "loss[2024] = \(loss)B\ncash[2024] = \(cash)B\(currency) to \(cash + 5)B\(currency)\n"
            source += "capex[2024] = \(rng.next() % 3)B\n"
            switch i {
            case 5: source += "revenue grows -180% to 20% per year\n"
            case 7: source += "revenue grows 900% to 2000% per year\n"
            default: source += "revenue grows \(low)% to \(high)% per year\n"
            }
            source += "costs grow \(rng.next() % 30)% per year\ncapex grows 10% per year\n"
        }
        return source
    }

    @Test("uncertain shapes: a question compiled from the shape's template gives the reference's draws",
          arguments: 0..<4)
    func shapeDrawCells(seed: UInt64) throws {
        let source = Self.uncertainShapePortfolio(seed: seed)
        var answered = 0
        for (metric, year) in [("cash", 2034), ("revenue", 2030), ("operating_income", 2028), ("burn", 2026),
                               ("free_cash_flow", 2400)] {
            // A fresh model: the first company traced, the others compiled from its template;
            // then a second question, after every company's first. Beside it, the same model
            // asked the same questions the usual way (a list of one cell uses no template).
            let (session, model) = try Self.model(source)
            let (usualSession, usual) = try Self.model(source)
            defer { withExtendedLifetime((session, usualSession)) {} }
            for (m, y) in [(metric, year), ("cash", 2030)] {
                for c in 0..<12 {
                    let key = CellKey(c, try model.metricIndex(m), y)
                    let a = Result { () throws -> Cell in
                        switch try model.uncertainLookup(key) {
                        case .value(let q): return .value(q)
                        case .unknown(let e): return .unknown(e)
                        }
                    }
                    // A reference of its own: the order of questions decides which identity gives a cell.
                    let reference = Evaluator(reference: model, lanes: 0..<(model.drawCount ?? 1))
                    let b = Result { try reference.cell(key) }
                    #expect(Self.same(a, b), "seed \(seed), \(reference.name(key, full: true)): \(a) vs \(b)")
                    let c = Result { try usual.uncertainCells([key])[0] }
                    #expect(Self.same(a, c), "seed \(seed), \(reference.name(key, full: true)): \(a) vs the usual way \(c)")
                }
                // The plan keeps the ways the usual way keeps, for the next questions.
                #expect(model.memo.plan.methods == usual.memo.plan.methods, "seed \(seed), \(m)[\(y)]")
            }
            #expect(usual.statistics.shapeDrawAnswers == 0)
            answered += model.statistics.shapeDrawAnswers
        }
        // Most companies of most questions are compiled from the template (not the company in
        // euros, nor where some draws need the evaluator).
        #expect(answered >= 5 * 8, "\(answered) answered from a template")
    }

    /// A kernel compiled from a first slice whose draws are all fine meets, in a later slice,
    /// a revenue below zero: it leaves that slice to the evaluator, which reports the error the
    /// reference reports over every draw.
    /// A year's cell works out last year's cells inside it, and the evaluator keeps no inner
    /// cell: compiled naively, a search's kernel works out every year but the first twice. The
    /// kernel reads the register instead: each added year costs its own operations only (two
    /// growths with their checks, the identity with its mark: three loops once fused), and the
    /// answer is the reference's.
    @Test func aSearchWorksOutEachYearOnce() throws {
        func search(until: Int) throws -> (operations: Int, answer: Result<YearAnswer, Error>, expected: Result<YearAnswer, Error>) {
            let source = "samples 20000\nseed 3\ncompany Z\nrevenue[2024] = 3.7B\ncosts[2024] = 8.7B\n"
                + "revenue grows uniform(50%, 150%) per year\ncosts grow uniform(30%, 90%) per year\n"
            let (session, model) = try Self.model(source)
            defer { withExtendedLifetime(session) {} }
            let m = try model.metricIndex("operating_income")
            let answer = Result { try model.uncertainSearch(0, m, until: until, .atLeastZero) }
            #expect(model.statistics.kernels == 1)
            let fresh = Evaluator(reference: model, lanes: 0..<20000)
            let slice = Result { try model.searchSlice(fresh, 0, m, from: 2024, until: until, .atLeastZero) }
            let expected = slice.map { $0.answer ?? .draws(Draws($0.years), through: $0.through) }
            return (model.statistics.kernelOperations, answer, expected)
        }
        let short = try search(until: 2030), long = try search(until: 2040)
        #expect(Self.sameAnswer(short.answer, short.expected))
        #expect(Self.sameAnswer(long.answer, long.expected))
        #expect(long.operations - short.operations == 10 * 3, "\(short.operations) then \(long.operations) operations")
    }

    @Test func aKernelLeavesANegativeDrawToTheEvaluator() throws {
        var premiseMet = 0
        for seed in 1...20 {
            let source = "samples 20000\nseed \(seed)\ncompany Z\nrevenue[2024] = 1B\nloss[2024] = 1B\n"
                + "revenue grows -60% to 150% per year\ncosts grow 5% per year\n"
            let (session, model) = try Self.model(source)
            defer { withExtendedLifetime(session) {} }
            let key = CellKey(0, try model.metricIndex("revenue"), 2026)
            // The premise: no draw of the first slice is below zero (P(rate < -100%) is 1.2%).
            guard (try? Evaluator(reference: model, lanes: 0..<Model.traceWidth).cell(key)) != nil else { continue }
            premiseMet += 1
            let reference = Result { try Evaluator(reference: model, lanes: 0..<20000).cell(key) }
            let compiled = Result { try model.uncertainCells([key])[0] }
            #expect(Self.same(compiled, reference), "seed \(seed): \(compiled) vs \(reference)")
            #expect("\(compiled)".contains("is below zero in some draws"))
            #expect(model.statistics.kernels == 1)
        }
        #expect(premiseMet >= 3)
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

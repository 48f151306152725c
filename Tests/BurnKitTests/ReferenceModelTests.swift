// ReferenceModelTests: random small models written as Burn source, projected twice: by Burn,
// and by `ReferenceModel.project`, a plain Swift transcription of LANGUAGE.md section 5 (loops
// over years, no evaluator). Every cell of every metric must agree within a relative 1e-9.
// Models come from fixed seeds (SplitMix64), so a failure names its seed and prints its source.
import BurnModel
import Foundation
import Testing
@testable import BurnKit

/// A small model: facts in its first year, growth rules, rounds and commitments.
struct ReferenceModel: CustomStringConvertible {
    enum Rule {
        /// `grows r% per year [from F] [until U]`.
        case perYear(rate: Int, from: Int?, until: Int?)
        /// `grows kx in YEAR` (k in hundredths).
        case factor(hundredths: Int, year: Int)
        /// `reaches X in YEAR` (X in $M): the years after the last settled one grow at one rate.
        case reaches(target: Int, year: Int)
    }

    struct RoundEvent { var year: Int, month: Int, amount: Int, post: Int }
    struct CommitmentEvent { var amount: Int, from: Int, to: Int, asCosts: Bool }

    var first = 2024, last = 2030
    // Amounts in $M (whole numbers, so the source holds exact values); rates in tenths of a percent.
    var revenue = 0, loss = 0, cash = 0
    var laterRevenue: [Int: Int] = [:]
    var revenueRules: [Rule] = []
    var costsRate = 0
    var costsUntil: Int?
    var rounds: [RoundEvent] = []
    var commitments: [CommitmentEvent] = []

    var years: ClosedRange<Int> { first...last }

    // MARK: - Generation

    init(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &g) }
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &g) < p }
        first = int(2020...2026)
        last = first + int(2...6)
        revenue = int(100...20_000)
        loss = int(-(revenue / 2)...20_000)  // costs stay positive
        cash = int(0...50_000)
        revenueRules = [.perYear(rate: int(-300...1500), from: nil, until: nil)]
        if chance(0.5) {
            let from = int((first + 1)...last)
            revenueRules.append(.perYear(rate: int(-200...800), from: from, until: chance(0.5) ? int(from...last) : nil))
        }
        if chance(0.4) { revenueRules.append(.factor(hundredths: int(50...400), year: int((first + 1)...last))) }
        if chance(0.3) { laterRevenue[int((first + 1)...last)] = int(100...40_000) }
        if chance(0.3) {
            let year = int((first + 1)...last)
            if laterRevenue[year] == nil { revenueRules.append(.reaches(target: int(100...60_000), year: year)) }
        }
        costsRate = int(-200...800)
        for _ in 0..<int(0...3) {
            rounds.append(RoundEvent(year: int(first...last), month: int(1...12), amount: int(100...20_000), post: 0))
            rounds[rounds.count - 1].post = rounds[rounds.count - 1].amount * int(2...40)
        }
        for _ in 0..<int(0...2) {
            let from = int(first...last)
            commitments.append(CommitmentEvent(amount: int(100...100_000), from: from, to: int(from...last), asCosts: chance(0.3)))
        }
        // Costs follow their rule until a year, then commitments booked as costs give them.
        if chance(0.3), last > first + 1 {
            let until = int((first + 1)...(last - 1))
            costsUntil = until
            commitments.append(CommitmentEvent(amount: int(1_000...50_000), from: until + 1, to: last, asCosts: true))
        }
    }

    // MARK: - Source

    var description: String {
        var lines = ["company M", "revenue[\(first)] = \(revenue)M", "loss[\(first)] = \(loss)M", "cash[\(first)] = \(cash)M"]
        for (year, value) in laterRevenue.sorted(by: { $0.key < $1.key }) { lines.append("revenue[\(year)] = \(value)M") }
        for rule in revenueRules {
            switch rule {
            case .perYear(let rate, let from, let until):
                lines.append("revenue grows \(decimalLiteral(rate, 1))% per year"
                             + (from.map { " from \($0)" } ?? "") + (until.map { " until \($0)" } ?? ""))
            case .factor(let hundredths, let year):
                lines.append("revenue grows \(decimalLiteral(hundredths, 2))x in \(year)")
            case .reaches(let target, let year):
                lines.append("revenue reaches \(target)M in \(year)")
            }
        }
        lines.append("costs grow \(decimalLiteral(costsRate, 1))% per year" + (costsUntil.map { " until \($0)" } ?? ""))
        for (i, r) in rounds.enumerated() {
            lines.append("round \"R\(i)\" in \(r.year)-\(r.month < 10 ? "0" : "")\(r.month) raise \(r.amount)M at \(r.post)M post")
        }
        for (i, c) in commitments.enumerated() {
            lines.append("commit \(c.amount)M to Supplier\(i) over \(c.from)..\(c.to) as \(c.asCosts ? "costs" : "capex")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - The projection, by hand

    /// Every metric's value by year (in dollars, plain ratios, months); runway nil when nothing burns.
    struct Projection {
        var revenue: [Int: Double] = [:], costs: [Int: Double] = [:], capex: [Int: Double] = [:]
        var commitments: [Int: Double] = [:], raised: [Int: Double] = [:], cash: [Int: Double] = [:]
        var operatingIncome: [Int: Double] = [:], loss: [Int: Double] = [:], burn: [Int: Double] = [:]
        var margin: [Int: Double] = [:], growth: [Int: Double] = [:], runway: [Int: Double?] = [:]
        var valuation: [Int: Double] = [:], multiple: [Int: Double] = [:]
    }

    /// The rule that sets revenue in a year: the last declared one that covers it.
    private func revenueRule(in year: Int) -> Rule? {
        for rule in revenueRules.reversed() {
            switch rule {
            case .perYear(_, let from, let until):
                if year >= (from ?? first + 1), year <= (until ?? Int.max) { return rule }
            case .factor(_, let y):
                if year == y { return rule }
            case .reaches(_, let y):
                if year <= y, year > reachesAnchor(before: y) { return rule }
            }
        }
        return nil
    }

    /// Where a `reaches` rule starts from: the last year before its own that a fact or another
    /// rule settles (a per-year rule settles its last year only when it has an `until`).
    private func reachesAnchor(before target: Int) -> Int {
        var anchor = ([first] + laterRevenue.keys).filter { $0 < target }.max()!
        for rule in revenueRules {
            switch rule {
            case .factor(_, let y), .reaches(_, let y):
                if y < target { anchor = max(anchor, y) }
            case .perYear(_, let from, let until?):
                let end = min(until, target - 1)
                if (from ?? first + 1) <= end { anchor = max(anchor, end) }
            case .perYear: break
            }
        }
        return anchor
    }

    /// A commitment's yearly share in the years it covers, in dollars.
    private func share(_ c: CommitmentEvent, in year: Int) -> Double {
        (c.from...c.to).contains(year) ? Double(c.amount) * 1e6 / Double(c.to - c.from + 1) : 0
    }

    func project() -> Projection {
        var p = Projection()
        let million = 1e6
        for year in years {
            // Revenue: a fact, else the covering rule applied to last year's revenue.
            if year == first {
                p.revenue[year] = Double(revenue) * million
            } else if let fact = laterRevenue[year] {
                p.revenue[year] = Double(fact) * million
            } else {
                switch revenueRule(in: year)! {
                case .perYear(let rate, _, _): p.revenue[year] = p.revenue[year - 1]! * (1 + Double(rate) / 1000)
                case .factor(let k, _): p.revenue[year] = p.revenue[year - 1]! * Double(k) / 100
                case .reaches(let target, let y):
                    // The constant rate from the anchor's value to the target.
                    let a = reachesAnchor(before: y), start = p.revenue[a]!
                    let rate = pow(Double(target) * million / start, 1 / Double(y - a))
                    p.revenue[year] = start * pow(rate, Double(year - a))
                }
            }
            // Costs: revenue + loss in the first year (the identity), then the rule, which grows
            // the costs without last year's commitments booked as costs and adds this year's;
            // after the rule's last year, the commitments booked as costs alone (they apply
            // when nothing else does).
            var committedCosts = 0.0, capex = 0.0, committed = 0.0
            for c in commitments {
                committed += share(c, in: year)
                if c.asCosts { committedCosts += share(c, in: year) } else { capex += share(c, in: year) }
            }
            let committedCostsBefore = commitments.filter(\.asCosts).reduce(0) { $0 + share($1, in: year - 1) }
            if year == first {
                p.costs[year] = Double(revenue + loss) * million
            } else if year <= (costsUntil ?? Int.max) {
                p.costs[year] = (p.costs[year - 1]! - committedCostsBefore) * (1 + Double(costsRate) / 1000) + committedCosts
            } else {
                p.costs[year] = committedCosts
            }
            p.capex[year] = capex
            p.commitments[year] = committed
            p.raised[year] = rounds.filter { $0.year == year }.reduce(0) { $0 + Double($1.amount) * million }
            let revenue = p.revenue[year]!, costs = p.costs[year]!
            p.operatingIncome[year] = revenue - costs
            p.loss[year] = costs - revenue
            p.margin[year] = (revenue - costs) / revenue
            if year > first { p.growth[year] = revenue / p.revenue[year - 1]! - 1 }
            p.burn[year] = max(0, costs + capex - revenue)
            // Cash: the fact in the first year, then last year's cash plus the year's flows.
            p.cash[year] = year == first ? Double(cash) * million
                : p.cash[year - 1]! + revenue - costs - capex + p.raised[year]!
            let burn = p.burn[year]!
            // Cash below zero leaves no runway; a year that burns nothing has none to give.
            let cashNow = p.cash[year]!
            if cashNow < 0 {
                p.runway[year] = .some(0)
            } else {
                p.runway[year] = burn == 0 ? .some(nil) : .some(cashNow / (burn / 12))
            }
            // Valuation: the post-money of the latest round so far (by date).
            // Between two rounds Burn interpolates instead (reported; see
            // `valuationBetweenRoundsIsTheLatestPostMoney`): only the years of a round and those
            // after the last one are compared here.
            // Two rounds on one date: the one declared last is the latest.
            let latest = rounds.enumerated().filter { $0.element.year <= year }
                .max { ($0.element.year, $0.element.month, $0.offset) < ($1.element.year, $1.element.month, $1.offset) }?
                .element
            let between = latest != nil && rounds.contains { $0.year > year }
            if let latest, !between || rounds.contains(where: { $0.year == year }) {
                p.valuation[year] = Double(latest.post) * million
                p.multiple[year] = Double(latest.post) * million / revenue
            }
        }
        return p
    }

    /// The first year in the model's span where `test` holds.
    static func firstYear(_ values: [Int: Double], _ test: (Double) -> Bool) -> Int? {
        values.keys.sorted().first { test(values[$0]!) }
    }
}

@Suite struct ReferenceModelTests {
    /// Compares Burn's series `metric` over the model's years with the reference's values.
    private func compare(_ session: Session, _ model: ReferenceModel, _ metric: String, _ expected: [Int: Double],
                         seed: UInt64, absolute: Double) throws {
        let years = expected.keys.sorted()
        guard let a = years.first, let b = years.last else { return }
        guard case .seriesValues(let series) = try session.evaluate("M.\(metric)[\(a)..\(b)]") else {
            Issue.record("seed \(seed): M.\(metric)[\(a)..\(b)] is not a series\n\(model)")
            return
        }
        for year in years {
            let i = year - series.firstYear
            guard series.values.indices.contains(i) else {
                Issue.record("seed \(seed): M.\(metric)[\(year)] is missing\n\(model)")
                return
            }
            let got = series.values[i].value, want = expected[year]!
            if !close(got, want, relative: 1e-9, absolute: absolute) {
                Issue.record("seed \(seed): M.\(metric)[\(year)] = \(got), the reference says \(want)\n\(model)")
                return
            }
        }
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func everyCellAgreesWithTheReference(seed: UInt64) throws {
        let model = ReferenceModel(seed: seed)
        let p = model.project()
        let session = Session()
        do {
            try session.run(source: model.description)
            let money = 1e-3  // a thousandth of a dollar, far below any amount in a model
            try compare(session, model, "revenue", p.revenue, seed: seed, absolute: money)
            try compare(session, model, "costs", p.costs, seed: seed, absolute: money)
            try compare(session, model, "operating_income", p.operatingIncome, seed: seed, absolute: money)
            try compare(session, model, "loss", p.loss, seed: seed, absolute: money)
            try compare(session, model, "capex", p.capex, seed: seed, absolute: money)
            try compare(session, model, "commitments", p.commitments, seed: seed, absolute: money)
            try compare(session, model, "burn", p.burn, seed: seed, absolute: money)
            try compare(session, model, "raised", p.raised, seed: seed, absolute: money)
            try compare(session, model, "cash", p.cash, seed: seed, absolute: money)
            try compare(session, model, "margin", p.margin, seed: seed, absolute: 1e-12)
            try compare(session, model, "growth", p.growth, seed: seed, absolute: 1e-12)
            try compare(session, model, "valuation", p.valuation, seed: seed, absolute: money)
            try compare(session, model, "multiple", p.multiple, seed: seed, absolute: 1e-12)
            try compareRunway(session, model, p, seed: seed)
            try compareCompanyAnswers(session, model, p, seed: seed)
        } catch {
            Issue.record("seed \(seed): \(session.render(error))\n\(model)")
        }
    }

    /// Runway in months where something burns; no value (or the `none` error) where nothing does.
    private func compareRunway(_ session: Session, _ model: ReferenceModel, _ p: ReferenceModel.Projection, seed: UInt64) throws {
        for year in model.years {
            let cell = "M.runway[\(year)]"
            let value: Value?
            do { value = try session.evaluate(cell) } catch { value = nil }
            switch p.runway[year]! {
            case .none:
                if let value, numberIn(value) != nil {
                    Issue.record("seed \(seed): \(cell) = \(session.format(value)), but nothing burns\n\(model)")
                }
            case .some(let months):
                let got = value.flatMap(numberIn)
                if !(got.map { close($0, months, relative: 1e-9, absolute: 1e-9) } ?? false) {
                    Issue.record("seed \(seed): \(cell) = \(got ?? .nan) months, the reference says \(months)\n\(model)")
                }
            }
        }
    }

    /// Break-even and the year the cash runs out, where the reference finds them in the model's span.
    private func compareCompanyAnswers(_ session: Session, _ model: ReferenceModel, _ p: ReferenceModel.Projection,
                                       seed: UInt64) throws {
        if let year = ReferenceModel.firstYear(p.operatingIncome, { $0 >= 0 }) {
            let got = session.format(try session.evaluate("M.breakeven"))
            #expect(got == String(year), "seed \(seed): breakeven \(got), the reference says \(year)\n\(model)")
        }
        if let year = ReferenceModel.firstYear(p.cash, { $0 < 0 }) {
            let got = session.format(try session.evaluate("M.runs_out"))
            #expect(got == String(year), "seed \(seed): runs_out \(got), the reference says \(year)\n\(model)")
        }
    }

    @Test func valuationBetweenRoundsIsTheLatestPostMoney() throws {
        // Section 5: valuation is "post-money of the latest round, or a fact". Burn joins two
        // rounds' valuations at a constant rate instead: 2025 shows $194.7B, not $157B.
        let session = Session()
        try session.run(source: """
            company V
            revenue[2024] = 4B
            round "A" in 2024-10 raise 6.6B at 157B post
            round "B" in 2026-03 raise 40B at 300B post
            """)
        #expect(session.format(try session.evaluate("V.valuation[2024]")) == "$157B")
        #expect(session.format(try session.evaluate("V.valuation[2026]")) == "$300B")
        let between = session.format(try session.evaluate("V.valuation[2025]"))
        #expect(between == "$157B")
    }

    @Test func costsReachFromAYearAnIdentityGives() throws {
        // costs[2024] = revenue + loss = $8.7B; reaching $172.7B in 2028 is a constant rate r
        // with 8.7B * r^4 = 172.7B, so costs[2026] = 8.7B * sqrt(172.7 / 8.7) = $38.76B.
        let session = Session()
        try session.run(source: "company K\nrevenue[2024] = 3.7B\nloss[2024] = 5B\ncosts reaches 172.7B in 2028\n")
        let expected = 8.7e9 * (172.7 / 8.7).squareRoot()
        let got = try? session.evaluate("K.costs[2026]")
        #expect(got.flatMap(numberIn).map { close($0, expected) } == true, "costs[2026]")
    }

    @Test func theGeneratorCoversEveryKindOfStatement() {
        // Over the seeds the tests use, each feature appears, so the comparison exercises it.
        let models = (1...40 as ClosedRange<UInt64>).map(ReferenceModel.init(seed:))
        #expect(models.contains { !$0.rounds.isEmpty })
        #expect(models.contains { $0.commitments.contains(where: \.asCosts) })
        #expect(models.contains { $0.commitments.contains { !$0.asCosts } })
        #expect(models.contains { $0.costsUntil != nil })
        #expect(models.contains { !$0.laterRevenue.isEmpty })
        #expect(models.contains { $0.revenueRules.contains { if case .factor = $0 { return true } else { return false } } })
        #expect(models.contains { $0.loss < 0 })
        #expect(models.contains { $0.revenueRules.contains { if case .reaches = $0 { return true } else { return false } } })
    }
}

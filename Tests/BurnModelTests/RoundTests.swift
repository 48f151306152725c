// RoundTests: rounds, raised and valuation, pre/post, dilution, step-up, the cap table (D1-D4).
import BurnModel
import Testing

@Suite struct RoundTests {
    @Test func preMoneyDilutionStepUp() throws {  // D1, D2, D3
        let model = Catalogue.openAI()
        let round = try #require(try model.rounds(company: "OpenAI").first)
        #expect(close(try #require(round.pre).value, 150.4e9))
        #expect(close(try #require(round.post).value, 157e9))
        let dilution = try #require(round.dilution)
        #expect(dilution.display == .percent)
        #expect(Int((dilution.value * 1000).rounded()) == 42)
        let stepUp = try #require(round.stepUp)
        #expect(stepUp.display == .multiple)
        #expect(Int((stepUp.value * 100).rounded()) == 183)
        #expect(round.previousValuationYear == 2023)
    }

    @Test func valuationOverRevenue() throws {  // D4
        let model = Catalogue.openAI()
        let multiple = try model.value(company: "OpenAI", metric: "multiple", year: 2024)
        #expect(multiple.display == .multiple)
        #expect(Int((multiple.value * 10).rounded()) == 424)
    }

    @Test func roundFeedsRaisedAndValuation() throws {
        var model = Catalogue.openAI()
        #expect(close(try model.value(company: "OpenAI", metric: "raised", year: 2024).value, 6.6e9))
        #expect(try model.value(company: "OpenAI", metric: "raised", year: 2025).value == 0)
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2024).value, 157e9))
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2026).value, 157e9))  // carried
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2023).value, 86e9))
        try model.setFact(company: "OpenAI", metric: "valuation", year: 2024, Quantity(150e9))
        #expect(close(try model.value(company: "OpenAI", metric: "valuation", year: 2024).value, 150e9))
        #expect(close(try model.totalRaised(company: "OpenAI").value, 6.6e9))
    }

    @Test func preMoneyGiven() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.addRound(company: "A", Round(year: 2024, amount: Quantity(6.5e9), valuation: .pre(Quantity(150e9))))
        let round = try #require(try model.rounds(company: "A").first)
        #expect(close(try #require(round.post).value, 156.5e9))
        #expect(round.stepUp == nil)
        #expect(round.round.name == "round of 2024")
    }

    @Test func capTableSplitsEvenlyAmongLeadAndInvestors() throws {
        let model = Catalogue.openAI()
        let steps = try model.capTable(company: "OpenAI")
        #expect(steps.count == 1)
        let holders = steps[0].holders
        #expect(holders.map(\.name) == ["earlier holders", "Thrive Capital", "Microsoft", "Nvidia", "SoftBank"])
        #expect(holders.map(\.round) == [nil, 0, 0, 0, 0])
        // `led by X with A, B, C`: no amounts, so the even split is an assumption.
        #expect(holders.map(\.assumed) == [false, true, true, true, true])
        #expect(close(holders[0].share, 1 - 6.6 / 157))
        #expect(close(holders[1].share, 6.6 / 157 / 4))
        #expect(close(holders.reduce(0) { $0 + $1.share }, 1))
    }

    @Test func capTableWithAmountsAndLaterRounds() throws {
        var model = Catalogue.openAI()
        try model.addRound(company: "OpenAI", Round(
            "2025", year: 2025, amount: Quantity(40e9), valuation: .post(Quantity(300e9)), lead: "SoftBank",
            investors: [Investor("SoftBank", amount: Quantity(30e9)), Investor("Microsoft", amount: Quantity(10e9))]))
        try model.addRound(company: "OpenAI", Round(year: 2026, amount: Quantity(10e9), valuation: .post(Quantity(500e9))))
        let steps = try model.capTable(company: "OpenAI")
        #expect(steps.count == 3)
        let after = steps[1].holders
        // SoftBank of 2024 and SoftBank of 2025 are two lines: the 2024 one is seen diluted.
        #expect(after.map(\.name) == ["earlier holders", "Thrive Capital", "Microsoft", "Nvidia", "SoftBank", "SoftBank", "Microsoft"])
        #expect(after.map(\.round) == [nil, 0, 0, 0, 0, 1, 1])
        #expect(after.map(\.assumed) == [false, true, true, true, true, false, false])
        #expect(close(after[4].share, 6.6 / 157 / 4 * (1 - 40.0 / 300)))
        #expect(close(after[5].share, 30.0 / 300))
        #expect(close(after[6].share, 10.0 / 300))
        #expect(steps[2].holders.last == Holder(name: "investors", share: 10.0 / 500, round: 2))
        #expect(close(steps[2].holders.reduce(0) { $0 + $1.share }, 1))
        let figures = try model.rounds(company: "OpenAI")
        #expect(close(try #require(figures[1].stepUp).value, 300.0 / 157))
    }

    /// Defect 12: rounds that name no investor were one "round investors" line.
    @Test func eachRoundIsItsOwnLine() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        for (label, year, amount, post) in [("seed", 2020, 2e6, 10e6), ("Series A", 2021, 10e6, 50e6), ("Series B", 2022, 30e6, 150e6)] {
            try model.addRound(company: "A", Round(label, year: year, amount: Quantity(amount), valuation: .post(Quantity(post))))
        }
        let steps = try model.capTable(company: "A")
        let last = try #require(steps.last).holders
        #expect(last.map(\.round) == [nil, 0, 1, 2])
        // Each round sells 20%. By hand: the seed's 20% becomes 16% after A and 12.8% after B.
        #expect(steps.map { $0.holders[1].share }.map { ($0 * 1000).rounded() } == [200, 160, 128])
        // A plain loop: every earlier line keeps (1 - new share) of itself.
        var reference = [1.0]
        for (amount, post) in [(2e6, 10e6), (10e6, 50e6), (30e6, 150e6)] {
            reference = reference.map { $0 * (1 - amount / post) } + [amount / post]
        }
        #expect(zip(last.map(\.share), reference).allSatisfy { close($0, $1, 1e-12) })
    }

    @Test func namedAmountsSplitARoundAndTheRestIsOtherInvestors() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.addRound(company: "A", Round("D", year: 2024, amount: Quantity(100e6), valuation: .post(Quantity(1e9)),
                                               investors: [Investor("Google", amount: Quantity(50e6)), Investor("Amazon", amount: Quantity(25e6))]))
        try model.addRound(company: "A", Round("E", year: 2025, amount: Quantity(200e6), valuation: .post(Quantity(2e9)),
                                               lead: "Thrive", investors: [Investor("Nvidia", amount: Quantity(50e6)), Investor("AMD")]))
        let steps = try model.capTable(company: "A")
        let d = steps[0].holders
        #expect(d.map(\.name) == ["earlier holders", "Google", "Amazon", "other investors"])
        #expect(d.map(\.assumed) == [false, false, false, false])
        #expect(d.map { ($0.share * 1000).rounded() } == [900, 50, 25, 25])  // 50M, 25M, 25M of 1B
        let e = steps[1].holders
        #expect(e.suffix(3).map(\.name) == ["Thrive", "Nvidia", "AMD"])
        // Nvidia's 50M is given; Thrive and AMD split the other 150M evenly (assumed): 75M each of 2B.
        #expect(e.suffix(3).map(\.assumed) == [true, false, true])
        #expect(e.suffix(3).map { ($0.share * 10000).rounded() } == [375, 250, 375])
    }

    @Test func sharesSumToOneAfterEveryRound() throws {
        var stream = TestStream(state: 12)
        for trial in 0..<50 {
            var model = Catalogue.forTests()
            model.declareCompany("A")
            let rounds = 1 + Int(stream.next() * 6)
            for r in 0..<rounds {
                let post = 1e9 * (1 + stream.next() * 100)
                let amount = post * (0.01 + stream.next() * 0.5)
                let named = Int(stream.next() * 4)
                let investors = (0..<named).map { i in
                    // Some with amounts (together at most the round), some without.
                    stream.next() < 0.5 ? Investor("I\(i)", amount: Quantity(amount / 8)) : Investor("I\(i)")
                }
                try model.addRound(company: "A", Round(year: 2000 + r, amount: Quantity(amount), valuation: .post(Quantity(post)),
                                                       lead: stream.next() < 0.5 ? "Lead" : nil, investors: investors))
            }
            for (i, step) in try model.capTable(company: "A").enumerated() {
                #expect(close(step.holders.reduce(0) { $0 + $1.share }, 1, 1e-12), "trial \(trial), round \(i)")
                #expect(step.holders.allSatisfy { $0.share > 0 })
            }
        }
    }

    @Test func namedAmountsBeyondTheRoundAreAnError() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        // 1B + 500M named in a 1B round: refused when the round is added, and nothing is kept.
        let error = modelError {
            try model.addRound(company: "A", Round("X", year: 2024, amount: Quantity(1e9), valuation: .post(Quantity(10e9)),
                                                   investors: [Investor("B", amount: Quantity(1e9)), Investor("C", amount: Quantity(500e6))]))
        }
        #expect(error?.message == "the investors' amounts in X add up to $1.5B, more than the $1B it raises")
        #expect(try model.capTable(company: "A").isEmpty)
    }

    @Test func roundsAreInDateOrder() throws {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        try model.addRound(company: "A", Round("late", year: 2024, month: 11, amount: Quantity(1e9), valuation: .post(Quantity(10e9))))
        try model.addRound(company: "A", Round("early", year: 2024, month: 2, amount: Quantity(1e9), valuation: .post(Quantity(5e9))))
        #expect(try model.rounds(company: "A").map(\.round.name) == ["early", "late"])
        #expect(close(try model.value(company: "A", metric: "raised", year: 2024).value, 2e9))
        #expect(close(try model.value(company: "A", metric: "valuation", year: 2024).value, 10e9))
    }

    @Test func badRounds() {
        var model = Catalogue.forTests()
        model.declareCompany("A")
        #expect(modelError { try model.addRound(company: "A", Round(year: 2024, amount: Quantity(20e9), valuation: .post(Quantity(10e9)))) }?.kind == .invalid)
        #expect(modelError { try model.addRound(company: "A", Round(year: 2024, amount: Quantity(1, .named(Units.gw)))) }?.kind == .unitMismatch)
        #expect(model.company(named: "A")?.rounds.isEmpty == true)
    }
}

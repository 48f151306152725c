// CapTable: who owns what after each round, diluting earlier holders by amount / post. Each
// round's investors are their own rows, so a seed investor is seen diluted by later rounds.

/// One line of a cap table: the earlier holders, or part of one round's investors.
public struct Holder: Sendable, Hashable {
    /// `earlier holders`; a named investor; `investors` for a round that names none; or
    /// `other investors` for what a round's named amounts leave over.
    public var name: String
    /// Between 0 and 1.
    public var share: Double
    /// The round whose money bought this line (its position among the steps, in date order);
    /// nil for the earlier holders. The same investor in two rounds has two lines.
    public var round: Int?
    /// True when the investor's part of the round is an assumption: the round gives no amount
    /// for them, so what the given amounts leave is split evenly among such investors.
    public var assumed: Bool

    /// A line giving `name` a `share` (0 to 1), bought in the round at position `round` (nil: the
    /// earlier holders); `assumed` when the share is an even split of what named amounts leave.
    public init(name: String, share: Double, round: Int? = nil, assumed: Bool = false) {
        self.name = name
        self.share = share
        self.round = round
        self.assumed = assumed
    }
}

/// The holders right after one round: the earlier holders, then each round's lines so far.
public struct CapTableStep: Sendable {
    /// The round just closed.
    public var round: Round
    /// The holders right after it: the earlier holders, then each round's lines so far.
    public var holders: [Holder]
}

extension Model {
    /// The name of the line that holds everything before the first round.
    public static let earlierHolders = "earlier holders"
    /// The line for a round's money when it names no investor.
    public static let roundInvestors = "investors"
    /// The line for what a round's named amounts leave when every named investor has one.
    public static let otherInvestors = "other investors"

    /// Holders after each round, in date order. Every line is diluted by amount / post of each
    /// later round; a round's new shares (amount / post) are its own lines: split by the named
    /// investors' amounts, what they leave split evenly among the named investors without one
    /// (marked assumed), or one line when it names no investor.
    public func capTable(company: String) throws -> [CapTableStep] {
        var holders = [Holder(name: Model.earlierHolders, share: 1)]
        var steps: [CapTableStep] = []
        for (index, figures) in try rounds(company: company).enumerated() {
            let round = figures.round
            guard let post = figures.post else {
                throw ModelError(.invalid, "\(round.name) has no valuation, so its dilution is unknown",
                                 hint: "give one: `at 157B post` or `at 150.4B pre`", at: round.at)
            }
            let amount = try round.amount.converted(toMatch: post, operation: "divide", rates: rates, year: round.year)
            let newShare = amount.value / post.value
            for i in holders.indices { holders[i].share *= 1 - newShare }
            holders += try split(round, index: index, amount: amount, post: post)
            steps.append(CapTableStep(round: round, holders: holders))
        }
        return steps
    }

    /// A round's new lines, in the round's order (lead first): amount / post split among them.
    private func split(_ round: Round, index: Int, amount: Quantity, post: Quantity) throws -> [Holder] {
        var names: [String] = []
        if let lead = round.lead { names.append(lead) }
        for investor in round.investors where !names.contains(investor.name) { names.append(investor.name) }
        guard !names.isEmpty else { return [Holder(name: Model.roundInvestors, share: amount.value / post.value, round: index)] }
        var given: [String: Double] = [:]
        var givenTotal = 0.0
        for investor in round.investors {
            guard let a = investor.amount else { continue }
            let q = try a.converted(toMatch: post, operation: "divide", rates: rates, year: round.year)
            given[investor.name, default: 0] += q.value
            givenTotal += q.value
        }
        let tolerance = amount.value * 1e-9
        if givenTotal > amount.value + tolerance {
            throw ModelError(.invalid,
                             "the investors' amounts in \(round.name) add up to \(Format.brief(Quantity(givenTotal, amount.unit))), "
                                 + "more than the \(Format.brief(amount)) it raises",
                             hint: "correct an investor's amount or the round's amount", at: round.at)
        }
        let rest = max(0, amount.value - givenTotal)
        let without = names.filter { given[$0] == nil }
        var parts: [Holder] = names.map { name in
            if let g = given[name] { return Holder(name: name, share: g / post.value, round: index) }
            return Holder(name: name, share: rest / Double(without.count) / post.value, round: index, assumed: true)
        }
        if without.isEmpty, rest > tolerance {
            parts.append(Holder(name: Model.otherInvestors, share: rest / post.value, round: index))
        }
        return parts
    }
}

// CapTable: who owns what after each round, diluting earlier holders by amount / post.

/// One line of a cap table.
public struct Holder: Sendable, Hashable {
    public var name: String
    /// Between 0 and 1.
    public var share: Double
}

/// The holders right after one round, in the order they first appeared.
public struct CapTableStep: Sendable {
    public var round: Round
    public var holders: [Holder]
}

extension Model {
    /// The name of the line that holds everything before the first round.
    public static let earlierHolders = "earlier holders"
    /// The line for a round's money when no investor is named.
    public static let roundInvestors = "round investors"

    /// Holders after each round, in date order. Earlier holders are diluted by amount / post;
    /// the new money is split by the investors' amounts when given, else evenly among the
    /// lead and the named investors, else held by one "round investors" line.
    public func capTable(company: String) throws -> [CapTableStep] {
        var holders = [Holder(name: Model.earlierHolders, share: 1)]
        var steps: [CapTableStep] = []
        for figures in try rounds(company: company) {
            let round = figures.round
            guard let post = figures.post else {
                throw ModelError(.invalid, "\(round.name) has no valuation, so its dilution is unknown",
                                 hint: "give one: `at 157B post` or `at 150.4B pre`", at: round.at)
            }
            let amount = try round.amount.converted(toMatch: post, operation: "divide", rates: rates, year: round.year)
            let newShare = amount.value / post.value
            for i in holders.indices { holders[i].share *= 1 - newShare }
            for (name, part) in try split(round, amount: amount, post: post) {
                if let i = holders.firstIndex(where: { $0.name == name }) {
                    holders[i].share += part
                } else {
                    holders.append(Holder(name: name, share: part))
                }
            }
            steps.append(CapTableStep(round: round, holders: holders))
        }
        return steps
    }

    /// The new shares of a round, by investor, in the round's order.
    private func split(_ round: Round, amount: Quantity, post: Quantity) throws -> [(String, Double)] {
        var names: [String] = []
        if let lead = round.lead { names.append(lead) }
        for investor in round.investors where !names.contains(investor.name) { names.append(investor.name) }
        guard !names.isEmpty else { return [(Model.roundInvestors, amount.value / post.value)] }
        var given: [String: Double] = [:]
        var givenTotal = 0.0
        for investor in round.investors {
            guard let a = investor.amount else { continue }
            let q = try a.converted(toMatch: post, operation: "divide", rates: rates, year: round.year)
            given[investor.name, default: 0] += q.value
            givenTotal += q.value
        }
        let rest = max(0, amount.value - givenTotal)
        let without = names.filter { given[$0] == nil }
        var parts: [(String, Double)] = []
        for name in names {
            if let g = given[name] {
                parts.append((name, g / post.value))
            } else {
                parts.append((name, rest / Double(without.count) / post.value))
            }
        }
        if without.isEmpty, rest > amount.value * 1e-9 {
            parts.append((Model.roundInvestors, rest / post.value))
        }
        return parts
    }
}

// ListFold: `sum([...])` and `mean([...])` of a list written out in the call, added item by
// item as each is worked out. Building the list first would hold every item's draws at once:
// a portfolio's 10,000 cells of 10,000 draws each are 800 MB, where the running total is 80 KB.
// The additions happen in the same order, so the result has the same bits, and an error is the
// one building the list first would give: an item's own error first (every item is still worked
// out), then lists nested too deeply, then the first item that is not a number, then units.

import BurnModel

/// A native function over a list that can take the list's items one at a time.
enum ListFold {
    case sum
    case mean

    /// The function's result for the list `list`, written as its only argument.
    func call(_ list: ListNode, _ c: CallSite) throws -> Value {
        let name = self == .sum ? "sum" : "mean"
        var total: Quantity?
        var count = 0, depth = 0
        var notNumber: Error?, unitError: Error?
        for (i, node) in list.items.enumerated() {
            let value = try node.eval(c.runtime)
            if case .list(let inner) = value { depth = max(depth, inner.depth) }
            guard notNumber == nil else { continue }
            let q: Quantity
            do { q = try c.item(value, i, name) } catch {
                notNumber = error
                continue
            }
            count += 1
            guard unitError == nil else { continue }
            do { total = try total.map { try ListBuiltins.add($0, q, c) } ?? q } catch { unitError = error }
        }
        if depth + 1 > maximumNesting {
            throw Diagnostic("lists nested too deeply (more than \(maximumNesting) levels)", at: list.span)
        }
        if let error = notNumber ?? unitError { throw error }
        switch self {
        case .sum: return try total.map(c.finite) ?? .number(0)
        case .mean: return try ListBuiltins.mean(try total.map(c.finite), count: count, c)
        }
    }
}

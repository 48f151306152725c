// EditDistance: "did you mean" suggestions from the names in scope.
import BurnModel

enum EditDistance {
    /// Edit distance counting a swap of two neighbours as one edit (`hlep` is 1 from `help`),
    /// case-insensitive, over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        return distance(x, y, atMost: max(x.count, y.count))
    }

    /// The distance when it is at most `limit`, else `limit + 1`: only the cells within
    /// `limit` of the diagonal are worked out (a longer path cannot stay within it), so two
    /// long names cost their length times the limit, not the product of their lengths.
    static func distance(_ x: [Character], _ y: [Character], atMost limit: Int) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        let far = limit + 1
        // Three rows (this one, the one above, the one above that, for swaps), indexed by j.
        var before = [Int](repeating: far, count: y.count + 1)
        var above = [Int](0...y.count).map { min($0, far) }
        var row = [Int](repeating: far, count: y.count + 1)
        for i in 1...x.count {
            let low = max(1, i - limit), high = min(y.count, i + limit)
            // The row holds an old row's values: the cells next to the band, which this row
            // and the next read, are set to "too far"; the band itself is written below.
            row[0] = min(i, far)
            if low - 1 >= 1 { row[low - 1] = far }
            if high + 1 <= y.count { row[high + 1] = far }
            var best = row[0]
            if low <= high {
                for j in low...high {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var d = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost)
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                    row[j] = min(d, far)
                    best = min(best, row[j])
                }
            }
            // Every path goes through this row: past the limit here, past it at the end.
            if best > limit { return far }
            (before, above, row) = (above, row, before)
        }
        return min(above[y.count], far)
    }

    /// The closest candidate within a distance that grows with the name's length and that keeps
    /// a letter, if any (the first in alphabetical order among equally close ones). A stop
    /// asked while a long list is searched (an interruption, the deadline) ends the search with
    /// no suggestion.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, name.count / 3))
        let x = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for (i, candidate) in candidates.enumerated() where candidate != name {
            if i & 1023 == 1023, KernelWatch.shouldStop() { return nil }
            // The length alone rules most candidates out, without a table.
            guard abs(candidate.count - x.count) <= limit else { continue }
            let d = distance(x, Array(candidate.lowercased()), atMost: limit)
            // Replacing every letter (`y` for `P`) is no help.
            guard d <= limit, d < max(x.count, candidate.count) else { continue }
            if let b = best, d > b.distance || (d == b.distance && candidate >= b.name) { continue }
            best = (candidate, d)
        }
        return best?.name
    }
}

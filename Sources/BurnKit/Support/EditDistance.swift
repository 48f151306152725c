// EditDistance: "did you mean" suggestions from the names in scope.

enum EditDistance {
    /// Levenshtein distance, case-insensitive, over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate within a distance that grows with the name's length, if any.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, name.count / 3))
        var best: (String, Int)?
        for candidate in candidates.sorted() where candidate != name {
            let d = distance(name, candidate)
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }
}

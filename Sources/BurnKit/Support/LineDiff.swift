// LineDiff: a unified-style diff of two texts, line by line (longest common subsequence), for
// showing how a notebook's output changed.

/// A unified-style line diff of two texts, for showing how a notebook's output changed.
public enum LineDiff {
    /// `--- expectedLabel`, `+++ actualLabel`, then every line: ` ` kept, `-` only expected,
    /// `+` only actual. Outputs are short, so every line is shown, not hunks.
    public static func unified(expected: String, actual: String, expectedLabel: String, actualLabel: String) -> String {
        var out = "--- \(expectedLabel)\n+++ \(actualLabel)\n"
        for (mark, line) in lines(from: split(expected), to: split(actual)) {
            out += String(mark) + line + "\n"
        }
        return out
    }

    /// The edit script from `a` to `b`: (` `, `-` or `+`, line).
    static func lines(from a: [Substring], to b: [Substring]) -> [(Character, Substring)] {
        // lengths[i][j]: the longest common subsequence of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var script: [(Character, Substring)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                script.append((" ", a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                script.append(("-", a[i])); i += 1
            } else {
                script.append(("+", b[j])); j += 1
            }
        }
        return script
    }

    private static func split(_ text: String) -> [Substring] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}

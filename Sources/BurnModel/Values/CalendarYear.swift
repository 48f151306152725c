// CalendarYear: the years a fact, a rule, a range or a date may name, and the one message
// for a number that is not one (LANGUAGE.md section 1).

/// Years of facts, rules, rounds, ranges and questions lie between 1900 and 2200, so that a
/// typo (`revenue[24]`) is an error instead of a cell nobody meant.
public enum CalendarYear {
    /// The years a model accepts, 1900 through 2200.
    public static let bounds = 1900...2200

    /// Nil for a year in bounds; otherwise the message and hint every caller shows:
    /// `24 is not a year: a year lies between 1900 and 2200`, `did you mean 2024?` for a
    /// two-digit year (y → 2000 + y).
    public static func problem(_ year: Int) -> (message: String, hint: String)? {
        guard !bounds.contains(year) else { return nil }
        let message = "\(year) is not a year: a year lies between \(bounds.lowerBound) and \(bounds.upperBound)"
        if (0...99).contains(year) { return (message, "did you mean `\(2000 + year)`?") }
        return (message, "write a year from \(bounds.lowerBound) to \(bounds.upperBound)")
    }
}

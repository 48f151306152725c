// SeriesDisplay: a whole series (`OpenAI.revenue`) printed by its known years, for the formatter.
import BurnModel

/// Reads a company's metric over its known years so that the formatter can print a bare series
/// as `2024 $3.7B, 2025 $11.6B` (LANGUAGE.md section 2), never as its name.
///
/// The known years are the company's first year (its earliest flow fact or round) through the
/// last year in which it has a fact or a round: the same span `table` shows when given no years.
/// A year in that span whose value nothing gives is left out.
public final class SeriesReader: @unchecked Sendable {
    private weak var interpreter: Interpreter?

    init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// (year, value) for each known year of the series, in year order (none when the company has
    /// no facts yet); nil once the interpreter is gone.
    func values(company: String, metric: String) -> [(year: Int, value: Quantity)]? {
        guard let world = interpreter?.world else { return nil }
        guard let years = World.knownYears(of: company, in: world.state) else { return [] }
        let span = Span(file: -1, start: 0, end: 0)
        return years.compactMap { year in
            (try? world.value(company: company, metric: metric, year: year, at: span)).map { (year, $0) }
        }
    }
}

extension World {
    /// The company's first year through its last year with a fact or a round.
    static func knownYears(of company: String, in model: Model) -> ClosedRange<Int>? {
        guard let c = model.company(named: company), let first = c.firstYear else { return nil }
        let factYears = model.facts().filter { $0.company == company }.map(\.year)
        let last = (factYears + c.rounds.map(\.year)).max() ?? first
        return first...max(first, last)
    }
}

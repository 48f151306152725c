// YearValues: the years statements and questions name, as whole numbers checked against
// `CalendarYear.bounds` with its one message (`revenue[24]` suggests `2024`).
import BurnModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A year a fact, rule, date or question names: a whole number from 1900 to 2200.
func calendarYear(_ v: Value, at span: Span) throws -> Int {
    let year = try wholeNumber(v, at: span, what: "a year")
    try checkCalendarYear(year, at: span)
    return year
}

/// Refuses a year outside 1900...2200, pointing at `span`.
func checkCalendarYear(_ year: Int, at span: Span) throws {
    if let problem = CalendarYear.problem(year) {
        throw Diagnostic(problem.message, at: span, hint: problem.hint)
    }
}

/// `a..b` as years: both ends checked, pointing at the range.
func checkCalendarYears(_ a: Int, _ b: Int, at span: Span) throws -> ClosedRange<Int> {
    try checkCalendarYear(a, at: span)
    try checkCalendarYear(b, at: span)
    return a...b
}

extension CalendarYear {
    /// This calendar year (UTC), for hints that need a year and have no fact to take it from.
    static func current() -> Int {
        var now = time(nil)
        var parts = tm()
        // gmtime_r only fails for times beyond its range; any plausible year then.
        guard gmtime_r(&now, &parts) != nil else { return 2025 }
        return Int(parts.tm_year) + 1900
    }
}

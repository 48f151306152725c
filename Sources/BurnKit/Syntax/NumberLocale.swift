// NumberLocale: English or French reading and printing of numbers (LANGUAGE.md section 12).

/// How numbers are read and printed: `6.6B` and `$157B` in English, `6,6 Md` and `157 Md$` in
/// French. The default is English whatever the machine's locale, so outputs never depend on it.
public enum NumberLocale: String, Sendable, Equatable, CaseIterable {
    case english = "en"
    case french = "fr"

    /// The word `locale` takes: `fr` or `en`.
    public var code: String { rawValue }

    /// `fr` or `en` as written after `locale` or `:set locale`; nil for anything else.
    public init?(code: String) {
        self.init(rawValue: code)
    }

    var isFrench: Bool { self == .french }
}

/// The spaces of French typography.
enum FrenchSpace {
    /// U+202F NARROW NO-BREAK SPACE: between digit groups (`1 400`).
    static let narrow = "\u{202F}"
    /// U+00A0 NO-BREAK SPACE: before a unit, a magnitude or `%` (`157 Md$`, `4,2 %`).
    static let noBreak = "\u{00A0}"
}

// ModelError: every failure of the financial kernel, as data the language renders.

/// A failure of the model: a lowercase message with no trailing period, an optional hint,
/// the place it points at and notes pointing at related places.
public struct ModelError: Error, CustomStringConvertible {
    /// What went wrong, so callers can tell an unknown value from a real error.
    public enum Kind: Sendable, Hashable {
        /// A value with no fact, formula, identity, rule or default.
        case unknown
        /// A value that exists as "none" (a runway when burn is 0).
        case noValue
        /// Formulas that need each other in the same year.
        case cycle
        /// A value whose unit does not fit its metric.
        case unitMismatch
        /// Facts that break an identity.
        case contradiction
        /// A company or metric that was never declared.
        case undeclared
        /// A statement the model cannot accept (a bad round, an empty range...).
        case invalid
        /// Evaluation recursed deeper than the model allows.
        case tooDeep
    }

    /// A secondary message, pointing at another place (the other fact of a contradiction).
    public struct Note: Sendable, Hashable {
        /// The note's text (lowercase, no trailing period).
        public var message: String
        /// Where the note points; nil for a note about no place.
        public var at: SourceRef?
        /// A note saying `message`, pointing at `at` if given.
        public init(_ message: String, at: SourceRef? = nil) {
            self.message = message
            self.at = at
        }
    }

    // Unknown values are raised and caught often while identities are solved, so their
    // text is only built when someone reads it.
    enum Text {
        case plain(String, hint: String?)
        case unknown(company: String, metric: String, year: Int)
    }

    /// What went wrong, so callers can tell an unknown value from a real error.
    public var kind: Kind
    var text: Text
    /// Where the culprit is declared; nil when it comes from no source.
    public var at: SourceRef?
    /// Further messages pointing at related places.
    public var notes: [Note]

    /// An error of `kind` saying `message`, with a fix in `hint`, its place and notes.
    public init(_ kind: Kind, _ message: String, hint: String? = nil, at: SourceRef? = nil, notes: [Note] = []) {
        self.kind = kind
        self.text = .plain(message, hint: hint)
        self.at = at
        self.notes = notes
    }

    static func unknown(company: String, metric: String, year: Int) -> ModelError {
        var e = ModelError(.unknown, "")
        e.text = .unknown(company: company, metric: metric, year: year)
        return e
    }

    /// The error a formula throws for "no value this year" (runway when burn is 0).
    public static func noValue(_ reason: String) -> ModelError {
        ModelError(.noValue, reason)
    }

    /// Lowercase, no trailing period: `OpenAI.revenue[2027] is unknown`.
    public var message: String {
        get {
            switch text {
            case .plain(let m, _): return m
            case .unknown(let c, let m, let y): return "\(c).\(m)[\(y)] is unknown"
            }
        }
        set { text = .plain(newValue, hint: hint) }
    }

    /// What to do about it: `give a fact, a rule (revenue grows ...) or a formula`.
    public var hint: String? {
        get {
            switch text {
            case .plain(_, let h): return h
            // `costs grow`, `revenue grows`: both words are the language's.
            case .unknown(_, let m, _): return "give a fact, a rule (\(m) \(m.hasSuffix("s") ? "grow" : "grows") ...) or a formula"
            }
        }
        set { text = .plain(message, hint: newValue) }
    }

    /// The message, then the hint after a colon when there is one.
    public var description: String {
        hint.map { "\(message): \($0)" } ?? message
    }
}

extension ModelError {
    static func undeclaredCompany(_ name: String) -> ModelError {
        ModelError(.undeclared, "unknown company '\(name)'", hint: "declare it first with `company \(name)`")
    }

    static func undeclaredMetric(_ name: String) -> ModelError {
        ModelError(.undeclared, "unknown metric '\(name)'", hint: "declare it with `metric \(name): money flow`")
    }

    /// A unit error from quantity arithmetic (anything else is wrapped as invalid).
    init(_ error: any Error, at: SourceRef? = nil) {
        if let error = error as? UnitError {
            self.init(.unitMismatch, error.message, hint: error.hint, at: at)
        } else if let error = error as? ModelError {
            self = error
        } else {
            self.init(.invalid, "\(error)", at: at)
        }
    }
}

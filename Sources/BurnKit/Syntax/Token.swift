// Token: the lexer's output, each with the span it came from.

/// How a number literal asks to be shown: `80%` is 0.8 shown as a percent, `3.1x` a multiple.
public enum NumberStyle: Sendable, Equatable {
    case plain
    case percent
    case multiple
}

/// Punctuation and operators.
public enum Symbol: String, Sendable, Equatable, CaseIterable {
    case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
    case assign = "=", equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", dot = ".", dotDot = "..", colon = ":", tilde = "~", percent = "%"
    /// Between arguments and list items: the only separator with `locale fr`, where a comma is
    /// a decimal comma (`cagr(3,7 Md$; 98,7 Md$; 4)`); also accepted in English.
    case semicolon = ";"
}

/// What a token is: a literal, a name or keyword, a symbol, a statement end or the end of input.
public enum TokenKind: Sendable, Equatable {
    /// A number with its magnitude suffix applied (`6.6B` is 6.6e9, `80%` is 0.8).
    case number(Double, NumberStyle)
    /// A currency sign before a number: `$` is USD, `€` EUR, `£` GBP.
    case currency(String)
    /// A number with its currency written after it: `157 Md$`, `6,6 Md€`, `6 250 $` (French),
    /// `157 Md$` (English too).
    case amount(Double, currency: String)
    case string(String)
    /// `2024-10`: a month, for dating rounds.
    case month(year: Int, month: Int)
    /// `2024-10-02`: a day, for dated cash flows.
    case day(year: Int, month: Int, day: Int)
    /// A name or a keyword; the parser decides which from context.
    case identifier(String)
    case symbol(Symbol)
    /// The end of a statement (a line end outside brackets and not after an operator).
    case newline
    case eof
}

/// A token of Burn source and the span it came from.
public struct Token: Sendable, Equatable {
    /// What the token is, with its literal value.
    public var kind: TokenKind
    /// Where the token is in its source.
    public var span: Span
    /// True when whitespace or a comment comes right before this token (`10 GW` vs `10GW`).
    public var spaceBefore: Bool

    /// A token of `kind` at `span`; `spaceBefore` when whitespace or a comment precedes it.
    public init(_ kind: TokenKind, _ span: Span, spaceBefore: Bool = false) {
        self.kind = kind
        self.span = span
        self.spaceBefore = spaceBefore
    }
}

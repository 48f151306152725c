// Parser+Locale: the `locale fr` / `locale en` statement, and the lesson a comma between
// arguments teaches in French, where a comma is a decimal comma (LANGUAGE.md section 12).

extension Parser {
    /// `locale fr` or `locale en`, at the top level: numbers read in that locale from the next
    /// line on (the lexer has already switched), and print in it once the statement runs.
    mutating func parseLocale(_ keyword: Token) throws -> StmtKind {
        let choices = "write `locale fr` for French numbers (`6,6 Md$`) or `locale en` for English ones (`$6.6B`)"
        guard case .identifier(let code) = current.kind, let chosen = NumberLocale(code: code) else {
            throw fail("expected `fr` or `en` after 'locale', found \(describe(current))", at: current.span, hint: choices)
        }
        if depth > 0 {
            throw fail("'locale' goes at the top level of a file, not inside a block", at: keyword.span.to(current.span),
                       hint: "put `locale \(code)` on a line of its own, outside any `{ ... }`")
        }
        advance()
        locale = chosen
        return .locale(chosen)
    }

    /// `cagr(3,7 Md$, 98,7 Md$, 4)` with `locale fr`: the comma is the decimal comma there, so
    /// the items take `;`. The hint rewrites the whole call or list with `;`.
    mutating func frenchComma(openIndex: Int, closing: Symbol) -> SyntaxError {
        let what = closing == .rightParen ? "arguments" : "list items"
        var hint = "separate the \(what) with ';': with `locale fr` a comma is a decimal comma (`6,6`)"
        if let rewritten = withSemicolons(from: openIndex) {
            hint = "write `\(rewrite(rewritten.span, with: rewritten.text))`: with `locale fr` a comma is a decimal comma (`6,6`)"
        }
        return fail("with `locale fr`, \(what) are separated by ';'", at: current.span, label: "did you mean ';'?",
                    hint: hint)
    }

    /// The text from the bracket at `openIndex` to its match, each comma at its own level
    /// written `;`; nil when the bracket is not closed.
    private func withSemicolons(from openIndex: Int) -> (span: Span, text: String)? {
        guard openIndex >= 0, openIndex < tokens.count else { return nil }
        let open = tokens[openIndex]
        var nesting = 0
        var commas: [Span] = []
        var j = openIndex + 1
        while j < tokens.count {
            switch tokens[j].kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): nesting += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
                if nesting == 0 { return joined(open.span.to(tokens[j].span), replacing: commas) }
                nesting -= 1
            case .symbol(.comma) where nesting == 0: commas.append(tokens[j].span)
            case .eof: return nil
            default: break
            }
            j += 1
        }
        return nil
    }

    /// The items in `span` as a list's inside: as written in English; in French with each
    /// separating comma written `;` (`3,7 Md$, 11,6 Md$` → `3,7 Md$; 11,6 Md$`).
    func listItems(_ span: Span) -> String {
        guard locale.isFrench else { return file.text(of: span) }
        let commas = tokens.filter { $0.kind == .symbol(.comma) && $0.span.start >= span.start && $0.span.end <= span.end }
        return joined(span, replacing: commas.map(\.span)).text
    }

    private func joined(_ span: Span, replacing commas: [Span]) -> (span: Span, text: String) {
        var text = ""
        var at = span.start
        for comma in commas {
            text += file.text(of: Span(file: span.file, start: at, end: comma.start)) + ";"
            at = comma.end
        }
        text += file.text(of: Span(file: span.file, start: at, end: span.end))
        return (span, text)
    }
}

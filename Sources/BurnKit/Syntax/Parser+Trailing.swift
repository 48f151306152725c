// Parser+Trailing: what to say when a line goes on after a complete statement. Each common
// mistake (a decimal comma, two statements on one line, a clause in the wrong place, a year
// range written with `to`) gets its own message; anything else gets the general one.

extension Parser {
    /// After a statement: a line end, the end of input, or (in a block) a `}`.
    mutating func endStatement(_ statement: Stmt, from start: Int, inBlock: Bool) throws {
        if checkNewline() || atEnd || (inBlock && check(.rightBrace)) { return }
        if check(.rightBrace) || check(.rightParen) || check(.rightBracket) {
            throw fail("unexpected \(describe(current))", at: current.span, hint: "this bracket closes nothing")
        }
        let diagnostic = commaInNumber() ?? misplacedWord(statement) ?? secondStatement(statement, from: start)
            ?? strayToken()
        throw fail(diagnostic)
    }

    /// A syntax error from a diagnostic built whole.
    mutating func fail(_ diagnostic: Diagnostic) -> SyntaxError {
        if !atEnd { failedBeforeEnd = true }
        return SyntaxError(diagnostic: diagnostic)
    }

    /// The general message, when no common mistake fits.
    private func strayToken() -> Diagnostic {
        Diagnostic("unexpected '\(file.text(of: current.span))' after the end of the statement", at: current.span,
                   hint: "the statement is complete before it: remove it, or put it on a line of its own")
    }

    // MARK: - Numbers

    /// `6,6B` (a French decimal comma) or `1,400` (an English digit group): digits joined by
    /// commas with no space around them.
    private func commaInNumber() -> Diagnostic? {
        guard check(.comma), !current.spaceBefore, case .number = previousToken.kind else { return nil }
        var groups = [previousToken]
        var j = index
        // `6,6 Md$`: the last group may carry its currency after it (English reads `Md$` too).
        func isNumber(_ token: Token) -> Bool {
            switch token.kind {
            case .number, .amount: return true
            default: return false
            }
        }
        while tokens[j].kind == .symbol(.comma), !tokens[j].spaceBefore, isNumber(tokens[j + 1]),
              !tokens[j + 1].spaceBefore {
            groups.append(tokens[j + 1])
            j += 2
        }
        guard groups.count > 1, let last = groups.last else { return nil }
        let span = previousToken.span.to(last.span)
        let written = file.text(of: span)
        let texts = groups.map { file.text(of: $0.span) }
        // In French the first comma was read as the decimal comma: the English lessons below
        // (`6,6.6`, `1_400`) would be wrong there.
        if locale.isFrench { return frenchCommas(written, span: span) }
        let thousands = texts.dropFirst().allSatisfy { $0.prefix { $0.isNumber }.count == 3 }
        if thousands {
            let fixed = texts.joined(separator: "_")
            return Diagnostic("'\(written)' groups its digits with commas", at: span,
                              label: "did you mean '\(fixed)'?",
                              hint: "write `\(fixed)` or `\(texts.joined())`: a comma separates items, `_` groups digits")
        }
        guard groups.count == 2 else { return nil }
        let fixed = texts.joined(separator: ".")
        // `1,4 billions` is French, where a billion is 10^12 (the English trillion): a hint to
        // write `1.4B` would be off by a thousand.
        let word = file.text(of: tokens[j].span).lowercased()
        if word == "billion" || word == "billions" {
            return Diagnostic("'\(written) \(word)' is French: a French billion is a thousand milliards (10^12)",
                              at: span.to(tokens[j].span), label: "did you mean '\(fixed)T'?",
                              hint: "write `\(fixed)T`, or `locale fr` then `\(written) T` (a milliard, 10^9, is `Md`)")
        }
        return Diagnostic("'\(written)' has a decimal comma", at: span, label: "did you mean '\(fixed)'?",
                          hint: "write `\(fixed)`: decimals take a point (`locale fr` reads French numbers such as `\(written)`)")
    }

    /// `6,6,6 Md$`, `1,400,000` with `locale fr`: a number has one decimal comma at most.
    private func frenchCommas(_ written: String, span: Span) -> Diagnostic {
        Diagnostic("'\(written)' has more than one comma: with `locale fr` a comma is the decimal comma", at: span,
                   hint: "write one decimal comma at most, with spaces between groups of thousands: "
                       + "`6,6\(FrenchSpace.noBreak)Md$`, `1\(FrenchSpace.narrow)400\(FrenchSpace.narrow)000`")
    }

    // MARK: - Words in the wrong place

    /// A word the statement knows, written where it does not go: `from 2026 to 2030` in a rule,
    /// `project burn until 2030 for OpenAI`, `check a == b within 5%`, `check a = b`...
    private func misplacedWord(_ statement: Stmt) -> Diagnostic? {
        switch current.kind {
        case .identifier("to"): return yearsWrittenWithTo(statement)
        case .identifier("from"): return misplacedFrom(statement)
        case .identifier("for"): return projectFor(statement)
        case .identifier("within"): return withinWithoutTilde(statement)
        case .identifier("per"): return knobPerYear(statement)
        case .identifier("in"): return conversionWithIn(statement)
        case .identifier("is"), .identifier("was"), .identifier("equals"): return factWithoutAssign(statement)
        case .symbol(.colon): return factWithoutAssign(statement) ?? companyColon(statement)
        case .identifier("and"), .identifier("with"), .identifier("show"), .identifier("plus"):
            return investorsJoinedByAnd(statement) ?? projectExtraMetrics(statement)
        case .symbol(.assign): return comparisonWithAssign(statement)
        case .symbol(.minus): return postMoney(statement)
        case .symbol(.comma), .symbol(.semicolon): return listWithoutBrackets(statement)
        case .string: return sourceWithoutKeyword(statement)
        case .number, .month: return yearWithoutKeyword(statement)
        default: return nil
        }
    }

    /// `from 2026 to 2030` in a rule; `in 2024 to 2030` in a table; `over 2027 to 2031`.
    private func yearsWrittenWithTo(_ statement: Stmt) -> Diagnostic? {
        switch statement.kind {
        case .rule(_, .growsPerYear(_, let from?, nil), _) where from.span.end == previousToken.span.end:
            return Diagnostic("a rule's last year follows 'until', not 'to'", at: current.span,
                              label: "did you mean 'until'?", hint: "write `\(rewrite(current.span, with: "until"))`")
        case .table(_, _, let years?), .compare(_, _, let years?), .chart(_, _, let years?, _, _):
            return yearRange(years)
        case .commit(let decl):
            return yearRange(decl.years)
        default:
            return nil
        }
    }

    /// `2024 to 2030` where a range of years `2024..2030` goes.
    private func yearRange(_ first: Expr) -> Diagnostic? {
        guard first.span.end == previousToken.span.end, startsExpression(peek()) else { return nil }
        let span = first.span.to(peek().span)
        let fixed = file.text(of: first.span) + ".." + file.text(of: peek().span)
        return Diagnostic("a range of years is written with '..', not 'to'", at: span, label: "did you mean '\(fixed)'?",
                          hint: "write `\(rewrite(span, with: fixed))` (`a to b` is an uncertain number)")
    }

    /// `until 2030 from 2026` in a rule; `table revenue for OpenAI from 2024 to 2030`.
    private func misplacedFrom(_ statement: Stmt) -> Diagnostic? {
        switch statement.kind {
        case .rule(_, .growsPerYear(_, nil, let until?), _):
            var keyword = index - 1
            while keyword > 0, tokens[keyword].kind != .identifier("until") { keyword -= 1 }
            let span = tokens[keyword].span.to(peek().span)
            let fixed = "from \(file.text(of: peek().span)) until \(file.text(of: until.span))"
            return Diagnostic("in a rule, 'from' comes before 'until'", at: current.span,
                              hint: "write `\(rewrite(span, with: fixed))`")
        case .table(_, _, nil), .compare(_, _, nil), .chart(_, _, nil, _, _):
            let what: String
            switch statement.kind {
            case .chart: what = "a chart's"
            case .compare: what = "a comparison's"
            default: what = "a table's"
            }
            let first = file.text(of: peek().span)
            let hasLast = peek(2).kind == .identifier("to") || peek(2).kind == .identifier("until")
            let span = current.span.to(hasLast ? peek(3).span : peek().span)
            let fixed = "in \(first)..\(hasLast ? file.text(of: peek(3).span) : first)"
            return Diagnostic("\(what) years follow 'in', as a range", at: current.span, label: "did you mean 'in'?",
                              hint: "write `\(rewrite(span, with: fixed))`")
        default:
            return nil
        }
    }

    /// `project burn until 2030 for OpenAI`: the company goes first.
    private func projectFor(_ statement: Stmt) -> Diagnostic? {
        guard case .project(let names, let until) = statement.kind, let company = word(peek()) ?? stringText(peek()) else {
            return nil
        }
        let shown = company.contains(" ") ? "\"\(company)\"" : company
        let metrics = names.map(\.text).joined(separator: ", ")
        return Diagnostic("'project' names its company first, not after 'for'", at: current.span,
                          hint: "write `project \(shown)\(metrics.isEmpty ? "" : " " + metrics) until \(file.text(of: until.span))`")
    }

    /// `check a == b within 5%`: a tolerance goes with `~`.
    private func withinWithoutTilde(_ statement: Stmt) -> Diagnostic? {
        guard case .check(let value, nil, _) = statement.kind else { return nil }
        let tolerance = startsExpression(peek()) ? file.text(of: peek().span) : "5%"
        var hint = "write `check a ~ b within \(tolerance)`"
        if case .binary(let op, let a, let b) = value.kind, [.equal, .notEqual].contains(op) {
            hint = "write `check \(file.text(of: a.span)) ~ \(file.text(of: b.span)) within \(tolerance)`"
        }
        return Diagnostic("'within' gives the tolerance of '~', not of '=='", at: current.span, hint: hint)
    }

    /// `assume growth = 50% per year`: the knob is a number; the rule says `per year`.
    private func knobPerYear(_ statement: Stmt) -> Diagnostic? {
        guard case .assume(let knob, let value) = statement.kind else { return nil }
        return Diagnostic("a knob is a number: 'per year' belongs to the rule that uses it", at: current.span,
                          hint: "write `assume \(knob.text) = \(file.text(of: value.span))`, then `revenue grows \(knob.text) per year`")
    }

    /// `show revenue[2024] in USD`: conversions take `as`.
    private func conversionWithIn(_ statement: Stmt) -> Diagnostic? {
        switch statement.kind {
        case .expression, .show, .letBinding: break
        default: return nil
        }
        guard word(peek()) != nil else { return nil }
        return Diagnostic("a conversion is written with 'as', not 'in'", at: current.span, label: "did you mean 'as'?",
                          hint: "write `\(rewrite(current.span, with: "as"))`")
    }

    /// `revenue[2024] is 3.7B`, `revenue[2024]: 3.7B`: a fact takes `=`.
    private func factWithoutAssign(_ statement: Stmt) -> Diagnostic? {
        guard case .expression(let target) = statement.kind, case .index = target.kind else { return nil }
        return Diagnostic("a fact is written with '='", at: current.span, label: "did you mean '='?",
                          hint: "write `\(rewrite(current.span, with: current.spaceBefore ? "=" : " ="))`")
    }

    /// `company OpenAI:`: the company's statements follow on their own lines.
    private func companyColon(_ statement: Stmt) -> Diagnostic? {
        guard case .company(let name, nil) = statement.kind else { return nil }
        let shown = name.text.contains(" ") ? "\"\(name.text)\"" : name.text
        return Diagnostic("a company line ends after its name, with no ':'", at: current.span,
                          hint: "write `company \(shown)`, then its facts on the lines below (or `company \(shown) { ... }`)")
    }

    /// `with Microsoft and Nvidia`: a round's investors are separated by commas.
    private func investorsJoinedByAnd(_ statement: Stmt) -> Diagnostic? {
        guard case .round(let round) = statement.kind, checkWord("and"), !round.investors.isEmpty else { return nil }
        return Diagnostic("a round's investors are separated by commas, not 'and'", at: current.span,
                          label: "did you mean ','?",
                          hint: "write `\(rewrite(previousToken.span.to(current.span), with: file.text(of: previousToken.span) + ","))`")
    }

    /// `project OpenAI until 2030 with cash`: extra metrics are named before `until`.
    private func projectExtraMetrics(_ statement: Stmt) -> Diagnostic? {
        guard case .project(let names, let until) = statement.kind, word(peek()) != nil else { return nil }
        var extra: [String] = []
        var j = index + 1
        while let w = word(tokens[j]) {
            extra.append(w)
            j += 1
            if tokens[j].kind == .symbol(.comma) { j += 1 }
        }
        let words = names.map(\.text) + extra
        let all = words.count > 1 ? words[0] + " " + words.dropFirst().joined(separator: ", ") : words.joined()
        return Diagnostic("'project' names its extra metrics before 'until'", at: current.span,
                          hint: "write `project \(all) until \(file.text(of: until.span))`")
    }

    /// `check a = b`, `solve ... so x = 0`: a condition compares with `==`.
    private func comparisonWithAssign(_ statement: Stmt) -> Diagnostic? {
        let what: String
        switch statement.kind {
        case .check(_, nil, _): what = "a check"
        case .solve: what = "the goal of 'solve'"
        default: return nil
        }
        return Diagnostic("\(what) compares with '==', not '='", at: current.span, label: "did you mean '=='?",
                          hint: "write `\(rewrite(current.span, with: "=="))`")
    }

    /// `at 157B post-money`
    private func postMoney(_ statement: Stmt) -> Diagnostic? {
        guard case .round = statement.kind, let side = word(previousToken), ["post", "pre"].contains(side),
              !current.spaceBefore, word(peek()) == "money" else { return nil }
        // `post-money valuation`: the word `valuation` goes too.
        let span = previousToken.span.to(word(peek(2)) == "valuation" ? peek(2).span : peek().span)
        return Diagnostic("write '\(side)' alone: it means \(side)-money", at: span, label: "did you mean '\(side)'?",
                          hint: "write `\(rewrite(span, with: side))`")
    }

    /// `revenue[2025..2026] = 3.7B, 11.6B`: several years take a list.
    private func listWithoutBrackets(_ statement: Stmt) -> Diagnostic? {
        switch statement.kind {
        case .show(let e), .expression(let e):
            // `show a, b`: one value a statement, or a list.
            let span = e.span.to(lastSpanOnLine(from: index))
            return Diagnostic("one value a line, or a list in brackets", at: current.span,
                              hint: "write `\(rewrite(span, with: "[" + listItems(span) + "]"))`, or put each value on its own line")
        default: break
        }
        guard case .fact(let target, let value, nil) = statement.kind, case .index(_, let years) = target.kind,
              case .range = years.kind, value.span.end == previousToken.span.end else { return nil }
        let span = value.span.to(lastSpanOnLine(from: index))
        return Diagnostic("the values of several years are a list, in brackets", at: span,
                          hint: "write `\(rewrite(span, with: "[" + listItems(span) + "]"))`")
    }

    /// `3.7B "001"` or `3.7B sourced "001"`: a source takes the word `source`.
    private func sourceWithoutKeyword(_ statement: Stmt) -> Diagnostic? {
        switch statement.kind {
        case .fact, .rule, .round, .commit, .letBinding, .formula: break
        default: return nil
        }
        if let typed = word(previousToken), typed != "source", EditDistance.distance(typed, "source") <= 3 {
            return Diagnostic("expected 'source' before the string", at: previousToken.span, label: "did you mean 'source'?",
                              hint: "write `\(rewrite(previousToken.span, with: "source"))`")
        }
        return Diagnostic("a source is written after the word 'source'", at: current.span,
                          hint: "write `\(rewrite(current.span, with: "source " + file.text(of: current.span)))`")
    }

    /// `table revenue for OpenAI 2024..2030`, `revenue 2025 = 3.7B`, `grows 50% per year 2026..2030`.
    private func yearWithoutKeyword(_ statement: Stmt) -> Diagnostic? {
        switch statement.kind {
        case .table(_, _, nil), .compare(_, _, nil), .chart(_, _, nil, _, _):
            return Diagnostic("expected 'in' before the years", at: current.span,
                              hint: "write `\(rewrite(current.span, with: "in " + file.text(of: current.span)))`")
        case .rule(_, .growsPerYear(_, nil, nil), _):
            let last = peek().kind == .symbol(.dotDot) ? " until \(file.text(of: peek(2).span))" : ""
            return Diagnostic("a rule's years follow 'from' and 'until'", at: current.span,
                              hint: "write `per year from \(file.text(of: current.span))\(last)`")
        case .round(let round):
            return roundValuationWord(round)
        case .expression(let e), .explain(let e), .show(let e):
            guard case .name(let metric) = e.kind, case .number = current.kind else { return nil }
            let span = e.span.to(current.span)
            return Diagnostic("a metric's year goes in brackets", at: span,
                              label: "did you mean '\(metric)[\(file.text(of: current.span))]'?",
                              hint: "write `\(rewrite(span, with: "\(metric)[\(file.text(of: current.span))]"))`")
        default:
            return nil
        }
    }

    /// `raise 6.6B valuation 157B`: the amount took `valuation` as its unit; a valuation follows `at`.
    private func roundValuationWord(_ round: RoundDecl) -> Diagnostic? {
        guard case .quantity(_, let unit) = round.amount.kind, ["valuation", "valued", "val"].contains(unit.text),
              unit.span == previousToken.span else { return nil }
        let span = unit.span.to(current.span)
        return Diagnostic("a round's valuation follows 'at', with 'post' or 'pre'", at: span,
                          hint: "write `\(rewrite(span, with: "at \(file.text(of: current.span)) post"))` (or `pre`)")
    }

    // MARK: - Two statements on one line

    /// `revenue[2024] = 3.7B loss[2024] = 5B`, `company OpenAI founded 2015`, `OpenAI revenue[2024] = 3.7B`:
    /// a second statement starts inside the first one's line. Found by parsing from each word.
    private func secondStatement(_ statement: Stmt, from start: Int) -> Diagnostic? {
        let afterComma = check(.comma)
        let last = afterComma ? index + 1 : index
        var probes = 0
        var j = start + 1
        while j <= last, probes < 64 {
            defer { j += 1 }
            guard word(tokens[j]) != nil, tokens[j].spaceBefore || j == last else { continue }
            probes += 1
            var probe = self
            probe.index = j
            probe.diagnostics = []
            probe.depth = 0
            guard let second = try? probe.parseStatement(),
                  probe.checkNewline() || probe.atEnd || probe.check(.rightBrace) else { continue }
            if case .expression = second.kind { continue }
            if let joined = companyMetric(statement, second) { return joined }
            let separator = afterComma ? "a comma does not separate statements: " : ""
            return Diagnostic("two statements on one line", at: second.span, label: "a second statement starts here",
                              hint: "\(separator)start a new line before `\(file.text(of: second.span))`")
        }
        return nil
    }

    /// `OpenAI revenue[2024] = 3.7B`: a company and its metric are joined by a dot.
    private func companyMetric(_ first: Stmt, _ second: Stmt) -> Diagnostic? {
        guard case .expression(let e) = first.kind, case .name(let company) = e.kind,
              company.first?.isUppercase == true, let metric = word(tokens[index]),
              sameLine(e.span, current.span) else { return nil }
        let span = e.span.to(current.span)
        return Diagnostic("a company's metric is written with a dot", at: span, label: "did you mean '\(company).\(metric)'?",
                          hint: "write `\(rewrite(span, with: "\(company).\(metric)"))`")
    }

    // MARK: - Names

    /// `company Mistral AI`, `led by Thrive Capital`: a name followed on its line by more words,
    /// which only quotes can join into one name.
    mutating func unquotedName(after nameToken: Token, what: String, inList: Bool = false) -> SyntaxError? {
        guard word(nameToken) != nil, let next = word(current), Parser.isNameWord(next), current.spaceBefore,
              sameLine(nameToken.span, current.span) else { return nil }
        var j = index
        while let w = word(tokens[j]), Parser.isNameWord(w) { j += 1 }
        // More name ends the line or meets a clause (`over`, `on`, `{`); `company OpenAI founded
        // 2015` is two statements instead.
        switch tokens[j].kind {
        case .newline, .eof, .symbol(.leftBrace), .symbol(.rightBrace), .symbol(.comma): break
        case .identifier(let w) where Parser.clauseKeywords.contains(w): break
        default: return nil
        }
        let span = nameToken.span.to(tokens[j - 1].span)
        let name = file.text(of: span)
        return fail(Diagnostic("\(what) '\(name)' has a space, so it needs quotes", at: span,
                               label: "did you mean \"\(name)\"?",
                               hint: "write `\(rewrite(span, with: "\"\(name)\""))`"
                                   + (inList ? ", or put commas between several names" : "")))
    }

    /// A word that may be part of a name (not a keyword or a clause word).
    static func isNameWord(_ text: String) -> Bool {
        !reserved.contains(text) && !clauseKeywords.contains(text)
    }

    /// The text of a string token.
    func stringText(_ token: Token) -> String? {
        if case .string(let text) = token.kind { return text }
        return nil
    }

    // MARK: - Rewriting the line for a hint

    /// The span of the last token on the line of `tokens[from]`.
    func lastSpanOnLine(from start: Int) -> Span {
        var j = min(start, tokens.count - 1)
        while j + 1 < tokens.count, tokens[j + 1].kind != .newline, tokens[j + 1].kind != .eof,
              sameLine(tokens[j].span, tokens[j + 1].span) {
            j += 1
        }
        return tokens[j].span
    }

    /// The line holding `span`, from its first token to its last (so without a comment or
    /// indentation), with `span` replaced by `replacement`: the corrected line for a hint.
    func rewrite(_ span: Span, with replacement: String) -> String {
        let line = file.lineIndex(of: span.start)
        var first = span.start, last = span.end
        let window = max(0, index - 256)..<min(tokens.count, index + 256)
        for token in tokens[window] where token.kind != .newline && token.kind != .eof {
            guard file.lineIndex(of: token.span.start) == line else { continue }
            first = min(first, token.span.start)
            last = max(last, token.span.end)
        }
        let before = file.text(of: Span(file: span.file, start: first, end: span.start))
        let after = file.text(of: Span(file: span.file, start: span.end, end: last))
        return before + replacement + after
    }
}

// Parser+Statements: statement dispatch, declarations, facts, formulas, rules and money events.

extension Parser {
    /// Words that start a statement, and whether what follows them is an expression
    /// (so `show (x)` is `show`, while `rate(2)` or `rate = 5%` use `rate` as a name).
    static let statementWords: [String: Bool] = [
        "let": false, "fn": false, "company": false, "founded": true, "currency": false, "note": true,
        "import": false, "rate": false, "unit": false, "metric": false, "round": false, "commit": true,
        "project": false, "table": false, "compare": false, "explain": true, "sources": false,
        "captable": false, "check": true, "chart": false, "export": true, "show": true, "assume": false,
        "scenario": false, "using": false, "solve": false, "sweep": false, "seed": true, "samples": true,
        "identity": false, "locale": false,
    ]

    /// Whether the statement word at the current token starts its statement, rather than
    /// being a name in an expression (`note = 3`, `rate[2024] = 5%`).
    private func startsStatement(_ text: String) -> Bool {
        guard let takesExpression = Parser.statementWords[text] else { return false }
        if Parser.reserved.contains(text) { return true }
        let next = peek()
        switch next.kind {
        case .symbol(let symbol):
            switch symbol {
            case .assign, .dot, .plus, .star, .slash, .caret, .equal, .notEqual, .less, .lessEqual,
                .greater, .greaterEqual, .dotDot, .comma, .tilde, .rightParen, .rightBracket:
                return false
            case .leftParen, .minus:
                return takesExpression
            case .leftBracket:
                // `show [1, 2]` shows a list; `note[2024]` indexes a metric named `note`.
                return takesExpression && next.spaceBefore
            default:
                return true
            }
        case .identifier(let following):
            // `sources grows 5% per year` is a rule about a metric named `sources`.
            return !["grows", "grow", "reaches", "reach", "under", "as", "and", "or", "to"].contains(following)
        case .newline, .eof:
            return ["sources", "captable", "project"].contains(text)
        default:
            return true
        }
    }

    mutating func parseStatement() throws -> Stmt {
        let start = current
        if let text = word(start), startsStatement(text) {
            advance()
            let kind = try parseKeywordStatement(text, start)
            return Stmt(kind, start.span.to(previousSpan))
        }
        guard startsExpression(current) else { throw unexpected(expecting: "a statement") }
        let kind = try parseExpressionStatement()
        return Stmt(kind, start.span.to(previousSpan))
    }

    private mutating func parseKeywordStatement(_ text: String, _ keyword: Token) throws -> StmtKind {
        switch text {
        case "let":
            let name = try parseName("a name after 'let'")
            try expectAssign(after: "'let \(name.text)'")
            let value = try parseValue(after: previousToken)
            return .letBinding(name, value, source: try parseSource())
        case "fn": return try parseFunction()
        case "company": return try parseCompany()
        case "founded", "note":
            return .attribute(Name(text, keyword.span), try parseValue(after: keyword))
        case "currency":
            let code = try parseName("a currency code after 'currency'")
            return .attribute(Name(text, keyword.span), Expr(.name(code.text), code.span))
        case "import":
            let (path, span) = try parseString("after 'import'", hint: "write `import \"other.burn\"`")
            return .importFile(path, span: span)
        case "rate":
            let currency = try parseName("a currency code after 'rate'")
            try expectAssign(after: "'rate \(currency.text)'", hint: "write `rate EUR = 1.0824 USD in 2024`")
            let value = try parseValue(after: previousToken, .noTo)
            let year = try matchWord("in") != nil ? parseValue(after: previousToken, .noTo) : nil
            return .rate(currency: currency, value: value, year: year)
        case "unit":
            let name = try parseName("a unit name after 'unit'")
            let plural = try matchWord("plural") != nil ? parseName("a plural after 'plural'") : nil
            let definition = try match(.assign) != nil ? parseValue(after: previousToken) : nil
            return .unitDecl(name, plural: plural, definition: definition)
        case "metric":
            let name = try parseName("a metric name after 'metric'")
            _ = try expect(.colon, "after the metric name", hint: "write `metric arr: money flow`")
            let measure = try parseName("a measure (money, percent, multiple, number or a unit)")
            let kind = word(current).map { !Parser.reserved.contains($0) } == true ? try parseName("flow or stock") : nil
            var options: [Name] = []
            while let w = word(current), !Parser.reserved.contains(w) { options.append(try parseName("an option")) }
            return .metricDecl(name, MetricType(measure: measure, kind: kind, options: options))
        case "identity":
            let lhs = try parseValue(after: keyword)
            try expectAssign(after: "the identity's left side", hint: "write `identity operating_income = revenue - costs`")
            return .identity(lhs, try parseValue(after: previousToken))
        case "round": return .round(try parseRound(keyword))
        case "commit": return .commit(try parseCommit(keyword))
        case "assume":
            let name = try parseName("a knob name after 'assume'")
            try expectAssign(after: "'assume \(name.text)'", hint: "write `assume growth = 50%`")
            return .assume(name, try parseValue(after: previousToken))
        case "scenario", "using":
            let name = try parseName("a scenario name after '\(text)'")
            guard check(.leftBrace) else {
                throw fail("expected '{' after '\(text) \(name.text)', found \(describe(current))", at: current.span,
                           hint: "write `\(text) \(name.text) { ... }`")
            }
            let body = try parseBlock().statements
            return text == "scenario" ? .scenario(name, body) : .using(name, body)
        case "locale": return try parseLocale(keyword)
        case "seed": return .seed(try parseValue(after: keyword))
        case "samples": return .samples(try parseValue(after: keyword))
        case "show": return .show(try parseValue(after: keyword))
        default: return try parseQuestion(text, keyword)
        }
    }

    /// The token before the current one.
    var previousToken: Token { index > 0 ? tokens[min(index - 1, tokens.count - 1)] : current }

    /// An expression that must follow `token`.
    mutating func parseValue(after token: Token, _ options: ExprOptions = .all) throws -> Expr {
        guard startsExpression(current) else { throw missingExpression(after: token) }
        return try parseExpression(options)
    }

    private mutating func expectAssign(after what: String, hint: String? = nil) throws {
        if match(.assign) != nil { return }
        if check(.colon), peek().kind == .symbol(.assign), !peek().spaceBefore {
            throw fail("'=' binds a name, not ':='", at: current.span.to(peek().span), label: "did you mean '='?",
                       hint: "write `\(rewrite(current.span.to(peek().span), with: "="))`")
        }
        throw fail("expected '=' after \(what), found \(describe(current))", at: current.span, hint: hint)
    }

    // MARK: - Declarations

    private mutating func parseFunction() throws -> StmtKind {
        let name = try parseName("a function name after 'fn'")
        _ = try expect(.leftParen, "after the function name", hint: "write `fn \(name.text)(a, b) = a + b`")
        var parameters: [Name] = []
        if match(.rightParen) == nil {
            repeat {
                parameters.append(try parseName("a parameter name"))
            } while (match(.comma) ?? match(.semicolon)) != nil && !check(.rightParen)  // `;` as calls take it
            _ = try expect(.rightParen, "after the parameters")
        }
        try expectAssign(after: "the parameters", hint: "write `fn \(name.text)(a, b) = a + b`")
        return .function(name, parameters: parameters, body: try parseValue(after: previousToken))
    }

    private mutating func parseCompany() throws -> StmtKind {
        let name = try parseNameOrString("a company name after 'company'")
        if let error = unquotedName(after: previousToken, what: "the company name") { throw error }
        let body = check(.leftBrace) ? try parseBlock().statements : nil
        return .company(name, body: body)
    }

    // MARK: - Facts, formulas and rules

    private mutating func parseExpressionStatement() throws -> StmtKind {
        let target = try parseExpression()
        if let assign = match(.assign) {
            let value = try parseValue(after: assign)
            switch target.kind {
            case .index:
                return .fact(target: target, value: value, source: try parseSource())
            case .name, .member:
                return .formula(target: target, value: value, source: try parseSource())
            case .call(let callee, let arguments) where arguments.count == 1:
                // `revenue(2024) = 3.7B`: a year in parentheses instead of brackets.
                let fixed = "\(file.text(of: callee.span))[\(file.text(of: arguments[0].span))]"
                throw fail("a metric's year goes in brackets, not parentheses", at: target.span,
                           label: "did you mean '\(fixed)'?", hint: "write `\(rewrite(target.span, with: fixed))`")
            default:
                throw fail("cannot assign to this expression", at: target.span,
                           hint: "write `let name = ...` to bind a value")
            }
        }
        if let verb = matchWord("grows") ?? matchWord("grow") {
            try checkRuleTarget(target)
            let amount = try parseValue(after: verb, .noAs)
            try checkGrowthAmount(amount)
            if matchWord("per") != nil {
                try expectYearAfterPer()
                let from = try matchWord("from") != nil ? parseValue(after: previousToken, .noToAs) : nil
                let until = try matchWord("until") != nil ? parseValue(after: previousToken, .noToAs) : nil
                return .rule(target: target, .growsPerYear(rate: amount, from: from, until: until),
                             source: try parseSource())
            }
            if let inToken = matchWord("in") {
                let year = try parseValue(after: inToken, .noToAs)
                return .rule(target: target, .growsIn(factor: amount, year: year), source: try parseSource())
            }
            throw fail("expected 'per year' or 'in' after the growth, found \(describe(current))",
                       at: current.span, hint: "write `grows 50% per year` or `grows 3.1x in 2025`")
        }
        if let verb = matchWord("reaches") ?? matchWord("reach") {
            try checkRuleTarget(target)
            let value = try parseValue(after: verb, .noAs)
            if let typed = word(current), ["by", "at", "until", "for"].contains(typed), startsExpression(peek()) {
                throw fail("a target's year follows 'in'", at: current.span, label: "did you mean 'in'?",
                           hint: "write `\(rewrite(current.span, with: "in"))`")
            }
            let inToken = try expectWord("in", "after the value", hint: "write `reaches 98.7B in 2028`")
            let year = try parseValue(after: inToken, .noToAs)
            return .rule(target: target, .reaches(value: value, year: year), source: try parseSource())
        }
        return .expression(target)
    }

    /// Words that say "a year" where a rule needs `per year`: `grows 50% a year`, `yearly`.
    private static let yearlyWords: Set<String> = ["a", "an", "each", "every", "yearly", "annually", "annual", "pa", "yoy", "YoY"]

    /// `grows by 50%`, `grows 50% a year`, `grows 50% yearly`: the rate's usual misspellings.
    private mutating func checkGrowthAmount(_ amount: Expr) throws {
        if case .name("by") = amount.kind {
            throw fail("'grows' takes the rate directly, without 'by'", at: amount.span,
                       hint: "write `\(rewrite(amount.span.to(current.span), with: file.text(of: current.span)))`")
        }
        guard case .quantity(let rate, let unit) = amount.kind, Parser.yearlyWords.contains(unit.text) else { return }
        let span = checkWord("year") ? unit.span.to(current.span) : unit.span
        throw fail("a rule's yearly rate is written 'per year'", at: span, label: "did you mean 'per year'?",
                   hint: "write `\(rewrite(span, with: "per year"))`, or `grows \(file.text(of: rate.span)) in 2025` for one year")
    }

    /// The `year` of `per year`, with a suggestion for its misspellings (`per anum`, `per yr`).
    private mutating func expectYearAfterPer() throws {
        if matchWord("year") != nil { return }
        let typed = word(current)
        let close = typed.map { ["annum", "anum", "yr", "years", "an", "y"].contains($0) || EditDistance.distance($0, "year") <= 2 } ?? false
        throw fail("expected 'year' after 'per', found \(describe(current))", at: current.span,
                   label: close ? "did you mean 'year'?" : nil,
                   hint: "write `grows 50% per year`: rules change a metric once a year")
    }

    private mutating func checkRuleTarget(_ target: Expr) throws {
        switch target.kind {
        case .name, .member: return
        default:
            throw fail("a rule applies to a metric, not to this expression", at: target.span,
                       hint: "write `revenue grows 50% per year` or `OpenAI.revenue grows ...`")
        }
    }

    // MARK: - Money events

    private mutating func parseRound(_ keyword: Token) throws -> RoundDecl {
        var label: String?
        if case .string(let text) = current.kind {
            advance()
            label = text
        }
        if case .month = current.kind {
            // `round "Series A" 2024-10 raise ...`: the date follows `in`.
            throw fail("a round's date follows 'in'", at: current.span, label: "did you mean 'in \(file.text(of: current.span))'?",
                       hint: "write `\(rewrite(current.span, with: "in " + file.text(of: current.span)))`")
        }
        let date = try matchWord("in") != nil ? parseValue(after: previousToken, .noToAs) : nil
        let raise = try expectWord("raise", "in a round", hint: "write `round in 2024-10 raise 6.6B at 157B post`")
        let amount = try parseValue(after: raise, .noAs)
        var round = RoundDecl(label: label, date: date, amount: amount, valuation: nil, isPost: true,
                              leadBy: nil, investors: [], source: nil)
        while true {
            if let at = matchWord("at") {
                if round.valuation != nil {
                    throw fail("a round has one valuation, post-money or pre-money, not both", at: at.span,
                               hint: "keep one: the other follows from the amount (pre = post - amount)")
                }
                round.valuation = try parseValue(after: at, .noToAs)
                if matchWord("post") != nil {
                    round.isPost = true
                } else if matchWord("pre") != nil {
                    round.isPost = false
                } else {
                    throw fail("expected 'post' or 'pre' after the valuation, found \(describe(current))",
                               at: current.kind == .newline || atEnd ? previousSpan : current.span,
                               hint: "write `at 157B post` or `at 150.4B pre`")
                }
            } else if matchWord("led") != nil {
                _ = try expectWord("by", "after 'led'", hint: "write `led by \"Thrive Capital\"`")
                round.leadBy = try parseNameOrString("the lead investor after 'led by'")
                if let error = unquotedName(after: previousToken, what: "the investor name") { throw error }
            } else if matchWord("with") != nil {
                repeat {
                    let name = try parseNameOrString("an investor after 'with'")
                    // `with Thrive Capital, ...`: a capitalised word after a name is more name, not an amount.
                    if word(current)?.first?.isUppercase == true,
                       let error = unquotedName(after: previousToken, what: "the investor name") { throw error }
                    var investorAmount: Expr?
                    if startsExpression(current) && !Parser.clauseKeywords.contains(word(current) ?? "") {
                        investorAmount = try parseExpression(.noToAs)
                        try checkInvestorAmount(investorAmount)
                    }
                    round.investors.append(Investor(name: name, amount: investorAmount))
                } while match(.comma) != nil
            } else if checkWord("source") {
                round.source = try parseSource()
            } else {
                return round
            }
        }
    }

    /// `with Microsoft 1B and Nvidia 500M`: `and` read the next investor into the amount.
    private mutating func checkInvestorAmount(_ amount: Expr?) throws {
        guard let amount, case .binary(let op, let left, _) = amount.kind, op == .and || op == .or else { return }
        // The first `and` (or `or`) after the amount.
        var k = index - 1
        var found: Token?
        while k >= 0, tokens[k].span.start >= left.span.end {
            if tokens[k].kind == .identifier("and") || tokens[k].kind == .identifier("or") { found = tokens[k] }
            k -= 1
        }
        guard let word = found else { return }
        throw fail("a round's investors are separated by commas, not '\(file.text(of: word.span))'", at: word.span,
                   label: "did you mean ','?",
                   hint: "write `\(rewrite(left.span.to(word.span), with: file.text(of: left.span) + ","))`")
    }

    private mutating func parseCommit(_ keyword: Token) throws -> CommitDecl {
        let amount = try parseValue(after: keyword, .noToAs)
        _ = try expectWord("to", "after the amount committed",
                           hint: "write `commit 300B to Oracle over 2027..2031`")
        let counterparty = try parseNameOrString("a counterparty after 'to'")
        if let error = unquotedName(after: previousToken, what: "the counterparty") { throw error }
        let price = try matchWord("at") != nil ? parseValue(after: previousToken, .noToAs) : nil
        let over = try expectWord("over", "in a commitment",
                                  hint: "say which years it covers: `over 2027..2031`")
        let years = try parseValue(after: over, .noToAs)
        var treatment: Name?
        if matchWord("as") != nil {
            let name = try parseName("'capex' or 'costs' after 'as'")
            guard name.text == "capex" || name.text == "costs" else {
                throw fail("expected 'capex' or 'costs' after 'as', found '\(name.text)'", at: name.span,
                           hint: "a commitment is capex (the default) or costs")
            }
            treatment = name
        }
        return CommitDecl(amount: amount, counterparty: counterparty, price: price, years: years,
                          treatment: treatment, source: try parseSource())
    }
}

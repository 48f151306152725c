// Parser+Expressions: expressions by precedence climbing, then postfix forms and primaries.

/// What an expression may contain where a clause keyword could also follow it.
struct ExprOptions {
    /// `a to b` (off where `to` starts a clause: `commit 300B to Oracle`).
    var allowTo = true
    /// `x as %` (off where `as` starts a clause: `over 2027..2031 as costs`).
    var allowAs = true

    static let all = ExprOptions()
    static let noTo = ExprOptions(allowTo: false, allowAs: true)
    static let noToAs = ExprOptions(allowTo: false, allowAs: false)
    static let noAs = ExprOptions(allowTo: true, allowAs: false)
}

/// An infix operator's binding.
private struct Infix {
    enum Operation {
        case binary(BinaryOp)
        case uncertain
        case range
    }
    var operation: Operation
    var precedence: Int
    var rightAssociative = false
    var chains = true
}

private enum Precedence {
    static let or = 2, and = 3, not = 4, comparison = 5, uncertain = 6, range = 7
    static let additive = 8, multiplicative = 9, negate = 10, power = 11
}

extension Parser {
    // MARK: - Binary operators

    /// A full expression; `as` is the loosest operator.
    mutating func parseExpression(_ options: ExprOptions = .all) throws -> Expr {
        try enter()
        defer { leave() }
        var expr = try parseBinary(Precedence.or, options)
        while options.allowAs, matchWord("as") != nil {
            let target: ConversionTarget
            if let percent = match(.percent) {
                target = .percent
                expr = Expr(.convert(expr, target), expr.span.to(percent.span))
            } else if let text = word(current), !Parser.reserved.contains(text) {
                let token = advance()
                target = .name(Name(text, token.span))
                expr = Expr(.convert(expr, target), expr.span.to(token.span))
            } else {
                throw fail("expected '%' or a unit after 'as', found \(describe(current))", at: current.span,
                           hint: "write `x as %`, `x as x`, `x as USD` or `x as B`")
            }
        }
        return expr
    }

    private func infix(_ token: Token, _ options: ExprOptions) -> Infix? {
        switch token.kind {
        case .symbol(let symbol):
            switch symbol {
            case .plus: return Infix(operation: .binary(.add), precedence: Precedence.additive)
            case .minus: return Infix(operation: .binary(.subtract), precedence: Precedence.additive)
            case .star: return Infix(operation: .binary(.multiply), precedence: Precedence.multiplicative)
            case .slash: return Infix(operation: .binary(.divide), precedence: Precedence.multiplicative)
            case .caret:
                return Infix(operation: .binary(.power), precedence: Precedence.power, rightAssociative: true)
            case .equal: return comparison(.equal)
            case .notEqual: return comparison(.notEqual)
            case .less: return comparison(.less)
            case .lessEqual: return comparison(.lessEqual)
            case .greater: return comparison(.greater)
            case .greaterEqual: return comparison(.greaterEqual)
            case .dotDot: return Infix(operation: .range, precedence: Precedence.range, chains: false)
            default: return nil
            }
        case .identifier("and"): return Infix(operation: .binary(.and), precedence: Precedence.and)
        case .identifier("or"): return Infix(operation: .binary(.or), precedence: Precedence.or)
        case .identifier("to") where options.allowTo:
            return Infix(operation: .uncertain, precedence: Precedence.uncertain, chains: false)
        default: return nil
        }
    }

    private func comparison(_ op: BinaryOp) -> Infix {
        Infix(operation: .binary(op), precedence: Precedence.comparison, chains: false)
    }

    /// Operators binding at least as tightly as `minimum`, by precedence climbing.
    private mutating func parseBinary(_ minimum: Int, _ options: ExprOptions) throws -> Expr {
        var left = try parsePrefix(options)
        var lastNonChaining: Int?
        var count = 0
        while let op = infix(current, options), op.precedence >= minimum {
            count += 1
            if count > Parser.maxChain { throw tooLong() }
            if let last = lastNonChaining, last == op.precedence {
                let what = op.precedence == Precedence.comparison ? "comparison operators" :
                    op.precedence == Precedence.range ? "ranges" : "'to' intervals"
                let hint = op.precedence == Precedence.comparison
                    ? "join comparisons with `and`: `a < b and b < c`" : "add parentheses"
                throw fail("\(what) cannot be chained", at: current.span, hint: hint)
            }
            let opToken = advance()
            let right: Expr
            if op.rightAssociative {
                try enter()
                defer { leave() }
                right = try parseOperand(after: opToken, op.precedence, options)
            } else {
                right = try parseOperand(after: opToken, op.precedence + 1, options)
            }
            let span = left.span.to(right.span)
            switch op.operation {
            case .binary(let binary): left = Expr(.binary(binary, left, right), span)
            case .uncertain: left = Expr(.uncertain(left, right), span)
            case .range: left = Expr(.range(left, right), span)
            }
            lastNonChaining = op.chains ? nil : op.precedence
        }
        return left
    }

    /// The right operand of an operator, with a clear error when it is missing.
    private mutating func parseOperand(after opToken: Token, _ minimum: Int, _ options: ExprOptions) throws -> Expr {
        if startsExpression(current) { return try parseBinary(minimum, options) }
        throw missingExpression(after: opToken)
    }

    /// A chain of operators so long that the tree would be too deep to walk safely.
    private mutating func tooLong() -> SyntaxError {
        fail("expression too long", at: current.span, hint: "split it into smaller parts with `let`", fatal: true)
    }

    /// Whether `token` can begin an expression.
    func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .currency, .amount, .string, .month, .day: return true
        case .identifier(let text):
            return !Parser.reserved.contains(text) || ["not", "if", "true", "false"].contains(text)
        case .symbol(let symbol):
            return [.minus, .leftParen, .leftBracket, .leftBrace].contains(symbol)
        case .newline, .eof: return false
        }
    }

    /// "expected an expression after '+'", at the operator.
    mutating func missingExpression(after token: Token) -> SyntaxError {
        let after = file.text(of: token.span)
        if token.kind == .symbol(.slash), check(.slash), !current.spaceBefore {
            return fail("a comment starts with '#', not '//'", at: token.span.to(current.span), label: "did you mean '#'?",
                        hint: "write `# ...` for a comment")
        }
        if current.kind == .newline || current.kind == .eof {
            return fail("expected an expression after '\(after)'", at: token.span)
        }
        return unexpected(expecting: "an expression after '\(after)'")
    }

    /// An error at the current token, which cannot start what was expected.
    mutating func unexpected(expecting what: String) -> SyntaxError {
        switch current.kind {
        case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
            return fail("unexpected \(describe(current))", at: current.span, hint: "expected \(what) here")
        case .identifier(let text) where Parser.reserved.contains(text):
            return fail("expected \(what), found the keyword '\(text)'", at: current.span,
                        hint: "'\(text)' is a reserved word and cannot be a name")
        default:
            return fail("expected \(what), found \(describe(current))", at: current.span)
        }
    }

    // MARK: - Prefix and postfix

    private mutating func parsePrefix(_ options: ExprOptions) throws -> Expr {
        if let minus = match(.minus) {
            try enter()
            defer { leave() }
            let operand = try parseOperand(after: minus, Precedence.negate, options)
            return Expr(.unary(.negate, operand), minus.span.to(operand.span))
        }
        if let notToken = matchWord("not") {
            try enter()
            defer { leave() }
            let operand = try parseOperand(after: notToken, Precedence.not + 1, options)
            return Expr(.unary(.not, operand), notToken.span.to(operand.span))
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        var count = 0
        while true {
            count += 1
            if count > Parser.maxChain { throw tooLong() }
            if let open = match(.leftParen) {
                let args = try parseArguments(closing: .rightParen, open: open)
                expr = Expr(.call(expr, args.items), expr.span.to(args.close))
            } else if let open = match(.leftBracket) {
                guard startsExpression(current) else {
                    throw unexpected(expecting: "a year, range or position after '['")
                }
                let subscriptExpr = try parseExpression()
                guard let close = match(.rightBracket) else { throw unclosed(open.span, "[", "]") }
                expr = Expr(.index(expr, subscriptExpr), expr.span.to(close.span))
            } else if let dot = match(.dot) {
                guard let text = word(current) else {
                    throw fail("expected a name after '.', found \(describe(current))", at: current.span,
                               hint: "write a member like `OpenAI.revenue`")
                }
                _ = dot
                let token = advance()
                expr = Expr(.member(expr, Name(text, token.span)), expr.span.to(token.span))
            } else if matchWord("under") != nil {
                let scenario = try parseName("a scenario name after 'under'")
                expr = Expr(.under(expr, scenario), expr.span.to(scenario.span))
            } else {
                return expr
            }
        }
    }

    /// `a, b, c` (or `a; b; c`) up to `closing` (consumed); a trailing separator is fine. With
    /// `locale fr` only `;` separates: a comma there is taught, never guessed.
    private mutating func parseArguments(closing: Symbol, open: Token) throws -> (items: [Expr], close: Span) {
        try enter()
        defer { leave() }
        let openIndex = index - 1
        var items: [Expr] = []
        while true {
            skipNewlines()
            if let close = match(closing) { return (items, close.span) }
            guard startsExpression(current) else {
                if atEnd {
                    throw fail("unclosed '\(file.text(of: open.span))'", at: open.span,
                               hint: "add a '\(closing.rawValue)'")
                }
                throw unexpected(expecting: items.isEmpty ? "an expression or '\(closing.rawValue)'"
                                                          : "an expression")
            }
            items.append(try parseExpression())
            skipNewlines()
            if match(.semicolon) != nil { continue }
            if check(.comma) {
                if locale.isFrench { throw frenchComma(openIndex: openIndex, closing: closing) }
                advance()
                continue
            }
            if let close = match(closing) { return (items, close.span) }
            if atEnd {
                throw fail("unclosed '\(file.text(of: open.span))'", at: open.span,
                           hint: "add a '\(closing.rawValue)'")
            }
            let separator = locale.isFrench ? ";" : ","
            throw fail("expected '\(separator)' or '\(closing.rawValue)', found \(describe(current))", at: current.span,
                       hint: locale.isFrench ? "separate the items with ';'" : "separate the items with commas")
        }
    }

    // MARK: - Primaries

    private mutating func parsePrimary() throws -> Expr {
        let token = current
        switch token.kind {
        case .number(let value, let style):
            advance()
            if check(.percent), style == .plain {
                // `50 %`: the sign belongs straight after the digits.
                let span = token.span.to(current.span)
                let fixed = file.text(of: token.span) + "%"
                throw fail("a percent sign goes straight after the number", at: span, label: "did you mean '\(fixed)'?",
                           hint: "write `\(fixed)` with no space (`locale fr` reads French numbers such as `4,2 %`)")
            }
            return juxtapose(Expr(.number(value, style), token.span))
        case .currency(let code):
            advance()
            guard case .number(let value, _) = current.kind else {
                throw fail("expected an amount after '\(file.text(of: token.span))', found \(describe(current))",
                           at: current.kind == .newline || atEnd ? token.span : current.span,
                           hint: "write money as `\(file.text(of: token.span))6.6B`")
            }
            let number = advance()
            return juxtapose(Expr(.money(value, currency: code), token.span.to(number.span)))
        case .amount(let value, let code):
            advance()
            return juxtapose(Expr(.money(value, currency: code), token.span))
        case .string(let text):
            advance()
            return Expr(.string(text), token.span)
        case .month(let year, let month):
            advance()
            return Expr(.month(year: year, month: month), token.span)
        case .day(let year, let month, let day):
            advance()
            return Expr(.day(year: year, month: month, day: day), token.span)
        case .identifier("true"), .identifier("false"):
            advance()
            return Expr(.bool(token.kind == .identifier("true")), token.span)
        case .identifier("if"):
            return try parseIf()
        case .identifier(let text) where !Parser.reserved.contains(text):
            advance()
            return Expr(.name(text), token.span)
        case .symbol(.leftParen):
            advance()
            skipNewlines()
            guard startsExpression(current) else { throw unexpected(expecting: "an expression after '('") }
            let inner = try parseExpression()
            skipNewlines()
            guard let close = match(.rightParen) else { throw unclosed(token.span, "(", ")") }
            return Expr(inner.kind, token.span.to(close.span))
        case .symbol(.leftBracket):
            advance()
            let items = try parseArguments(closing: .rightBracket, open: token)
            return Expr(.list(items.items), token.span.to(items.close))
        case .symbol(.leftBrace):
            let block = try parseBlock()
            return Expr(.block(block.statements), block.span)
        default:
            throw unexpected(expecting: "an expression")
        }
    }

    /// `10 GW`, `6.6B USD`: a literal followed on the same line by a unit name.
    private mutating func juxtapose(_ literal: Expr) -> Expr {
        guard let text = word(current), !Parser.reserved.contains(text), !Parser.clauseKeywords.contains(text),
              sameLine(literal.span, current.span)
        else { return literal }
        let token = advance()
        return Expr(.quantity(literal, unit: Name(text, token.span)), literal.span.to(token.span))
    }

    /// Whether no line break lies between two spans (newlines inside brackets make no token).
    func sameLine(_ a: Span, _ b: Span) -> Bool {
        let bytes = file.bytes
        var i = max(a.end, 0)
        let end = min(b.start, bytes.count)
        while i < end {
            if bytes[i] == UInt8(ascii: "\n") { return false }
            i += 1
        }
        return true
    }

    /// `if c then a else b`; the words may start the next line.
    private mutating func parseIf() throws -> Expr {
        let ifToken = advance()
        try enter()
        defer { leave() }
        guard startsExpression(current) else { throw missingExpression(after: ifToken) }
        let condition = try parseExpression()
        skipNewlinesBefore("then")
        let thenToken = try expectWord("then", "after the condition of 'if'",
                                       hint: "write `if condition then a else b`")
        guard startsExpression(current) else { throw missingExpression(after: thenToken) }
        let whenTrue = try parseExpression()
        skipNewlinesBefore("else")
        let elseToken = try expectWord("else", "in 'if ... then ...'",
                                       hint: "an 'if' needs both branches: `if condition then a else b`")
        guard startsExpression(current) else { throw missingExpression(after: elseToken) }
        let whenFalse = try parseExpression()
        return Expr(.ifElse(condition, then: whenTrue, else: whenFalse), ifToken.span.to(whenFalse.span))
    }

    /// Skips line ends when the next word is `word` (which cannot start a statement).
    private mutating func skipNewlinesBefore(_ text: String) {
        var offset = 0
        while peek(offset).kind == .newline { offset += 1 }
        if offset > 0, peek(offset).kind == .identifier(text) { index += offset }
    }
}

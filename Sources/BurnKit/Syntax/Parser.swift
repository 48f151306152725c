// Parser: turns tokens into statements by recursive descent, recovering after each syntax error.
//
// The grammar, in EBNF. NL is a `.newline` token; a statement also ends at `}` or the end of input.
// Words in quotes are identifiers that the parser treats as keywords where shown.
//
//   file        = { NL } [ statement { NL { NL } statement } ] { NL } EOF ;
//   block       = "{" { NL } [ statement { NL { NL } statement } ] { NL } "}" ;
//
//   statement   = "let" NAME "=" expr
//               | "fn" NAME "(" [ NAME { "," NAME } ] ")" "=" expr
//               | "company" name_or_str [ block ]
//               | ( "founded" | "note" ) expr | "currency" NAME
//               | "import" STRING
//               | "locale" ( "fr" | "en" )                       (* top level only; the lexer switches too *)
//               | "rate" NAME "=" expr [ "in" expr ]
//               | "unit" NAME [ "plural" NAME ] [ "=" expr ]
//               | "metric" NAME ":" NAME [ NAME ] { NAME }
//               | "identity" expr "=" expr
//               | round | commit | question
//               | "assume" NAME "=" expr
//               | ( "scenario" | "using" ) NAME block
//               | "solve" NAME "in" expr_no_to "so" expr
//               | "sweep" NAME "in" expr_no_to "step" expr "show" expr { "," expr }
//               | "seed" expr | "samples" expr | "show" expr
//               | expr "=" expr [ source ]                        (* fact: target is an index *)
//               | expr "=" expr                                   (* formula: a name or a member *)
//               | expr ( "grows" | "grow" ) expr "per" "year" [ "from" expr ] [ "until" expr ] [ source ]
//               | expr ( "grows" | "grow" ) expr "in" expr [ source ]
//               | expr ( "reaches" | "reach" ) expr "in" expr [ source ]
//               | expr ;
//   source      = "source" STRING ;
//   round       = "round" [ STRING ] [ "in" expr ] "raise" expr
//                 { "at" expr ( "post" | "pre" ) | "led" "by" name_or_str
//                 | "with" investor { "," investor } | source } ;
//   investor    = name_or_str [ expr ] ;
//   commit      = "commit" expr_no_to "to" name_or_str [ "at" expr_no_to_as ] "over" expr_no_to_as
//                 [ "as" ( "capex" | "costs" ) ] [ source ] ;
//   question    = "project" [ names ] "until" expr_no_to
//               | "table" names [ "for" names ] [ "in" expr_no_to ]
//               | "compare" "scenarios" names "on" expr { "," expr }
//               | "compare" names "on" names [ "in" expr_no_to ]
//               | "chart" names [ "for" names ] [ "in" expr_no_to ] [ "as" ( "lines" | "bars" | "waterfall" ) ]
//                 [ "to" STRING ]
//               | "chart" "captable" [ "for" ] [ name_or_str ] [ "to" STRING ]
//               | "export" ( table | compare | project | chart | expr_no_to ) "to" STRING
//               | "explain" expr | "sources" | "captable" [ name_or_str ]
//               | "check" expr [ "~" expr [ "within" expr ] ] ;
//   names       = name_or_str { "," name_or_str } ;
//   name_or_str = NAME | STRING ;
//
//   expr        = binary { "as" ( "%" | NAME ) } ;                  (* loosest *)
//   binary      = prefix { INFIX binary } ;     (* by precedence, loosest first:
//                   "or" < "and" < "not" (prefix) < "==" "!=" "<" "<=" ">" ">=" (non-assoc)
//                   < "to" (non-assoc) < ".." (non-assoc) < "+" "-" < "*" "/"
//                   < "-" (prefix) < "^" (right-assoc) *)
//   prefix      = ( "not" | "-" ) binary | postfix ;
//   postfix     = primary { "(" [ args ] ")" | "[" expr "]" | "." NAME | "under" NAME } ;
//   args        = expr { SEP expr } [ SEP ] ;  (* SEP is "," or ";"; only ";" with `locale fr` *)
//   primary     = literal [ UNIT ] | STRING | "true" | "false" | MONTH | NAME
//               | "(" expr ")" | "[" [ args ] "]" | block
//               | "if" expr "then" expr "else" expr ;
//   literal     = NUMBER | CURRENCY NUMBER | AMOUNT ;         (* AMOUNT: `157 Md$`, `6 250 $` *)
//   UNIT        = a NAME on the same line that is neither reserved nor a clause keyword ;

/// Parses Burn source into statements (LANGUAGE.md sections 3 and 4).
public struct Parser {
    /// Parses `file`; a file with syntax errors yields the statements that parsed and a
    /// diagnostic for each error.
    /// `locale` is how numbers read at the start of the file (a `locale` line switches it).
    public static func parse(_ file: SourceFile, locale: NumberLocale = .english)
        -> (statements: [Stmt], diagnostics: [Diagnostic]) {
        let lexed = Lexer.run(file, locale: locale)
        var parser = Parser(file: file, tokens: lexed.tokens, locale: locale)
        let statements = parser.parseFile()
        return (statements, shown(lexed.diagnostics + parser.diagnostics))
    }

    /// The most syntax errors reported for one file; the rest are counted in a last one.
    static let maximumDiagnostics = 50

    /// At most `maximumDiagnostics` errors: a file of binary garbage has an error a line.
    private static func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > maximumDiagnostics else { return diagnostics }
        let rest = diagnostics[maximumDiagnostics...]
        let more = Diagnostic("\(rest.count) more syntax errors", at: rest[rest.startIndex].span,
                              hint: "fix the errors above first")
        return Array(diagnostics.prefix(maximumDiagnostics)) + [more]
    }

    /// For the REPL: whether `text` stops inside an open bracket or string, or after a binary
    /// operator, a comma or a `\`, so that more lines could complete it.
    public static func needsMoreInput(_ text: String, locale: NumberLocale = .english) -> Bool {
        let file = SourceFile(id: 0, name: "<input>", text: text)
        let lexed = Lexer.run(file, locale: locale)
        if lexed.endsInString {
            // Only the unterminated string itself may be wrong.
            return lexed.diagnostics.filter { $0.message != "unterminated string" }.isEmpty
        }
        guard lexed.openBrackets > 0 || lexed.endsWithContinuation, lexed.diagnostics.isEmpty else {
            return false
        }
        var parser = Parser(file: file, tokens: lexed.tokens, locale: locale)
        _ = parser.parseFile()
        return !parser.failedBeforeEnd
    }

    // MARK: - State

    struct SyntaxError: Error {
        var diagnostic: Diagnostic
        /// Too deep: abandon the whole statement rather than recover inside blocks.
        var fatal = false
    }

    static let maxDepth = 200
    /// The most operators (or postfix forms) in one chain at one level: `1 + 2 + ... `.
    static let maxChain = 1000

    let file: SourceFile
    let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    var depth = 0
    /// Some error was found before the end of the input (so more input cannot fix it).
    var failedBeforeEnd = false

    /// How numbers read here, as the lexer read them: with `locale fr` arguments and list
    /// items are separated by `;` only (a comma is a decimal comma).
    var locale: NumberLocale

    init(file: SourceFile, tokens: [Token], locale: NumberLocale = .english) {
        self.locale = locale
        self.file = file
        self.tokens = tokens.isEmpty ? [Token(.eof, Span(file: file.id, start: 0, end: 0))] : tokens
    }

    // MARK: - Helpers

    var current: Token { tokens[min(index, tokens.count - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    /// The span of the last token consumed (or of the first token, before any).
    var previousSpan: Span { index > 0 ? tokens[min(index - 1, tokens.count - 1)].span : current.span }

    var atEnd: Bool { current.kind == .eof }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func check(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    func checkWord(_ word: String) -> Bool { current.kind == .identifier(word) }

    func checkNewline() -> Bool { current.kind == .newline }

    mutating func match(_ symbol: Symbol) -> Token? {
        check(symbol) ? advance() : nil
    }

    mutating func matchWord(_ word: String) -> Token? {
        checkWord(word) ? advance() : nil
    }

    mutating func expect(_ symbol: Symbol, _ context: String, hint: String? = nil) throws -> Token {
        if let token = match(symbol) { return token }
        throw fail("expected '\(symbol.rawValue)' \(context), found \(describe(current))", at: current.span, hint: hint)
    }

    mutating func expectWord(_ word: String, _ context: String, hint: String? = nil) throws -> Token {
        if let token = matchWord(word) { return token }
        throw fail("expected '\(word)' \(context), found \(describe(current))", at: current.span, hint: hint)
    }

    mutating func skipNewlines() {
        while checkNewline() { advance() }
    }

    /// Makes a syntax error, noting whether it was found at the end of the input.
    mutating func fail(_ message: String, at span: Span, label: String? = nil, hint: String? = nil,
                       fatal: Bool = false) -> SyntaxError {
        if !atEnd || fatal { failedBeforeEnd = true }
        return SyntaxError(diagnostic: Diagnostic(message, at: span, label: label, hint: hint), fatal: fatal)
    }

    /// A bracket `open` (`[` or `(`) with no `closer` where the parser stands. Found on a later
    /// line, the place to fix is the bracket's own line: the error points at the bracket.
    mutating func unclosed(_ open: Span, _ bracket: String, _ closer: String) -> SyntaxError {
        let opened = file.location(of: open.start), found = file.location(of: current.span.start)
        if atEnd || found.line != opened.line {
            let next = atEnd ? "the end of the input" : "\(describe(current)) on line \(found.line)"
            return fail("this '\(bracket)' is not closed before \(next)", at: open,
                        hint: "add a '\(closer)' where what it holds ends")
        }
        return fail("expected '\(closer)' to close '\(bracket)', found \(describe(current))", at: current.span,
                    hint: "the '\(bracket)' at column \(opened.column) is not closed")
    }

    /// Counts one level of nesting; too many is an error, so deep input cannot overflow the stack.
    mutating func enter() throws {
        if depth >= Parser.maxDepth {
            throw fail("expression nested too deeply", at: current.span,
                       hint: "split it into smaller parts with `let`", fatal: true)
        }
        depth += 1
    }

    mutating func leave() { depth -= 1 }

    /// How a token reads in a message: `'+'`, `the end of the line`.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "the end of the line"
        case .eof: return "the end of the input"
        case .string: return "a string"
        default: return "'\(file.text(of: token.span))'"
        }
    }

    /// Records an error, once per spot (a cascade at one place is reported once).
    mutating func report(_ error: SyntaxError) {
        if let last = diagnostics.last, last.span == error.diagnostic.span { return }
        // With `locale fr` a hint's numbers read French (`step 10 %`, `percentile(x; 90 %)`).
        diagnostics.append(FrenchMessage.rewrite(error.diagnostic, ValueFormatter(digits: nil, locale: locale)))
    }

    // MARK: - Statements and recovery

    mutating func parseFile() -> [Stmt] {
        var statements: [Stmt] = []
        // At the top level nothing is rethrown.
        statements = (try? parseStatements(inBlock: false)) ?? statements
        return statements
    }

    /// Statements up to the end of input, or up to (not including) a `}` when `inBlock`.
    mutating func parseStatements(inBlock: Bool) throws -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipNewlines()
            if atEnd || (inBlock && check(.rightBrace)) { break }
            let savedDepth = depth
            let start = index
            do {
                let statement = try parseStatement()
                try endStatement(statement, from: start, inBlock: inBlock)
                statements.append(statement)
            } catch let error as SyntaxError {
                if error.fatal && inBlock { throw error }
                report(error)
                depth = savedDepth
                synchronize(inBlock: inBlock)
            }
        }
        return statements
    }

    /// Skips to the next line end at bracket depth 0 (consuming it), or in a block to its `}`.
    mutating func synchronize(inBlock: Bool) {
        var nesting = 0
        while !atEnd {
            switch current.kind {
            case .newline where nesting == 0:
                advance()
                return
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace):
                nesting += 1
            case .symbol(.rightBrace) where nesting == 0 && inBlock:
                return
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
                if nesting > 0 { nesting -= 1 }
            default:
                break
            }
            advance()
        }
    }

    /// `{ statements }`, for company bodies, scenarios and block expressions.
    mutating func parseBlock() throws -> (statements: [Stmt], span: Span) {
        let open = try expect(.leftBrace, "to start a block")
        try enter()
        defer { leave() }
        let statements = try parseStatements(inBlock: true)
        guard let close = match(.rightBrace) else {
            throw fail("unclosed '{'", at: open.span, hint: "add a '}' to close the block")
        }
        return (statements, open.span.to(close.span))
    }
}

// MARK: - Words

extension Parser {
    /// Never names.
    static let reserved: Set<String> = [
        "let", "fn", "if", "then", "else", "and", "or", "not", "as", "to", "true", "false", "under",
    ]

    /// Words that introduce a clause: never read as a unit after a number.
    static let clauseKeywords: Set<String> = [
        "at", "post", "pre", "led", "by", "with", "over", "until", "for", "in", "on", "within", "step",
        "show", "so", "from", "per", "source", "raise", "grows", "grow", "reaches", "reach",
    ]

    /// The word of an identifier token.
    func word(_ token: Token) -> String? {
        if case .identifier(let word) = token.kind { return word }
        return nil
    }

    /// A name: an identifier that is not reserved.
    mutating func parseName(_ what: String) throws -> Name {
        if let text = word(current), !Parser.reserved.contains(text) {
            let token = advance()
            return Name(text, token.span)
        }
        if let text = word(current) {
            throw fail("expected \(what), found the keyword '\(text)'", at: current.span,
                       hint: "'\(text)' is a reserved word and cannot be a name")
        }
        throw fail("expected \(what), found \(describe(current))", at: current.span)
    }

    /// A name, or a quoted string used as one (`"Aleph Alpha"`).
    mutating func parseNameOrString(_ what: String) throws -> Name {
        if case .string(let text) = current.kind {
            let token = advance()
            return Name(text, token.span)
        }
        return try parseName(what)
    }

    /// What a list of names holds, for the messages about a missing comma or quotes.
    enum NameListKind: String {
        case companies, metrics, scenarios
    }

    /// `a, b, "c"`: at least one.
    mutating func parseNameList(_ what: String, of kind: NameListKind) throws -> [Name] {
        var names: [Name] = []
        repeat {
            names.append(try parseNameOrString(what))
            try checkNameListGoesOn(kind)
        } while match(.comma) != nil
        return names
    }

    /// After a name in a list: `Mistral AI` (a company name with a space needs quotes),
    /// `revenue costs` or `OpenAI and Anthropic` (the names need a comma between them).
    private mutating func checkNameListGoesOn(_ kind: NameListKind) throws {
        let name = previousToken
        if kind == .companies, let error = unquotedName(after: name, what: "the company name", inList: true) { throw error }
        let joined = checkWord("and") || checkWord("or")
        guard joined || (word(current).map(Parser.isNameWord) ?? false), sameLine(name.span, current.span) else { return }
        let span = name.span.to(current.span)
        let fixed = file.text(of: name.span) + "," + (joined ? "" : " " + file.text(of: current.span))
        throw fail("the \(kind.rawValue) in a list are separated by commas", at: joined ? current.span : span,
                   label: joined ? "did you mean ','?" : "did you mean '\(fixed)'?",
                   hint: "write `\(rewrite(span, with: fixed))`")
    }

    /// A string literal's text and span.
    mutating func parseString(_ context: String, hint: String? = nil) throws -> (String, Span) {
        if case .string(let text) = current.kind {
            let token = advance()
            return (text, token.span)
        }
        throw fail("expected a string \(context), found \(describe(current))", at: current.span, hint: hint)
    }

    /// An optional trailing `source "text"`.
    mutating func parseSource() throws -> String? {
        guard matchWord("source") != nil else { return nil }
        if check(.colon), case .string = peek().kind {
            throw fail("a source takes no ':'", at: current.span, hint: "write `source \(file.text(of: peek().span))`")
        }
        return try parseString("after 'source'", hint: "write `source \"where the number comes from\"`").0
    }
}

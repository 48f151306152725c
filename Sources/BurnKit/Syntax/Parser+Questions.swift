// Parser+Questions: statements that ask for an answer, and goal seek and sweeps.

extension Parser {
    /// `project`, `table`, `compare`, `chart`, `export`, `explain`, `sources`, `captable`, `check`,
    /// `solve`, `sweep`.
    mutating func parseQuestion(_ text: String, _ keyword: Token) throws -> StmtKind {
        switch text {
        case "project": return try parseProject()
        case "table": return try parseTable()
        case "compare": return try parseCompare(keyword)
        case "chart": return try parseChart()
        case "export": return try parseExport(keyword)
        case "explain": return .explain(try parseValue(after: keyword))
        case "sources": return .sources
        case "captable":
            if word(current) != nil || isString(current) {
                let name = try parseNameOrString("a company after 'captable'")
                if let error = unquotedName(after: previousToken, what: "the company name") { throw error }
                return .captable(name)
            }
            return .captable(nil)
        case "check": return try parseCheck(keyword)
        case "solve": return try parseSolve()
        case "sweep": return try parseSweep()
        default:
            throw fail("unknown statement '\(text)'", at: keyword.span)
        }
    }

    private func isString(_ token: Token) -> Bool {
        if case .string = token.kind { return true }
        return false
    }

    // MARK: - Tables

    /// `project [names] until 2030`; the names may be separated by commas.
    private mutating func parseProject() throws -> StmtKind {
        var names: [Name] = []
        while !checkWord("until") && (isString(current) || word(current) != nil) {
            try checkUntilSpelling()
            names.append(try parseNameOrString("a company or metric"))
            _ = match(.comma)
        }
        let until = try expectWord("until", "in 'project'", hint: "write `project OpenAI until 2030`")
        return .project(names: names, until: try parseValue(after: until, .noToAs))
    }

    /// `project OpenAI to 2030`, `through 2030`: the last year follows `until`.
    private mutating func checkUntilSpelling() throws {
        guard let typed = word(current), ["to", "through", "thru", "till", "til", "by", "in"].contains(typed),
              case .number = peek().kind else { return }
        throw fail("the last year of 'project' follows 'until'", at: current.span, label: "did you mean 'until'?",
                   hint: "write `\(rewrite(current.span, with: "until"))`")
    }

    /// `table revenue, loss [for OpenAI, Anthropic] [in 2024..2030]`
    private mutating func parseTable() throws -> StmtKind {
        let metrics = try parseNameList("a metric after 'table'", of: .metrics)
        let companies = try matchWord("for") != nil ? parseNameList("a company after 'for'", of: .companies) : []
        let years = try matchWord("in") != nil ? parseValue(after: previousToken, .noToAs) : nil
        return .table(metrics: metrics, companies: companies, years: years)
    }

    /// `compare OpenAI, Anthropic on margin, burn [in 2025..2030]`, or
    /// `compare scenarios base, bear on OpenAI.cash[2030], ...`
    private mutating func parseCompare(_ keyword: Token) throws -> StmtKind {
        if checkWord("scenarios"), peek().kind != .symbol(.comma), peek().kind != .identifier("on") {
            advance()
            let scenarios = try parseNameList("a scenario after 'compare scenarios'", of: .scenarios)
            let on = try expectWord("on", "after the scenarios",
                                    hint: "write `compare scenarios base, bear on OpenAI.cash[2030]`")
            var values = [try parseValue(after: on, .noTo)]
            while let comma = match(.comma) {
                values.append(try parseValue(after: comma, .noTo))
            }
            return .compareScenarios(scenarios, on: values)
        }
        let companies = try parseNameList("a company after 'compare'", of: .companies)
        _ = try expectWord("on", "after the companies", hint: "write `compare OpenAI, Anthropic on margin, burn`")
        let metrics = try parseNameList("a metric after 'on'", of: .metrics)
        let years = try matchWord("in") != nil ? parseValue(after: previousToken, .noToAs) : nil
        return .compare(companies: companies, metrics: metrics, years: years)
    }

    /// `chart revenue, costs [for OpenAI] [in 2024..2030] [as lines|bars|waterfall] [to "file.svg"]`,
    /// or `chart captable [OpenAI] [to "file.svg"]`.
    private mutating func parseChart() throws -> StmtKind {
        // `chart captable, revenue` would be a metric named so: only a list goes on with a comma.
        if checkWord("captable"), peek().kind != .symbol(.comma) { return try parseCapTableChart() }
        let metrics = try parseNameList("a metric after 'chart'", of: .metrics)
        let companies = try matchWord("for") != nil ? parseNameList("a company after 'for'", of: .companies) : []
        let years = try matchWord("in") != nil ? parseValue(after: previousToken, .noToAs) : nil
        let (kind, path) = try parseChartEnding(capTable: false)
        return .chart(metrics: metrics, companies: companies, years: years, file: path, kind: kind)
    }

    /// `chart captable [for] [OpenAI]`: every round, so no years and no other kind.
    private mutating func parseCapTableChart() throws -> StmtKind {
        advance()
        let saidFor = matchWord("for") != nil
        var companies: [Name] = []
        if saidFor || isString(current) || (word(current).map(Parser.isNameWord) ?? false) {
            companies.append(try parseNameOrString("a company after 'chart captable'"))
            if let error = unquotedName(after: previousToken, what: "the company name") { throw error }
        }
        let beforeYears = previousToken
        if let keyword = matchWord("in") {
            let years = try parseValue(after: keyword, .noToAs)
            throw fail("a cap-table chart shows every round, so it takes no years", at: keyword.span.to(years.span),
                       hint: "write `\(withoutClause(after: beforeYears))`")
        }
        let (_, path) = try parseChartEnding(capTable: true)
        return .chart(metrics: [], companies: companies, years: nil, file: path, kind: .capTable)
    }

    /// `[as KIND] [to "file.svg"]`, in either order; a cap-table chart takes no `as`.
    private mutating func parseChartEnding(capTable: Bool) throws -> (ChartKind, String?) {
        var kind = ChartKind.automatic
        var path: String?
        while true {
            if path == nil, matchWord("to") != nil {
                path = try parseString("with the file name after 'to'", hint: "write `to \"chart.svg\"`").0
            } else if kind == .automatic, checkWord("as") {
                let beforeAs = previousToken
                let keyword = advance()
                if capTable {
                    if word(current) != nil { advance() }
                    throw fail("a cap-table chart is always a stacked bar a round", at: keyword.span.to(previousSpan),
                               hint: "write `\(withoutClause(after: beforeAs))`")
                }
                kind = try parseChartKind()
            } else {
                return (kind, path)
            }
        }
    }

    /// The statement's line without what follows `token` up to the current one: `chart
    /// captable OpenAI in 2025` without ` in 2025`.
    private func withoutClause(after token: Token) -> String {
        rewrite(Span(file: token.span.file, start: token.span.end, end: previousSpan.end), with: "")
    }

    /// The kind after `as`: `lines`, `bars` or `waterfall`.
    private mutating func parseChartKind() throws -> ChartKind {
        let kinds = ChartKind.named.map(\.rawValue)
        let hint = "write `as lines`, `as bars` or `as waterfall`"
        guard let text = word(current) ?? stringText(current) else {
            throw fail("expected a kind of chart after 'as', found \(describe(current))", at: current.span, hint: hint)
        }
        if let kind = ChartKind(rawValue: text), ChartKind.named.contains(kind) {
            advance()
            return kind
        }
        if text == "captable" {
            throw fail("a cap table is a chart of its own", at: current.span, hint: "write `chart captable` and the company")
        }
        let suggestion = EditDistance.suggestion(for: text, among: kinds)
        throw fail("unknown kind of chart '\(text)'", at: current.span, label: suggestion.map { "did you mean '\($0)'?" },
                   hint: hint)
    }

    /// `export table ... to "file.csv"`, or an expression.
    private mutating func parseExport(_ keyword: Token) throws -> StmtKind {
        let start = current
        let inner: Stmt
        if let text = word(current), ["table", "compare", "project"].contains(text) {
            advance()
            let kind = try parseQuestion(text, start)
            inner = Stmt(kind, start.span.to(previousSpan))
        } else {
            let expr = try parseValue(after: keyword, .noTo)
            inner = Stmt(.expression(expr), expr.span)
        }
        _ = try expectWord("to", "after what to export", hint: "write `export table revenue for OpenAI to \"out.csv\"`")
        let path = try parseString("with the file name after 'to'", hint: "write `to \"out.csv\"`").0
        return .export(inner, file: path)
    }

    // MARK: - Checks

    /// `check expr`, or `check a ~ b [within 5%]`
    private mutating func parseCheck(_ keyword: Token) throws -> StmtKind {
        let value = try parseValue(after: keyword)
        guard let tilde = match(.tilde) else { return .check(value, approximately: nil, within: nil) }
        let expected = try parseValue(after: tilde)
        let within = try matchWord("within") != nil ? parseValue(after: previousToken) : nil
        return .check(value, approximately: expected, within: within)
    }

    // MARK: - Goal seek

    /// `solve growth in 0%..300% so OpenAI.operating_income[2028] == 0`
    private mutating func parseSolve() throws -> StmtKind {
        let knob = try parseName("a knob after 'solve'")
        let inToken = try expectWord("in", "after the knob", hint: "write `solve growth in 0%..300% so ...`")
        let range = try parseValue(after: inToken, .noToAs)
        let so = try expectWord("so", "after the range", hint: "write `so OpenAI.operating_income[2028] == 0`")
        return .solve(knob: knob, range: range, condition: try parseValue(after: so))
    }

    /// `sweep growth in 20%..80% step 10% show OpenAI.cash[2030], OpenAI.breakeven`
    private mutating func parseSweep() throws -> StmtKind {
        let knob = try parseName("a knob after 'sweep'")
        let inToken = try expectWord("in", "after the knob", hint: "write `sweep growth in 20%..80% step 10% show ...`")
        let range = try parseValue(after: inToken, .noToAs)
        let step = try expectWord("step", "after the range", hint: "write `step 10%`")
        let stepValue = try parseValue(after: step, .noToAs)
        let show = try expectWord("show", "after the step", hint: "write `show OpenAI.cash[2030]`")
        var values = [try parseValue(after: show)]
        while let comma = match(.comma) {
            values.append(try parseValue(after: comma))
        }
        return .sweep(knob: knob, range: range, step: stepValue, show: values)
    }
}

// SyntaxTestSupport: prints tokens and syntax trees as short S-expressions for the syntax tests.
@testable import BurnKit

func source(_ text: String) -> SourceFile { SourceFile(id: 0, name: "test.burn", text: text) }

func lex(_ text: String) -> [TokenKind] { Lexer.tokenize(source(text)).tokens.map(\.kind) }

func parseAll(_ text: String) -> (statements: [Stmt], diagnostics: [Diagnostic]) {
    Parser.parse(source(text))
}

/// The statements of `text` described one per line, or the diagnostics' messages if any.
func shape(_ text: String) -> String {
    let result = parseAll(text)
    if !result.diagnostics.isEmpty {
        return "errors: " + result.diagnostics.map(\.message).joined(separator: " | ")
    }
    return result.statements.map(describe).joined(separator: "\n")
}

/// The first expression statement of `text`, described.
func expr(_ text: String) -> String { shape(text) }

func describe(number value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e16 { return String(Int64(value)) }
    return String(value)
}

func describe(_ e: Expr?) -> String {
    guard let e else { return "nil" }
    switch e.kind {
    case .number(let value, let style):
        switch style {
        case .plain: return describe(number: value)
        case .percent: return describe(number: value) + ":pct"
        case .multiple: return describe(number: value) + ":x"
        }
    case .money(let value, let currency): return "\(currency):\(describe(number: value))"
    case .quantity(let literal, let unit): return "(qty \(describe(literal)) \(unit.text))"
    case .string(let text): return "\"\(text)\""
    case .bool(let value): return String(value)
    case .month(let year, let month): return "\(year)-\(month)"
    case .day(let year, let month, let day): return "\(year)-\(month)-\(day)"
    case .name(let text): return text
    case .unary(let op, let operand): return "(\(op.rawValue) \(describe(operand)))"
    case .binary(let op, let a, let b): return "(\(op.rawValue) \(describe(a)) \(describe(b)))"
    case .range(let a, let b): return "(.. \(describe(a)) \(describe(b)))"
    case .list(let items): return "[" + items.map { describe($0) }.joined(separator: " ") + "]"
    case .call(let f, let args): return "(call \(describe(f))" + args.map { " " + describe($0) }.joined() + ")"
    case .index(let base, let sub): return "(index \(describe(base)) \(describe(sub)))"
    case .member(let base, let name): return "(. \(describe(base)) \(name.text))"
    case .convert(let value, let target):
        switch target {
        case .percent: return "(as \(describe(value)) %)"
        case .name(let name): return "(as \(describe(value)) \(name.text))"
        }
    case .ifElse(let c, let a, let b): return "(if \(describe(c)) \(describe(a)) \(describe(b)))"
    case .block(let statements): return "{" + statements.map(describe).joined(separator: "; ") + "}"
    case .uncertain(let a, let b): return "(to \(describe(a)) \(describe(b)))"
    case .under(let value, let scenario): return "(under \(describe(value)) \(scenario.text))"
    }
}

func names(_ list: [Name]) -> String { "[" + list.map(\.text).joined(separator: " ") + "]" }

func describe(_ s: Stmt) -> String {
    switch s.kind {
    case .expression(let e): return describe(e)
    case .show(let e): return "(show \(describe(e)))"
    case .letBinding(let name, let e, let source):
        return "(let \(name.text) \(describe(e))\(source.map { " source \"\($0)\"" } ?? ""))"
    case .function(let name, let parameters, let body):
        return "(fn \(name.text) \(names(parameters)) \(describe(body)))"
    case .company(let name, let body):
        guard let body else { return "(company \(name.text))" }
        return "(company \(name.text) {" + body.map(describe).joined(separator: "; ") + "})"
    case .attribute(let name, let e): return "(\(name.text) \(describe(e)))"
    case .importFile(let path, _): return "(import \"\(path)\")"
    case .rate(let currency, let value, let year):
        return "(rate \(currency.text) \(describe(value)) \(describe(year)))"
    case .unitDecl(let name, let plural, let definition):
        return "(unit \(name.text) \(plural?.text ?? "nil") \(describe(definition)))"
    case .metricDecl(let name, let type):
        let options = type.options.map { " " + $0.text }.joined()
        return "(metric \(name.text) \(type.measure.text) \(type.kind?.text ?? "nil")\(options))"
    case .identity(let lhs, let rhs): return "(identity \(describe(lhs)) \(describe(rhs)))"
    case .fact(let target, let value, let src):
        return "(fact \(describe(target)) \(describe(value))\(src.map { " source:\($0)" } ?? ""))"
    case .formula(let target, let value, let source):
        return "(formula \(describe(target)) \(describe(value))\(source.map { " source \"\($0)\"" } ?? ""))"
    case .rule(let target, let kind, let src):
        let rule: String
        switch kind {
        case .growsPerYear(let rate, let from, let until):
            rule = "grows-per-year \(describe(rate)) from:\(describe(from)) until:\(describe(until))"
        case .growsIn(let factor, let year): rule = "grows-in \(describe(factor)) \(describe(year))"
        case .reaches(let value, let year): rule = "reaches \(describe(value)) \(describe(year))"
        }
        return "(rule \(describe(target)) \(rule)\(src.map { " source:\($0)" } ?? ""))"
    case .round(let r):
        let investors = r.investors.map { $0.amount == nil ? $0.name.text : "\($0.name.text):\(describe($0.amount))" }
        return "(round \(r.label ?? "nil") in:\(describe(r.date)) raise:\(describe(r.amount))"
            + " at:\(describe(r.valuation))\(r.valuation == nil ? "" : r.isPost ? " post" : " pre")"
            + " led:\(r.leadBy?.text ?? "nil") with:[\(investors.joined(separator: " "))]"
            + "\(r.source.map { " source:\($0)" } ?? ""))"
    case .commit(let c):
        return "(commit \(describe(c.amount)) to:\(c.counterparty.text) at:\(describe(c.price))"
            + " over:\(describe(c.years)) as:\(c.treatment?.text ?? "nil")\(c.source.map { " source:\($0)" } ?? ""))"
    case .project(let list, let until): return "(project \(names(list)) \(describe(until)))"
    case .table(let metrics, let companies, let years):
        return "(table \(names(metrics)) \(names(companies)) \(describe(years)))"
    case .compare(let companies, let metrics, let years):
        return "(compare \(names(companies)) \(names(metrics)) \(describe(years)))"
    case .compareScenarios(let scenarios, let on):
        return "(compare-scenarios \(names(scenarios)) [" + on.map { describe($0) }.joined(separator: " ") + "])"
    case .explain(let e): return "(explain \(describe(e)))"
    case .sources: return "(sources)"
    case .captable(let name): return "(captable \(name?.text ?? "nil"))"
    case .check(let e, let approx, let within):
        return "(check \(describe(e)) \(describe(approx)) \(describe(within)))"
    case .chart(let metrics, let companies, let years, let file, let kind):
        return "(chart \(names(metrics)) \(names(companies)) \(describe(years)) \(file ?? "nil")"
            + (kind == .automatic ? "" : " as:\(kind.rawValue)") + ")"
    case .export(let inner, let file): return "(export \(describe(inner)) \(file))"
    case .assume(let name, let e): return "(assume \(name.text) \(describe(e)))"
    case .scenario(let name, let body):
        return "(scenario \(name.text) {" + body.map(describe).joined(separator: "; ") + "})"
    case .using(let name, let body):
        return "(using \(name.text) {" + body.map(describe).joined(separator: "; ") + "})"
    case .solve(let knob, let range, let condition):
        return "(solve \(knob.text) \(describe(range)) \(describe(condition)))"
    case .sweep(let knob, let range, let step, let show):
        return "(sweep \(knob.text) \(describe(range)) \(describe(step)) ["
            + show.map { describe($0) }.joined(separator: " ") + "])"
    case .seed(let e): return "(seed \(describe(e)))"
    case .samples(let e): return "(samples \(describe(e)))"
    case .locale(let locale): return "(locale \(locale.code))"
    }
}

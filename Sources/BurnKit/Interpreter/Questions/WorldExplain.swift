// WorldExplain: `explain` (the derivation tree down to sourced facts), `sources` and `captable`.
import BurnModel

extension World {
    func explain(_ e: Expr, _ interpreter: Interpreter) throws -> ExplainTree {
        guard case .index(let base, let yearExpr) = e.kind else {
            throw Diagnostic("`explain` takes a metric in a year", at: e.span, hint: "write `explain OpenAI.costs[2024]`")
        }
        guard case .series(let company, let metric) = try interpreter.evaluate(base) else {
            throw Diagnostic("`explain` takes a metric in a year", at: base.span, hint: "write `explain OpenAI.costs[2024]`")
        }
        let year = try calendarYear(interpreter.evaluate(yearExpr), at: yearExpr.span)
        let tree: Derivation
        do {
            tree = try state.explain(company: company, metric: metric, year: year)
        } catch let error as ModelError {
            throw diagnostic(error, at: e.span)
        }
        return explainTree(tree, interpreter)
    }

    /// A derivation as an output event's tree: each value shown as its metric's measure asks.
    private func explainTree(_ node: Derivation, _ interpreter: Interpreter) -> ExplainTree {
        var q = node.value
        if q.unit.isNone, q.display == .auto, let decl = state.metric(named: node.metric) {
            if decl.measure == .percent { q.display = .percent }
            if decl.measure == .multiple { q.display = .multiple }
        }
        return ExplainTree(metric: node.metric, year: node.year, value: Value.make(q),
                           valueText: interpreter.formatter.format(q), how: how(node, interpreter),
                           truncated: node.truncated, children: node.children.map { explainTree($0, interpreter) })
    }

    /// How a value was obtained, in a few words.
    private func how(_ node: Derivation, _ interpreter: Interpreter) -> String {
        let f = interpreter.formatter
        switch node.method {
        case .fact(let source, let at):
            // Other sources of the cell agree within 0.5% (else reading it is an error).
            let others = node.facts.dropFirst().map { other in
                "; source \"\(other.source ?? "")\" agrees: \(f.format(other.value))" + place(other.at, interpreter)
            }
            return "fact" + (source.map { " source \"\($0)\"" } ?? "") + place(at, interpreter) + others.joined()
        case .rounds(let rounds):
            return "from " + rounds.map { $0.label.map { "round \"\($0)\"" } ?? "a round in \($0.year)" }.joined(separator: ", ")
        case .commitments(let commitments):
            return "from " + commitments.map { "commitment to \($0.counterparty ?? "?")" }.joined(separator: ", ")
        case .formula(let isDefault, let at):
            let text = at.flatMap { interpreter.sources[$0.file]?.text(of: World.span($0)) }
            return (isDefault ? "catalogue formula" : "formula") + (text.map { ": \($0)" } ?? "")
                + (at.flatMap(interpreter.formulaSource).map { " source \"\($0)\"" } ?? "")
        case .identity(_, let solved):
            let values = node.children.map { f.format($0.value) }
            return "by \(solved)" + (values.isEmpty ? "" : " = " + substitute(solved, node.children, f))
        case .rule(let rule):
            let added = node.addedCommitments.map { " + commitment to \($0.counterparty ?? "?")" }.joined()
            return "rule" + (rule.at.flatMap { interpreter.sources[$0.file]?.text(of: World.span($0)) }.map { ": \($0)" } ?? "") + added
        case .interpolation(let from, let to): return "constant growth between \(from) and \(to)"
        case .carriedForward(let from): return "carried forward from \(from)"
        case .startsAtZero: return "0 before the first year"
        case .zeroDefault: return "0: nothing that year"
        }
    }

    /// `costs = revenue - operating_income` with each name replaced by its value.
    private func substitute(_ solved: String, _ children: [Derivation], _ f: ValueFormatter) -> String {
        guard let eq = solved.firstIndex(of: "=") else { return "" }
        var rhs = String(solved[solved.index(after: eq)...]).trimmingSpaces()
        // `-loss`: the negated value itself, so an uncertain one keeps the sign on every figure
        // (`-$3.92B (90%: -$4.984B to -$3.009B)`, not a `-` before the whole interval).
        if rhs.hasPrefix("-"), let only = children.first(where: { "-" + $0.metric == rhs }) {
            return f.format(only.value.mapAmounts { -$0 })
        }
        for child in children.sorted(by: { $0.metric.count > $1.metric.count }) {
            let shown = f.format(child.value)
            let bracketed = shown.hasPrefix("-") || shown.contains(" (")
            rhs = rhs.replacingWord(child.metric, with: bracketed ? "(\(shown))" : shown)
        }
        return rhs
    }

    private func place(_ at: SourceRef?, _ interpreter: Interpreter) -> String {
        guard let at, let file = interpreter.sources[at.file], !file.name.hasPrefix("<") else { return "" }
        return " (\(file.name):\(file.location(of: at.start).line))"
    }

    // MARK: - sources and captable

    func sources(_ interpreter: Interpreter) -> OutputEvent {
        let f = interpreter.formatter
        func amount(_ q: Quantity) -> TableCell { TableCell(Value.make(q), text: f.format(q)) }
        var rows: [[TableCell]] = []
        for record in state.facts(sourcedOnly: true) {
            rows.append([.label("\(record.company).\(record.metric)[\(record.year)]"), amount(record.fact.value),
                         .label("\"\(record.fact.source ?? "")\"" + place(record.fact.at, interpreter))])
        }
        for company in state.companies {
            for round in company.rounds where round.source != nil {
                rows.append([.label("\(company.name) round \(round.name)"), amount(round.amount),
                             .label("\"\(round.source ?? "")\"" + place(round.at, interpreter))])
            }
        }
        rows += interpreter.sourcedDefinitionRows().map { $0.map(TableCell.label) }
        if rows.isEmpty { return .text("no sourced facts yet: add `source \"...\"` to a fact\n") }
        return .table(TableEvent(columns: [TableColumn("fact", .left), TableColumn("value", .right), TableColumn("source", .left)],
                                 rows: rows, notes: disputes(), style: interpreter.tableStyle))
    }

    /// A line for each cell whose sources disagree, in the order the cells were first given.
    private func disputes() -> [String] {
        var seen: [String] = []
        for record in state.facts(sourcedOnly: true) where record.isDisputed {
            let cell = "\(record.company).\(record.metric)[\(record.year)]"
            if !seen.contains(cell) { seen.append(cell) }
        }
        return seen.map { "the sources of \($0) disagree: reading it is an error until one is kept" }
    }

    func capTable(_ name: Name?, _ span: Span, _ interpreter: Interpreter) throws -> OutputEvent {
        let company = try name.map { n -> String in
            guard isCompany(n.text) else { throw Diagnostic("unknown company '\(n.text)'", at: n.span) }
            return n.text
        } ?? currentCompany(interpreter, at: span, for: "`captable`")
        let steps: [CapTableStep]
        do {
            steps = try state.capTable(company: company)
        } catch let error as ModelError {
            throw diagnostic(error, at: span)
        }
        guard !steps.isEmpty, let last = steps.last else { return .text("\(company) has no rounds yet\n") }
        let f = interpreter.formatter
        // Every line ever held is in the last step, in order: earlier holders, then round by round.
        let columns = [TableColumn("holder", .left)] + steps.map { TableColumn($0.round.name, .right) }
        let rows = last.holders.map { line in
            [TableCell.label(capTableLabel(line, steps))] + steps.map { step in
                step.holders.first { $0.round == line.round && $0.name == line.name }.map {
                    TableCell(Value.make(Quantity($0.share, display: .percent)), text: f.percent($0.share))
                } ?? .label("")
            }
        }
        let assumed = last.holders.contains(where: \.assumed)
            ? ["* assumed: the round gives no amount for this investor, so what the given amounts leave is split evenly"] : []
        return .table(TableEvent(title: "\(company): shares after each round", columns: columns, rows: rows, notes: assumed,
                                 style: interpreter.tableStyle))
    }

    /// `earlier holders`, `Series A investors` (a round that names none), `Series A: Thrive
    /// Capital *` (a named investor, `*` when its part is assumed).
    private func capTableLabel(_ line: Holder, _ steps: [CapTableStep]) -> String {
        guard let index = line.round, index < steps.count else { return line.name }
        let round = steps[index].round.name
        if line.name == Model.roundInvestors { return "\(round) investors" }
        return "\(round): \(line.name)" + (line.assumed ? " *" : "")
    }
}

extension String {
    /// Replaces whole-word occurrences (identifier boundaries) of `word`.
    func replacingWord(_ word: String, with replacement: String) -> String {
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        return replacing(word, with: replacement) { chars, start, end in
            (start == 0 || !isWordChar(chars[start - 1])) && (end == chars.count || !isWordChar(chars[end]))
        }
    }

    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement) { _, _, _ in true }
    }

    /// Occurrences of `target` at [start, end) for which `accept` holds, replaced.
    private func replacing(_ target: String, with replacement: String,
                           where accept: ([Character], Int, Int) -> Bool) -> String {
        let chars = Array(self), t = Array(target)
        guard !t.isEmpty else { return self }
        var out = ""
        var i = 0
        while i < chars.count {
            if i + t.count <= chars.count, Array(chars[i..<i + t.count]) == t, accept(chars, i, i + t.count) {
                out += replacement
                i += t.count
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}

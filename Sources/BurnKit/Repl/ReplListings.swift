// ReplListings: `:metrics`, `:companies`, `:knobs` and `:scenarios`: what the session holds,
// as aligned tables in a fixed order (declaration order, or by name where the session keeps
// no order).
import BurnModel

extension ReplSession {
    func listMetrics() -> Outcome {
        let interpreter = session.interpreter
        let rows = interpreter.world.state.metrics.map { metric in
            [metric.name, Self.kindText(metric), declaredAt(metric.at)]
        }
        return table(["metric", "kind", "declared in"], rows)
    }

    func listCompanies() -> Outcome {
        let model = session.interpreter.world.state
        guard !model.companies.isEmpty else {
            return Outcome(text: "no companies yet: `company OpenAI` declares one\n", failed: false)
        }
        let facts = model.facts()
        let rows = model.companies.map { company -> [String] in
            let own = facts.filter { $0.company == company.name }
            let years = own.map(\.year) + company.rounds.map(\.year) + company.commitments.flatMap { [$0.years.lowerBound, $0.years.upperBound] }
            let span = years.min().map { low in years.max().map { $0 == low ? "\(low)" : "\(low)..\($0)" } ?? "" } ?? "-"
            return [company.name, company.currency, "\(own.count)", span, "\(company.rounds.count)", "\(company.commitments.count)"]
        }
        var table = TextTable(headers: ["company", "currency", "facts", "years", "rounds", "commitments"], rows: rows)
        table.leftAligned = [0, 1, 3]
        return Outcome(text: table.render(session.tableStyle), failed: false)
    }

    func listKnobs() -> Outcome {
        let interpreter = session.interpreter
        let book = interpreter.book
        guard !book.knobs.isEmpty else {
            return Outcome(text: "no knobs yet: `assume growth = 50%` declares one\n", failed: false)
        }
        let rows = book.knobs.map { knob -> [String] in
            let value = interpreter.global(knob).map { interpreter.formatter.format($0) } ?? "-"
            let changedBy = book.scenarios.keys.sorted().filter { name in
                book.scenarios[name]?.body.contains { statement in
                    if case .assume(let n, _) = statement.kind { return n.text == knob }
                    return false
                } ?? false
            }
            return [knob, value, changedBy.isEmpty ? "-" : changedBy.joined(separator: ", ")]
        }
        return table(["knob", "value", "changed by"], rows)
    }

    func listScenarios() -> Outcome {
        let book = session.interpreter.book
        guard !book.scenarios.isEmpty else {
            return Outcome(text: "no scenarios yet: `scenario bear { assume growth = 25% }` declares one\n", failed: false)
        }
        let rows = book.scenarios.keys.sorted().map { name -> [String] in
            guard let scenario = book.scenarios[name] else { return [name, ""] }
            let changes = scenario.body.map { scenario.file.text(of: $0.span).trimmingSpaces() }
            return [name, changes.joined(separator: "; ")]
        }
        return table(["scenario", "changes"], rows)
    }

    // MARK: - Helpers

    /// `money flow`, `percent flow`, `month stock`, `money flow of events`.
    static func kindText(_ metric: MetricDecl) -> String {
        let measure: String
        switch metric.measure {
        case .money: measure = "money"
        case .percent: measure = "percent"
        case .multiple: measure = "multiple"
        case .number: measure = "number"
        case .unit(let unit): measure = unit.name
        }
        return measure + (metric.kind == .flow ? " flow" : " stock") + (metric.defaultsToZero ? " of events" : "")
    }

    /// `Stdlib/02-metrics.burn` for the catalogue, `<cell 3>:1` for a metric typed in a cell.
    private func declaredAt(_ ref: SourceRef?) -> String {
        guard let ref, let file = session.interpreter.sources[ref.file] else { return "-" }
        if file.name.hasPrefix("Stdlib/") { return file.name }
        return file.name + ":" + String(file.location(of: ref.start).line)
    }

    /// Every column left-aligned: these tables hold words.
    private func table(_ headers: [String], _ rows: [[String]]) -> Outcome {
        var table = TextTable(headers: headers, rows: rows)
        table.leftAligned = Set(headers.indices)
        return Outcome(text: table.render(session.tableStyle), failed: false)
    }
}

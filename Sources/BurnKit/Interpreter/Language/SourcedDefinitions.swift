// SourcedDefinitions: `let name = expr source "..."` and `metric = formula source "..."`
// keep their source like a fact does, so that `sources` lists them beside the facts (and
// `explain` shows a sourced formula with its source).
import BurnModel

/// A `let` value or a formula given with a source.
struct SourcedDefinition {
    /// `oracle` for a `let`, `Anthropic.business_revenue` for a formula.
    var name: String
    /// The value as printed, or the formula as written.
    var shown: String
    var source: String
    var at: Span
    var isFormula: Bool
}

extension Interpreter {
    /// Keeps the source of a `let` value; a binding without one forgets the earlier source.
    func recordSource(of name: String, value: Value, source: String?, at span: Span) {
        record(name, shown: source.map { _ in formatter.format(value) }, source: source, at: span, isFormula: false)
    }

    /// Keeps the source of a formula; a formula without one forgets the earlier source.
    func recordSource(of metric: String, formula: String, source: String?, at span: Span) {
        record(metric, shown: formula, source: source, at: span, isFormula: true)
    }

    private func record(_ name: String, shown: String?, source: String?, at span: Span, isFormula: Bool) {
        // A name bound again (or a metric given another formula) keeps only its latest source.
        sourcedDefinitions.removeAll { $0.name == name }
        guard let source, let shown else { return }
        sourcedDefinitions.append(SourcedDefinition(name: name, shown: shown, source: source, at: span, isFormula: isFormula))
    }

    /// The source of the formula written at `at` (its target and expression), if it has one.
    func formulaSource(_ at: SourceRef) -> String? {
        sourcedDefinitions.first { $0.isFormula && $0.at.file == at.file && $0.at.start == at.start }?.source
    }

    /// Rows of the `sources` table: name, value or formula, source and place.
    func sourcedDefinitionRows() -> [[String]] {
        sourcedDefinitions.map { definition in
            let file = sources[definition.at.file]
            let place = file.flatMap { $0.name.hasPrefix("<") ? nil : " (\($0.name):\($0.location(of: definition.at.start).line))" }
            return [definition.name, definition.shown, "\"\(definition.source)\"" + (place ?? "")]
        }
    }
}

// ResolverNames: what a name, an index and a member access refer to.
import BurnModel

extension Resolver {
    /// Locals, then the formula's year and metrics, then globals, metrics of the current
    /// company, companies, units and currencies.
    mutating func name(_ name: String, span: Span) throws -> Node {
        if let slot = lookupLocalSlot(name) { return LocalNode(slot: slot, span: span) }
        let world = interpreter.world
        if let formula {
            if name == "year" { return FormulaYearNode(span: span) }
            if world.isMetric(name) {
                return FormulaMetricNode(company: formula.company, metric: name, year: nil, span: span)
            }
        }
        if let slot = interpreter.globalSlots[name] {
            return GlobalNode(slot: slot, name: name, span: span)
        }
        // `_3`: a REPL cell's value never changes once shown, so it is a constant here.
        if let value = interpreter.cellValue(named: name) { return ConstantNode(value, span: span) }
        if world.isMetric(name) {
            guard let company = interpreter.currentCompany else {
                throw Diagnostic("'\(name)' is a metric, but there is no current company", at: span,
                                 hint: "write `company Name` first, or name the company: `OpenAI.\(name)`")
            }
            return ConstantNode(.series(company: company, metric: name), span: span)
        }
        if world.isCompany(name) { return ConstantNode(.company(name), span: span) }
        // `rounds`, `breakeven`... inside a company's scope mean that company's.
        if let company = interpreter.currentCompany, World.companyMembers.contains(name), !["name", "currency"].contains(name) {
            return MemberNode(ConstantNode(.company(company), span: span), Name(name, span), span: span)
        }
        if let unit = interpreter.vocabulary.unit(name) {
            return ConstantNode(.quantity(Quantity(1, .named(unit))), span: span)
        }
        if interpreter.vocabulary.isCurrency(name) { return ConstantNode(.quantity(.money(1, name)), span: span) }
        throw unknownName(name, span: span)
    }

    func lookupLocalSlot(_ name: String) -> Int? { lookupLocal(name) }

    func unknownName(_ name: String, span: Span) -> Diagnostic {
        var candidates = Array(interpreter.globalSlots.keys) + interpreter.world.metricNames + interpreter.world.companyNames
        candidates += interpreter.vocabulary.names
        if formula != nil { candidates.append("year") }
        let suggestion = EditDistance.suggestion(for: name, among: candidates)
        if let s = suggestion, interpreter.world.isMetric(s) {
            return Diagnostic("unknown metric '\(name)'", at: span, label: "did you mean '\(s)'?",
                              hint: "declare a new metric with `metric \(name): money flow`")
        }
        return Diagnostic("unknown name '\(name)'", at: span, label: suggestion.map { "did you mean '\($0)'?" },
                          hint: suggestion == nil ? "define it with `let \(name) = ...`" : nil)
    }

    /// `x[i]`; in a formula, `revenue[year - 1]` reads the formula company's metric in that year.
    mutating func index(_ base: Expr, _ index: Expr, span: Span) throws -> Node {
        if formula != nil, case .name(let metric) = base.kind, lookupLocalSlot(metric) == nil,
           interpreter.world.isMetric(metric) {
            return FormulaMetricNode(company: formula?.company, metric: metric, year: try expression(index), span: span)
        }
        return IndexNode(try expression(base), try expression(index), span: span)
    }

    /// `OpenAI.revenue`, `r.post`; in a formula `OpenAI.revenue` means that metric in the formula's year.
    mutating func member(_ base: Expr, _ name: Name, span: Span) throws -> Node {
        let node = try expression(base)
        if formula != nil, let c = node as? ConstantNode, case .company(let company) = c.value,
           interpreter.world.isMetric(name.text) {
            return FormulaMetricNode(company: company, metric: name.text, year: nil, span: span)
        }
        return MemberNode(node, name, span: span)
    }
}

// World: the language's view of the financial model: companies, metrics, values by year.
import BurnModel

final class World {
    unowned let runtime: Runtime

    /// Everything the model holds, as a value: copied to snapshot, assigned to restore.
    struct State {}
    var state = State()

    init(runtime: Runtime) { self.runtime = runtime }

    func execute(_ statement: Stmt, in interpreter: Interpreter, file: SourceFile) throws {
        throw Diagnostic("this statement is not available yet", at: statement.span)
    }

    var metricNames: [String] { [] }
    var companyNames: [String] { [] }
    func isMetric(_ name: String) -> Bool { false }
    func isCompany(_ name: String) -> Bool { false }

    func value(company: String, metric: String, year: Int, at span: Span) throws -> Quantity {
        throw Diagnostic("\(company).\(metric)[\(year)] is unknown", at: span)
    }

    func member(of value: Value, _ name: Name, at span: Span, baseSpan: Span) throws -> Value {
        throw Diagnostic("\(value.typeName.capitalizedFirst) has no member '\(name.text)'", at: name.span)
    }
}

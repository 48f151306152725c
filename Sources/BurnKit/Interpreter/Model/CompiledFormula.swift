// CompiledFormula: a Burn expression as the model's Formula, evaluated year by year.
import BurnModel

final class CompiledFormula: Formula {
    let node: Node
    let metric: String
    unowned let interpreter: Interpreter
    /// The formula as a sum of the company's metrics, which the model works out itself.
    let metricSum: MetricSum?

    init(node: Node, metric: String, interpreter: Interpreter) {
        self.node = node
        self.metric = metric
        self.interpreter = interpreter
        metricSum = FormulaLowering.metricSum(node)
    }

    func evaluate(_ context: FormulaContext) throws -> Quantity {
        let rt = interpreter.runtime
        let world = interpreter.world
        let saved = (rt.formula, rt.lanes, rt.laneTotal, rt.maskedBranches)
        rt.formula = FormulaFrame(company: context.company, year: context.year)
        (rt.lanes, rt.laneTotal, rt.maskedBranches) = (context.lanes, context.drawCount, 0)
        world.contexts.append(context)
        defer {
            world.contexts.removeLast()
            (rt.formula, rt.lanes, rt.laneTotal, rt.maskedBranches) = saved
        }
        let value = try node.eval(rt)
        var q: Quantity
        switch value {
        case .none(let why): throw ModelError.noValue(why)
        case .year(let y): return Quantity(Double(y))
        case .samples(let s) where !s.isCondition:
            q = rt.cut(s.quantity)
        default:
            guard let certain = value.asQuantity else {
                throw Diagnostic("the formula for '\(metric)' gives \(value.typeName), not a number", at: node.span)
            }
            q = certain
        }
        if q.unit.isNone, world.state.metric(named: metric)?.measure == .money {
            q = q.with(.money(context.currency))
        }
        return q
    }
}

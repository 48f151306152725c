// Builtins: the native functions, registered through one name-to-function table per domain.
import BurnModel

enum Builtins {
    static func register(into interpreter: Interpreter) {
        for (name, arity, body) in CoreBuiltins.table + MathBuiltins.table + ListBuiltins.table + UncertaintyBuiltins.table
            + FinanceBuiltins.table {
            let fold: ListFold? = name == "sum" ? .sum : (name == "mean" ? .mean : nil)
            interpreter.define(name, .function(Function(name: name, arity: arity, native: body, fold: fold)))
        }
    }
}

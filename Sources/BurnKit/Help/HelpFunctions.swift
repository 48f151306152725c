// HelpFunctions: a help topic for each native built-in function (Sources/BurnKit/Builtins/).
// The standard library's functions (cagr, burn_multiple...) are documented by their `##`
// comments instead. The finance functions' topics are in HelpFinance.swift.

enum HelpFunctions {
    static let topics: [HelpTopic] = [
        // MathBuiltins
        HelpTopic("abs", .functions, forms: ["abs(x)"], summary: "the absolute value; units are kept",
                  example: "abs(-$74B)", output: "[1] $74B"),
        HelpTopic("round", .functions, forms: ["round(x)", "round(x, digits)"],
                  summary: "rounds to a whole number, or to `digits` decimals (negative: tens, hundreds...); units are kept",
                  example: "round(2.456, 1)", output: "[1] 2.5", seeAlso: ["floor", "ceil"]),
        HelpTopic("floor", .functions, forms: ["floor(x)"], summary: "the largest whole number not above x",
                  example: "floor(-2.5)", output: "[1] -3"),
        HelpTopic("ceil", .functions, forms: ["ceil(x)"], summary: "the smallest whole number not below x",
                  example: "ceil(2.1)", output: "[1] 3"),
        HelpTopic("sqrt", .functions, forms: ["sqrt(x)"], summary: "the square root of a plain number; of a negative one, an error",
                  example: "sqrt(2)", output: "[1] 1.41421"),
        HelpTopic("ln", .functions, forms: ["ln(x)"], summary: "the natural logarithm of a plain positive number",
                  example: "ln(2) / ln(1.5)", output: "[1] 1.70951", seeAlso: ["log10", "exp"]),
        HelpTopic("log10", .functions, forms: ["log10(x)"], summary: "the base-10 logarithm of a plain positive number",
                  example: "log10(1B)", output: "[1] 9"),
        HelpTopic("exp", .functions, forms: ["exp(x)"], summary: "e to the power x",
                  example: "exp(1)", output: "[1] 2.71828"),
        HelpTopic("min", .functions, forms: ["min(a, b, ...)", "min(list)"],
                  summary: "the smallest of numbers of one kind; a plain number among money is money",
                  example: "min(3B, $2B, 5B)", output: "[1] $2B", seeAlso: ["max"]),
        HelpTopic("max", .functions, forms: ["max(a, b, ...)", "max(list)"],
                  summary: "the largest of numbers of one kind; a plain number among money is money",
                  text: "On uncertain numbers it works draw by draw: `max(0, cash)`.",
                  example: "max(0, -$5B)", output: "[1] $0", seeAlso: ["min"]),
        // ListBuiltins
        HelpTopic("sum", .functions, forms: ["sum(a, b, ...)", "sum(list)", "sum(series)"],
                  summary: "the total of like quantities: a sum of money is money, of percents a percent",
                  example: "company Acme\nrevenue[2024..2026] = [1B, 2B, 4B]\nsum(revenue[2024..2026])", output: "[3] $7B",
                  seeAlso: ["mean", "count"]),
        HelpTopic("mean", .functions, forms: ["mean(a, b, ...)", "mean(list)", "mean(uncertain)"],
                  summary: "the average of numbers, or the mean of an uncertain number's draws",
                  example: "mean([$1B, $2B, $6B])", output: "[1] $3B", seeAlso: ["sum", "percentile"]),
        HelpTopic("count", .functions, forms: ["count(list)"],
                  summary: "how many items a list, a series, a range or a string holds",
                  example: "count(2024..2030)", output: "[1] 7"),
        HelpTopic("range", .functions, forms: ["range(first, last)"],
                  summary: "the years from first to last, as `first..last` (both whole numbers)",
                  example: "count(range(2024, 2030))", output: "[1] 7", seeAlso: ["years"]),
        // CoreBuiltins
        HelpTopic("fail", .functions, forms: ["fail(message)"],
                  summary: "stops with an error carrying the message (in a function that meets a case it refuses)",
                  example: "fn share(a, b) = if b == 0 then fail(\"no total\") else a / b as %\nshare(1, 4)\nshare(1, 0)", output: """
                      [2] 25%
                      error: no total
                       --> <cell 1>:1:33
                        |
                      1 | fn share(a, b) = if b == 0 then fail("no total") else a / b as %
                        |                                 ^^^^^^^^^^^^^^^^
                      """,
                  seeAlso: ["none", "errors"]),
        HelpTopic("none", .functions, forms: ["none(reason)"],
                  summary: "an answer that does not exist, with the reason (the runway when nothing burns)",
                  example: "none(\"nothing burns\")", output: "[1] nothing burns"),
        HelpTopic("type_of", .functions, forms: ["type_of(x)"],
                  summary: "the kind of a value, as a word",
                  example: "type_of(2024..2030)", output: "[1] a range"),
        // UncertaintyBuiltins
        HelpTopic("normal", .functions, forms: ["normal(mean, sd)"],
                  summary: "an uncertain number drawn from a normal distribution",
                  example: "normal($10B, $1B)", output: "[1] $10B (90%: $8.374B to $11.62B)", seeAlso: ["uncertainty", "uniform", "lognormal"]),
        HelpTopic("uniform", .functions, forms: ["uniform(a, b)"],
                  summary: "an uncertain number drawn evenly between a and b",
                  example: "uniform(50%, 150%)", output: "[1] 99.8% (90%: 55% to 144.8%)", seeAlso: ["uncertainty", "normal"]),
        HelpTopic("lognormal", .functions, forms: ["lognormal(p5, p95)"],
                  summary: "an uncertain number drawn from a lognormal distribution with that 90% interval; `p5 to p95` is the same",
                  example: "lognormal(4B, 5B)", output: "[1] 4.483B (90%: 4.005B to 4.993B)", seeAlso: ["uncertainty", "normal"]),
        HelpTopic("P", .functions, forms: ["P(condition)"],
                  summary: "the share of the draws in which a condition holds, as a percentage",
                  example: "P(uniform(0, 10) < 2.5)", output: "[1] 25.6%", seeAlso: ["uncertainty", "percentile"]),
        HelpTopic("percentile", .functions, forms: ["percentile(x, p)"],
                  summary: "the value below which p of the draws fall: `percentile(x, 90%)` (or 90); a plain number below 1 is an error",
                  example: "percentile(uniform(0, 100), 90%)", output: "[1] 89.5729", seeAlso: ["p5", "p95", "mean"]),
        HelpTopic("p5", .functions, forms: ["p5(x)"], summary: "the 5th percentile of an uncertain number",
                  example: "p5(4B to 5B)", output: "[1] 4.005B", seeAlso: ["p95", "percentile"]),
        HelpTopic("p95", .functions, forms: ["p95(x)"], summary: "the 95th percentile of an uncertain number",
                  example: "p95(4B to 5B)", output: "[1] 4.993B", seeAlso: ["p5", "percentile"]),
    ] + finance
}

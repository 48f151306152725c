// HelpConcepts: the help topics that are not one statement: numbers, money, units, percent
// arithmetic, printing, expressions, uncertainty, scenarios, errors, and the REPL around them.

enum HelpConcepts {
    static let topics: [HelpTopic] = [
        HelpTopic(
            "numbers", .concepts,
            forms: ["42  3.7  1_000  1e9  6.6B  500M  1.4T  2k  80%  3.1x"],
            summary: "number literals and their magnitude suffixes",
            text: """
                A suffix straight after the digits scales: `k` 10^3, `M` 10^6, `B` or `bn` 10^9, `T`
                or `tn` 10^12 (`Md`, milliard, is 10^9 too). `80%` is the number 0.8 shown as a percent;
                `3.1x` is 3.1 shown as a multiple.
                """,
            example: "1_500M + 1e9\n80% * 10", output: """
                [1] 2.5B
                [2] 8
                """,
            seeAlso: ["money", "percent", "units", "printing"]),
        HelpTopic(
            "money", .concepts,
            forms: ["$6.6B  €210B  £1B  6.6B USD  210B EUR"],
            summary: "amounts of money: a currency sign before the number, or an ISO code after it",
            text: """
                Arithmetic follows the units: money plus money is money, money over money a plain
                number, money times money an error. A plain number added to or compared with money takes
                its currency. Two currencies convert with a declared `rate`; without one, mixing them is
                an error. A plain number given to a money metric is money in the company's currency.
                """,
            example: "$3B + 2B\n$157B / $3.7B\n$1B * $2B", output: """
                [1] $5B
                [2] 42.4324
                error: cannot multiply money by money
                 --> <cell 3>:1:1
                  |
                1 | $1B * $2B
                  | ^^^^^^^^^
                  = help: money times money has no meaning: multiply money by a number, a percent or a multiple (`$8B * 10%`), or divide two amounts for a ratio (`$6B / $2B`)
                """,
            seeAlso: ["rate", "units", "percent"]),
        HelpTopic(
            "units", .concepts,
            forms: ["10 GW  80M km  18 months  2,000 people  $35B/GW"],
            summary: "quantities with a unit, and money per unit",
            text: """
                Built in: W, kW, MW, GW; m, km; month(s), year(s); people; `unit` adds more.
                Quantities of one dimension add and convert; money per unit times units is money; adding
                money to a quantity is an error.
                """,
            example: "10 GW * $35B/GW\n$500B / 80M km\n10 GW + 500 MW\n$1B + 10 GW", output: """
                [1] $350B
                [2] $6,250/km
                [3] 10.5 GW
                error: cannot add money (USD) and GW
                 --> <cell 4>:1:1
                  |
                1 | $1B + 10 GW
                  | ^^^^^^^^^^^
                  = help: both sides need the same unit; use `as` to convert between compatible units
                """,
            seeAlso: ["unit", "as", "money"]),
        HelpTopic(
            "percent", .concepts,
            forms: ["40% * 50%  $8B * 10%  $8B / 4x  2x * 3x"],
            summary: "percent and multiple arithmetic: the display follows the meaning",
            text: """
                A percent or a multiple is a plain number shown differently; the result's display
                follows what it means, never the other operand's display:
                  20 * 25%          a plain number   5
                  $8B * 10%         money            $800M
                  $8B / 4x          money            $2B
                  40% * 50%         a percent        20%
                  40% + 10%         a percent        50%
                  2x * 3x           a multiple       6x
                  $2B * $3B         an error: money times money has no meaning
                """,
            example: "20 * 25%\n$8B * 10%\n$8B / 4x\n40% * 50%\n40% - 10%\n2x * 3x", output: """
                [1] 5
                [2] $800M
                [3] $2B
                [4] 20%
                [5] 30%
                [6] 6x
                """,
            seeAlso: ["as", "money", "printing"]),
        HelpTopic(
            "as", .concepts,
            forms: ["EXPR as x", "EXPR as %", "EXPR as CURRENCY", "EXPR as B", "EXPR as UNIT"],
            summary: "converts for display, or between units and currencies",
            text: """
                `as` binds more loosely than every other operator: `157B / 3.7B as x` converts the
                quotient. Targets: `x` (multiple), `%`, a currency, a magnitude (`k`, `M`, `B`, `T`),
                a unit of the same dimension, `number`.
                """,
            example: "157B / 3.7B as x\n6.6B / 157B as %\n$1.4T as B\n18 months as years", output: """
                [1] 42.4x
                [2] 4.2%
                [3] $1,400B
                [4] 1.5 years
                """,
            seeAlso: ["percent", "units", "printing"]),
        HelpTopic(
            "printing", .concepts,
            summary: "how values print, in the REPL, with `show` and in every table",
            text: """
                money         up to 4 significant digits and a suffix from 1M ($3.7B, $98.67B, -$74B);
                              below 1M whole units with separators ($6,250); below 100, 2 decimals
                percent       one decimal, a trailing .0 dropped (4.2%, 75%)
                multiple      3 significant digits below 10, one decimal from 10 (1.83x, 42.4x)
                plain number  up to 6 significant digits; from 1M, 4 with a suffix (4.4B)
                quantity      as a plain number with its unit (16 GW, 10,000 MW, 6.75 months)
                uncertain     the mean, then the 90% interval: $4.483B (90%: $4.005B to $4.993B)
                series        its known years: 2024 $3.7B, 2025 $11.6B
                `:set digits N` changes the significant digits of every kind.
                """,
            example: "$98.666B\n$41666.7\n107.69231x\n1 / 3", output: """
                [1] $98.67B
                [2] $41,667
                [3] 107.7x
                [4] 0.333333
                """,
            seeAlso: ["numbers", ":set", "percent"]),
        HelpTopic(
            "expressions", .concepts,
            forms: ["+ - * / ^   == != < <= > >=   and or not", "if C then A else B", "[1, 2, 3]  2024..2030",
                    "revenue[2024]  revenue[2024..2026]  list[0]  OpenAI.revenue  r.post"],
            summary: "operators, conditions, lists, ranges, indexing and members",
            text: """
                Inside a company's scope a bare metric name is that company's metric. A series is indexed
                by a year or a range of years; a list by position from 0. `as` binds loosest, then `to`
                (an uncertain range), then the comparisons and arithmetic.
                """,
            example: "if 2 > 1 then \"yes\" else \"no\"\n[10, 20, 30][1]\n2 ^ 10\nnot (1 == 2) and true", output: """
                [1] yes
                [2] 20
                [3] 1024
                [4] true
                """,
            seeAlso: ["as", "series", "years"]),
        HelpTopic(
            "years", .concepts,
            forms: ["2028  2024-10  2024..2030"],
            summary: "years, months (for dating rounds) and inclusive ranges of years",
            text: """
                A year in a fact, a rule or a range lies between 1900 and 2200 (`revenue[24]` is an
                error that suggests 2024). `2024-10` is a month, never a subtraction; `2024-13` is an
                error.
                """,
            example: "count(2024..2030)\n2030 - 2024", output: """
                [1] 7
                [2] 6
                """,
            seeAlso: ["series", "round"]),
        HelpTopic(
            "series", .concepts,
            summary: "a metric's values by year: `revenue`, `revenue[2024..2026]`",
            text: """
                A series prints its known years as `year value` pairs, never its name. Functions such
                as sum and mean take one.
                """,
            example: "company Acme\nrevenue[2024..2026] = [1B, 2B, 4B]\nrevenue\nrevenue[2025..2026]", output: """
                [3] 2024 $1B, 2025 $2B, 2026 $4B
                [4] 2025 $2B, 2026 $4B
                """,
            seeAlso: ["expressions", "sum"]),
        HelpTopic(
            "uncertainty", .concepts,
            forms: ["LOW to HIGH", "normal(mean, sd)", "uniform(a, b)", "lognormal(p5, p95)"],
            summary: "uncertain numbers: sets of seeded draws that flow through the whole model",
            text: """
                `a to b` with 0 < a < b is lognormal with a and b as its 5th and 95th percentiles (normal
                when a <= 0). Uncertain facts and rule rates flow through identities, formulas, cash and
                projections draw by draw; tables show each cell's mean and say so; `X.breakeven`
                becomes a distribution over years; a sample with no break-even in the years searched
                counts as later than every year (`X.breakeven > 2030` holds there), and a percentile
                or mean that would need those samples is none. P(cond), mean, percentile, p5 and p95
                summarise.
                Rounds and commitments take single amounts; a formula cannot draw (draw once with
                `let`). 10,000 draws by default (`samples`), seeded (`seed`).
                """,
            example: "let loss = 4B to 5B\nloss\nP(loss > 4.5B)\nloss - loss", output: """
                [2] 4.483B (90%: 4.005B to 4.993B)
                [3] 46.6%
                [4] 0
                """,
            seeAlso: ["samples", "seed", "P", "percentile"]),
        HelpTopic(
            "scenarios", .concepts,
            summary: "what-if questions: knobs, scenarios, goal seek and sensitivity",
            text: """
                `assume` names a knob; `scenario NAME { assume ... }` changes knobs (and may add facts or
                rules); `EXPR under NAME`, `using NAME { ... }` and `compare scenarios` ask in a
                scenario; `solve` finds a knob's value; `sweep` tabulates several. `:knobs` and
                `:scenarios` list them.
                """,
            example: "assume price = $20\nscenario cheap { assume price = $10 }\nprice under cheap - price\n:scenarios", output: """
                [3] -$10
                scenario  changes
                --------  ------------------
                cheap     assume price = $10
                """,
            seeAlso: ["assume", "scenario", "under", "using", "solve", "sweep"]),
        HelpTopic(
            "errors", .concepts,
            summary: "an error names its place, shows the line with a caret, and says how to fix it",
            text: """
                An error never crashes the program. `burn run` stops at the first one with status 1
                (a syntax error anywhere is reported before anything runs); in the REPL an error is the
                cell's output and the session goes on unchanged. A value with no fact, formula, identity
                or rule is unknown, never 0, and reading it is an error that says what to add.
                """,
            example: "company Acme\nrevnue[2024] = 1B\nrevenue[2025]", output: """
                error: unknown metric 'revnue'
                 --> <cell 2>:1:1
                  |
                1 | revnue[2024] = 1B
                  | ^^^^^^ did you mean 'revenue'?
                error: Acme.revenue[2025] is unknown
                 --> <cell 2>:1:1
                  |
                1 | revenue[2025]
                  | ^^^^^^^^^^^^^
                  = help: give a fact, a rule (revenue grows ...) or a formula
                """,
            seeAlso: ["facts", "check"]),
        HelpTopic(
            "cells", .concepts,
            forms: ["_  _3"],
            summary: "REPL cells: each input is numbered; `_` is the last value and `_n` the value of cell n",
            text: """
                A cell that fails changes nothing: names, facts and companies are as they were before
                it. A line that leaves a bracket or block open, or ends with an operator, continues on
                a `...` prompt.
                """,
            example: "6.6B\n157B\n_1 / _ as %\n1 / 0\n_", output: """
                [1] 6.6B
                [2] 157B
                [3] 4.2%
                error: division by zero
                 --> <cell 4>:1:5
                  |
                1 | 1 / 0
                  |     ^ this is zero
                [4] 4.2%
                """,
            seeAlso: [":cells", ":undo", "keys"]),
        HelpTopic(
            "keys", .concepts,
            summary: "line editing in the REPL (libedit, Emacs keys)",
            text: """
                Left, Right, Ctrl-A, Ctrl-E   move; Alt-B, Alt-F by word
                Up, Down, Ctrl-R              history (kept in $XDG_STATE_HOME/burn/history)
                Tab                           complete keywords, names, metrics, functions, commands, paths
                Ctrl-C                        abandon the line, or interrupt a running cell
                Ctrl-D                        leave
                """,
            seeAlso: ["cells"]),
        HelpTopic(
            "notebooks", .concepts,
            summary: "Markdown notebooks: prose, ```burn blocks, and the ```output block each printed",
            text: """
                `:save FILE.md` writes one from the cells that succeeded; `burn run FILE.md` runs it,
                `burn check FILE.md` fails where an output changed (with a diff), `burn run --update
                FILE.md` rewrites the outputs. Prose is kept byte for byte. `burn notebook convert`
                converts to and from Jupyter's .ipynb.
                """,
            seeAlso: [":save", ":load", "jupyter", "cli"]),
        HelpTopic(
            "jupyter", .concepts,
            forms: ["burn jupyter install [--user | --prefix DIR]"],
            summary: "Burn as a Jupyter kernel",
            text: """
                The kernel is the `burn` binary itself. A cell behaves as a REPL cell: its value is the
                result, tables show as HTML, charts as inline SVG, errors with the caret display;
                completion, continuation, inspection (this help) and interrupt work.
                """,
            seeAlso: ["notebooks", "cli"]),
        HelpTopic(
            "cli", .concepts,
            forms: ["burn", "burn run [--annotate] [--tables markdown] [--update] FILE...", "burn check FILE|DIR...",
                    "burn eval 'EXPR'", "burn help [TOPIC]", "burn jupyter ...", "burn notebook convert A B"],
            summary: "the command line",
            text: """
                `burn` alone starts the REPL; with input from a pipe each line is a cell, errors go to
                standard error, and the status is 1 if any cell failed. `burn check` runs the `check`
                lines and the notebooks' saved outputs and prints `N passed, N failed`. Colours only on
                a terminal, never with NO_COLOR set.
                """,
            seeAlso: ["notebooks", "check", "jupyter"]),
        HelpTopic(
            "embedding", .concepts,
            forms: ["import BurnKit", "let session = Session()", "try session.run(source: ...)", "try session.evaluate(\"...\")"],
            summary: "the interpreter as a Swift library",
            text: """
                A session loads the standard library, runs sources, evaluates expressions to values,
                takes host functions (`define`) and limits (`limits`), and prints through `output`. By
                default it reads and writes no files; the host allows directories with `files`.
                """,
            seeAlso: ["cli"]),
    ]
}

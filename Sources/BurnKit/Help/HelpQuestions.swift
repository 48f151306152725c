// HelpQuestions: the help topics of the statements that ask and print: projections, tables,
// comparisons, explanations, checks, charts, exports, and the what-if questions.

enum HelpQuestions {
    static let topics: [HelpTopic] = [
        HelpTopic(
            "show", .questions,
            forms: ["show EXPR"],
            summary: "prints a value (in a script, an expression on its own line does the same)",
            text: """
                In the REPL a value prints as `[n] value`; `show` prints it without the cell number.
                """,
            example: """
                show 157B / 3.7B as x
                """,
            output: "42.4x",
            seeAlso: ["printing", "expressions"]),
        HelpTopic(
            "project", .questions,
            forms: ["project [COMPANY] [METRIC, ...] until YEAR"],
            summary: "extends a company's model to a year and prints one row a year",
            text: """
                Rows start at the company's first known year. The columns are revenue, costs,
                operating_income, burn, raised, then cash and runway (with a `cash` fact) or
                funding_need (without one, cash is unknown), capex and commitments when the company has
                any, and the metrics named. The closing line names the break-even year and the year the
                cash runs out (or how much new money the plan needs, and by when), or says that neither
                happens; it tells operating break-even from the first year of positive free cash flow
                when they differ.
                """,
            example: """
                company Acme
                revenue[2024] = 1B
                costs[2024] = 1.5B
                cash[2024] = 2B
                revenue grows 100% per year
                costs grow 20% per year
                project until 2026
                """,
            output: """
                year  revenue   costs  operating_income   burn  raised    cash     runway
                ----  -------  ------  ----------------  -----  ------  ------  ---------
                2024      $1B   $1.5B            -$500M  $500M      $0     $2B  48 months
                2025      $2B   $1.8B             $200M     $0      $0   $2.2B          -
                2026      $4B  $2.16B            $1.84B     $0      $0  $4.04B          -
                Acme: break-even in 2025; the cash lasts through 2026
                """,
            seeAlso: ["table", "funding_need", "breakeven", "runs_out"]),
        HelpTopic(
            "table", .questions,
            forms: ["table METRIC, ... for COMPANY, ... in Y1..Y2"],
            summary: "prints any metrics of any companies, one row a year",
            text: """
                With several companies, each column is `Company.metric`. `burn run --tables markdown`
                prints tables as Markdown; `export table ...` writes one to a file.
                """,
            example: """
                company Acme
                revenue[2024..2025] = [1B, 2B]
                loss[2024..2025] = [500M, 100M]
                table revenue, costs for Acme in 2024..2025
                """,
            output: """
                year  revenue  costs
                ----  -------  -----
                2024      $1B  $1.5B
                2025      $2B  $2.1B
                """,
            seeAlso: ["compare", "export", "project"]),
        HelpTopic(
            "compare", .questions,
            forms: ["compare COMPANY, ... on METRIC, ... in Y1..Y2", "compare scenarios base, NAME, ... on EXPR, ..."],
            summary: "prints companies side by side, or one column a scenario",
            text: """
                `compare scenarios` evaluates each expression in each scenario: one row an expression,
                one column a scenario.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                revenue grows growth per year
                scenario bull { assume growth = 100% }
                compare scenarios base, bull on Acme.revenue[2026]
                """,
            output: """
                                      base  bull
                ------------------  ------  ----
                Acme.revenue[2026]  $2.25B   $4B
                """,
            seeAlso: ["table", "scenario", "under"]),
        HelpTopic(
            "explain", .questions,
            forms: ["explain COMPANY.METRIC[YEAR]"],
            summary: "prints how a number was derived, down to its facts and their sources",
            text: """
                Each line names a value and how it came: a fact (with its source), an identity, a
                formula, a rule.
                """,
            example: """
                company Acme
                revenue[2024] = 1B      source "report"
                loss[2024] = 500M       source "report"
                explain costs[2024]
                """,
            output: """
                costs[2024] = $1.5B  by costs = revenue - operating_income = $1B - (-$500M)
                ├─ operating_income[2024] = -$500M  by operating_income = -loss = -$500M
                │  └─ loss[2024] = $500M  fact source "report"
                └─ revenue[2024] = $1B  fact source "report"
                """,
            seeAlso: ["sources", "facts", "identity"]),
        HelpTopic(
            "sources", .questions,
            forms: ["sources", "... source \"text\""],
            summary: "lists every sourced fact",
            text: """
                A fact ends with `source "..."` to say where it comes from. A fact with a different
                source for a cell that has one is kept beside it: if the values agree within 0.5% the
                cell has that value; if they disagree, reading the cell is an error that names every
                value and its source and says how to settle it (keep one source, or write a range
                `2B to 3.7B`). Conflicts between articles are never settled silently.
                """,
            example: """
                company Acme
                revenue[2024] = 1B        source "article A"
                revenue[2024] = 1.002B    source "article B"
                sources
                revenue[2024]
                """,
            output: """
                fact                  value  source
                ------------------  -------  -----------
                Acme.revenue[2024]      $1B  "article A"
                Acme.revenue[2024]  $1.002B  "article B"
                [5] $1B
                """,
            seeAlso: ["facts", "explain"]),
        HelpTopic(
            "captable", .questions,
            forms: ["captable [COMPANY]"],
            summary: "prints who holds what after each round",
            text: """
                One column a round; the earlier holders first, then each round's investors as their
                own row, so an early investor's share is seen shrinking round after round. Named
                investors split their round's row by their amounts; an even split that was assumed is
                marked.
                """,
            example: """
                company Acme
                round "Seed" in 2023-01 raise 10M at 40M post with Alpha
                round "A" in 2024-06 raise 50M at 250M post with Beta 30M, Gamma 20M
                captable Acme
                """,
            output: """
                Acme: shares after each round
                holder           Seed    A
                ---------------  ----  ---
                earlier holders   75%  60%
                Seed: Alpha *     25%  20%
                A: Beta                12%
                A: Gamma                8%
                * assumed: the round gives no amount for this investor, so what the given amounts leave is split evenly
                """,
            seeAlso: ["round", "rounds"]),
        HelpTopic(
            "check", .questions,
            forms: ["check CONDITION", "check A ~ B [within 5%]"],
            summary: "fails unless the condition holds; `~` allows a tolerance (1% by default)",
            text: """
                A failed check prints both sides and its line; `burn check` counts the checks of
                scripts and notebooks, prints `N passed, N failed`, and exits non-zero on a failure. A
                check that passes prints nothing.
                """,
            example: """
                company Acme
                revenue[2024] = 1B
                revenue grows 50% per year
                check revenue[2025] ~ 1.55B within 5%
                check revenue[2025] > 2B
                """,
            output: """
                error: check failed: revenue[2025] > 2B: left is $1.5B, right is $2B
                 --> <cell 5>:1:7
                  |
                1 | check revenue[2025] > 2B
                  |       ^^^^^^^^^^^^^^^^^^
                """,
            seeAlso: ["cli", "errors"]),
        HelpTopic(
            "chart", .questions,
            forms: ["chart METRIC, ... [for COMPANY, ...] in Y1..Y2 [to \"FILE.svg\"]",
                    "chart METRIC, ... for COMPANY, ... in YEAR [to \"FILE.svg\"]",
                    "chart cash [for COMPANY] in YEAR [to \"FILE.svg\"]",
                    "chart captable [COMPANY] [to \"FILE.svg\"]",
                    "chart ... as lines | bars | waterfall"],
            summary: "draws bars in the terminal, or writes an SVG chart",
            text: """
                The form chooses the chart: years as a range draw a line a series; one year draws
                bars across the companies; `cash` for one company in one year draws a waterfall
                from the year before's cash through revenue, costs, capex and rounds to the
                year's end; `captable` draws a stacked bar a round, the holders' shares after
                it. `as lines`, `as bars` or `as waterfall` asks for a kind. An uncertain value
                is drawn as its median, shaded over the middle 50% and 90% of its samples (in
                the terminal: `┃` the median, `━` the middle 50%, `─` the middle 90%). A year
                with no value is a gap. The SVG has a value axis, grid lines, a legend and a
                white background, and follows `locale fr`; in Jupyter the chart is shown
                inline. On a terminal the bars are coloured, unless NO_COLOR is set.
                """,
            example: """
                company Acme
                revenue[2024] = 1B
                revenue grows 100% per year
                chart revenue for Acme in 2024..2026
                company Beta
                revenue[2025] = 3B
                chart revenue for Acme, Beta in 2025
                """,
            output: """
                revenue
                  2024  ██████████                               $1B
                  2025  ████████████████████                     $2B
                  2026  ████████████████████████████████████████ $4B
                revenue in 2025
                  Acme  ██████████████████████████▋              $2B
                  Beta  ████████████████████████████████████████ $3B
                """,
            seeAlso: ["table", "export", "captable", "cash"]),
        HelpTopic(
            "export", .questions,
            forms: ["export table ... to \"FILE.csv\"", "export project COMPANY until YEAR to \"FILE.json\"",
                    "export COMPANY.METRIC[Y1..Y2] to \"FILE.md\""],
            summary: "writes a table's data to a CSV, JSON or Markdown file",
            text: """
                The format follows the extension. An uncertain column is its mean followed by `p5` and
                `p95` columns (fields in JSON); JSON is always valid, with `null` for a cell with no
                value. Paths are relative to the script.
                """,
            example: """
                company Acme
                revenue[2024..2025] = [1B, 2B]
                export table revenue for Acme in 2024..2025 to "revenue.csv"
                """,
            output: "wrote revenue.csv (2 rows)",
            seeAlso: ["table", "chart"],
            touchesFiles: true),
        HelpTopic(
            "under", .questions,
            forms: ["EXPR under SCENARIO"],
            summary: "the value of an expression in a scenario",
            text: """
                Values under two scenarios are ordinary values: they subtract, compare, print.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                revenue grows growth per year
                scenario bear { assume growth = 20% }
                Acme.revenue[2026] under bear - Acme.revenue[2026]
                """,
            output: "[6] -$810M",
            seeAlso: ["scenario", "using", "compare"]),
        HelpTopic(
            "using", .questions,
            forms: ["using SCENARIO { ... }"],
            summary: "runs questions inside a scenario",
            text: """
                The statements in the block see the scenario's model; afterwards the base model is as
                it was.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                revenue grows growth per year
                scenario bear { assume growth = 20% }
                using bear { table revenue for Acme in 2024..2025 }
                """,
            output: """
                year  revenue
                ----  -------
                2024      $1B
                2025    $1.2B
                """,
            seeAlso: ["scenario", "under"]),
        HelpTopic(
            "solve", .questions,
            forms: ["solve KNOB in LOW..HIGH so EXPR == TARGET", "solve KNOB in LOW..HIGH so COMPANY.breakeven <= YEAR"],
            summary: "goal seek: finds the knob's value that meets the condition",
            text: """
                The whole model is re-evaluated for each trial value. A target that is a year finds the
                smallest value for which the condition holds.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                costs[2024] = 2B
                revenue grows growth per year
                costs grow 0% per year
                solve growth in 0%..300% so Acme.operating_income[2025] == 0
                """,
            output: "growth = 100%",
            seeAlso: ["sweep", "assume"]),
        HelpTopic(
            "sweep", .questions,
            forms: ["sweep KNOB in LOW..HIGH step STEP show EXPR, ..."],
            summary: "prints a sensitivity table: one row a knob value",
            text: """
                The whole model is re-evaluated for each value.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                revenue grows growth per year
                sweep growth in 0%..100% step 50% show Acme.revenue[2026]
                """,
            output: """
                growth  Acme.revenue[2026]
                ------  ------------------
                0%                     $1B
                50%                 $2.25B
                100%                   $4B
                """,
            seeAlso: ["solve", "assume"]),
    ]
}

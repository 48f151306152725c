// HelpStatements: the help topics of the statements that declare and change things:
// names, functions, companies, facts, formulas, rules, money events, knobs and settings.

enum HelpStatements {
    static let topics: [HelpTopic] = [
        HelpTopic(
            "let", .statements,
            forms: ["let NAME = EXPR"],
            summary: "binds a name to a value",
            text: """
                The value is computed once, when the line runs (an uncertain value is drawn once, so
                every use of the name sees the same draws). A name can be bound again.
                """,
            example: """
                let post = 157B
                let raise = 6.6B
                raise / post as %
                """,
            output: "[3] 4.2%",
            seeAlso: ["fn", "expressions"]),
        HelpTopic(
            "fn", .statements,
            forms: ["fn NAME(A, B) = EXPR", "fn NAME(A) = { let t = ... ; last line is the value }"],
            summary: "defines a function",
            text: """
                The body is an expression, or a block `{ ... }` whose last line is its value. Functions
                may call themselves (up to a depth limit) and functions defined further down. Lines
                starting with `##` right above `fn` are the function's documentation for `:help`
                (`## example:` and `## result:` give its example).
                """,
            example: """
                fn runway_months(cash, burn) = cash / burn * 12
                runway_months(10B, 5B)
                """,
            output: "[2] 24",
            seeAlso: ["let", "cagr"]),
        HelpTopic(
            "company", .statements,
            forms: ["company NAME", "company \"Name With Spaces\"", "company NAME { ... }",
                    "founded YEAR", "currency CODE", "note \"text\""],
            summary: "declares a company and makes it the current one",
            text: """
                Later statements without a company prefix (facts, rules, rounds, `project`) apply to
                the current company, until the next `company`. With a block, only the statements inside
                it do. `founded`, `currency` (USD by default) and `note` set its attributes. From
                anywhere, `Acme.revenue[2024]` names another company's metric.
                """,
            example: """
                company Acme
                currency EUR
                revenue[2024] = 2B
                revenue[2024]
                company "Aleph Alpha" { revenue[2024] = 50M }
                "Aleph Alpha".revenue[2024]
                """,
            output: """
                [4] €2B
                [6] $50M
                """,
            seeAlso: ["facts", ":companies"]),
        HelpTopic(
            "facts", .statements,
            forms: ["METRIC[YEAR] = VALUE [source \"text\"]", "COMPANY.METRIC[YEAR] = VALUE",
                    "METRIC[Y1..Y2] = [V1, V2, ...]", "METRIC[YEAR] = LOW to HIGH"],
            summary: "gives a known value of a metric in a year",
            text: """
                A plain number given to a money metric is money in the company's currency. A value must
                fit its metric: a money metric refuses `12%`, `3x` and `10 GW`. A fact always names its
                year. The identities derive what the facts imply (revenue and loss give costs). A fact
                beats any rule or formula for its year. Restating a cell with no source, or the same
                source, replaces it; a different source is kept beside it (`:help sources`).
                """,
            example: """
                company Acme
                revenue[2024..2025] = [1B, 2B]
                loss[2024] = 500M           source "annual report"
                costs[2024]
                revenue[2025]
                """,
            output: """
                [4] $1.5B
                [5] $2B
                """,
            seeAlso: ["sources", "identity", "grows", "uncertainty"]),
        HelpTopic(
            "formulas", .statements,
            forms: ["METRIC = EXPR"],
            summary: "defines a metric by a formula, evaluated year by year",
            text: """
                In a formula, `year` is the year being computed and `METRIC[year - 1]` reaches back a
                year. Written after `company X`, the formula is that company's; the catalogue's own
                formulas (burn, cash, runway...) hold for every company. A fact beats the formula in its
                year; a cycle of formulas is an error that names it.
                """,
            example: """
                company Acme
                revenue[2024..2025] = [1B, 2B]
                compute = 40% * revenue
                compute[2025]
                """,
            output: "[4] $800M",
            seeAlso: ["metric", "grows", "identity"]),
        HelpTopic(
            "grows", .statements,
            forms: ["METRIC grows RATE per year [from YEAR] [until YEAR]", "METRIC grows FACTOR in YEAR"],
            summary: "a rule: how a metric grows in the years with no fact",
            text: """
                A percent is a growth rate (`grows 50%` multiplies by 1.5 a year) and a multiple is a
                factor (`grows 3x` multiplies by 3); a plain number (`grows 60`) is an error that
                suggests `60%`. `grow` reads as well (`costs grow 20% per year`). Several rules may
                cover different years; a fact beats a rule; the rule starts from the last value known
                before it, a fact or one an identity derived.
                """,
            example: """
                company Acme
                revenue[2024] = 1B
                revenue grows 50% per year until 2026
                revenue grows 2x in 2027
                revenue[2026]
                revenue[2027]
                """,
            output: """
                [5] $2.25B
                [6] $4.5B
                """,
            seeAlso: ["reaches", "facts", "growth"]),
        HelpTopic(
            "reaches", .statements,
            forms: ["METRIC reaches VALUE in YEAR"],
            summary: "a rule: the metric reaches a value in a year, at one constant rate from the last known value",
            text: """
                The years between the last known value and YEAR grow at the constant rate that joins
                them. Between two facts with no rule the same happens on its own.
                """,
            example: """
                company Acme
                revenue[2024] = 1B
                revenue reaches 4B in 2026
                revenue[2025]
                """,
            output: "[4] $2B",
            seeAlso: ["grows", "facts"]),
        HelpTopic(
            "identity", .statements,
            forms: ["identity METRIC = EXPR"],
            summary: "an equation between metrics that holds every year and solves every way",
            text: """
                The catalogue declares `operating_income = revenue - costs`, `loss = -operating_income`,
                `costs = compute + staff + other_costs`, and the ratio identities
                `margin = operating_income / revenue` and `multiple = valuation / revenue`. Given all but
                one of an identity's metrics, the last is derived (a margin of -50% on a loss of 1B is a
                revenue of 2B). Facts that contradict an identity are an error naming them.
                """,
            example: """
                company Acme
                loss[2028] = 1B
                margin[2028] = -50%
                revenue[2028]
                """,
            output: "[4] $2B",
            seeAlso: ["facts", "metric", "margin"]),
        HelpTopic(
            "metric", .statements,
            forms: ["metric NAME: MEASURE flow|stock [of events] [never negative]"],
            summary: "adds a metric to the catalogue",
            text: """
                MEASURE is `money`, `percent`, `multiple`, `number`, or a unit (`GW`, `people`). A flow
                is an amount per year; a stock a balance at year end. `of events` makes a flow 0 in a
                year with nothing in it; `never negative` makes a value below zero an error, given or
                derived (revenue, costs and capex are). `:metrics` lists the catalogue.
                """,
            example: """
                metric arr: money flow
                company Acme
                arr[2024] = 1.2B
                arr[2024]
                """,
            output: "[4] $1.2B",
            seeAlso: [":metrics", "formulas", "identity"]),
        HelpTopic(
            "unit", .statements,
            forms: ["unit NAME [plural NAMES]", "unit NAME [plural NAMES] = QUANTITY"],
            summary: "adds a unit, alone or as a multiple of another",
            text: """
                Built in: W, kW, MW, GW; m, km; month(s), year(s); people. Quantities of one dimension
                add and convert (`as`); money per unit (`$35B/GW`) times units is money.
                """,
            example: """
                unit TW = 1000 GW
                2 TW as GW
                """,
            output: "[2] 2,000 GW",
            seeAlso: ["units", "as"]),
        HelpTopic(
            "rate", .statements,
            forms: ["rate CODE = AMOUNT CODE2 [in YEAR]"],
            summary: "declares an exchange rate, for one year or for all",
            text: """
                Money in two currencies is converted at the declared rate; with none, mixing them is an
                error that says which `rate` line to write.
                """,
            example: """
                rate EUR = 1.1 USD
                €10B as USD
                €10B + $1B
                """,
            output: """
                [2] $11B
                [3] €10.91B
                """,
            seeAlso: ["money", "as"]),
        HelpTopic(
            "import", .statements,
            forms: ["import \"FILE.burn\""],
            summary: "runs another file, its path relative to the importing file",
            text: """
                Each file is imported once; a file that imports itself is an error. A session embedded
                in another program reads only the directories the program allows.
                """,
            example: """
                company Acme
                revenue[2024] = 1B
                :save acme.burn
                :reset
                import "acme.burn"
                Acme.revenue[2024]
                """,
            output: """
                saved 2 cells to acme.burn
                a fresh session: the standard library only
                [2] $1B
                """,
            seeAlso: [":load", ":save"],
            touchesFiles: true),
        HelpTopic(
            "round", .statements,
            forms: ["round [\"LABEL\"] [in YYYY-MM] raise AMOUNT [at VALUATION post|pre] [led by NAME] [with A, B ...]",
                    "round ... with A AMOUNT, B AMOUNT"],
            summary: "records a funding round",
            text: """
                The amount adds to `raised` (and so to `cash`) in its year; a valuation sets `valuation`
                for the year, and dilutes earlier holders (`captable`). `pre` adds the amount to give
                the post-money. Investors named with amounts split the round; without, they share what
                is left evenly (marked as assumed). For `round(x, n)`, the function: `:help round()`.
                """,
            example: """
                company Acme
                round "A" in 2024-03 raise 100M at 400M pre led by Alpha
                valuation[2024]
                Acme.rounds[0].dilution
                """,
            output: """
                [3] $500M
                [4] 20%
                """,
            seeAlso: ["captable", "rounds", "raised", "round()"]),
        HelpTopic(
            "commit", .statements,
            forms: ["commit AMOUNT to NAME over Y1..Y2 [as capex|costs]", "commit QUANTITY to NAME at PRICE over Y1..Y2"],
            summary: "records a commitment, spread evenly over its years",
            text: """
                A commitment counts as capex by default (`as costs` makes it an operating cost); its
                yearly share shows in `commitments` and in the `project` table. A quantity is priced:
                `commit 10 GW to Nvidia at $35B/GW over 2026..2030`. Booked as costs, it comes on
                top of costs a rule (`costs grow ...`) gives; a costs figure given as a fact, or
                derived from facts, is taken as the total, the commitment included.
                """,
            example: """
                company Acme
                commit 3B to Oracle over 2025..2027
                capex[2026]
                commit 2 GW to Nvidia at $1B/GW over 2025..2026 as costs
                commitments[2025]
                """,
            output: """
                [3] $1B
                [5] $2B
                """,
            seeAlso: ["commitments", "capex", "project"]),
        HelpTopic(
            "assume", .statements,
            forms: ["assume NAME = VALUE"],
            summary: "names a knob: an input that rules, formulas and scenarios may use",
            text: """
                A scenario changes knobs; `solve` and `sweep` try values of one. A knob is a number
                (money, percent...), possibly uncertain. Set again later in the script, the whole
                model is rebuilt as if it had the new value from its first `assume`. `:knobs`
                lists them.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                revenue grows growth per year
                revenue[2025]
                """,
            output: "[5] $1.5B",
            seeAlso: ["scenario", "solve", "sweep", ":knobs"]),
        HelpTopic(
            "scenario", .statements,
            forms: ["scenario NAME { assume KNOB = VALUE ... }"],
            summary: "names a set of changes to the base model",
            text: """
                A scenario is the base script replayed with its own statements: knobs it sets (only
                knobs that exist; a misspelt one is an error that suggests the right one), facts, rules.
                Every number that depends on a knob it changes changes with it. `base` is the script as
                written. Ask in it with `under`, `using` or `compare scenarios`.
                """,
            example: """
                assume growth = 50%
                company Acme
                revenue[2024] = 1B
                revenue grows growth per year
                scenario bear { assume growth = 20% }
                revenue[2025] under bear
                """,
            output: "[6] $1.2B",
            seeAlso: ["under", "using", "compare", "scenarios"]),
        HelpTopic(
            "locale", .statements,
            forms: ["locale en", "locale fr"],
            summary: "switches how numbers are read and printed: English (the default) or French",
            text: """
                In French, `6,6 Md$` is read and printed for $6.6B, `4,2 %` for 4.2%, digit groups are
                spaced (`1 400 Md$`) and arguments are separated by `;`. The default is English whatever
                the machine's locale. In the REPL, `:set locale fr` does the same.
                """,
            example: """
                locale en
                6.6B / 157B as %
                """,
            output: "[2] 4.2%",
            seeAlso: ["numbers", "printing", ":set"]),
        HelpTopic(
            "samples", .statements,
            forms: ["samples N"],
            summary: "sets how many draws an uncertain number holds (10,000 by default)",
            text: """
                More draws give steadier figures and take longer. Set it once, before drawing: numbers
                drawn with different counts cannot be combined, and once the model holds draws,
                `samples` with another count is an error (put it at the top, or `:reset`).
                """,
            example: """
                samples 1000
                P(uniform(0, 1) < 0.5)
                """,
            output: "[2] 50.6%",
            seeAlso: ["seed", "uncertainty"]),
        HelpTopic(
            "seed", .statements,
            forms: ["seed N"],
            summary: "sets where the draws start, so a script prints the same numbers on every run",
            text: """
                Sampling is seeded with a fixed default; `seed` chooses another sequence. The same seed
                gives the same draws on every machine.
                """,
            example: """
                seed 7
                let a = mean(uniform(0, 1))
                seed 7
                mean(uniform(0, 1)) == a
                """,
            output: "[4] true",
            seeAlso: ["samples", "uncertainty"]),
    ]
}

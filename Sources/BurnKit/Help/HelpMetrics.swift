// HelpMetrics: a help topic for each metric of the catalogue (Stdlib/02-metrics.burn) and for
// the company-level answers (breakeven, runs_out, rounds, total_raised).

enum HelpMetrics {
    /// A company with a year of revenue and costs, that most examples start from.
    private static let acme = """
        company Acme
        revenue[2024] = 1B
        costs[2024] = 1.5B
        """

    static let topics: [HelpTopic] = [
        HelpTopic(
            "revenue", .metrics, forms: ["revenue: money flow"],
            summary: "what the company earns in a year",
            text: "With costs it gives operating_income (`operating_income = revenue - costs`); with margin and operating income it is derived.",
            example: "company Acme\noperating_income[2028] = -75B\nmargin[2028] = -75%\nrevenue[2028]", output: "[4] $100B",
            seeAlso: ["costs", "operating_income", "growth"]),
        HelpTopic(
            "costs", .metrics, forms: ["costs: money flow"],
            summary: "what the company spends in a year to operate (capex aside)",
            text: "`costs = compute + staff + other_costs` where those are given; revenue and loss give costs.",
            example: "company Acme\nrevenue[2024] = 1B\nloss[2024] = 500M\ncosts[2024]", output: "[4] $1.5B",
            seeAlso: ["revenue", "loss", "compute"]),
        HelpTopic(
            "capex", .metrics, forms: ["capex: money flow of events"],
            summary: "capital spending: data centres, chips; 0 in a year without any",
            text: "A `commit` adds its yearly share to capex (unless `as costs`). Capex is in burn and free cash flow, not in operating income.",
            example: "company Acme\ncommit 3B to Oracle over 2025..2027\ncapex[2025]", output: "[3] $1B",
            seeAlso: ["commit", "burn", "free_cash_flow"]),
        HelpTopic(
            "compute", .metrics, forms: ["compute: money flow"],
            summary: "what the company spends on computing (training and serving); a part of costs",
            text: "`costs = compute + staff + other_costs`: given all three, costs is their sum; given costs and two of them, the third.",
            example: "company Acme\ncompute[2024] = 600M\nstaff[2024] = 300M\nother_costs[2024] = 100M\ncosts[2024]", output: "[5] $1B",
            seeAlso: ["costs", "staff", "other_costs"]),
        HelpTopic(
            "staff", .metrics, forms: ["staff: money flow"],
            summary: "what the company spends on its people; a part of costs",
            example: "company Acme\ncosts[2024] = 1B\ncompute[2024] = 600M\nother_costs[2024] = 100M\nstaff[2024]", output: "[5] $300M",
            seeAlso: ["costs", "compute", "other_costs"]),
        HelpTopic(
            "other_costs", .metrics, forms: ["other_costs: money flow"],
            summary: "the costs that are neither compute nor staff",
            example: "company Acme\ncosts[2024] = 1B\ncompute[2024] = 600M\nstaff[2024] = 300M\nother_costs[2024]", output: "[5] $100M",
            seeAlso: ["costs", "compute", "staff"]),
        HelpTopic(
            "operating_income", .metrics, forms: ["operating_income: money flow"],
            summary: "revenue - costs: negative while the company loses money",
            text: "An identity: any two of revenue, costs and operating_income (or loss) give the third.",
            example: acme + "\noperating_income[2024]", output: "[4] -$500M",
            seeAlso: ["loss", "margin", "breakeven"]),
        HelpTopic(
            "loss", .metrics, forms: ["loss: money flow"],
            summary: "-operating_income: a loss of 5B is `loss = 5B`",
            example: acme + "\nloss[2024]", output: "[4] $500M",
            seeAlso: ["operating_income", "costs"]),
        HelpTopic(
            "margin", .metrics, forms: ["margin: percent flow"],
            summary: "operating_income / revenue",
            text: "A ratio identity: margin and operating income give revenue, margin and revenue give operating income; a margin that contradicts the facts is an error.",
            example: acme + "\nmargin[2024]", output: "[4] -50%",
            seeAlso: ["operating_income", "identity"]),
        HelpTopic(
            "growth", .metrics, forms: ["growth: percent flow"],
            summary: "revenue's growth over the year before: revenue[year] / revenue[year - 1] - 1",
            example: "company Acme\nrevenue[2024..2025] = [1B, 2.5B]\ngrowth[2025]", output: "[3] 150%",
            seeAlso: ["revenue", "grows", "cagr"]),
        HelpTopic(
            "burn", .metrics, forms: ["burn: money flow"],
            summary: "the cash the company spends beyond its revenue: max(0, costs + capex - revenue)",
            text: "0 in a year that makes money; capex counts, so a year can break even and still burn.",
            example: acme + "\nburn[2024]", output: "[4] $500M",
            seeAlso: ["runway", "cash", "free_cash_flow"]),
        HelpTopic(
            "raised", .metrics, forms: ["raised: money flow of events"],
            summary: "the sum of the year's rounds; 0 in a year without one",
            example: "company Acme\nround in 2024-03 raise 100M\nround in 2024-09 raise 50M\nraised[2024]", output: "[4] $150M",
            seeAlso: ["round", "cash", "total_raised"]),
        HelpTopic(
            "cash", .metrics, forms: ["cash: money stock"],
            summary: "the cash at year end: cash[year - 1] + revenue - costs - capex + raised",
            text: "It runs forward from a `cash` fact; with none, cash is unknown (never a silent 0) and `project` shows funding_need instead.",
            example: acme + "\ncash[2024] = 2B\nrevenue grows 100% per year\ncosts grow 0% per year\ncash[2025]", output: "[7] $2.5B",
            seeAlso: ["funding_need", "runway", "burn", "runs_out"]),
        HelpTopic(
            "valuation", .metrics, forms: ["valuation: money stock"],
            summary: "the post-money valuation of the latest round, or a fact",
            text: "It is carried between rounds, never interpolated across them.",
            example: "company Acme\nround in 2024-03 raise 100M at 500M post\nvaluation[2024]", output: "[3] $500M",
            seeAlso: ["round", "multiple"]),
        HelpTopic(
            "multiple", .metrics, forms: ["multiple: multiple stock"],
            summary: "valuation / revenue",
            text: "A ratio identity: any two of multiple, valuation and revenue give the third.",
            example: "company Acme\nrevenue[2024] = 4B\nvaluation[2024] = 157B\nmultiple[2024]", output: "[4] 39.3x",
            seeAlso: ["valuation", "identity"]),
        HelpTopic(
            "runway", .metrics, forms: ["runway: month stock"],
            summary: "how long the cash lasts at this burn: cash / burn * 12 months; none when nothing burns",
            example: acme + "\ncash[2024] = 2B\nrunway[2024]", output: "[5] 48 months",
            seeAlso: ["cash", "burn"]),
        HelpTopic(
            "commitments", .metrics, forms: ["commitments: money flow of events"],
            summary: "the year's share of every `commit`",
            example: "company Acme\ncommit 3B to Oracle over 2025..2027\ncommit 1B to Nvidia over 2025..2026\ncommitments[2025]", output: "[4] $1.5B",
            seeAlso: ["commit", "capex"]),
        HelpTopic(
            "free_cash_flow", .metrics, forms: ["free_cash_flow: money flow"],
            summary: "revenue - costs - capex: the cash the business makes or spends before any round",
            text: "`project`'s closing line names its first positive year when it differs from the operating break-even.",
            example: "company Acme\nrevenue[2025] = 2B\ncosts[2025] = 1.5B\ncommit 3B to Oracle over 2025..2027\nfree_cash_flow[2025]", output: "[5] -$500M",
            seeAlso: ["burn", "capex", "breakeven"]),
        HelpTopic(
            "cumulative_cash_flow", .metrics, forms: ["cumulative_cash_flow: money stock"],
            summary: "the cash the company would hold had it started with none: free cash flow + raised, summed from its first year",
            text: "Its lowest point is the most new money the plan needs (funding_need).",
            example: acme + "\nrevenue grows 50% per year\ncosts grow 0% per year\ncumulative_cash_flow[2025]", output: "[6] -$500M",
            seeAlso: ["funding_need", "free_cash_flow"]),
        HelpTopic(
            "funding_need", .metrics, forms: ["funding_need: money stock"],
            summary: "the least starting cash that keeps cash at or above 0 through that year",
            text: """
                max(0, -min over the years up to this one of cumulative_cash_flow). `project` shows it
                when there is no `cash` fact, and its closing line says how much new money the plan
                needs and by when.
                """,
            example: acme + "\nrevenue grows 50% per year\ncosts grow 0% per year\nfunding_need[2025]\nfunding_need[2026]", output: """
                [6] $500M
                [7] $500M
                """,
            seeAlso: ["cumulative_cash_flow", "cash", "project"]),
        HelpTopic(
            "breakeven", .metrics, forms: ["COMPANY.breakeven"],
            summary: "the first year with operating_income >= 0 (operating break-even)",
            text: "On an uncertain model it is a distribution over years. Capex is not in it: see free_cash_flow.",
            example: acme + "\nrevenue grows 50% per year\ncosts grow 0% per year\nAcme.breakeven", output: "[6] 2025",
            seeAlso: ["runs_out", "operating_income", "project"]),
        HelpTopic(
            "runs_out", .metrics, forms: ["COMPANY.runs_out"],
            summary: "the first year with cash < 0",
            example: acme + "\ncash[2024] = 700M\ncosts grow 0% per year\nrevenue grows 0% per year\nAcme.runs_out", output: "[7] 2026",
            seeAlso: ["breakeven", "cash", "runway"]),
        HelpTopic(
            "rounds", .metrics, forms: ["COMPANY.rounds", "COMPANY.rounds[I].pre", ".post", ".dilution", ".step_up", ".amount"],
            summary: "a company's rounds by date, counted from 0; each has its figures",
            text: "`step_up` is the post-money over the valuation before the round; `dilution` the share the round's investors get.",
            example: "company Acme\nround in 2023-01 raise 10M at 40M post\nround in 2024-06 raise 50M at 200M pre\nAcme.rounds[1].post\nAcme.rounds[1].step_up\nAcme.rounds[1].dilution", output: """
                [4] $250M
                [5] 6.25x
                [6] 20%
                """,
            seeAlso: ["round", "captable", "total_raised"]),
        HelpTopic(
            "total_raised", .metrics, forms: ["COMPANY.total_raised"],
            summary: "the sum of all the company's rounds",
            example: "company Acme\nround in 2023-01 raise 10M\nround in 2024-06 raise 50M\nAcme.total_raised", output: "[4] $60M",
            seeAlso: ["raised", "rounds"]),
    ]
}

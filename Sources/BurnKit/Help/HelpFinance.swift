// HelpFinance: the help topics of the finance functions (FinanceBuiltins), and of the two
// standard-library multiples whose examples need a company (Stdlib/04-ai-metrics.burn).

extension HelpFunctions {
    /// The finance functions' topics, each with a tested example.
    static let finance: [HelpTopic] = flows + annuities + dated + growth + multiples

    private static let flows: [HelpTopic] = [
        HelpTopic("npv", .functions, forms: ["npv(rate, flows)"],
                  summary: "the net present value of flows one period apart, the first at time 0 and not discounted (as numpy-financial)",
                  text: """
                      Flow t is divided by (1 + rate)^t. The flows are a list or a series (`OpenAI.operating_income[2025..2030]`): \
                      money stays money. For flows that all fall at the ends of the periods, divide by (1 + rate) once more. \
                      An uncertain rate or flow gives an uncertain value, draw by draw.
                      """,
                  example: "company Lab\noperating_income[2025..2027] = [-5B, 2B, 8B]\nnpv(10%, operating_income[2025..2027])",
                  output: "[3] $3.43B", seeAlso: ["irr", "xnpv", "pv"]),
        HelpTopic("irr", .functions, forms: ["irr(flows)"],
                  summary: "the internal rate of return: the rate above -100% at which the flows' net present value is zero",
                  text: """
                      It scans the rates for every change of sign of the net present value, then refines each to full \
                      precision. Flows that change sign more than once may have several rates: `irr` gives the one closest \
                      to 0%, as numpy-financial does. Flows with no rate (all of one sign) are an error. Of uncertain flows, \
                      each draw has its own rate, and a draw with none has no value.
                      """,
                  example: "irr([-178.5, 79.1, 47.1, -3.7])", output: "[1] -24.4%", seeAlso: ["npv", "mirr", "xirr"]),
        HelpTopic("mirr", .functions, forms: ["mirr(flows, finance_rate, reinvest_rate)"],
                  summary: "the modified internal rate of return: outlays financed at one rate, gains reinvested at another",
                  text: """
                      The rate that takes the present value of the negative flows (at `finance_rate`) to the future value \
                      of the positive ones (at `reinvest_rate`) over the flows' periods. The flows need both signs.
                      """,
                  example: "mirr([-120000, 39000, 30000, 21000, 37000, 46000], 10%, 12%)", output: "[1] 12.6%",
                  seeAlso: ["irr"]),
    ]

    private static let annuities: [HelpTopic] = [
        HelpTopic("pv", .functions, forms: ["pv(rate, nper, pmt)", "pv(rate, nper, pmt, fv, when)"],
                  summary: "the present value of `nper` payments `pmt` and a future value `fv` (0 by default)",
                  text: """
                      numpy-financial's argument order and signs: money paid out is negative, money received positive, so \
                      the present value has the sign opposite to the payments. `when` is "end" (the default: payments at \
                      the end of each period) or "begin". The rate is per period: a yearly 8% paid monthly is `8%/12`.
                      """,
                  example: "pv(7%, 20, $12000)", output: "[1] -$127,128", seeAlso: ["fv", "pmt", "nper", "rate()", "npv"]),
        HelpTopic("fv", .functions, forms: ["fv(rate, nper, pmt, pv)", "fv(rate, nper, pmt, pv, when)"],
                  summary: "the future value after `nper` periods of a present value `pv` and payments `pmt`",
                  text: "Signs as in `pv`: saving $2,000 a year (paid out, negative) builds a positive future value.",
                  example: "fv(7.5%, 20, -$2000, 0)", output: "[1] $86,609", seeAlso: ["pv", "pmt"]),
        HelpTopic("pmt", .functions, forms: ["pmt(rate, nper, pv)", "pmt(rate, nper, pv, fv, when)"],
                  summary: "the payment each period that takes a present value `pv` to a future value `fv` (0 by default)",
                  text: "A loan received (positive) is repaid by negative payments: five years of monthly payments on $15,000 at 8% a year.",
                  example: "pmt(8%/12, 5*12, $15000)", output: "[1] -$304", seeAlso: ["pv", "nper"]),
        HelpTopic("nper", .functions, forms: ["nper(rate, pmt, pv)", "nper(rate, pmt, pv, fv, when)"],
                  summary: "the number of periods that payments `pmt` take to bring `pv` to `fv` (0 by default)",
                  text: "A plain number of periods of the rate; payments that can never get there are an error. Payments and present value of the same sign give a negative count, as numpy-financial does: give them opposite signs (money paid out is negative).",
                  example: "nper(7%/12, -$150, $8000)", output: "[1] 64.0733", seeAlso: ["pmt", "pv"]),
        HelpTopic("rate", .functions, forms: ["rate(nper, pmt, pv)", "rate(nper, pmt, pv, fv, when)"],
                  summary: "the rate per period at which payments `pmt` take `pv` to `fv` (0 by default) in `nper` periods",
                  text: """
                      It scans the rates above -100% for every solution and refines each; where several rates solve it, \
                      the one closest to 10% (numpy-financial's and the spreadsheets' starting guess). \
                      `rate(...)` is the function; `rate EUR = 1.0824 USD` declares an exchange rate.
                      """,
                  example: "rate(10, 0, -$3500, $10000)", output: "[1] 11.1%", seeAlso: ["irr", "pv"]),
    ]

    private static let dated: [HelpTopic] = [
        HelpTopic("xnpv", .functions, forms: ["xnpv(rate, flows, dates)"],
                  summary: "the net present value of flows on dates: each discounted by (1 + rate)^(days since the first date / 365)",
                  text: """
                      Dates are days (`2024-10-02`) or months (`2024-10`, read as its first day); the first date is the day \
                      the flows are valued at, and no date may come before it. Days are counted as they fall (actual/365).
                      """,
                  example: "xnpv(9%, [-$10000, $2750, $4250, $3250, $2750], [2008-01-01, 2008-03-01, 2008-10-30, 2009-02-15, 2009-04-01])",
                  output: "[1] $2,087", seeAlso: ["xirr", "npv"]),
        HelpTopic("xirr", .functions, forms: ["xirr(flows, dates)"],
                  summary: "the yearly rate at which the flows on their dates have a net present value of zero (`xnpv` is 0)",
                  text: "Dates as in `xnpv`. Of several rates, the one closest to 0%, as `irr`.",
                  example: "xirr([-$10000, $2750, $4250, $3250, $2750], [2008-01-01, 2008-03-01, 2008-10-30, 2009-02-15, 2009-04-01])",
                  output: "[1] 37.3%", seeAlso: ["xnpv", "irr"]),
    ]

    private static let growth: [HelpTopic] = [
        HelpTopic("growth_needed", .functions, forms: ["growth_needed(start, total, years)"],
                  summary: "the constant yearly growth at which amounts from `start` add up to `total` over the next `years` years",
                  text: """
                      The growth g with start·(1+g) + start·(1+g)^2 + ... + start·(1+g)^years = total: how fast revenue \
                      must grow for the revenue of the coming years to cover a commitment (to reach a level in a year \
                      instead, use `cagr`). From 2025's $13B, ten years of revenue add up to $1.4T at:
                      """,
                  example: "growth_needed($13B, $1.4T, 10)", output: "[1] 41.7%", seeAlso: ["cagr", "payback_years"]),
        HelpTopic("payback_years", .functions, forms: ["payback_years(cost, yearly)", "payback_years(cost, yearly, growth)"],
                  summary: "the years of a yearly amount (growing by `growth` a year, 0 by default) that pay back a cost",
                  text: """
                      cost / yearly with no growth; with growth, the n at which yearly·(1 + (1+g) + ... + (1+g)^(n-1)) \
                      reaches the cost, in fractions of a year. The $1.4T of commitments in years of 2025 revenue:
                      """,
                  example: "payback_years($1.4T, $13B)", output: "[1] 107.7 years", seeAlso: ["growth_needed"]),
    ]

    private static let multiples: [HelpTopic] = [
        HelpTopic("trailing_multiple", .functions, forms: ["trailing_multiple(company, year)"],
                  summary: "a company's valuation in a year over that year's revenue (the catalogue's `multiple`)",
                  example: "company Lab\nrevenue[2024..2025] = [3.7B, 11.6B]\nvaluation[2024] = 157B\ntrailing_multiple(Lab, 2024)",
                  output: "[4] 42.4x", seeAlso: ["forward_multiple", "revenue_multiple", "multiple"]),
        HelpTopic("forward_multiple", .functions, forms: ["forward_multiple(company, year)"],
                  summary: "a company's valuation in a year over the next year's revenue",
                  example: "company Lab\nrevenue[2024..2025] = [3.7B, 11.6B]\nvaluation[2024] = 157B\nforward_multiple(Lab, 2024)",
                  output: "[4] 13.5x", seeAlso: ["trailing_multiple", "revenue_multiple"]),
    ]
}

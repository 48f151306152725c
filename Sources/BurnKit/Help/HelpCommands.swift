// HelpCommands: a help topic for each REPL command: its usage and summary come from
// `ReplSession.commands`; the text and the tested example are here.

enum HelpCommands {
    /// One topic a command, in the order of `ReplSession.commands`, named `:NAME`.
    static var topics: [HelpTopic] {
        ReplSession.commands.map { command in
            let more = details[command.name] ?? Details()
            return HelpTopic(":" + command.name, .commands, forms: [command.usage], summary: command.summary,
                             text: more.text, example: more.example, output: more.output,
                             seeAlso: more.seeAlso, touchesFiles: more.touchesFiles)
        }
    }

    private struct Details {
        var text = ""
        var example = ""
        var output = ""
        var seeAlso: [String] = []
        var touchesFiles = false
    }

    private static let details: [String: Details] = [
        "help": Details(
            text: "`:help NAME` finds a statement, a metric, a function, a command or a concept; a misspelt name gets the nearest one. `burn help NAME` prints the same from the shell.",
            example: ":help doubling_time", output: """
                doubling_time(rate)
                Years for a quantity growing at `rate` a year to double.
                example: doubling_time(50%)  # => 1.71 years
                """),
        "load": Details(
            text: "A notebook (.md) runs its ```burn blocks; a script (.burn) runs whole. Either is one cell: if it fails, nothing changes.",
            example: "company Acme\nrevenue[2024] = 1B\n:save acme.burn\n:reset\n:load acme.burn\nAcme.revenue[2024]", output: """
                saved 2 cells to acme.burn
                a fresh session: the standard library only
                [2] $1B
                """,
            seeAlso: [":save", "import", "notebooks"], touchesFiles: true),
        "save": Details(
            text: "Writes atomically (a temporary file, then a rename). A .md file is a notebook: each cell's code and what it printed; `burn check FILE.md` re-runs it and compares. A .burn file holds the code only.",
            example: "let x = 2\nx * 21\n:save lesson.md", output: """
                [2] 42
                saved 2 cells to lesson.md
                """,
            seeAlso: [":load", "notebooks"], touchesFiles: true),
        "cells": Details(
            example: "let x = 2\nx * 21\n:cells", output: """
                [2] 42
                [1] let x = 2
                [2] x * 21
                """),
        "metrics": Details(
            text: "Each metric with its kind and where it was declared: the catalogue (Stdlib/02-metrics.burn), then those of `metric` lines.",
            example: "metric arr: money flow\n:metrics", output: """
                metric                kind                  declared in
                --------------------  --------------------  ----------------------
                revenue               money flow            Stdlib/02-metrics.burn
                costs                 money flow            Stdlib/02-metrics.burn
                capex                 money flow of events  Stdlib/02-metrics.burn
                compute               money flow            Stdlib/02-metrics.burn
                staff                 money flow            Stdlib/02-metrics.burn
                other_costs           money flow            Stdlib/02-metrics.burn
                operating_income      money flow            Stdlib/02-metrics.burn
                loss                  money flow            Stdlib/02-metrics.burn
                margin                percent flow          Stdlib/02-metrics.burn
                growth                percent flow          Stdlib/02-metrics.burn
                burn                  money flow            Stdlib/02-metrics.burn
                raised                money flow of events  Stdlib/02-metrics.burn
                cash                  money stock           Stdlib/02-metrics.burn
                valuation             money stock           Stdlib/02-metrics.burn
                multiple              multiple stock        Stdlib/02-metrics.burn
                runway                month stock           Stdlib/02-metrics.burn
                commitments           money flow of events  Stdlib/02-metrics.burn
                free_cash_flow        money flow            Stdlib/02-metrics.burn
                cumulative_cash_flow  money stock           Stdlib/02-metrics.burn
                funding_need          money stock           Stdlib/02-metrics.burn
                arr                   money flow            <cell 1>:1
                """,
            seeAlso: ["metric"]),
        "companies": Details(
            text: "In the order they were declared: currency, how many facts, the years they cover, rounds and commitments.",
            example: "company Acme\nrevenue[2024..2025] = [1B, 2B]\nround in 2024-03 raise 100M\n:companies", output: """
                company  currency  facts  years       rounds  commitments
                -------  --------  -----  ----------  ------  -----------
                Acme     USD           2  2024..2025       1            0
                """,
            seeAlso: ["company"]),
        "knobs": Details(
            text: "In the order they were declared, with their base values and the scenarios that change them.",
            example: "assume growth = 50%\nassume margin_target = 20%\nscenario bear { assume growth = 20% }\n:knobs", output: """
                knob           value  changed by
                -------------  -----  ----------
                growth         50%    bear
                margin_target  20%    -
                """,
            seeAlso: ["assume", ":scenarios"]),
        "scenarios": Details(
            text: "By name, each with the statements it changes.",
            example: "assume growth = 50%\nscenario bear { assume growth = 20% }\nscenario bull { assume growth = 100% }\n:scenarios", output: """
                scenario  changes
                --------  --------------------
                bear      assume growth = 20%
                bull      assume growth = 100%
                """,
            seeAlso: ["scenario", ":knobs"]),
        "undo": Details(
            text: "The cell's number is given to the next cell.",
            example: "let x = 1\nlet y = 2\n:undo\n:cells", output: """
                undid [2] let y = 2
                [1] let x = 1
                """),
        "reset": Details(
            text: "Settings (`:set`, `:time`) stay.",
            example: "let x = 1\n:reset\n:cells", output: """
                a fresh session: the standard library only
                no cells yet
                """),
        "set": Details(
            text: "`:set` alone shows the settings. `:set digits N` applies to money, percents, multiples and plain numbers. `:set locale fr` reads and prints numbers the French way from the next cell on (`6,6 Md$`, `4,2 %`, `;` between arguments), `:set locale en` the English way; a command is a cell of its own.",
            example: ":set digits 6\n1.23456789B\n:set digits default\n1.23456789B\n:set locale fr\n6,6 Md$ / 157 Md$ as %\n:set locale en", output: """
                digits 6
                [1] 1.23457B
                digits default
                [2] 1.235B
                locale fr
                [3] 4,2\u{00A0}%
                locale en
                """,
            seeAlso: ["printing", "locale"]),
        "time": Details(
            text: "The time is shown after the output and never saved in a notebook.",
            example: ":time on\n:time off", output: """
                time on
                time off
                """),
        "quit": Details(
            text: "Aliases: `:q`, `:exit`. In a pipe, the cells after it are not read.",
            example: ":quit", output: ""),
    ]
}

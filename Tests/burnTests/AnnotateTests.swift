// AnnotateTests: `burn run --annotate` prints a script with its results, compared whole: the
// script's lines in order, `# => value` aligned across consecutive expression lines, and what
// questions print under them as `#>` lines.
import Foundation
import Testing
import TestSupport

@Suite("burn run --annotate")
struct AnnotateTests {
    @Test func printsTheScriptWithItsResults() throws {
        let dir = try TemporaryDirectory()
        try dir.write("""
            # A model and its questions.
            company OpenAI
            revenue[2024] = 3.7B        source "001"
            loss[2024] = 5B             source "001"

            costs[2024]                 # derived
            157B / 3.7B as x
            cagr(3.7B,
                 98.7B, 4)
            let r = 6.6B / 157B
            r as %
            explain costs[2024]
            # the end

            """, to: "model.burn")
        let r = try BurnBinary.run(["run", "--annotate", "model.burn"], directory: URL(fileURLWithPath: dir.path))
        // $3.7B + $5B = $8.7B; 157 / 3.7 = 42.43; (98.7 / 3.7)^(1/4) - 1 = 1.2727; 6.6 / 157 = 4.20%.
        // The `# =>` column is two spaces after the longest code of the run, `157B / 3.7B as x`
        // (16 characters); `r as %` starts a run of its own after the `let` line.
        #expect(r.stdout == """
            # A model and its questions.
            company OpenAI
            revenue[2024] = 3.7B        source "001"
            loss[2024] = 5B             source "001"

            costs[2024]       # => $8.7B  # derived
            157B / 3.7B as x  # => 42.4x
            cagr(3.7B,
                 98.7B, 4)    # => 127.3%
            let r = 6.6B / 157B
            r as %  # => 4.2%
            explain costs[2024]
            #> costs[2024] = $8.7B  by costs = revenue - operating_income = $3.7B - (-$5B)
            #> ├─ operating_income[2024] = -$5B  by operating_income = -loss = -$5B
            #> │  └─ loss[2024] = $5B  fact source "001" (model.burn:4)
            #> └─ revenue[2024] = $3.7B  fact source "001" (model.burn:3)
            # the end

            """)
        #expect(r.stderr.isEmpty)
        #expect(r.status == 0)
    }

    /// An annotated script annotated again gives the same text: the last annotation's `# =>`
    /// comments and `#>` lines are replaced (new-user trial: the README's example, whose lines
    /// carry `# => $8.7B (revenue + loss)`, came out as `# => $8.7B  # => $8.7B (revenue + loss)`).
    @Test func annotatingTwiceGivesTheSameText() throws {
        let dir = try TemporaryDirectory()
        try dir.write("""
            company OpenAI
            revenue[2024] = 3.7B
            loss[2024] = 5B
            costs[2024]                 # => $8.7B (revenue + loss)
            157B / 3.7B as x
            explain costs[2024]
            table revenue, costs for OpenAI in 2024..2024

            """, to: "once.burn")
        let cwd = URL(fileURLWithPath: dir.path)
        let once = try BurnBinary.run(["run", "--annotate", "once.burn"], directory: cwd)
        #expect(once.stdout.contains("costs[2024]       # => $8.7B\n"), "\(once.stdout)")
        // In place: `explain` names the file and line of each fact.
        try dir.write(once.stdout, to: "once.burn")
        let twice = try BurnBinary.run(["run", "--annotate", "once.burn"], directory: cwd)
        #expect(twice.stdout == once.stdout)
        #expect(once.status == 0 && twice.status == 0)
    }

    @Test func tablesPrintUnderTheirLineAndEveryCommentIsKept() throws {
        let dir = try TemporaryDirectory()
        try dir.write("""
            company Lab
            revenue[2024..2025] = [1B, 2B]
            table revenue for Lab in 2024..2025   # the facts
            Lab.revenue[2025] / Lab.revenue[2024] as x
            """, to: "lab.burn")
        let r = try BurnBinary.run(["run", "--annotate", "lab.burn"], directory: URL(fileURLWithPath: dir.path))
        // 2B / 1B = 2x; the last line has no final newline, and the annotation ends its line.
        #expect(r.stdout == """
            company Lab
            revenue[2024..2025] = [1B, 2B]
            table revenue for Lab in 2024..2025   # the facts
            #> year  revenue
            #> ----  -------
            #> 2024      $1B
            #> 2025      $2B
            Lab.revenue[2025] / Lab.revenue[2024] as x  # => 2x

            """)
        #expect(r.status == 0)
    }

    @Test func anErrorStopsTheRunAfterWhatRanBeforeIt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("let x = 2\nx * 3\nnope\nx\n", to: "stops.burn")
        let r = try BurnBinary.run(["run", "--annotate", "stops.burn"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.stdout == "let x = 2\nx * 3  # => 6\n")
        #expect(r.stderr.hasPrefix("error: unknown name 'nope'\n --> stops.burn:3:1\n"))
        #expect(r.status == 1)
    }

    @Test func aSyntaxErrorPrintsNothingOfTheScript() throws {
        let dir = try TemporaryDirectory()
        try dir.write("1 + 1\n2 +* 2\n", to: "syntax.burn")
        let r = try BurnBinary.run(["run", "--annotate", "syntax.burn"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: "))
        #expect(r.status == 1)
    }

    @Test func aNotebookIsRefusedBeforeAnythingRuns() throws {
        let dir = try TemporaryDirectory()
        try dir.write("1 + 1\n", to: "first.burn")
        try dir.write("# Lesson\n\n```burn\n1 + 1\n```\n", to: "lesson.md")
        let r = try BurnBinary.run(["run", "--annotate", "first.burn", "lesson.md"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            error: `--annotate` prints .burn scripts, and 'lesson.md' is a notebook
              = help: a notebook already shows each block's output under its code: run it with `burn run lesson.md`

            """)
        #expect(r.status == 1)
    }

    @Test func updateAndAnnotateAreRefusedTogether() throws {
        let r = try BurnBinary.run(["run", "--annotate", "--update", "Scripts/openai-2024.burn"])
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: `--annotate` and `--update` do not go together\n"))
        #expect(r.status == 1)
    }
}

/// Each saved script's annotated output is kept in `Tests/ScriptOutputs/annotated/NAME.out`
/// (rewritten with the plain outputs by `BURN_UPDATE_GOLDEN=1 swift test --filter ScriptsTests`).
@Suite("Scripts/, annotated")
struct AnnotatedScriptsTests {
    @Test(arguments: ScriptsTests.scripts)
    func printsItsAnnotatedGoldenOutput(_ script: String) throws {
        let r = try BurnBinary.run(["run", "--annotate", script])
        #expect(r.status == 0, "\(script)\n\(r.stderr)")
        let name = (script as NSString).lastPathComponent.replacingOccurrences(of: ".burn", with: ".out")
        let golden = BurnBinary.packageRoot.appendingPathComponent("Tests/ScriptOutputs/annotated/" + name)
        if ProcessInfo.processInfo.environment["BURN_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(r.stdout.utf8).write(to: golden, options: .atomic)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(r.stdout == expected, "annotated output of \(script) differs from \(golden.path)")
        // Every line of the script is in its annotated output, in order.
        let source = try String(contentsOf: BurnBinary.packageRoot.appendingPathComponent(script), encoding: .utf8)
        let printed = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var position = 0
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).dropLast() where !line.isEmpty {
            let code = String(line.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
            guard let found = printed[position...].firstIndex(where: { code.isEmpty ? $0 == line : $0.hasPrefix(code) }) else {
                Issue.record("\(script): line '\(line)' is missing from the annotated output")
                break
            }
            position = found + 1
        }
    }
}

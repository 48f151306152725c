// ParserTests: every expression and statement form, error recovery, nesting, REPL continuation, fuzzing.
import Testing
@testable import BurnKit

@Suite struct ParserTests {
    // MARK: - Expressions

    @Test func precedence() {
        #expect(expr("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(expr("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(expr("-2^2") == "(- (^ 2 2))")
        #expect(expr("2^3^2") == "(^ 2 (^ 3 2))")
        #expect(expr("2^-1") == "(^ 2 (- 1))")
        #expect(expr("157B / 3.7B as x") == "(as (/ 157000000000 3700000000) x)")
        #expect(expr("6.6B / 157B as %") == "(as (/ 6600000000 157000000000) %)")
        #expect(expr("a or b and not c == d") == "(or a (and b (not (== c d))))")
        #expect(expr("a + 1 to b * 2") == "(to (+ a 1) (* b 2))")
        #expect(expr("2024..2030") == "(.. 2024 2030)")
        #expect(expr("1..2 to 3..4") == "(to (.. 1 2) (.. 3 4))")
        #expect(expr("x <= 2028") == "(<= x 2028)")
        #expect(expr("(1 + 2) * 3") == "(* (+ 1 2) 3)")
    }

    @Test func postfix() {
        #expect(expr("cagr(3.7B, 98.7B, 4)") == "(call cagr 3700000000 98700000000 4)")
        #expect(expr("f()") == "(call f)")
        #expect(expr("OpenAI.rounds[0].post") == "(. (index (. OpenAI rounds) 0) post)")
        #expect(expr("revenue[2024..2028]") == "(index revenue (.. 2024 2028))")
        #expect(expr("OpenAI.cash[2030] under bear - OpenAI.cash[2030]")
            == "(- (under (index (. OpenAI cash) 2030) bear) (index (. OpenAI cash) 2030))")
    }

    @Test func primaries() {
        #expect(expr("$6.6B") == "USD:6600000000")
        #expect(expr("-$74B") == "(- USD:74000000000)")
        #expect(expr("€210B as USD") == "(as EUR:210000000000 USD)")
        #expect(expr("£1B") == "GBP:1000000000")
        #expect(expr(#""hi""#) == "\"hi\"")
        #expect(expr("true and false") == "(and true false)")
        #expect(expr("2024-10") == "2024-10")
        #expect(expr("[1, 2, 3,]") == "[1 2 3]")
        #expect(expr("[\n1,\n2\n]") == "[1 2]")
        #expect(expr("[]") == "[]")
        #expect(expr("if a > 1 then 2 else 3") == "(if (> a 1) 2 3)")
        #expect(expr("{\nlet y = 2\ny * 3\n}") == "{(let y 2); (* y 3)}")
        #expect(expr("{}") == "{}")
        #expect(expr("80%") == "0.8:pct")
        #expect(expr("3.1x") == "3.1:x")
    }

    @Test func units() {
        #expect(expr("10 GW") == "(qty 10 GW)")
        #expect(expr("80M km") == "(qty 80000000 km)")
        #expect(expr("18 months") == "(qty 18 months)")
        #expect(expr("6.6B USD") == "(qty 6600000000 USD)")
        #expect(expr("3months") == "(qty 3 months)")
        #expect(expr("$35B/GW") == "(/ USD:35000000000 GW)")
        #expect(expr("10 GW * $35B/GW") == "(/ (* (qty 10 GW) USD:35000000000) GW)")
        #expect(expr("1.4T as B") == "(as 1400000000000 B)")
    }

    // MARK: - Declarations

    @Test func declarations() {
        #expect(shape("let x = 1") == "(let x 1)")
        #expect(shape("fn f(a, b) = a + b") == "(fn f [a b] (+ a b))")
        #expect(shape("fn g() = {\n  let t = 2\n  t\n}") == "(fn g [] {(let t 2); t})")
        #expect(shape("company OpenAI") == "(company OpenAI)")
        #expect(shape(#"company "Aleph Alpha""#) == "(company Aleph Alpha)")
        #expect(shape("company X {\n  founded 2015\n  currency EUR\n  note \"hi\"\n}")
            == "(company X {(founded 2015); (currency EUR); (note \"hi\")})")
        #expect(shape("company X { revenue[2024] = 1 }") == "(company X {(fact (index revenue 2024) 1)})")
        #expect(shape(#"import "other.burn""#) == "(import \"other.burn\")")
        #expect(shape("rate EUR = 1.0824 USD in 2024") == "(rate EUR (qty 1.0824 USD) 2024)")
        #expect(shape("rate GBP = 1.27 USD") == "(rate GBP (qty 1.27 USD) nil)")
        #expect(shape("unit GW = 1000 MW") == "(unit GW nil (qty 1000 MW))")
        #expect(shape("unit month plural months") == "(unit month months nil)")
        #expect(shape("unit token") == "(unit token nil nil)")
        #expect(shape("metric arr: money flow") == "(metric arr money flow)")
        #expect(shape("metric share: percent") == "(metric share percent nil)")
        #expect(shape("metric raised: money flow of events") == "(metric raised money flow of events)")
        #expect(shape("identity loss = -operating_income") == "(identity loss (- operating_income))")
    }

    // MARK: - Facts, formulas, rules

    @Test func factsFormulasRules() {
        #expect(shape(#"revenue[2024] = 3.7B        source "001""#)
            == "(fact (index revenue 2024) 3700000000 source:001)")
        #expect(shape("OpenAI.revenue[2024..2026] = [3.7B, 11.6B, 29.4B]")
            == "(fact (index (. OpenAI revenue) (.. 2024 2026)) [3700000000 11600000000 29400000000])")
        #expect(shape("loss[2025] = 4B to 5B") == "(fact (index loss 2025) (to 4000000000 5000000000))")
        #expect(shape("compute = 80% * costs") == "(formula compute (* 0.8:pct costs))")
        #expect(shape("OpenAI.compute = 1") == "(formula (. OpenAI compute) 1)")
        #expect(shape("revenue grows 50% per year")
            == "(rule revenue grows-per-year 0.5:pct from:nil until:nil)")
        #expect(shape("revenue grows 50% per year from 2026 until 2030 source \"x\"")
            == "(rule revenue grows-per-year 0.5:pct from:2026 until:2030 source:x)")
        #expect(shape("costs grow growth per year") == "(rule costs grows-per-year growth from:nil until:nil)")
        #expect(shape("revenue grows 3.1x in 2025") == "(rule revenue grows-in 3.1:x 2025)")
        #expect(shape("OpenAI.revenue reaches 98.7B in 2028")
            == "(rule (. OpenAI revenue) reaches 98700000000 2028)")
        #expect(shape("costs[2024]") == "(index costs 2024)")
        #expect(shape("1 + 1 = 2") == "errors: cannot assign to this expression")
        let error = parseAll("1 + 1 = 2").diagnostics.first
        #expect(error?.hint == "write `let name = ...` to bind a value")
    }

    // MARK: - Money events

    @Test func rounds() {
        #expect(shape(#"round "Oct 2024" in 2024-10 raise 6.6B at 157B post led by "Thrive Capital" with Microsoft, Nvidia, SoftBank"#)
            == "(round Oct 2024 in:2024-10 raise:6600000000 at:157000000000 post led:Thrive Capital with:[Microsoft Nvidia SoftBank])")
        #expect(shape("round raise 1B at 150.4B pre") == "(round nil in:nil raise:1000000000 at:150400000000 pre led:nil with:[])")
        #expect(shape("round in 2024 raise 2B with A 1B, B 500M source \"s\"")
            == "(round nil in:2024 raise:2000000000 at:nil led:nil with:[A:1000000000 B:500000000] source:s)")
        #expect(shape("round raise 1B led by Thrive") == "(round nil in:nil raise:1000000000 at:nil led:Thrive with:[])")
        let missing = parseAll("round raise 1B at 157B")
        #expect(missing.diagnostics.first?.hint == "write `at 157B post` or `at 150.4B pre`")
    }

    @Test func commits() {
        #expect(shape("commit 300B to Oracle over 2027..2031")
            == "(commit 300000000000 to:Oracle at:nil over:(.. 2027 2031) as:nil)")
        #expect(shape("commit 300B to Oracle over 2027..2031 as costs source \"x\"")
            == "(commit 300000000000 to:Oracle at:nil over:(.. 2027 2031) as:costs source:x)")
        #expect(shape("commit 10 GW to Nvidia at $35B/GW over 2026..2030 as capex")
            == "(commit (qty 10 GW) to:Nvidia at:(/ USD:35000000000 GW) over:(.. 2026 2030) as:capex)")
    }

    // MARK: - Questions

    @Test func questions() {
        #expect(shape("project burn until 2030") == "(project [burn] 2030)")
        #expect(shape("project OpenAI, burn until 2030") == "(project [OpenAI burn] 2030)")
        #expect(shape("project until 2030") == "(project [] 2030)")
        #expect(shape(#"project "Aleph Alpha" until 2030"#) == "(project [Aleph Alpha] 2030)")
        #expect(shape("table revenue, loss for OpenAI, Anthropic in 2024..2030")
            == "(table [revenue loss] [OpenAI Anthropic] (.. 2024 2030))")
        #expect(shape("table revenue") == "(table [revenue] [] nil)")
        #expect(shape("compare OpenAI, Anthropic on margin, burn in 2025..2030")
            == "(compare [OpenAI Anthropic] [margin burn] (.. 2025 2030))")
        #expect(shape("compare scenarios base, bear on OpenAI.cash[2030], OpenAI.breakeven")
            == "(compare-scenarios [base bear] [(index (. OpenAI cash) 2030) (. OpenAI breakeven)])")
        #expect(shape("explain OpenAI.costs[2024]") == "(explain (index (. OpenAI costs) 2024))")
        #expect(shape("sources") == "(sources)")
        #expect(shape("captable") == "(captable nil)")
        #expect(shape("captable OpenAI") == "(captable OpenAI)")
        #expect(shape("check x > 1") == "(check (> x 1) nil nil)")
        #expect(shape("check a ~ b") == "(check a b nil)")
        #expect(shape("check a ~ 4.2B within 5%") == "(check a 4200000000 0.05:pct)")
        #expect(shape(#"chart revenue, costs for OpenAI in 2024..2030 to "f.svg""#)
            == "(chart [revenue costs] [OpenAI] (.. 2024 2030) f.svg)")
        #expect(shape("chart revenue") == "(chart [revenue] [] nil nil)")
        #expect(shape(#"export table revenue for OpenAI in 2024..2030 to "out.csv""#)
            == "(export (table [revenue] [OpenAI] (.. 2024 2030)) out.csv)")
        #expect(shape(#"export OpenAI.revenue[2024..2030] to "r.json""#)
            == "(export (index (. OpenAI revenue) (.. 2024 2030)) r.json)")
        #expect(shape("show 1 + 2") == "(show (+ 1 2))")
    }

    @Test func scenarios() {
        #expect(shape("assume growth = 50%") == "(assume growth 0.5:pct)")
        #expect(shape("scenario bear { assume growth = 25% }") == "(scenario bear {(assume growth 0.25:pct)})")
        #expect(shape("scenario bear {\n\n  assume growth = 25%\n  revenue grows growth per year\n}")
            == "(scenario bear {(assume growth 0.25:pct); (rule revenue grows-per-year growth from:nil until:nil)})")
        #expect(shape("using bear {\n show x\n}") == "(using bear {(show x)})")
        #expect(shape("solve growth in 0%..300% so OpenAI.operating_income[2028] == 0")
            == "(solve growth (.. 0:pct 3:pct) (== (index (. OpenAI operating_income) 2028) 0))")
        #expect(shape("sweep growth in 20%..80% step 10% show OpenAI.cash[2030], OpenAI.breakeven")
            == "(sweep growth (.. 0.2:pct 0.8:pct) 0.1:pct [(index (. OpenAI cash) 2030) (. OpenAI breakeven)])")
        #expect(shape("seed 42") == "(seed 42)")
        #expect(shape("samples 100000") == "(samples 100000)")
    }

    @Test func moreShapes() {
        #expect(shape("fn f(x) = if x > 0\n  then 1\n  else 2") == "(fn f [x] (if (> x 0) 1 2))")
        #expect(shape("x = f(\n  1,\n  2,\n)") == "(formula x (call f 1 2))")
        #expect(shape("show [1, 2]") == "(show [1 2])")
        #expect(shape("show(1)") == "(show 1)")
        #expect(shape("x = a \\\n  + b") == "(formula x (+ a b))")
        #expect(shape("P(OpenAI.breakeven <= 2030)") == "(call P (<= (. OpenAI breakeven) 2030))")
        #expect(shape("x = 1\n\n# comment\n\ny = 2") == "(formula x 1)\n(formula y 2)")
        #expect(shape("round raise 10B at 300B post with SoftBank 5B, \"Thrive Capital\" led by SoftBank")
            == "(round nil in:nil raise:10000000000 at:300000000000 post led:SoftBank with:[SoftBank:5000000000 Thrive Capital])")
        #expect(shape("revenue[2024] = 3.7B\nloss[2024] = 5B") ==
            "(fact (index revenue 2024) 3700000000)\n(fact (index loss 2024) 5000000000)")
        #expect(shape("company \"Aleph Alpha\" {\n  currency EUR\n}\nproject \"Aleph Alpha\" until 2030")
            == "(company Aleph Alpha {(currency EUR)})\n(project [Aleph Alpha] 2030)")
    }

    @Test func spans() {
        let text = "x = 1 + 2 * 3 # c"
        let result = parseAll(text)
        #expect(source(text).text(of: result.statements[0].span) == "x = 1 + 2 * 3")
        guard case .formula(_, let value, _) = result.statements[0].kind else { Issue.record("not a formula"); return }
        #expect(source(text).text(of: value.span) == "1 + 2 * 3")
        let money = parseAll("-$74B").statements[0].span
        #expect(money.start == 0 && money.end == 5)
    }

    @Test func statementWordsAsNames() {
        #expect(shape("rate = 5%") == "(formula rate 0.05:pct)")
        #expect(shape("note[2024] = 1") == "(fact (index note 2024) 1)")
        #expect(shape("sources + 1") == "(+ sources 1)")
        #expect(shape("let at = 3\nat * 2") == "(let at 3)\n(* at 2)")
    }

    @Test func languageExample() {
        let text = """
            company OpenAI
            revenue[2024] = 3.7B        source "001"
            loss[2024] = 5B             source "001"
            revenue[2025] = 11.6B       source "001"
            valuation[2023] = 86B       source "000"
            round "Oct 2024" in 2024-10 raise 6.6B at 157B post led by "Thrive Capital" with Microsoft, Nvidia, SoftBank
            costs[2024]                 # => $8.7B   (derived: revenue + loss)
            project burn until 2030     # => a table, one row a year
            """
        let result = parseAll(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.statements.count == 8)
        let spanText = source(text).text(of: result.statements[1].span)
        #expect(spanText == #"revenue[2024] = 3.7B        source "001""#)
    }

    // MARK: - Errors

    @Test func severalErrorsEachWithItsSpan() {
        let text = "let = 2\n\nrevenue[2024] = )\ny = (1, 2)\nok = 1\nz = 3 4\nx = 1 +"
        let result = parseAll(text)
        #expect(result.diagnostics.map(\.message) == [
            "expected a name after 'let', found '='", "unexpected ')'", "expected ')' to close '(', found ','",
            "unexpected '4' after the end of the statement", "expected an expression after '+'",
        ])
        #expect(Set(result.diagnostics.map(\.span)).count == 5)
        let lines = result.diagnostics.map { source(text).location(of: $0.span.start).line }
        #expect(lines == [1, 3, 4, 6, 7])
        #expect(result.statements.contains { describe($0) == "(formula ok 1)" })
        for d in result.diagnostics {
            #expect(!d.message.hasSuffix("."))
            #expect(d.message.first?.isUppercase == false)
        }
    }

    @Test func errorsInsideBlocks() {
        let result = parseAll("company X {\n  revenue[2024] = )\n  loss = 3\n  x = ]\n}\ny = 1")
        #expect(result.diagnostics.count == 2)
        #expect(result.statements.map(describe) == ["(company X {(formula loss 3)})", "(formula y 1)"])
        #expect(parseAll("scenario s {\n x = 1").diagnostics.first?.message == "unclosed '{'")
    }

    @Test func specificMessages() {
        #expect(shape("$ x") == "errors: expected an amount after '$', found 'x'")
        #expect(shape("a < b < c") == "errors: comparison operators cannot be chained")
        #expect(shape("f(1, 2") == "errors: unclosed '('")
        #expect(shape("x = if a then b") == "errors: expected 'else' in 'if ... then ...', found the end of the input")
        #expect(shape("let if = 1") == "errors: expected a name after 'let', found the keyword 'if'")
        #expect(shape("revenue[2024] grows 5% per year").hasPrefix("errors: a rule applies to a metric"))
    }

    @Test func deepNesting() {
        let result = parseAll(String(repeating: "(", count: 10_000))
        #expect(result.diagnostics.map(\.message) == ["expression nested too deeply"])
        let blocks = parseAll("x = " + String(repeating: "{", count: 10_000))
        #expect(blocks.diagnostics.map(\.message) == ["expression nested too deeply"])
        let minus = parseAll(String(repeating: "-", count: 10_000) + "1")
        #expect(minus.diagnostics.map(\.message) == ["expression nested too deeply"])
        let powers = parseAll("2" + String(repeating: "^2", count: 10_000))
        #expect(powers.diagnostics.map(\.message) == ["expression nested too deeply"])
        let sum = parseAll("x = 1" + String(repeating: " + 1", count: 100_000))
        #expect(sum.diagnostics.map(\.message) == ["expression too long"])
        let members = parseAll("x" + String(repeating: ".a", count: 100_000))
        #expect(members.diagnostics.map(\.message) == ["expression too long"])
        #expect(parseAll("x = 1" + String(repeating: " + 1", count: 900)).diagnostics.isEmpty)
        let fine = parseAll(String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150))
        #expect(fine.diagnostics.isEmpty)
    }

    // MARK: - REPL

    @Test func needsMoreInput() {
        #expect(Parser.needsMoreInput("company X {"))
        #expect(Parser.needsMoreInput("company X {\n revenue[2024] = 1"))
        #expect(Parser.needsMoreInput("f(1,"))
        #expect(Parser.needsMoreInput("[1, 2"))
        #expect(Parser.needsMoreInput("x = 1 +"))
        #expect(Parser.needsMoreInput("x = a and"))
        #expect(Parser.needsMoreInput("x = 1 \\"))
        #expect(Parser.needsMoreInput("note \"multi"))
        #expect(!Parser.needsMoreInput("x = 1"))
        #expect(!Parser.needsMoreInput("company X { x = 1 }"))
        #expect(!Parser.needsMoreInput(""))
        #expect(!Parser.needsMoreInput("x = )"))
        #expect(!Parser.needsMoreInput("x = ) + ("))
        #expect(!Parser.needsMoreInput("@ {"))
        #expect(!Parser.needsMoreInput("x = 1 2 +"))
    }

    // MARK: - Fuzz

    @Test func garbageNeverCrashes() {
        let alphabet = ["1", "2.5", "3B", "80%", "3.1x", "$", "€", "2024-10", "\"s\"", "\"", "x", "GW", "let", "fn",
                        "if", "then", "else", "and", "or", "not", "as", "to", "under", "company", "round", "raise",
                        "at", "post", "commit", "over", "project", "until", "table", "for", "in", "compare",
                        "scenarios", "on", "check", "~", "within", "chart", "export", "grows", "per", "year",
                        "reaches", "source", "scenario", "solve", "so", "sweep", "step", "show", "with", "led", "by",
                        "+", "-", "*", "/", "^", "=", "==", "<", ">=", "..", "(", ")", "[", "]", "{", "}", ",",
                        ".", ":", "%", "\n", "\\", "#", " ", "@", "é", "\u{0}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<4000 {
            let count = next() % 16
            var text = ""
            for _ in 0..<count {
                text += alphabet[next() % alphabet.count]
                if next() % 3 == 0 { text += " " }
            }
            let result = Parser.parse(source(text))
            _ = Parser.needsMoreInput(text)
            for d in result.diagnostics {
                #expect(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.utf8.count, "\(text)")
            }
            for s in result.statements {
                #expect(s.span.start <= s.span.end, "\(text)")
            }
        }
    }
}

// HostDemo: loads a model, gives it data from the host (no source text), reads typed answers,
// and stops hostile scripts with limits, the session staying usable after each.
import BurnKit

let session = Session()
// Host closures run on BurnKit's evaluation thread: they are @Sendable, and this one only prints.
session.output = { print($0, terminator: "") }

// 1. Data from the host's own database: names are only names, values are typed.
try session.addCompany("Acme")
try session.setFact(company: "Acme", metric: "revenue", year: 2024, value: .money(1e9), source: "ledger 2024")
try session.setFact(company: "Acme", metric: "costs", year: 2024, value: .money(3e9), source: "ledger 2024")
try session.setKnob("growth", .percent(0.6))
// The model's rules are Burn source; the data above never went through the parser.
try session.run(source: "Acme.revenue grows growth per year")

// 2. Typed answers.
let revenue = try session.evaluate("Acme.revenue[2026]")
if let money = revenue.money {
    // 1B grown 60% a year for two years: 1B * 1.6 * 1.6 = 2.56B.
    print("revenue 2026: \(Int((money.amount / 1e6).rounded())) million \(money.currency)")
}
let series = try session.evaluate("Acme.revenue[2024..2026]")
for (year, value) in series.yearValues ?? [] {
    print("  \(year): \(session.format(.money(value)))")
}

// 3. An uncertain knob: the answer is a distribution, read as numbers.
try session.setKnob("growth", try session.evaluate("40% to 80%"))
let uncertain = try session.evaluate("Acme.revenue[2026]")
if let mean = uncertain.mean, let p5 = uncertain.p5, let p95 = uncertain.p95 {
    print("uncertain revenue 2026: p5 < mean < p95: \(p5 < mean && mean < p95)")
}

// 4. Hostile scripts: a runaway recursion and a long computation, each stopped by a limit.
session.limits = Limits(depth: 200, seconds: 1)
let hostile = [
    "fn down(n) = down(n + 1)\ndown(1)",
    "fn fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2)\nfib(60)",
]
for script in hostile {
    do {
        try session.run(source: script, name: "hostile.burn")
        print("not stopped")
    } catch let error as BurnError {
        for diagnostic in error.located(in: session) {
            let limit = diagnostic.limit.map(\.rawValue) ?? "none"
            let line = diagnostic.location.map { String($0.line) } ?? "?"
            print("stopped by the \(limit) limit at hostile.burn line \(line)")
        }
    }
}

// 5. The session goes on, and the failed runs left nothing behind (`down` was never defined).
print("still usable: \(session.format(try session.evaluate("Acme.costs[2024]")))")
print("down defined: \((try? session.evaluate("down")) != nil)")

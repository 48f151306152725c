// StdlibKindsTests: every function of Stdlib/*.burn and every native built-in (Builtins/*.swift)
// with a tested example, and its behaviour on percents, money and uncertain arguments. Each
// number is checked against a reference computed here (a formula, or numpy-financial's output
// written in), never against Burn itself; uncertain results are checked draw by draw.
//
// The functions: cagr, doubling_time (Stdlib/03-finance.burn); npv, irr (FinanceBuiltins; the
// other finance functions are in FinanceKindsTests); fail, none, type_of
// (CoreBuiltins); abs, round, floor, ceil, sqrt, ln, log10, exp, min, max (MathBuiltins); sum,
// mean, count, range (ListBuiltins); normal, uniform, lognormal, P, percentile, p5, p95
// (UncertaintyBuiltins).
import BurnModel
import Foundation
import Testing
@testable import BurnKit

/// What kind of number a value is, as LANGUAGE.md section 2 prints it.
enum ValueKind: Equatable, CustomStringConvertible {
    case plain, percent, multiple, money(String), unit(String)

    init?(_ value: Value) {
        let q: Quantity
        switch value {
        case .number: self = .plain; return
        case .quantity(let quantity): q = quantity
        case .samples(let s): q = s.quantity
        default: return nil
        }
        if q.unit.isMoney { self = .money(q.unit.currency ?? "?") }
        else if !q.unit.isNone { self = .unit(q.unit.description) }
        else if q.display == .percent { self = .percent }
        else if q.display == .multiple { self = .multiple }
        else { self = .plain }
    }

    var description: String {
        switch self {
        case .plain: return "plain"
        case .percent: return "percent"
        case .multiple: return "multiple"
        case .money(let c): return "money \(c)"
        case .unit(let u): return "unit \(u)"
        }
    }
}

@Suite struct StdlibKindsTests {
    /// A session with 2,000 draws and the uncertain inputs the tests share.
    static func session() throws -> Session {
        let session = Session()
        try session.run(source: """
            samples 2000
            let x = 1B to 2B
            let mx = $1B to $2B
            let r = 5% to 15%
            let s = -1 to 1
            let f = 60 to 70
            company T
            revenue[2024..2026] = [$1B, $2B, $4B]
            """)
        return session
    }

    /// Evaluates `expr`; checks its kind, its number against `expected` (relative `tolerance`)
    /// and, when given, how it prints.
    func check(_ session: Session, _ expr: String, _ expected: Double, _ kind: ValueKind, printed: String? = nil,
               tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let value = try session.evaluate(expr)
            #expect(ValueKind(value) == kind, "\(expr) is \(ValueKind(value).map(String.init(describing:)) ?? "not a number")",
                    sourceLocation: sourceLocation)
            let got = numberIn(value) ?? .nan
            #expect(close(got, expected, relative: tolerance, absolute: 1e-12), "\(expr) = \(got), expected \(expected)",
                    sourceLocation: sourceLocation)
            if let printed { #expect(session.format(value) == printed, "\(expr)", sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(expr): \(session.render(error))", sourceLocation: sourceLocation)
        }
    }

    /// Evaluates `expr` and checks it against `f` applied to the draws of `inputs`, draw by draw.
    func drawwise(_ session: Session, _ expr: String, _ inputs: [String], _ kind: ValueKind, tolerance: Double = 1e-9,
                  sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Double]) -> Double) {
        do {
            let value = try session.evaluate(expr)
            #expect(ValueKind(value) == kind, "\(expr) is \(ValueKind(value).map(String.init(describing:)) ?? "not a number")",
                    sourceLocation: sourceLocation)
            guard let draws = drawsIn(value) else {
                Issue.record("\(expr) is not uncertain: \(session.format(value))", sourceLocation: sourceLocation)
                return
            }
            let columns = try inputs.map { try #require(drawsIn(try session.evaluate($0)), "\($0) is not uncertain") }
            for i in draws.indices {
                let want = f(columns.map { $0[i] })
                if !close(draws[i], want, relative: tolerance, absolute: 1e-12) {
                    Issue.record("\(expr): draw \(i) is \(draws[i]), expected \(want)", sourceLocation: sourceLocation)
                    return
                }
            }
        } catch {
            Issue.record("\(expr): \(session.render(error))", sourceLocation: sourceLocation)
        }
    }

    /// `expr` is an error whose message contains `message`.
    func fails(_ session: Session, _ expr: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let value = try session.evaluate(expr)
            Issue.record("\(expr) gave \(session.format(value)), expected an error", sourceLocation: sourceLocation)
        } catch {
            let text = session.render(error)
            #expect(text.contains(message), "\(expr): \(text)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Stdlib/03-finance.burn

    @Test func cagr() throws {
        let s = try Self.session()
        // (98.7 / 3.7)^(1/4) - 1 = 1.27265...: the documented example, on plain numbers and money.
        let openAI = pow(98.7 / 3.7, 0.25) - 1
        check(s, "cagr(3.7B, 98.7B, 4)", openAI, .percent, printed: "127.3%")
        check(s, "cagr($3.7B, $98.7B, 4)", openAI, .percent, printed: "127.3%")
        // Percents in, a percent out: 10% to 20% in 2 years is sqrt(2) - 1 = 41.4%.
        check(s, "cagr(10%, 20%, 2)", 2.0.squareRoot() - 1, .percent, printed: "41.4%")
        // A shrinking quantity: (50 / 100)^(1/2) - 1 = -29.3%.
        check(s, "cagr($100M, $50M, 2)", 0.5.squareRoot() - 1, .percent, printed: "-29.3%")
        fails(s, "cagr(0, 10, 2)", "division by zero")
        drawwise(s, "cagr(x, 98.7B, 4)", ["x"], .percent) { pow(98.7e9 / $0[0], 0.25) - 1 }
        fails(s, "cagr($1B, €2B, 2)", "rate")
    }

    @Test func npv() throws {
        let s = try Self.session()
        // numpy-financial 1.0: npf.npv(0.10, [-100, 50, 60]) = -4.95867768595042 (the first flow
        // at time 0, undiscounted: -100 + 50/1.1 + 60/1.21).
        check(s, "npv(10%, [-100, 50, 60])", -4.95867768595042, .plain, printed: "-4.95868", tolerance: 1e-12)
        check(s, "npv(5%, [-100, 50, 60])", 2.04081632653061, .plain, tolerance: 1e-12)  // npf.npv(0.05, ...)
        // Money flows give money: npf.npv(0.08, [-1e9, 3e8, 4e8, 5e8]) = 17629426.408575773.
        check(s, "npv(8%, [-$1B, $300M, $400M, $500M])", 17_629_426.408575773, .money("USD"), printed: "$17.63M")
        check(s, "npv(10%, [-$100M, $50M, $60M])", -4_958_677.68595042, .money("USD"), printed: "-$4.959M")
        check(s, "npv(10%, [])", 0, .plain)
        // An uncertain rate or flow: each draw discounted on its own.
        drawwise(s, "npv(r, [-100, 50, 60])", ["r"], .plain) { -100 + 50 / (1 + $0[0]) + 60 / pow(1 + $0[0], 2) }
        drawwise(s, "npv(10%, [-100, 50, f])", ["f"], .plain) { -100 + 50 / 1.1 + $0[0] / 1.21 }
        drawwise(s, "npv(10%, [-$100M, $50M, mx])", ["mx"], .money("USD")) { -100e6 + 50e6 / 1.1 + $0[0] / 1.21 }
    }

    @Test func irr() throws {
        let s = try Self.session()
        // numpy-financial 1.0: npf.irr([-100, 50, 60]) = 0.0639410298049854, and the closed form
        // 1 / x - 1 with 60x^2 + 50x - 100 = 0, x = (-50 + sqrt(26500)) / 120.
        let closed = 1 / ((-50 + 26_500.0.squareRoot()) / 120) - 1
        #expect(close(closed, 0.0639410298049854, relative: 1e-12))
        check(s, "irr([-100, 50, 60])", closed, .percent, printed: "6.4%")
        check(s, "irr([-100, 10, 10, 10, 10, 110])", 0.1, .percent, printed: "10%")  // npf: 0.09999999999999987
        // Money flows give a percent: npf.irr([-1e9, 3e8, 4e8, 5e8]) = 0.08896339469335035.
        check(s, "irr([-$1B, $300M, $400M, $500M])", 0.08896339469335035, .percent, printed: "8.9%")
        fails(s, "irr([100, 50])", "these flows have no rate of return")
        // Issue 18: flows whose last value turns negative have two rates, -24.41% and -92.86%
        // (numpy.roots: x = 1.32288 and 14.0099, rate = 1/x - 1); numpy-financial 1.0 returns the
        // one closest to 0, -0.24407463687783726. A bisection between two fixed ends missed both.
        check(s, "irr([-178.5, 79.1, 47.1, -3.7])", -0.24407463687783726, .percent, printed: "-24.4%")
        drawwise(s, "irr([-100, 50, f])", ["f"], .percent) { draw in
            1 / ((-50 + (2_500 + 400 * draw[0]).squareRoot()) / (2 * draw[0])) - 1
        }
    }

    @Test func doublingTime() throws {
        let s = try Self.session()
        // ln 2 / ln 1.5 = 1.7095 years; ln 2 / ln 1.07 = 10.245 years.
        check(s, "doubling_time(50%)", log(2) / log(1.5), .unit("year"), printed: "1.71 years")
        check(s, "doubling_time(7%)", log(2) / log(1.07), .unit("year"), printed: "10.24 years")
        drawwise(s, "doubling_time(r)", ["r"], .unit("year")) { log(2) / log(1 + $0[0]) }
        fails(s, "doubling_time(0%)", "division by zero")
        fails(s, "doubling_time($1B)", "error")
    }

    // MARK: - CoreBuiltins

    @Test func failNoneTypeOf() throws {
        let s = try Self.session()
        fails(s, "fail(\"the model needs a cash fact\")", "error: the model needs a cash fact")
        fails(s, "fail(3)", "'fail' needs a string, found a number")
        guard case .none(let reason) = try s.evaluate("none(\"nothing burns\")") else {
            Issue.record("none(...) is not a missing value")
            return
        }
        #expect(reason == "nothing burns")
        let types = ["$1B": "money", "12%": "a percentage", "3x": "a multiple", "12": "a number", "x": "an uncertain number",
                     "\"a\"": "a string", "x > 1.5B": "an uncertain condition", "T.revenue[2024..2025]": "a series"]
        for (expr, name) in types.sorted(by: { $0.key < $1.key }) {
            #expect(s.format(try s.evaluate("type_of(\(expr))")) == name, "type_of(\(expr))")
        }
    }

    // MARK: - MathBuiltins

    @Test func absKeepsTheKind() throws {
        let s = try Self.session()
        check(s, "abs(-$3B)", 3e9, .money("USD"), printed: "$3B")
        check(s, "abs(-12%)", 0.12, .percent, printed: "12%")
        check(s, "abs(-2.5x)", 2.5, .multiple, printed: "2.5x")
        check(s, "abs(-7)", 7, .plain, printed: "7")
        drawwise(s, "abs(s)", ["s"], .plain) { abs($0[0]) }
        fails(s, "abs(\"x\")", "'abs' needs a number, found a string")
    }

    @Test func roundFloorCeilKeepTheKind() throws {
        let s = try Self.session()
        // Money rounds to whole units of the currency, or to n decimals.
        check(s, "round($1.5B)", 1.5e9, .money("USD"), printed: "$1.5B")
        check(s, "round($1.236, 2)", 1.24, .money("USD"), printed: "$1.24")
        check(s, "round($41667.4)", 41_667, .money("USD"), printed: "$41,667")
        // A percent is the number it stands for (12.345% is 0.12345): 3 decimals give 0.123.
        check(s, "round(12.345%, 3)", 0.123, .percent, printed: "12.3%")
        check(s, "round(2.345x, 1)", 2.3, .multiple, printed: "2.3x")
        check(s, "round(1234.5678, -2)", 1200, .plain, printed: "1200")
        check(s, "floor($1.7)", 1, .money("USD"), printed: "$1")
        check(s, "ceil($1.2)", 2, .money("USD"), printed: "$2")
        check(s, "floor(12.7%)", 0, .percent, printed: "0%")
        check(s, "ceil(-2.5)", -2, .plain, printed: "-2")
        drawwise(s, "round(x / 1M)", ["x"], .plain) { ($0[0] / 1e6).rounded() }
        drawwise(s, "floor(s)", ["s"], .plain) { $0[0].rounded(.down) }
        drawwise(s, "ceil(mx / 1M)", ["mx"], .money("USD")) { ($0[0] / 1e6).rounded(.up) }
        check(s, "ceil(2.1x)", 3, .multiple, printed: "3x")
        fails(s, "round($1.5, 0.5)", "whole number of decimals")
        fails(s, "round(1, 2, 3)", "takes 1 or 2 arguments")
    }

    @Test func rootsLogarithmsExponentials() throws {
        let s = try Self.session()
        check(s, "sqrt(16)", 4, .plain, printed: "4")
        check(s, "sqrt(25%)", 0.5, .percent, printed: "50%")  // sqrt(0.25) = 0.5
        check(s, "ln(2.718281828459045)", 1, .plain, printed: "1")
        check(s, "ln(150%)", log(1.5), .plain, printed: "0.405465")  // a percent is 1.5: plain out
        check(s, "log10(1000)", 3, .plain, printed: "3")
        check(s, "exp(10%)", exp(0.1), .plain, printed: "1.10517")
        drawwise(s, "sqrt(x / 1B)", ["x"], .plain) { ($0[0] / 1e9).squareRoot() }
        drawwise(s, "ln(x)", ["x"], .plain) { log($0[0]) }
        drawwise(s, "log10(x)", ["x"], .plain) { log10($0[0]) }
        drawwise(s, "exp(s)", ["s"], .plain) { exp($0[0]) }
        // Money has no square root or logarithm; a draw below zero has no real one.
        fails(s, "sqrt($4)", "'sqrt' needs a plain number, found money")
        fails(s, "ln($1B)", "'ln' needs a plain number, found money")
        fails(s, "sqrt(-1)", "'sqrt' of a negative number")
        fails(s, "sqrt(s)", "'sqrt' of a negative number")
        fails(s, "ln(0)", "'ln' of zero")
        fails(s, "log10(s)", "'log10' of a negative number")
        fails(s, "exp(1000)", "not a finite number")
    }

    @Test func minAndMax() throws {
        let s = try Self.session()
        check(s, "min($1B, $2B, $500M)", 5e8, .money("USD"), printed: "$500M")
        check(s, "max(0, -$5B)", 0, .money("USD"), printed: "$0")  // a plain 0 among money is money
        check(s, "max(10%, 5%)", 0.1, .percent, printed: "10%")
        check(s, "min(2.5x, 3x)", 2.5, .multiple, printed: "2.5x")
        check(s, "max([1, 5, 3])", 5, .plain, printed: "5")
        check(s, "max(T.revenue[2024..2026])", 4e9, .money("USD"), printed: "$4B")
        drawwise(s, "max(0, mx - $1.5B)", ["mx"], .money("USD")) { max(0, $0[0] - 1.5e9) }
        drawwise(s, "min(x, 1.5B)", ["x"], .plain) { min($0[0], 1.5e9) }
        fails(s, "max($1B, 10 GW)", "cannot compare")
        fails(s, "min()", "needs at least one number")
    }

    // MARK: - ListBuiltins

    @Test func sumMeanCountRange() throws {
        let s = try Self.session()
        check(s, "sum([$1B, $2B])", 3e9, .money("USD"), printed: "$3B")
        check(s, "sum([10%, 20%])", 0.3, .percent, printed: "30%")
        check(s, "sum(1, 2, 3)", 6, .plain, printed: "6")
        check(s, "sum(T.revenue[2024..2026])", 7e9, .money("USD"), printed: "$7B")
        check(s, "mean([10%, 20%])", 0.15, .percent, printed: "15%")
        check(s, "mean($1B, $3B)", 2e9, .money("USD"), printed: "$2B")
        check(s, "mean(T.revenue[2024..2026])", 7e9 / 3, .money("USD"), printed: "$2.333B")
        drawwise(s, "sum([x, 1B])", ["x"], .plain) { $0[0] + 1e9 }
        drawwise(s, "mean([mx, $3B])", ["mx"], .money("USD")) { ($0[0] + 3e9) / 2 }
        // The mean of one uncertain number is the mean of its draws, a certain number.
        let draws = try #require(drawsIn(try s.evaluate("mx")))
        check(s, "mean(mx)", draws.reduce(0, +) / Double(draws.count), .money("USD"))
        fails(s, "mean([])", "'mean' of nothing")
        fails(s, "sum([$1B, 10 GW])", "error")
        check(s, "count([1, 2, 3])", 3, .plain)
        check(s, "count(T.revenue[2024..2026])", 3, .plain)
        check(s, "count(2024..2030)", 7, .plain)
        check(s, "count(\"abc\")", 3, .plain)
        fails(s, "count(5)", "'count' needs a list, found a number")
        #expect(s.format(try s.evaluate("range(2024, 2030)")) == "2024..2030")
        check(s, "count(range(2024, 2030))", 7, .plain)
        fails(s, "range(2030, 2024)", "this range is empty")
        fails(s, "range(2024.5, 2030)", "whole number")
    }

    // MARK: - UncertaintyBuiltins

    /// The p-th percentile of `values` as Burn defines it (linear between ranks, as numpy).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = p / 100 * Double(sorted.count - 1)
        let lo = Int(position.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo))
    }

    @Test func distributionsKeepTheirKind() throws {
        let s = try Self.session()
        for (expr, kind) in [("normal($1B, $100M)", ValueKind.money("USD")), ("uniform(10%, 20%)", .percent),
                             ("lognormal(2x, 3x)", .multiple), ("normal(0, 1)", .plain)] {
            let value = try s.evaluate(expr)
            #expect(ValueKind(value) == kind, "\(expr)")
            #expect(drawsIn(value)?.count == 2000, "\(expr)")
        }
        // 2,000 draws: the mean within 4 standard errors, the 90% interval within a few percent.
        let n = try #require(drawsIn(try s.evaluate("normal($1B, $100M)")))
        let mean: Double = n.reduce(0, +) / 2000
        let standardError: Double = 1e8 / 2000.0.squareRoot()
        #expect(abs(mean - 1e9) < 4 * standardError)
        let u = try #require(drawsIn(try s.evaluate("uniform(10%, 20%)")))
        #expect(u.allSatisfy { $0 >= 0.1 && $0 < 0.2 })
        let l = try #require(drawsIn(try s.evaluate("lognormal(2x, 3x)")))
        let p5: Double = Self.percentile(l, 5), p95: Double = Self.percentile(l, 95)
        #expect(abs(p5 - 2) < 0.1 && abs(p95 - 3) < 0.15)
        fails(s, "normal(1, -1)", "standard deviation cannot be negative")
        fails(s, "uniform(2, 1)", "needs a below b")
        fails(s, "lognormal(2, 1)", "needs 0 < p5 < p95")
    }

    @Test func probabilitiesAndPercentiles() throws {
        let s = try Self.session()
        let x = try #require(drawsIn(try s.evaluate("x")))
        let mx = try #require(drawsIn(try s.evaluate("mx")))
        // P: the share of draws where the condition holds, as a percent.
        check(s, "P(x > 1.5B)", Double(x.filter { $0 > 1.5e9 }.count) / 2000, .percent)
        check(s, "P(true)", 1, .percent, printed: "100%")
        fails(s, "P(1)", "P needs a condition")
        // percentile, p5, p95 keep the kind (money stays money).
        check(s, "percentile(mx, 90)", Self.percentile(mx, 90), .money("USD"))
        check(s, "p5(mx)", Self.percentile(mx, 5), .money("USD"))
        check(s, "p95(x)", Self.percentile(x, 95), .plain)
        check(s, "p5(3)", 3, .plain)
        fails(s, "percentile(x, 150)", "between 0% and 100%")
        check(s, "percentile(mx, 90%)", Self.percentile(mx, 90), .money("USD"))
        fails(s, "percentile(x, 0.9)", "%")
    }
}

// SessionTests: the embedding API of LANGUAGE.md section 11, as a host program uses it.
import BurnModel
import Testing
@testable import BurnKit

@Suite struct SessionTests {
    @Test func evaluatesWithTheStandardLibrary() throws {
        let session = Session()
        #expect(session.format(try session.evaluate("cagr(3.7B, 98.7B, 4)")) == "127.3%")
    }

    @Test func outputGoesToTheSink() throws {
        let session = Session()
        let printed = OutputBuffer()
        session.output = printed.append
        try session.run(source: "let x = 2\nx * 21\n")
        #expect(printed.text == "42\n")
    }

    @Test func hostFunctions() throws {
        let session = Session()
        session.define("triple", arity: 1) { args in
            guard case .number(let x) = args[0] else { return .none("?") }
            return .number(x * 3)
        }
        #expect(session.format(try session.evaluate("triple(14)")) == "42")
    }

    @Test func errorsRenderWithACaret() {
        let session = Session()
        do {
            _ = try session.evaluate("1 +\n  nope", name: "host.burn")
            Issue.record("expected an error")
        } catch {
            let text = session.render(error)
            #expect(text.contains("error: unknown name 'nope'"))
            #expect(text.contains(" --> host.burn:2:3"))
            #expect(text.contains("  |   ^^^^"))
        }
    }

    @Test func limitsStopRunawayRecursion() throws {
        let session = Session()
        session.limits = Limits(steps: 10_000, depth: 50, seconds: 2)
        #expect(throws: BurnError.self) { try session.evaluate("fn f(n) = f(n + 1)\nf(0)") }
        #expect(throws: BurnError.self) { try session.evaluate("fn g(n) = if n == 0 then 0 else g(n - 1)\ng(100)") }
        #expect(session.format(try session.evaluate("g(40)")) == "0")
    }

    @Test func importsNeedPermission() {
        let session = Session()
        do {
            try session.run(source: "import \"other.burn\"", name: "/tmp/main.burn")
            Issue.record("expected an error")
        } catch {
            #expect(session.render(error).contains("may not read"))
        }
    }

    @Test func aFailedRunChangesNothing() throws {
        let session = Session()
        try session.run(source: "let a = 1")
        #expect(throws: BurnError.self) { try session.run(source: "let a = 2\n1 / 0") }
        // A run is transactional, as a REPL cell is: `let a = 2` before the error is undone.
        #expect(session.format(try session.evaluate("a")) == "1")
    }
}

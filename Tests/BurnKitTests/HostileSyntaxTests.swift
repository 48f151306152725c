// HostileSyntaxTests: garbage in a source gives a few readable errors, not one per byte each
// printing the whole line (issue 16: 10,000 NUL bytes printed 10,000 copies of a 10,000-byte
// line, for minutes).
import Testing
@testable import BurnKit

@Suite struct HostileSyntaxTests {
    @Test func aRunOfUnexpectedCharactersIsOneError() {
        let (_, diagnostics) = Parser.parse(source(String(repeating: "\0", count: 10_000)))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "unexpected character (byte 0x0)")
        #expect(diagnostics.first?.span.start == 0)
        #expect(diagnostics.first?.span.end == 10_000)
    }

    @Test func unexpectedCharactersApartAreSeparateErrors() {
        let (_, diagnostics) = Parser.parse(source("1 \u{1} + \u{1}\n"))
        #expect(diagnostics.filter { $0.message.hasPrefix("unexpected character") }.count == 2)
    }

    /// 200 lines of garbage: 50 errors and a last one counting the other 150.
    @Test func atMostFiftySyntaxErrorsAreReported() {
        let (_, diagnostics) = Parser.parse(source(String(repeating: "\u{1}\n", count: 200)))
        #expect(diagnostics.count == 51)
        #expect(diagnostics.last?.message == "150 more syntax errors")
    }

    @Test func aLongLineIsCutAroundTheCaret() {
        let line = String(repeating: "a", count: 1_000) + "@" + String(repeating: "b", count: 1_000)
        let w = DiagnosticRenderer.window(of: line, column: 1_001, carets: 1)
        // The window starts 53 characters before the caret (160 / 3), after a `…`.
        #expect(w.text.count == 1 + 160 + 1)
        #expect(w.text.hasPrefix("…a") && w.text.hasSuffix("b…"))
        #expect(Array(w.text)[w.column - 1] == "@")
        #expect(w.carets == 1)
    }

    @Test func caretsStopAtTheWindow() {
        let line = String(repeating: "x", count: 10_000)
        let w = DiagnosticRenderer.window(of: line, column: 1, carets: 10_000)
        #expect(w.column == 1)
        #expect(w.carets == 160)
        #expect(w.text.count == 161)  // 160 characters and the `…` after them
    }

    @Test func aShortLineIsShownWhole() {
        let w = DiagnosticRenderer.window(of: "revnue[2024] = 3.7B", column: 1, carets: 6)
        #expect(w.text == "revnue[2024] = 3.7B" && w.column == 1 && w.carets == 6)
    }
}

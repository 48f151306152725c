// Terminal: standard streams, whether they are terminals, and whether to use colour.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import BurnKit

struct Terminal {
    let inputIsTerminal = isatty(0) == 1
    let outputIsTerminal = isatty(1) == 1
    /// Colour on a terminal only, never with NO_COLOR set (https://no-color.org).
    var errorColor: Bool { isatty(2) == 1 && getenv("NO_COLOR") == nil }
    var outputColor: Bool { outputIsTerminal && getenv("NO_COLOR") == nil }

    func write(_ text: String) { Terminal.put(text, stdout) }

    func error(_ text: String) {
        fflush(stdout)
        Terminal.eraseProgress()
        Terminal.put(text, stderr)
        fflush(stderr)
    }

    /// Writes every byte of `text`: `fputs` would stop at a NUL (`"a\0b"` printed `a`).
    static func put(_ text: String, _ stream: UnsafeMutablePointer<FILE>?) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stream) }
    }

    func flushOutput() { fflush(stdout) }

    /// A session that may read and write files anywhere, printing to standard output. With
    /// `progress`, a simulation that runs over a second shows how far it is on standard error,
    /// when that is a terminal (never in a pipe or a file).
    func makeSession(progress: Bool = true) -> Session {
        let session = Session()
        session.files = .everywhere
        session.output = { Terminal.put($0, stdout) }
        if progress && isatty(2) == 1 { session.progress = Terminal.showProgress }
        return session
    }

    /// `simulating… 42%` on one line of standard error, rewritten in place, and erased at 1.
    static func showProgress(_ share: Double) {
        fflush(stdout)
        if share >= 1 {
            eraseProgress()
        } else {
            fputs("\rsimulating… \(Int(share * 100))%", stderr)
            progressShown = true
        }
        fflush(stderr)
    }

    /// Whether a progress line is on the terminal (only the evaluating thread writes it,
    /// while the REPL's thread waits for the evaluation).
    nonisolated(unsafe) private static var progressShown = false

    /// Erases a progress line a simulation left when it stopped short (an error, Ctrl-C);
    /// true when there was one.
    @discardableResult
    static func eraseProgress() -> Bool {
        guard progressShown else { return false }
        fputs("\r\u{1B}[K", stderr)
        fflush(stderr)
        progressShown = false
        return true
    }
}

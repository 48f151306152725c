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

    func write(_ text: String) { fputs(text, stdout) }

    func error(_ text: String) {
        fflush(stdout)
        fputs(text, stderr)
        fflush(stderr)
    }

    func flushOutput() { fflush(stdout) }

    /// A session that may read and write files anywhere, printing to standard output.
    func makeSession() -> Session {
        let session = Session()
        session.files = .everywhere
        session.output = { fputs($0, stdout) }
        return session
    }
}

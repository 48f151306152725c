// ProgressReporter: turns the model's slice-by-slice progress into what a host shows: nothing
// for evaluations that end within a second, then the share done, and 1 when it is over.

final class ProgressReporter {
    /// Evaluations shorter than this show no progress at all.
    static let delay: UInt64 = 1_000_000_000
    /// Where the share done (0...1) goes; 1 means "over, clear the line".
    var show: ((Double) -> Void)?
    private var started: UInt64 = 0
    private var shown = false

    func report(done: Int, total: Int) {
        guard let show else { return }
        let now = Clock.nanoseconds()
        if done == 0 {
            started = now
            shown = false
            return
        }
        if done >= total {
            if shown { show(1) }
            shown = false
            return
        }
        if shown || now &- started > ProgressReporter.delay {
            shown = true
            show(Double(done) / Double(total))
        }
    }
}

// Program: an uncertain question compiled once from its first slice of draws, then run over
// every other slice: the cells in order, each the way the first slice found it, each dropped
// as soon as no later step reads it, so a slice holds only the cells still needed.

/// The steps of a question. A step's cell is worked out by the plan's method for it (no
/// identity is probed again); a certain value or an unknown is kept as the first slice found
/// it, since it does not depend on the draws. The answers are handed over at their own step.
struct Program {
    let order: [CellKey]
    /// The first slice's entry for a step that does not depend on the draws, nil otherwise.
    let fixed: [Entry?]
    /// The steps whose cells no step after this one reads.
    let drops: [[Int]]
    /// The answers (positions in the question's keys) finished at each step.
    let answersAt: [[Int]]
    /// The steps as a flat program of loops over draws, when the model works out every one.
    var kernel: Kernel?

    /// Compiles the steps `tracer` saw for `answers` (positions in `keys`, the answers later
    /// slices are needed for); nil when one was not kept as a step
    /// (the question is then asked slice by slice the slow way). `keepAll`: drop nothing
    /// (the caller reads more cells from the slice afterwards).
    init?(_ tracer: Tracer, keys: [CellKey], answers: [Int], keepAll: Bool) {
        order = tracer.order
        var answersAt = [[Int]](repeating: [], count: order.count)
        for a in answers {
            guard let step = tracer.step(of: keys[a]) else { return nil }
            answersAt[step].append(a)
        }
        self.answersAt = answersAt
        fixed = tracer.entries.indices.map { tracer.fixed[$0] ? tracer.entries[$0] : nil }
        var drops = [[Int]](repeating: [], count: order.count)
        if !keepAll {
            for (step, last) in tracer.lastUse.enumerated() { drops[last].append(step) }
        }
        self.drops = drops
    }

    /// The slice width for `threads` slices at once: the usual width, narrower when the
    /// answers would hold more than `Model.answerBudget` draws (never under 1,024).
    func widthFor(threads: Int) -> Int {
        min(Model.sliceWidth, max(1024, Model.answerBudget / (answerCount * threads)))
    }

    /// The answers a slice hands over (at least 1).
    var answerCount: Int { max(1, answersAt.reduce(0) { $0 + $1.count }) }

    /// Whether running `draws` more draws is long enough to pay for other threads: a kernel
    /// does a draw of an operation in about a nanosecond, and waking a thread costs some tens
    /// of microseconds (a portfolio asked cell by cell is a thousand small questions).
    func worthThreads(draws: Int) -> Bool {
        guard let kernel else { return true }
        return kernel.ops.count * draws >= Program.threadsWorth
    }

    /// Operations times draws from which a kernel's slices are shared between the threads.
    static let threadsWorth = 1 << 20

    /// Works out every step for `evaluator`'s lanes; `answer(a)` is called once the cell of
    /// answer `a` is in the evaluator's memo.
    func run(_ evaluator: Evaluator, answer: (Int) throws -> Void) throws {
        if let kernel, try kernel.run(evaluator, answer: answer) { return }
        let memo = evaluator.memo
        for i in order.indices {
            if let entry = fixed[i] {
                memo.set(order[i], .done(entry))
            } else if case .empty = memo.slot(order[i]) {
                // A real error is kept in the memo, for the answer that reads this cell to report.
                do { _ = try evaluator.lookup(order[i]) } catch where stopsEvaluation(error) { throw error } catch {}
            }
            for a in answersAt[i] { try answer(a) }
            for j in drops[i] { memo.set(order[j], .empty) }
        }
    }
}

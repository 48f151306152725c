// ParallelSlices: the slices of a compiled question run two (or more) at a time, one per
// core. A slice's draws are its own, so the answers have the same bits as one thread gives.

/// Thrown on a worker thread by a step that needs the language (a formula it must evaluate):
/// the slice is then run again on the calling thread.
struct NeedsOneThread: Error, StopsEvaluation {
    var stopsEvaluation: Bool { true }
}

/// What one slice gave: its answers in the order the program finished them, or its error.
struct SliceResult<R> {
    var answers: [(Int, R)] = []
    var error: Error?
    var work = 0
    var tripped = false
}

extension Model {
    /// Runs `program` over the slices `batch` at once, a thread each, with `read` taking each
    /// answer from its slice. Workers only read the plan and answer to monitors of their own,
    /// which ask the caller's whether to stop; the caller counts their work after.
    func runBatch<R>(_ program: Program, _ batch: [Range<Int>], plan: Plan,
                     read: (Evaluator, Int) throws -> R) -> [SliceResult<R>] {
        var results = [SliceResult<R>](repeating: SliceResult(), count: batch.count)
        let stop = monitor?.shouldStop
        results.withUnsafeMutableBufferPointer { out in
            let slots = out
            Parallel.each(batch.count) { i in slots[i] = runSlice(program, batch[i], plan: plan, stop: stop, read: read) }
        }
        return results
    }

    private func runSlice<R>(_ program: Program, _ lanes: Range<Int>, plan: Plan, stop: (() -> Bool)?,
                             read: (Evaluator, Int) throws -> R) -> SliceResult<R> {
        // A stop asked while the batch runs: the slices not started yet are not started (a
        // batch holds several slices a thread, and each would run a block of draws first).
        var result = SliceResult<R>()
        if stop?() == true {
            result.tripped = true
            return result
        }
        let watch = Monitor()
        watch.shouldStop = stop
        var worker = self
        worker.monitor = watch
        let saved = KernelWatch.install(watch)
        defer { KernelWatch.restore(saved) }
        let evaluator = Evaluator(worker, lanes: lanes, plan: plan)
        evaluator.shared = true
        do {
            try program.run(evaluator) { a in result.answers.append((a, try read(evaluator, a))) }
        } catch {
            result.error = error
        }
        result.work = evaluator.work
        result.tripped = watch.tripped
        return result
    }
}

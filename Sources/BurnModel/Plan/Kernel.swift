// Kernel: a compiled question as a flat program of loops over buffers of draws. The cells
// the model works out itself (uncertain facts, growth rules, identities, sums of metrics)
// become operations on reused buffers: no memo, no frames, no `Quantity` per cell; only the
// answers are handed over as cells (or, for a year search, the year of each draw). A question
// with any other cell keeps the `Program`, which asks the evaluator for each cell.

/// A question's cells as operations on buffers of a slice's draws (see `KernelCompiler`).
struct Kernel {
    /// The operations, in the order of the steps they work out.
    let ops: [KernelOp]
    /// The stored inputs read at the slice's lanes (every draw of the model each).
    let inputs: [[Double]]
    /// The inputs made block by block as they are read (`drawn` operations), by number.
    let streams: [any DrawStream]
    /// Buffers a run needs at once (a slot is reused once no later step reads it).
    let slotCount: Int
    /// The answers, in the order of their steps.
    let answers: [KernelAnswer]
    /// Cells one run works out (counted as steps by the monitor).
    let cellCount: Int
    /// Set when the kernel searches years (`mark` operations) instead of keeping answers.
    var search: KernelSearch?
    /// Where a searching kernel writes each draw's year, for every draw of the model (a slice
    /// at its lanes): the question's answer itself, so the slices' years are never copied
    /// into it on the calling thread. Nil: an array per slice.
    var years: UnsafeMutablePointer<Double>?

    /// `ops` with the runs `KernelFusion` joins fused.
    init(ops: [KernelOp], inputs: [[Double]], streams: [any DrawStream] = [], slotCount: Int,
         answers: [KernelAnswer], cellCount: Int) {
        self.ops = KernelFusion.fused(ops)
        self.inputs = inputs
        self.streams = streams
        self.slotCount = slotCount
        self.answers = answers
        self.cellCount = cellCount
    }

    /// Draws worked out at a time: every operation runs over a block before the next block,
    /// so the buffers stay in the cache; wide, so that going from one operation to the next
    /// (a few dozen nanoseconds) is small beside its loop. A power of two from 512 to 4,096
    /// draws, so that the buffers and a block of each input hold about 32 KB, a core's first
    /// cache here (64 KB blocks spilled to the second: mc 0.3 ms slower a question). A stop is
    /// heard every `KernelWatch.stride` draws, which every block size divides.
    var block: Int {
        let fits = (1 << 12) / max(1, slotCount + inputs.count)
        var size = 512
        while size < 4096, size * 2 <= fits { size *= 2 }
        return size
    }

    /// Runs the kernel over `evaluator`'s lanes and hands over the answers (each put in the
    /// evaluator's memo, then `answer(a)`). False, before any answer, when an operation stops
    /// it: the caller works the slice out step by step instead.
    func run(_ evaluator: Evaluator, answer: (Int) throws -> Void) throws -> Bool {
        guard let lanes = evaluator.lanes else { return false }
        let width = lanes.count, block = self.block
        // Slots a cache line more apart than a block: buffers at the same offset in 4 KB
        // pages would compete for the same cache sets.
        let stride = block + 8
        let slots = UnsafeMutablePointer<Double>.allocate(capacity: max(1, slotCount * stride))
        defer { slots.deallocate() }
        // Each answer's draws, written block by block (every draw is written before it is read).
        var kept = [[Double]](repeating: [], count: answers.count)
        for op in ops {
            if case .keep(_, let a) = op { kept[a] = [Double](unsafeUninitializedCapacity: width) { $1 = width } }
        }
        var years = search == nil || self.years != nil ? [] : [Double](repeating: .infinity, count: width)
        let inPlace = search == nil ? nil : self.years.map { $0 + lanes.lowerBound }
        inPlace?.update(repeating: .infinity, count: width)
        let cursors = streams.map { $0.cursor(at: lanes.lowerBound) }
        let finished = try withInputs(at: lanes.lowerBound) { inputs -> Bool in
            try years.withUnsafeMutableBufferPointer { years -> Bool in
                try runBlocks(width: width, slots: slots, stride: stride, inputs: inputs, cursors: cursors,
                              years: inPlace ?? years.baseAddress, kept: &kept, evaluator: evaluator)
            }
        }
        guard finished else { return false }
        try evaluator.countWork(cellCount)
        if let search {
            if let inPlace {
                let through = search.finish(UnsafeMutableBufferPointer(start: inPlace, count: width))
                evaluator.searched = ([], through)
            } else {
                evaluator.searched = search.result(consume years)
            }
            try answer(search.answer)
            return true
        }
        for (i, found) in answers.enumerated() {
            let draws = kept[i]
            kept[i] = []
            try found.deliver(draws, evaluator: evaluator, answer: answer)
        }
        return true
    }

    /// Runs every operation over a block of the slice's draws, block after block; false when
    /// an operation stops the kernel. `kept` receives the answers' draws.
    private func runBlocks(width: Int, slots: UnsafeMutablePointer<Double>, stride: Int, inputs: [UnsafePointer<Double>],
                           cursors: [any DrawCursor], years: UnsafeMutablePointer<Double>?, kept: inout [[Double]],
                           evaluator: Evaluator) throws -> Bool {
        let block = self.block
        return try ops.withUnsafeBufferPointer { ops -> Bool in
            var done = 0
            while done < width {
                let n = min(block, width - done)
                let buffers = KernelBuffers(slots: slots, width: n, stride: stride, inputs: inputs, offset: done,
                                            cursors: cursors, years: years.map { $0 + done })
                for op in ops {
                    if case .keep(let operand, let a) = op {
                        kept[a].withUnsafeMutableBufferPointer { out in
                            (out.baseAddress! + done).update(from: buffers.pointer(operand)!, count: n)
                        }
                    } else if !op.run(buffers) {
                        return false
                    }
                }
                done += n
                // A stop (an interruption, a deadline) is heard between blocks.
                if done < width, done & (KernelWatch.stride - 1) == 0, KernelWatch.shouldStop() {
                    try evaluator.model.monitor?.checkNow()
                    throw EvaluationStopped()
                }
            }
            return true
        }
    }

    /// The stored inputs' addresses at draw `offset`, valid inside `body`.
    private func withInputs<R>(at offset: Int, _ body: ([UnsafePointer<Double>]) throws -> R) throws -> R {
        var pointers: [UnsafePointer<Double>] = []
        pointers.reserveCapacity(inputs.count)
        for input in inputs {
            // The arrays live as long as the kernel: their storage does not move meanwhile.
            input.withUnsafeBufferPointer { pointers.append($0.baseAddress! + offset) }
        }
        return try withExtendedLifetime(inputs) { try body(pointers) }
    }
}

/// An answer of a kernel: a step's cell, handed over as the evaluator would have kept it.
struct KernelAnswer {
    let key: CellKey
    /// The cell as the first slice found it: a certain value or an unknown is the same in
    /// every slice; for draws, its unit, display and method.
    let entry: Entry
    /// Whether its draws are the kernel's (kept by a `keep` operation), else the entry is the answer.
    let drawn: Bool
    /// The positions of the question's answers.
    let answers: [Int]

    func deliver(_ draws: [Double], evaluator: Evaluator, answer: (Int) throws -> Void) throws {
        var found = entry
        if drawn, case .value(var q) = entry.result {
            q.draws = Draws(draws)
            found = Entry(result: .value(q), how: entry.how, inputs: [], context: [:])
        }
        evaluator.memo.set(key, .done(found))
        for a in answers { try answer(a) }
        evaluator.memo.set(key, .empty)
    }
}

/// A kernel that searches years: each year's cell marked in the slice's years as soon as it is
/// worked out, rather than handed over, as `Model.searchSlice` marks them.
struct KernelSearch {
    /// The last year searched.
    let until: Int
    /// The year of the first unknown cell, where the search stops.
    let stop: Int?
    /// The position of the question's answer the result is handed over as.
    let answer: Int

    /// The slice's years per draw (NaN: none) and the last year the search reached.
    func result(_ years: consuming [Double]) -> (years: [Double], through: Int) {
        let through = years.withUnsafeMutableBufferPointer { finish($0) }
        return (years, through)
    }

    /// Marks the draws of `years` with no year yet as none (NaN); the last year the search reached.
    func finish(_ years: UnsafeMutableBufferPointer<Double>) -> Int {
        var remaining = 0
        for i in years.indices where years[i] == .infinity {
            years[i] = .nan
            remaining &+= 1
        }
        return remaining == 0 ? until : (stop.map { $0 - 1 } ?? until)
    }
}

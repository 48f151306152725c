// LaneSum: a sum of terms over draws, worked out a block of draws at a time: the block stays
// in the first-level cache while every term is added to it, so the sum makes one trip through
// memory however many terms it has.

/// `start + k₁·x₁ + k₂·x₂ + …` draw by draw, each term added in the order given (so the result
/// has the bits of adding the terms one at a time), then optionally divided. Counts the
/// infinite results as it goes.
public struct LaneSum {
    /// One term: draws times a factor, or an amount added to every draw.
    public enum Term {
        case draws(Double, Draws)
        case constant(Double)
    }

    /// The term the sum starts from.
    public let start: Term
    /// The terms added to `start`, in order.
    public let terms: [Term]
    /// Divides the sum at the end (adding 0, so that -0 prints as 0); nil: no division.
    public let divisor: Double?

    /// A sum of `start` and `terms` in order, divided by `divisor` at the end if given.
    public init(_ start: Term, _ terms: [Term], divisor: Double? = nil) {
        self.start = start
        self.terms = terms
        self.divisor = divisor
    }

    /// Draws per block: 512 draws (4 KB) of the result and of each term fit the cache together.
    static let block = 512

    /// The sum, draw by draw, over the draws every term has.
    public func evaluate() -> Draws {
        var arrays: [[Double]] = []
        if case .draws(_, let d) = start { arrays.append(d.values) }
        for case .draws(_, let d) in terms { arrays.append(d.values) }
        let n = arrays.map(\.count).min() ?? 0
        var infinities = 0
        let values = [Double](unsafeUninitializedCapacity: n) { out, count in
            withUnsafeTemporaryAllocation(of: UnsafePointer<Double>.self, capacity: arrays.count) { pointers in
                LaneSum.address(arrays, from: 0, into: pointers) {
                    guard let o = out.baseAddress else { return }
                    infinities = run(pointers, into: o, n)
                }
            }
            count = n
        }
        return Draws(values, infinities: infinities)
    }

    /// Puts the base address of each of `arrays[from...]` in `pointers`, valid inside `body`.
    private static func address(_ arrays: [[Double]], from i: Int, into pointers: UnsafeMutableBufferPointer<UnsafePointer<Double>>,
                                _ body: () -> Void) {
        guard i < arrays.count else { return body() }
        arrays[i].withUnsafeBufferPointer { buffer in
            // An empty array has no address; no draw of it is read (the sum is as short).
            pointers[i] = buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Double>.alignment)!
            address(arrays, from: i + 1, into: pointers, body)
        }
    }

    /// Writes the sum into `o`, block by block; returns how many results are infinite.
    private func run(_ pointers: UnsafeMutableBufferPointer<UnsafePointer<Double>>, into o: UnsafeMutablePointer<Double>,
                     _ n: Int) -> Int {
        // Each term as a factor and the draws it scales (nil for an amount).
        var next = 0
        func step(_ term: Term) -> (k: Double, x: UnsafePointer<Double>?) {
            switch term {
            case .draws(let k, _):
                next += 1
                return (k, pointers[next - 1])
            case .constant(let c):
                return (c, nil)
            }
        }
        let first = step(start)
        let steps = terms.map(step)
        var infinities = 0, low = 0
        while low < n {
            let high = Swift.min(n, low + LaneSum.block)
            LaneSum.set(o, first, low, high)
            for s in steps { LaneSum.add(o, s, low, high) }
            if let divisor { LaneSum.divide(o, by: divisor, low, high) }
            infinities &+= LaneSum.countInfinities(o, low, high)
            low = high
            // Every `KernelWatch.stride` draws, a question to the watch: a stop leaves the
            // rest without a value (the evaluation throws before it keeps the sum).
            if low & (KernelWatch.stride - 1) == 0, low < n, KernelWatch.shouldStop() {
                Draws.fillNoValue(o, from: low, to: n)
                break
            }
        }
        return infinities
    }

    // The loops below are separate functions with plain `let`s and wrapping steps, so each
    // is vectorized.

    private static func set(_ o: UnsafeMutablePointer<Double>, _ step: (k: Double, x: UnsafePointer<Double>?),
                            _ low: Int, _ high: Int) {
        let k = step.k
        var i = low
        if let x = step.x {
            while i < high {
                o[i] = k * x[i]
                i &+= 1
            }
        } else {
            while i < high {
                o[i] = k
                i &+= 1
            }
        }
    }

    private static func add(_ o: UnsafeMutablePointer<Double>, _ step: (k: Double, x: UnsafePointer<Double>?),
                            _ low: Int, _ high: Int) {
        let k = step.k
        var i = low
        if let x = step.x {
            while i < high {
                o[i] = o[i] + k * x[i]
                i &+= 1
            }
        } else {
            while i < high {
                o[i] = o[i] + k
                i &+= 1
            }
        }
    }

    private static func divide(_ o: UnsafeMutablePointer<Double>, by divisor: Double, _ low: Int, _ high: Int) {
        // Multiplying by the reciprocal of a power of two gives the bits of dividing by it.
        let scale = 1 / divisor
        var i = low
        if divisor.significand == 1 {
            while i < high {
                o[i] = o[i] * scale + 0
                i &+= 1
            }
        } else {
            while i < high {
                o[i] = o[i] / divisor + 0
                i &+= 1
            }
        }
    }

    private static func countInfinities(_ o: UnsafeMutablePointer<Double>, _ low: Int, _ high: Int) -> Int {
        var found = 0, i = low
        while i < high {
            found &+= Draws.isInfinite(o[i])
            i &+= 1
        }
        return found
    }
}

// UniformStream: `uniform(a, b)` draws made a stretch at a time from any draw on (a
// `DrawStream`), so that a compiled question makes them block by block as it reads them.
// Draw i is one step of the generator from its state after i steps; the states every
// `spacing` draws are worked out by jumps when the stream is made, so a cursor anywhere is a
// short walk from one of them.
import BurnModel

/// `count` draws uniform in [lo, hi) from `start`, with the bits `Random.uniforms` gives them.
final class UniformStream: DrawStream {
    let lo: Double, hi: Double
    /// The generator's state at draw `k * spacing`, for every such draw up to the count.
    private let checkpoints: [Random]
    /// Draws between two checkpoints: a slice's width, so that a slice starts a short walk
    /// (the first slice's width) past one.
    static let spacing = 1 << 14
    /// The jump of `spacing` steps (a polynomial takes some 100 µs: worked out once).
    private static let jump = Random.jumpPolynomial(spacing)

    init(count: Int, from start: Random, lo: Double, hi: Double) {
        self.lo = lo
        self.hi = hi
        var checkpoints = [start]
        checkpoints.reserveCapacity(count / UniformStream.spacing + 1)
        for _ in 0..<(count / UniformStream.spacing) {
            checkpoints.append(checkpoints[checkpoints.count - 1].jumped(UniformStream.jump))
        }
        self.checkpoints = checkpoints
    }

    /// The generator as the draws leave it after `i` of them.
    func generator(after i: Int) -> Random {
        checkpoints[i / UniformStream.spacing].jumped(by: i % UniformStream.spacing)
    }

    func cursor(at i: Int) -> any DrawCursor { UniformCursor(generator(after: i), lo: lo, hi: hi) }
}

/// A place in a `UniformStream`.
final class UniformCursor: DrawCursor {
    private var generator: Random
    private let lo: Double, hi: Double

    init(_ generator: Random, lo: Double, hi: Double) {
        self.generator = generator
        self.lo = lo
        self.hi = hi
    }

    func fill(_ out: UnsafeMutablePointer<Double>, count: Int) {
        // The generator in a local while the loop runs (not written back to the object each draw).
        var g = generator
        let lo = self.lo, hi = self.hi
        for i in 0..<count { out[i] = lo + (hi - lo) * g.unit() }
        generator = g
    }
}

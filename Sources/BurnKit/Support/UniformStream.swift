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

    /// The generator's outputs first, as they are (the generator in a local, not written back
    /// to the object each draw), then turned into draws eight at a time: each lane as
    /// `lo + (hi - lo) * Random.unit()` computes it, so the bits are the same.
    func fill(_ out: UnsafeMutablePointer<Double>, count: Int) {
        var g = generator
        out.withMemoryRebound(to: UInt64.self, capacity: count) { raw in
            for i in 0..<count { raw[i] = g.next() }
        }
        generator = g
        let bytes = UnsafeMutableRawPointer(out), width = hi - lo
        let low = SIMD8<Double>(repeating: lo), span = SIMD8<Double>(repeating: width)
        var i = 0
        while i &+ 8 <= count {
            // Below 2⁵³ once shifted: as exact a signed integer as an unsigned one.
            let bits = bytes.loadUnaligned(fromByteOffset: i &* 8, as: SIMD8<UInt64>.self) &>> 11
            let unit = SIMD8<Double>(SIMD8<Int64>(truncatingIfNeeded: bits)) * 0x1.0p-53
            bytes.storeBytes(of: low + span * unit, toByteOffset: i &* 8, as: SIMD8<Double>.self)
            i &+= 8
        }
        while i < count {
            let unit = Double(bytes.load(fromByteOffset: i &* 8, as: UInt64.self) >> 11) * 0x1.0p-53
            bytes.storeBytes(of: lo + width * unit, toByteOffset: i &* 8, as: Double.self)
            i &+= 1
        }
    }
}

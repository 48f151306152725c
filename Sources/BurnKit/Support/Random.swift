// Random: a seeded generator (xoshiro256**, seeded through splitmix64), so that a script
// samples the same numbers on every run and machine.

import BurnModel
import CMath

struct Random: Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var x = seed
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (next(), next(), next(), next())
    }

    /// A generator in the given state (see `RandomJump`).
    init(state: (UInt64, UInt64, UInt64, UInt64)) { s = state }

    /// The four words of the state.
    var state: (UInt64, UInt64, UInt64, UInt64) { s }

    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    mutating func next() -> UInt64 {
        let result = Random.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Random.rotl(s.3, 45)
        return result
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Moves on as drawing `count` normals does (`normals(count)`), without drawing them.
    mutating func skipNormals(_ count: Int) {
        self = jumped(by: (count + 1) / 2 * 2)
    }

    /// A bound on the size of a normal `normals` draws: its uniforms are at least 2⁻⁵³ from
    /// 0, so Box–Muller's radius is at most √(2·53·ln 2) ≈ 8.57.
    static let largestNormal = 8.6

    /// `count` draws uniform in [lo, hi).
    mutating func uniforms(_ count: Int, from lo: Double, to hi: Double) -> [Double] {
        var end = self
        let values = [Double](unsafeUninitializedCapacity: count) { out, n in
            let o = out
            end = Random.inPieces(count, steps: 1, from: self) { generator, range in
                for i in range { o[i] = lo + (hi - lo) * generator.unit() }
            }
            n = count
        }
        self = end
        return values
    }

    /// `count` standard normal variates (Box–Muller, both halves used).
    mutating func normals(_ count: Int) -> [Double] { normals(count) { $0 } }

    /// `f` of `count` standard normal variates (Box–Muller, both halves used), in one pass:
    /// each pair's two uniforms are drawn and turned into its two normals and `f` of them, in
    /// pieces shared out between the cores, each piece's generator jumped to where the pairs
    /// before it leave it. Each draw goes through the same operations in the same order as
    /// drawing every uniform first, in order, then every normal, so it has the same bits.
    @inline(__always)
    mutating func normals(_ count: Int, _ f: (Double) -> Double) -> [Double] {
        let pairs = count / 2
        var end = self
        let values = [Double](unsafeUninitializedCapacity: count) { out, n in
            let o = out
            end = Random.inPieces(pairs, steps: 2, from: self) { generator, range in
                for k in range {
                    let u0 = 1 - generator.unit(), u1 = generator.unit()
                    let (c, s) = Random.boxMuller(u0, u1)
                    o[2 * k] = f(c)
                    o[2 * k + 1] = f(s)
                }
            }
            // An odd count: the last pair's second normal is not used (its uniform is drawn).
            if count % 2 == 1 {
                let u0 = 1 - end.unit(), u1 = end.unit()
                o[count - 1] = f(Random.boxMuller(u0, u1).cosine)
            }
            n = count
        }
        self = end
        return values
    }

    /// Items (draws, or pairs of draws) below which a run stays on one thread: waking the
    /// other thread and jumping the generator cost tens of microseconds, the time of some
    /// 30,000 uniforms or 1,000 normals.
    static func itemsToSplit(steps: Int) -> Int { steps == 1 ? 65536 : 2048 }

    /// Calls `body` with a generator and consecutive ranges of items covering `0..<items`,
    /// each item taking `steps` outputs of the generator: the generator of a range is `start`
    /// moved on by the items before it. In pieces shared out between the threads when there
    /// are many items; `body` must only write what its range owns. Returns the generator
    /// moved on past every item.
    @inline(__always)
    private static func inPieces(_ items: Int, steps: Int, from start: Random,
                                 _ body: (inout Random, Range<Int>) -> Void) -> Random {
        guard items >= itemsToSplit(steps: steps), Parallel.threads > 1, !Parallel.isInside else {
            var generator = start
            body(&generator, 0..<items)
            return generator
        }
        // A few pieces per thread, so that a thread that wakes late does fewer of them.
        let pieces = 4 * Parallel.threads
        let size = (items + pieces - 1) / pieces
        // Short runs are stepped over (a polynomial costs some 100 µs, ten thousand draws
        // 10 µs); long ones jumped, by one polynomial for every piece.
        let jump = items * steps < Random.stepsWorthAJump ? nil : Random.jumpPolynomial(size * steps)
        func pieceAfter(_ g: Random) -> Random { jump.map { g.jumped($0) } ?? g.jumped(by: size * steps) }
        var starts = [start]
        for _ in 1..<pieces { starts.append(pieceAfter(starts[starts.count - 1])) }
        Parallel.each(pieces) { piece in
            var generator = starts[piece]
            let range = min(items, piece * size)..<min(items, (piece + 1) * size)
            if !range.isEmpty { body(&generator, range) }
        }
        let rest = items - min(items, (pieces - 1) * size)
        return rest == size ? pieceAfter(starts[pieces - 1]) : starts[pieces - 1].jumped(by: rest * steps)
    }

    /// The two standard normals of Box–Muller from `u0` in (0, 1] and `u1` in [0, 1).
    @inline(__always)
    private static func boxMuller(_ u0: Double, _ u1: Double) -> (cosine: Double, sine: Double) {
        let r = (-2 * Math.log(u0)).squareRoot()
        let angle = 2 * Double.pi * u1
        var sine = 0.0, cosine = 0.0
        burn_sincos(angle, &sine, &cosine)
        return (r * cosine, r * sine)
    }
}

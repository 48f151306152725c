// Random: a seeded generator (xoshiro256**, seeded through splitmix64), so that a script
// samples the same numbers on every run and machine.

import BurnModel
import CMath
import Dispatch

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
        for _ in 0..<(count + 1) / 2 * 2 { _ = next() }
    }

    /// A bound on the size of a normal `normals` draws: its uniforms are at least 2⁻⁵³ from
    /// 0, so Box–Muller's radius is at most √(2·53·ln 2) ≈ 8.57.
    static let largestNormal = 8.6

    /// `count` draws uniform in [lo, hi).
    mutating func uniforms(_ count: Int, from lo: Double, to hi: Double) -> [Double] {
        var generator = self
        defer { self = generator }
        return [Double](unsafeUninitializedCapacity: count) { out, n in
            for i in 0..<count { out[i] = lo + (hi - lo) * generator.unit() }
            n = count
        }
    }

    /// `count` standard normal variates (Box–Muller, both halves used).
    mutating func normals(_ count: Int) -> [Double] { normals(count) { $0 } }

    /// `f` of `count` standard normal variates (Box–Muller, both halves used), in one pass: a
    /// pair's two uniforms are drawn into the two places its normals go, in order on this
    /// thread, then each pair is turned into its two normals and `f` of them in place, shared
    /// out between the cores. Each draw goes through the same operations in the same order as
    /// drawing every normal first and mapping `f` over them, so it has the same bits.
    @inline(__always)
    mutating func normals(_ count: Int, _ f: (Double) -> Double) -> [Double] {
        let pairs = count / 2
        var generator = self
        defer { self = generator }
        return [Double](unsafeUninitializedCapacity: count) { out, n in
            for k in 0..<pairs {
                out[2 * k] = 1 - generator.unit()
                out[2 * k + 1] = generator.unit()
            }
            let o = out
            Random.inPieces(pairs) { range in
                for k in range {
                    let (c, s) = Random.boxMuller(o[2 * k], o[2 * k + 1])
                    o[2 * k] = f(c)
                    o[2 * k + 1] = f(s)
                }
            }
            // An odd count: the last pair's second normal is not used (its uniform is drawn).
            if count % 2 == 1 {
                let u0 = 1 - generator.unit(), u1 = generator.unit()
                o[count - 1] = f(Random.boxMuller(u0, u1).cosine)
            }
            n = count
        }
    }

    /// Pairs below which turning uniforms into normals stays on one thread. A pair costs a
    /// log, a square root, a sincos and `f` (often an exp), about 40 ns; waking a second
    /// thread costs tens of µs, so that 2,048 pairs (4,096 draws) are about where it pays.
    static let pairsToSplit = 2048
    /// Pairs in a piece of work handed out between the threads. Small pieces, so that the
    /// calling thread, which starts at once, does more of them while the other thread wakes
    /// (two halves made the calling thread wait for the late one).
    static let pairsPerPiece = 256

    /// Calls `body` on consecutive ranges of pairs covering `0..<pairs`, in pieces shared out
    /// between the threads when there are at least `pairsToSplit`. `body` must only write what
    /// its range owns.
    @inline(__always)
    private static func inPieces(_ pairs: Int, _ body: (Range<Int>) -> Void) {
        guard pairs >= pairsToSplit, Parallel.threads > 1, !Parallel.isInside else { return body(0..<pairs) }
        let pieces = (pairs + pairsPerPiece - 1) / pairsPerPiece
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(body)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                shared.body(piece * pairsPerPiece ..< min(pairs, (piece + 1) * pairsPerPiece))
            }
        }
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

/// A loop body handed to other threads: safe because each call writes only its own pairs and
/// the caller waits for every call to return.
private struct SharedBody: @unchecked Sendable {
    let body: (Range<Int>) -> Void
    init(_ body: @escaping (Range<Int>) -> Void) { self.body = body }
}

// DrawsBitsTests: the fused, split drawing of normals gives every draw the same bits as the
// straightforward code it replaced (kept below as the reference), and sincos the bits of sin, cos.
import CMath
import Testing
@testable import BurnKit

@Suite struct DrawsBitsTests {
    static let counts = [1, 2, 3, 4_095, 4_096, 4_097, 10_000, 100_001]
    static let seeds: [UInt64] = [42, 1, 0xDEAD_BEEF]

    @Test(arguments: seeds)
    func normalsHaveTheReferenceBits(seed: UInt64) {
        for count in Self.counts {
            var fast = Random(seed: seed), slow = ReferenceRandom(seed: seed)
            expectSameBits(fast.normals(count), slow.normals(count), "normals \(count) seed \(seed)")
            // Both generators are left at the same point: the next draws agree too.
            expectSameBits(fast.normals(3), slow.normals(3), "normals after \(count) seed \(seed)")
            #expect(fast.next() == slow.next())
        }
    }

    @Test(arguments: seeds)
    func scaledNormalsHaveTheReferenceBits(seed: UInt64) {
        let (mean, sd) = (10.0, 2.5)
        let (mu, sigma) = (0.3, 0.7)
        for count in Self.counts {
            var fast = Random(seed: seed), slow = ReferenceRandom(seed: seed)
            let normal = fast.normals(count) { mean + sd * $0 }
            expectSameBits(normal, slow.normals(count).map { mean + sd * $0 }, "normal \(count) seed \(seed)")
            let lognormal = fast.normals(count) { Math.exp(mu + sigma * $0) }
            expectSameBits(lognormal, slow.normals(count).map { Math.exp(mu + sigma * $0) },
                           "lognormal \(count) seed \(seed)")
        }
    }

    /// `a to b`, `normal` and `lognormal` in a session: the draws are those of the reference,
    /// scaled as `draw90` scaled them before it was fused.
    @Test(arguments: [(1, 7 as UInt64), (4_095, 42), (10_000, 3), (100_001, 5)])
    func sessionDrawsHaveTheReferenceBits(count: Int, seed: UInt64) throws {
        let session = Session()
        try session.run(source: "samples \(count)\nseed \(seed)")
        var slow = ReferenceRandom(seed: seed)
        let z95 = 1.6448536269514722
        // 4 to 5: lognormal with mu, sigma from the logs of the bounds.
        let (a, b) = (4.0, 5.0)
        let mu = (Math.log(a) + Math.log(b)) / 2, sigma = (Math.log(b) - Math.log(a)) / (2 * z95)
        expectSameBits(try draws(session, "4 to 5"), slow.normals(count).map { Math.exp(mu + sigma * $0) }, "4 to 5")
        // -1 to 3: normal with mean 1 and sd 2/z95.
        let (mean, sd) = ((-1.0 + 3) / 2, (3.0 - -1) / (2 * z95))
        expectSameBits(try draws(session, "-1 to 3"), slow.normals(count).map { mean + sd * $0 }, "-1 to 3")
        expectSameBits(try draws(session, "normal(10, 2)"), slow.normals(count).map { 10 + 2 * $0 }, "normal")
        let (mu2, sigma2) = ((Math.log(1) + Math.log(4)) / 2, (Math.log(4) - Math.log(1)) / (2 * z95))
        expectSameBits(try draws(session, "lognormal(1, 4)"), slow.normals(count).map { Math.exp(mu2 + sigma2 * $0) },
                       "lognormal")
        expectSameBits(try draws(session, "uniform(2, 3)"), slow.uniforms(count, from: 2, to: 3), "uniform")
    }

    /// Uniforms drawn in pieces on several threads, each piece from a jumped generator, are
    /// the reference's draw for draw, and leave the generator where the reference leaves it.
    @Test(arguments: seeds)
    func uniformsHaveTheReferenceBits(seed: UInt64) {
        for count in [1, 65_535, 65_536, 65_537, 300_001] {
            var fast = Random(seed: seed), slow = ReferenceRandom(seed: seed)
            expectSameBits(fast.uniforms(count, from: -2, to: 3), slow.uniforms(count, from: -2, to: 3), "uniforms \(count)")
            #expect(fast.next() == slow.next(), "after \(count) uniforms")
        }
    }

    /// A million normals (and one): pieces of uneven length, and the odd draw after them.
    @Test func aMillionNormalsHaveTheReferenceBits() {
        var fast = Random(seed: 11), slow = ReferenceRandom(seed: 11)
        expectSameBits(fast.normals(1_000_001), slow.normals(1_000_001), "normals 1,000,001")
        #expect(fast.next() == slow.next())
    }

    /// A jump of n steps leaves the generator where n steps do: below the jump's threshold
    /// (stepping), at it and above it (the polynomial).
    @Test func aJumpLandsWhereSteppingDoes() {
        for n in [0, 1, 2, 255, 256, Random.stepsWorthAJump - 1, Random.stepsWorthAJump, Random.stepsWorthAJump + 1, 1_000_003] {
            let start = Random(seed: UInt64(n) &+ 5)
            var stepped = start
            for _ in 0..<n { _ = stepped.next() }
            var jumped = start.jumped(by: n)
            #expect(jumped.state == stepped.state, "jump of \(n)")
            #expect(jumped.next() == stepped.next())
        }
    }

    /// Skipping n normals (a range held to be drawn later) leaves the generator where
    /// drawing them does, for counts whose skip is stepped and whose skip is jumped.
    @Test func skippingNormalsLandsWhereDrawingThemDoes() {
        for n in [0, 1, 2, 3, 131_071, 131_072, 262_145] {
            var skipped = Random(seed: 3), drawn = ReferenceRandom(seed: 3)
            skipped.skipNormals(n)
            _ = drawn.normals(n)
            #expect(skipped.next() == drawn.next(), "skip \(n)")
        }
    }

    /// The step's characteristic polynomial is the generator's: Berlekamp-Massey finds it
    /// from the generator's bits, and x^(2^256 - 1) = 1 modulo it (the period), checked as
    /// x^(2^256) = x by squaring.
    @Test func theStepPolynomialHasTheGeneratorsPeriod() {
        let low = Random.stepPolynomial
        // The polynomial written out is the one Berlekamp-Massey finds from the generator.
        #expect(Random.characteristicPolynomial() == low)
        var x = Polynomial256()
        x.setBit(1)
        var r = x
        for _ in 0..<256 { r = r.times(r, modulo: low) }
        #expect(r == x)
        // And not a smaller period of the form 2^k - 1 dividing it (k = 128, 64 would be).
        var half = x
        for _ in 0..<128 { half = half.times(half, modulo: low) }
        #expect(half != x)
    }

    /// glibc's sincos against sin and cos, bit for bit, on the angles Box–Muller makes (2π u
    /// for u from the generator) and on edge cases.
    @Test func sincosHasTheBitsOfSinAndCos() {
        var random = Random(seed: 2026)
        var differ = 0
        for _ in 0..<4_000_000 where !sameAsSinCos(2 * Double.pi * random.unit()) { differ += 1 }
        #expect(differ == 0)
        let pi = Double.pi
        var edges: [Double] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, 1e-8, 0x1p-27,
                               pi / 4, pi / 2, pi, 3 * pi / 2, 2 * pi, 2 * pi * (1 - 0x1p-53), 1, 10, 1e6, 1e22,
                               .greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        for x in [pi / 4, pi / 2, pi, 3 * pi / 2, 2 * pi] {
            var below = x, above = x
            for _ in 0..<64 {
                below = below.nextDown
                above = above.nextUp
                edges += [below, above]
            }
        }
        for x in edges { #expect(sameAsSinCos(x), "sincos(\(x))") }
    }

    private func sameAsSinCos(_ x: Double) -> Bool {
        var s = 0.0, c = 0.0
        burn_sincos(x, &s, &c)
        return s.bitPattern == Math.sin(x).bitPattern && c.bitPattern == Math.cos(x).bitPattern
    }

    private func draws(_ session: Session, _ source: String) throws -> [Double] {
        guard case .samples(let s) = try session.evaluate(source) else {
            Issue.record("not uncertain: \(source)")
            return []
        }
        return s.values
    }

    private func expectSameBits(_ x: [Double], _ y: [Double], _ what: String) {
        #expect(x.count == y.count, "\(what): counts")
        let differ = x.indices.first { $0 < y.count && x[$0].bitPattern != y[$0].bitPattern }
        #expect(differ == nil, "\(what): first differing draw \(differ ?? -1)")
    }
}

/// The generator before normals were fused and split at 2,048 pairs, copied as it was: every
/// uniform drawn into a temporary array, then every normal, with separate sin and cos.
private struct ReferenceRandom {
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
        let result = ReferenceRandom.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = ReferenceRandom.rotl(s.3, 45)
        return result
    }

    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func uniforms(_ count: Int, from lo: Double, to hi: Double) -> [Double] {
        (0..<count).map { _ in lo + (hi - lo) * unit() }
    }

    mutating func normals(_ count: Int) -> [Double] {
        let pairs = (count + 1) / 2
        var u = [Double](repeating: 0, count: 2 * pairs)
        for k in 0..<pairs {
            u[2 * k] = 1 - unit()
            u[2 * k + 1] = unit()
        }
        var out = [Double](repeating: 0, count: count)
        for k in 0..<pairs {
            let r = (-2 * Math.log(u[2 * k])).squareRoot()
            let angle = 2 * Double.pi * u[2 * k + 1]
            out[2 * k] = r * Math.cos(angle)
            if 2 * k + 1 < count { out[2 * k + 1] = r * Math.sin(angle) }
        }
        return out
    }
}

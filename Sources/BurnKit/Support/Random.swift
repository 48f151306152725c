// Random: a seeded generator (xoshiro256**, seeded through splitmix64), so that a script
// samples the same numbers on every run and machine.

struct Random {
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
    mutating func normals(_ count: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(count + 1)
        while out.count < count {
            let u1 = 1 - unit(), u2 = unit()
            let r = (-2 * Math.log(u1)).squareRoot()
            out.append(r * Math.cos(2 * Double.pi * u2))
            out.append(r * Math.sin(2 * Double.pi * u2))
        }
        return Array(out.prefix(count))
    }
}

// Random: a seeded generator (xoshiro256**, seeded through splitmix64), so that a script
// samples the same numbers on every run and machine.

import BurnModel

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

    /// `count` standard normal variates (Box–Muller, both halves used). The uniforms are drawn
    /// in order on this thread; turning them into normals is split between the cores.
    mutating func normals(_ count: Int) -> [Double] {
        let pairs = (count + 1) / 2
        var u = [Double](repeating: 0, count: 2 * pairs)
        for k in 0..<pairs {
            u[2 * k] = 1 - unit()
            u[2 * k + 1] = unit()
        }
        return [Double](unsafeUninitializedCapacity: count) { out, n in
            u.withUnsafeBufferPointer { u in
                let o = out
                Parallel.ranges(pairs, minimum: Parallel.minimum / 2) { range in
                    for k in range {
                        let r = (-2 * Math.log(u[2 * k])).squareRoot()
                        let angle = 2 * Double.pi * u[2 * k + 1]
                        o[2 * k] = r * Math.cos(angle)
                        if 2 * k + 1 < count { o[2 * k + 1] = r * Math.sin(angle) }
                    }
                }
            }
            n = count
        }
    }
}

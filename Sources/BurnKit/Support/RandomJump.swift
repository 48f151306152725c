// RandomJump: moving the generator on by any number of steps at once, so that a long run of
// draws can be cut into pieces drawn on several cores, each piece from the state the draws
// before it leave, with the same numbers as drawing them in one go.
//
// xoshiro256's state moves by a linear map M over the 256 bits (GF(2)). By Cayley-Hamilton,
// Mⁿ = r(M) where r(x) = xⁿ mod p(x) and p is M's characteristic polynomial, so the state n
// steps on is the sum (xor) of the states 0…255 steps on where r has a 1: 256 steps and
// xors, after about 2·log₂ n products of polynomials of degree 256.

/// A polynomial over GF(2) of degree below 256, bit i the coefficient of xⁱ.
struct Polynomial256: Equatable {
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (a: Polynomial256, b: Polynomial256) -> Bool { a.words == b.words }

    static let one: Polynomial256 = { var p = Polynomial256(); p.words.0 = 1; return p }()

    func bit(_ i: Int) -> Bool {
        let w: UInt64
        switch i >> 6 {
        case 0: w = words.0
        case 1: w = words.1
        case 2: w = words.2
        default: w = words.3
        }
        return (w >> UInt64(i & 63)) & 1 == 1
    }

    mutating func setBit(_ i: Int) {
        let b = UInt64(1) << UInt64(i & 63)
        switch i >> 6 {
        case 0: words.0 |= b
        case 1: words.1 |= b
        case 2: words.2 |= b
        default: words.3 |= b
        }
    }

    static func ^= (a: inout Polynomial256, b: Polynomial256) {
        a.words.0 ^= b.words.0
        a.words.1 ^= b.words.1
        a.words.2 ^= b.words.2
        a.words.3 ^= b.words.3
    }

    /// This times x, modulo the monic `modulus` x²⁵⁶ + low (given by `low`).
    func timesX(modulo low: Polynomial256) -> Polynomial256 {
        var r = Polynomial256()
        r.words.0 = words.0 << 1
        r.words.1 = words.1 << 1 | words.0 >> 63
        r.words.2 = words.2 << 1 | words.1 >> 63
        r.words.3 = words.3 << 1 | words.2 >> 63
        if words.3 >> 63 == 1 { r ^= low }
        return r
    }

    /// This times `b`, modulo x²⁵⁶ + `low`.
    func times(_ b: Polynomial256, modulo low: Polynomial256) -> Polynomial256 {
        var result = Polynomial256()
        for i in stride(from: 255, through: 0, by: -1) {
            result = result.timesX(modulo: low)
            if b.bit(i) { result ^= self }
        }
        return result
    }
}

extension Random {
    /// The characteristic polynomial of the generator's step, less its x²⁵⁶ term, as
    /// `characteristicPolynomial()` finds it (written out: finding it cost the first draws
    /// 0.2 ms; a test checks the two agree).
    static let stepPolynomial = Polynomial256(words: (0x9D11_6F2B_B0F0_F001, 0x0280_002B_CEFD_1A5E,
                                                      0x04B4_EDCF_2625_9F85, 0x0003_C03C_3F3E_CB19))

    /// The characteristic polynomial of the generator's step, less its x²⁵⁶ term, found by
    /// Berlekamp-Massey from 512 successive values of one bit of the state (the step's
    /// polynomial is primitive, since the period is 2²⁵⁶ - 1, so one bit's sequence has it as
    /// its least recurrence); nil if that recurrence is not of degree 256.
    static func characteristicPolynomial() -> Polynomial256? {
        var g = Random(seed: 1)
        let bits = (0..<512).map { _ -> UInt8 in
            let b = UInt8(truncatingIfNeeded: g.state.0 & 1)
            _ = g.next()
            return b
        }
        let c = berlekampMassey(bits)
        // c(x) = 1 + c₁x + … + c₂₅₆x²⁵⁶ gives s[n] = Σ cᵢ s[n-i]; the characteristic polynomial
        // is its reverse, x²⁵⁶ + c₁x²⁵⁵ + … + c₂₅₆.
        guard c.count == 257 else { return nil }
        var low = Polynomial256()
        for i in 1...256 where c[i] == 1 { low.setBit(256 - i) }
        return low
    }

    /// The connection polynomial (coefficients from x⁰) of the shortest linear recurrence
    /// over GF(2) that makes `s`.
    private static func berlekampMassey(_ s: [UInt8]) -> [UInt8] {
        let n = s.count
        var c = [UInt8](repeating: 0, count: n + 1), b = c
        c[0] = 1
        b[0] = 1
        var length = 0, m = -1
        for i in 0..<n {
            var d = s[i]
            if length > 0 { for j in 1...length { d ^= c[j] & s[i - j] } }
            guard d == 1 else { continue }
            let t = c
            for j in 0..<(n - i + m) where b[j] == 1 { c[j + i - m] ^= 1 }
            if 2 * length <= i {
                length = i + 1 - length
                m = i
                b = t
            }
        }
        return Array(c[0...length])
    }

    /// xⁿ modulo the step's characteristic polynomial: the jump of `n` steps.
    static func jumpPolynomial(_ n: Int) -> Polynomial256 {
        let low = stepPolynomial
        var r = Polynomial256.one
        guard n > 0 else { return r }
        for i in stride(from: Int.bitWidth - 1 - n.leadingZeroBitCount, through: 0, by: -1) {
            r = r.times(r, modulo: low)
            if (n >> i) & 1 == 1 { r = r.timesX(modulo: low) }
        }
        return r
    }

    /// The generator moved on by the steps `jump` (from `jumpPolynomial`) stands for.
    func jumped(_ jump: Polynomial256) -> Random {
        var g = self
        var s: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for k in 0..<256 {
            if jump.bit(k) {
                s.0 ^= g.state.0
                s.1 ^= g.state.1
                s.2 ^= g.state.2
                s.3 ^= g.state.3
            }
            _ = g.next()
        }
        return Random(state: s)
    }

    /// The generator moved on by `steps` outputs, as `steps` calls of `next` would leave it.
    func jumped(by steps: Int) -> Random {
        steps < Random.stepsWorthAJump ? stepped(steps) : jumped(Random.jumpPolynomial(steps))
    }

    /// Steps from which a jump is quicker than stepping (a step takes about a nanosecond, a
    /// jump some tens of microseconds).
    static let stepsWorthAJump = 1 << 17

    private func stepped(_ steps: Int) -> Random {
        var g = self
        for _ in 0..<steps { _ = g.next() }
        return g
    }
}

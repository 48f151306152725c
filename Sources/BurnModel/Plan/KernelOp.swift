// KernelOp: one operation of a compiled question's flat program, a loop over a slice's draws.
// Each loop computes, draw by draw, the same expression the evaluator's `Quantity` arithmetic
// computes for the cell (`Quantity.lanewise`, `Quantity.adding`, `LaneSum`), so the draws have
// the same bits.

/// Where an operation reads its numbers from.
enum KernelOperand {
    /// One amount for every draw (a certain cell).
    case amount(Double)
    /// A buffer of the slice: the draws of a cell worked out by an earlier operation.
    case slot(Int)
    /// A stored input holding every draw of the model (an uncertain fact, a rule's rate), read
    /// at the slice's lanes where it lies.
    case stored(Int)
}

extension KernelOperand {
    /// The operand as numbers, an amount by its bits (a shape's marker is then itself).
    var signature: [UInt64] {
        switch self {
        case .amount(let x): return [0, x.bitPattern]
        case .slot(let s): return [1, UInt64(s)]
        case .stored(let i): return [2, UInt64(i)]
        }
    }
}

/// An operation of a `Kernel`: it writes the draws of one slot.
enum KernelOp {
    /// `a × (1 + b)`: a per-year growth rule applied to last year's value.
    case grow(out: Int, KernelOperand, KernelOperand)
    /// `grow`, then `requireNonNegative` of its result, in one loop (see `KernelFusion`).
    case growChecked(out: Int, KernelOperand, KernelOperand)
    /// `a × b`: a factor rule.
    case times(out: Int, KernelOperand, KernelOperand)
    /// `a + k × b`: one term of a sum of metrics, added as `Quantity.adding` adds it.
    case addScaled(out: Int, KernelOperand, Double, KernelOperand)
    /// `(a + j × b) + k × c`, then `requireFinite` of the sum, in one loop: two `addScaled`
    /// building a sum of three metrics, and its check (see `KernelFusion`). `b` and `c` have
    /// draws (a certain zero added is skipped, which only `addScaled` does).
    case addScaledTwice(out: Int, KernelOperand, Double, KernelOperand, Double, KernelOperand)
    /// `(c + Σ kᵢ·xᵢ) / d + 0`, term by term in order: an identity solved for one term, as
    /// `Quantity.linear` (through `LaneSum`) works it out.
    case linear(out: Int, Double, [(Double, KernelOperand)], Double)
    /// `linear`, then `mark` of its result, in one loop (see `KernelFusion`).
    case linearMarked(out: Int, Double, [(Double, KernelOperand)], Double, year: Double, test: YearTest)
    /// Stops the kernel when a draw of the slot is infinite: the evaluator then does the slice
    /// (a sum of metrics that is not finite goes to the language, which reports where).
    case requireFinite(Int)
    /// Stops the kernel when a draw of the slot is below zero: a metric that is never negative
    /// is then an error the evaluator words.
    case requireNonNegative(Int)
    /// Copies a step's draws out as answer number `into` (its buffer is reused after).
    case keep(KernelOperand, into: Int)
    /// A year search: `year` where the draw meets `test` and has no earlier year (`years` of
    /// the buffers). Stops the kernel at an infinite draw (the evaluator words the error).
    case mark(KernelOperand, year: Double, test: YearTest)
    /// The block's draws of the kernel's stream number `stream` (a `uniform`), made as they
    /// are read rather than read from an array of every draw (see `DrawStream`).
    case drawn(out: Int, stream: Int)
}

/// The buffers of one run of a kernel over a slice: where each operand's draws lie.
struct KernelBuffers {
    let slots: UnsafeMutablePointer<Double>
    /// Draws in this block.
    let width: Int
    /// Doubles between two slots.
    let stride: Int
    /// The stored inputs at the slice's first draw.
    let inputs: [UnsafePointer<Double>]
    /// Draws of the slice before this block.
    let offset: Int
    /// The kernel's streams, each at this block's first draw.
    var cursors: [any DrawCursor] = []
    /// A year search's years for this block (+infinity: none yet), if the kernel searches.
    var years: UnsafeMutablePointer<Double>? = nil

    @inline(__always) func pointer(_ operand: KernelOperand) -> UnsafePointer<Double>? {
        switch operand {
        case .amount: return nil
        case .slot(let s): return UnsafePointer(slots + s * stride)
        case .stored(let i): return inputs[i] + offset
        }
    }

    @inline(__always) func out(_ slot: Int) -> UnsafeMutablePointer<Double> { slots + slot * stride }
}

extension KernelOperand {
    @inline(__always) var amount: Double {
        if case .amount(let x) = self { return x }
        return .nan
    }
}

extension KernelOperand {
    var slot: Int? {
        if case .slot(let s) = self { return s }
        return nil
    }

    var isStored: Bool {
        if case .stored = self { return true }
        return false
    }

    func withSlot(_ f: (Int) -> Int) -> KernelOperand {
        if case .slot(let s) = self { return .slot(f(s)) }
        return self
    }
}

extension KernelOp {
    /// The slot the operation writes.
    var writes: Int? {
        switch self {
        case .grow(let out, _, _), .growChecked(let out, _, _), .times(let out, _, _), .addScaled(let out, _, _, _),
             .addScaledTwice(let out, _, _, _, _, _), .linear(let out, _, _, _), .linearMarked(let out, _, _, _, _, _),
             .drawn(let out, _): return out
        case .requireFinite, .requireNonNegative, .keep, .mark: return nil
        }
    }

    /// Whether the operation checks register or slot `r` (and writes nothing).
    func isCheck(of r: Int) -> Bool {
        switch self {
        case .requireFinite(let s), .requireNonNegative(let s): return s == r
        default: return false
        }
    }

    /// The slots it reads.
    var reads: [Int] {
        switch self {
        case .grow(_, let x, let y), .growChecked(_, let x, let y), .times(_, let x, let y): return [x.slot, y.slot].compactMap { $0 }
        case .addScaled(_, let x, _, let y): return [x.slot, y.slot].compactMap { $0 }
        case .addScaledTwice(_, let x, _, let y, _, let z): return [x.slot, y.slot, z.slot].compactMap { $0 }
        case .linear(_, _, let terms, _), .linearMarked(_, _, let terms, _, _, _): return terms.compactMap { $0.1.slot }
        case .requireFinite(let s), .requireNonNegative(let s): return [s]
        case .keep(let x, _), .mark(let x, _, _): return [x.slot].compactMap { $0 }
        case .drawn: return []
        }
    }

    /// The same operation with each slot `s` replaced by `f(s)`.
    func withSlots(_ f: (Int) -> Int) -> KernelOp {
        switch self {
        case .grow(let out, let x, let y): return .grow(out: f(out), x.withSlot(f), y.withSlot(f))
        case .growChecked(let out, let x, let y): return .growChecked(out: f(out), x.withSlot(f), y.withSlot(f))
        case .addScaledTwice(let out, let x, let j, let y, let k, let z):
            return .addScaledTwice(out: f(out), x.withSlot(f), j, y.withSlot(f), k, z.withSlot(f))
        case .times(let out, let x, let y): return .times(out: f(out), x.withSlot(f), y.withSlot(f))
        case .addScaled(let out, let x, let k, let y): return .addScaled(out: f(out), x.withSlot(f), k, y.withSlot(f))
        case .linear(let out, let c, let terms, let d): return .linear(out: f(out), c, terms.map { ($0.0, $0.1.withSlot(f)) }, d)
        case .linearMarked(let out, let c, let terms, let d, let year, let test):
            return .linearMarked(out: f(out), c, terms.map { ($0.0, $0.1.withSlot(f)) }, d, year: year, test: test)
        case .requireFinite(let s): return .requireFinite(f(s))
        case .requireNonNegative(let s): return .requireNonNegative(f(s))
        case .keep(let x, let a): return .keep(x.withSlot(f), into: a)
        case .mark(let x, let year, let test): return .mark(x.withSlot(f), year: year, test: test)
        case .drawn(let out, let stream): return .drawn(out: f(out), stream: stream)
        }
    }

    /// What an operation computing a value computes, its output left out: two with the same
    /// signature on registers written once give the same bits. Nil for the others.
    var signature: [UInt64]? {
        switch self {
        case .grow(_, let x, let y): return [0] + x.signature + y.signature
        case .times(_, let x, let y): return [1] + x.signature + y.signature
        case .addScaled(_, let x, let k, let y): return [2, k.bitPattern] + x.signature + y.signature
        case .linear(_, let c, let terms, let d):
            return [3, c.bitPattern, d.bitPattern] + terms.flatMap { [$0.0.bitPattern] + $0.1.signature }
        case .drawn(_, let stream): return [4, UInt64(stream)]
        case .growChecked, .addScaledTwice, .linearMarked, .requireFinite, .requireNonNegative, .keep, .mark: return nil
        }
    }

    /// Runs the operation over the slice; false when it stops the kernel (`requireFinite`).
    func run(_ b: KernelBuffers) -> Bool {
        let n = b.width
        switch self {
        case .grow(let out, let x, let y):
            // Vector operands only: a plain number beside a vector compiles to narrow pieces.
            let one = Lanes(repeating: 1)
            KernelOp.binary(b.out(out), b, x, y, n) { $0 * ($1 + one) }
        case .growChecked(let out, let x, let y):
            return KernelOp.growChecked(b.out(out), b, x, y, n)
        case .addScaledTwice(let out, let x, let j, let y, let k, let z):
            return KernelOp.addScaledTwice(b.out(out), b, x, j, y, k, z, n)
        case .times(let out, let x, let y):
            KernelOp.binary(b.out(out), b, x, y, n) { $0 * $1 }
        case .addScaled(let out, let x, let k, let y):
            // Adding a certain zero to draws changes nothing (as `Quantity.adding` skips it):
            // a copy keeps a draw of -0 as it is.
            if case .amount(let z) = y, z == 0, let p = b.pointer(x) {
                let o = b.out(out)
                if o != p { o.update(from: p, count: n) }
            } else {
                let scale = Lanes(repeating: k)
                KernelOp.binary(b.out(out), b, x, y, n) { $0 + scale * $1 }
            }
        case .linear(let out, let c, let terms, let divisor):
            KernelOp.linear(b.out(out), b, c, terms, divisor, n)
        case .linearMarked(let out, let c, let terms, let divisor, let year, let test):
            guard let years = b.years else { return false }
            return KernelOp.linear(b.out(out), b, c, terms, divisor, n, marking: (year, test, years))
        case .requireFinite(let slot):
            return KernelOp.noInfinity(b.out(slot), n)
        case .requireNonNegative(let slot):
            return KernelOp.noneBelowZero(b.out(slot), n)
        case .keep:
            break
        case .mark(let x, let year, let test):
            guard let years = b.years else { return false }
            if let p = b.pointer(x) { return test.mark(year, p, into: years, n) }
            let hit = test.holds(x.amount)
            if hit { for i in 0..<n { years[i] = min(years[i], year) } }
        case .drawn(let out, let stream):
            b.cursors[stream].fill(b.out(out), count: n)
        }
        return true
    }

    /// Eight draws at a time: spelled out as vectors, since the compiler cannot tell that an
    /// output buffer never overlaps a later input and would otherwise go one draw at a time.
    /// Each lane goes through the same operations as a single draw, so the bits are the same.
    typealias Lanes = SIMD8<Double>

    @inline(__always) private static func load(_ p: UnsafePointer<Double>, _ i: Int) -> Lanes {
        UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
    }

    @inline(__always) private static func store(_ v: Lanes, _ o: UnsafeMutablePointer<Double>, _ i: Int) {
        UnsafeMutableRawPointer(o + i).storeBytes(of: v, as: Lanes.self)
    }

    /// `o[i] = f(x[i], y[i])`, an operand without draws read as its amount. `o` may be `x`'s
    /// buffer (a sum built in place), never `y`'s. The draws past the last eight go through
    /// `f` in the first lane.
    @inline(__always)
    private static func binary(_ o: UnsafeMutablePointer<Double>, _ b: KernelBuffers, _ x: KernelOperand,
                               _ y: KernelOperand, _ n: Int, _ f: (Lanes, Lanes) -> Lanes) {
        let u = Lanes(repeating: x.amount), v = Lanes(repeating: y.amount)
        var i = 0
        switch (b.pointer(x), b.pointer(y)) {
        case (let p?, let q?):
            while i &+ 8 <= n {
                store(f(load(p, i), load(q, i)), o, i)
                i &+= 8
            }
            while i < n {
                o[i] = f(Lanes(repeating: p[i]), Lanes(repeating: q[i]))[0]
                i &+= 1
            }
        case (let p?, nil):
            while i &+ 8 <= n {
                store(f(load(p, i), v), o, i)
                i &+= 8
            }
            while i < n {
                o[i] = f(Lanes(repeating: p[i]), v)[0]
                i &+= 1
            }
        case (nil, let q?):
            while i &+ 8 <= n {
                store(f(u, load(q, i)), o, i)
                i &+= 8
            }
            while i < n {
                o[i] = f(u, Lanes(repeating: q[i]))[0]
                i &+= 1
            }
        case (nil, nil):
            let r = f(u, v)[0]
            while i < n {
                o[i] = r
                i &+= 1
            }
        }
    }

    /// The draws of an operand at `i` (its `pointer`), or its amount in every lane.
    @inline(__always) private static func lanes(_ p: UnsafePointer<Double>?, _ amount: Lanes, _ i: Int) -> Lanes {
        guard let p else { return amount }
        return load(p, i)
    }

    @inline(__always) private static func draw(_ p: UnsafePointer<Double>?, _ amount: Double, _ i: Int) -> Double {
        guard let p else { return amount }
        return p[i]
    }

    /// `o[i] = x[i] × (1 + y[i])`, as `grow` computes it; false when a result is below zero
    /// (as `requireNonNegative` finds it after).
    private static func growChecked(_ o: UnsafeMutablePointer<Double>, _ b: KernelBuffers, _ x: KernelOperand,
                                    _ y: KernelOperand, _ n: Int) -> Bool {
        let p = b.pointer(x), q = b.pointer(y), a = x.amount, c = y.amount
        let u = Lanes(repeating: a), v = Lanes(repeating: c), one = Lanes(repeating: 1), zero = Lanes(repeating: 0)
        var below = SIMDMask<Lanes.MaskStorage>(repeating: false)
        var i = 0
        // Both with draws (a drawn rate): the loop without a test of each operand per eight.
        if let p, let q {
            while i &+ 8 <= n {
                let r = load(p, i) * (load(q, i) + one)
                store(r, o, i)
                below .|= r .< zero
                i &+= 8
            }
        }
        while i &+ 8 <= n {
            let r = lanes(p, u, i) * (lanes(q, v, i) + one)
            store(r, o, i)
            below .|= r .< zero
            i &+= 8
        }
        var found = any(below)
        while i < n {
            let r = draw(p, a, i) * (draw(q, c, i) + 1)
            o[i] = r
            found = found || r < 0
            i &+= 1
        }
        return !found
    }

    /// `o[i] = (x[i] + j × y[i]) + k × z[i]`, as two `addScaled` compute it; false when a sum
    /// is infinite (as `requireFinite` finds it after).
    private static func addScaledTwice(_ o: UnsafeMutablePointer<Double>, _ b: KernelBuffers, _ x: KernelOperand,
                                       _ j: Double, _ y: KernelOperand, _ k: Double, _ z: KernelOperand, _ n: Int) -> Bool {
        let p = b.pointer(x), q = b.pointer(y), w = b.pointer(z), a = x.amount, d = y.amount, e = z.amount
        let u = Lanes(repeating: a), v = Lanes(repeating: d), t = Lanes(repeating: e)
        let first = Lanes(repeating: j), second = Lanes(repeating: k)
        let infinity = Lanes(repeating: .infinity), negativeInfinity = Lanes(repeating: -.infinity)
        var infinite = SIMDMask<Lanes.MaskStorage>(repeating: false)
        var i = 0
        // Every term with draws (cash + revenue - costs): no test of each operand per eight.
        if let p, let q, let w {
            while i &+ 8 <= n {
                let partial = load(p, i) + first * load(q, i)
                let r = partial + second * load(w, i)
                store(r, o, i)
                infinite .|= (r .== infinity) .| (r .== negativeInfinity)
                i &+= 8
            }
        }
        while i &+ 8 <= n {
            let partial = lanes(p, u, i) + first * lanes(q, v, i)
            let r = partial + second * lanes(w, t, i)
            store(r, o, i)
            infinite .|= (r .== infinity) .| (r .== negativeInfinity)
            i &+= 8
        }
        var found = any(infinite)
        while i < n {
            let partial = draw(p, a, i) + j * draw(q, d, i)
            let r = partial + k * draw(w, e, i)
            o[i] = r
            found = found || r.magnitude == .infinity
            i &+= 1
        }
        return !found
    }

    /// `LaneSum(.constant(c), terms, divisor:)` over the slice, into `o`: for each draw the
    /// constant, plus each term in order, then divided, as `LaneSum` adds term after term.
    /// With `marking`, also `mark` of the result (false at an infinite draw, as `mark` stops).
    @discardableResult
    private static func linear(_ o: UnsafeMutablePointer<Double>, _ b: KernelBuffers, _ c: Double,
                               _ terms: [(Double, KernelOperand)], _ divisor: Double, _ n: Int,
                               marking: (year: Double, test: YearTest, years: UnsafeMutablePointer<Double>)? = nil) -> Bool {
        // Certain terms fold into the constant in order, as `Quantity.linear` folds them (a
        // kernel compiled for a shape keeps them as terms; others fold them when compiled).
        // Two terms with draws, the usual identity (operating income from revenue and costs),
        // are read without an array (one per block and operation was a tenth of a search).
        var c = c
        var drawn: [(Double, UnsafePointer<Double>)] = []
        var pair: ((Double, UnsafePointer<Double>), (Double, UnsafePointer<Double>))?
        if terms.count == 2, let p0 = b.pointer(terms[0].1), let p1 = b.pointer(terms[1].1) {
            pair = ((terms[0].0, p0), (terms[1].0, p1))
        } else {
            drawn.reserveCapacity(terms.count)
            for (k, x) in terms {
                if let p = b.pointer(x) { drawn.append((k, p)) } else { c += k * x.amount }
            }
            if drawn.count == 2 { pair = (drawn[0], drawn[1]) }
        }
        // As `LaneSum.divide`: by a power of two, a product with its reciprocal (same bits).
        let byReciprocal = divisor.significand == 1, scale = 1 / divisor
        let zero = Lanes(repeating: 0), scales = Lanes(repeating: scale), divisors = Lanes(repeating: divisor)
        @inline(__always) func divided(_ v: Lanes) -> Lanes { byReciprocal ? v * scales + zero : v / divisors + zero }
        // Two terms, unrolled.
        if let ((k0, p0), (k1, p1)) = pair {
            let c8 = Lanes(repeating: c), k08 = Lanes(repeating: k0), k18 = Lanes(repeating: k1)
            @inline(__always) func at(_ i: Int) -> Lanes { divided(c8 + k08 * load(p0, i) + k18 * load(p1, i)) }
            var i = 0, finite = true
            if let marking {
                let (year, years) = (marking.year, marking.years)
                switch marking.test {
                case .atLeastZero: finite = storingAndMarking(o, n, year, years, &i, at) { $0 .>= zero }
                case .aboveZero: finite = storingAndMarking(o, n, year, years, &i, at) { $0 .> zero }
                case .belowZero: finite = storingAndMarking(o, n, year, years, &i, at) { $0 .< zero }
                }
            }
            let from = i
            while i &+ 8 <= n {
                store(at(i), o, i)
                i &+= 8
            }
            while i < n {
                o[i] = divided(Lanes(repeating: c) + k0 * Lanes(repeating: p0[i]) + k1 * Lanes(repeating: p1[i]))[0]
                i &+= 1
            }
            guard let marking, from < n else { return finite }
            return marking.test.mark(marking.year, o + from, into: marking.years + from, n - from) && finite
        }
        drawn.withUnsafeBufferPointer { drawn in
            var i = 0
            while i &+ 8 <= n {
                var sum = Lanes(repeating: c)
                for (k, p) in drawn { sum = sum + Lanes(repeating: k) * load(p, i) }
                store(divided(sum), o, i)
                i &+= 8
            }
            while i < n {
                var sum = Lanes(repeating: c)
                for (k, p) in drawn { sum = sum + k * Lanes(repeating: p[i]) }
                o[i] = divided(sum)[0]
                i &+= 1
            }
        }
        guard let marking else { return true }
        return marking.test.mark(marking.year, o, into: marking.years, n)
    }

    /// Writes `value(i)` of each eight draws to `o`, and marks `year` in `years` where a draw
    /// meets `test` and has no earlier year, as `YearTest.mark` does, up to the last multiple
    /// of eight (`i` is left there, for the caller to finish); false at an infinite draw.
    @inline(__always)
    private static func storingAndMarking(_ o: UnsafeMutablePointer<Double>, _ n: Int, _ year: Double,
                                          _ years: UnsafeMutablePointer<Double>, _ i: inout Int, _ value: (Int) -> Lanes,
                                          _ test: (Lanes) -> SIMDMask<Lanes.MaskStorage>) -> Bool {
        let marked = Lanes(repeating: year), none = Lanes(repeating: .infinity), negativeNone = Lanes(repeating: -.infinity)
        var infinite = SIMDMask<Lanes.MaskStorage>(repeating: false)
        while i &+ 8 <= n {
            let r = value(i)
            store(r, o, i)
            let candidate = none.replacing(with: marked, where: test(r))
            let known = load(years, i)
            store(known.replacing(with: candidate, where: candidate .< known), years, i)
            infinite .|= (r .== none) .| (r .== negativeNone)
            i &+= 8
        }
        return !any(infinite)
    }

    private static func noneBelowZero(_ o: UnsafeMutablePointer<Double>, _ n: Int) -> Bool {
        var found = 0, i = 0
        while i < n {
            found &+= o[i] < 0 ? 1 : 0
            i &+= 1
        }
        return found == 0
    }

    private static func noInfinity(_ o: UnsafeMutablePointer<Double>, _ n: Int) -> Bool {
        var found = 0, i = 0
        while i < n {
            found &+= Draws.isInfinite(o[i])
            i &+= 1
        }
        return found == 0
    }
}

// Draws: the values of an uncertain number, one per draw, and the summaries read from them.

/// The values of an uncertain number, one per draw (sample). Draw i of every uncertain number
/// in a model belongs to the same imagined world, so `x - x` is exactly 0 and a company's
/// cash in draw i follows from its revenue and costs in draw i. NaN marks a draw in which the
/// number has no value: a runway when nothing burns, a break-even that never comes.
public struct Draws: Sendable, Hashable {
    /// The values when they are stored here (empty when a recipe makes them).
    private var stored: [Double]
    /// How to draw them again, when they are not kept here (see `DrawRecipe`).
    private var recipe: DrawRecipe?

    /// The draws, one per sample; NaN where the number has no value.
    public var values: [Double] {
        get { recipe?.values ?? stored }
        set {
            stored = newValue
            recipe = nil
            knownFinite = false
        }
        _modify {
            if let recipe {
                stored = recipe.values
                self.recipe = nil
            }
            knownFinite = false
            yield &stored
        }
    }
    /// True when the operation that made these draws saw that none is infinite (checked in
    /// the same pass), so `hasNoInfinity` need not read them again. False: not known.
    public private(set) var knownFinite = false

    /// Draws with these values, one per sample.
    public init(_ values: [Double]) { stored = values }

    /// Draws `recipe` makes whenever they are read, none of them infinite.
    public init(_ recipe: DrawRecipe) {
        stored = []
        self.recipe = recipe
        knownFinite = true
    }

    @usableFromInline init(_ values: [Double], infinities: Int) {
        stored = values
        knownFinite = infinities == 0
    }

    /// Whether a recipe makes the values when they are read (see `DrawRecipe`).
    var isDrawnAgain: Bool { recipe != nil }

    /// How to make them a stretch at a time, when their recipe can (see `DrawStream`).
    var stream: (any DrawStream)? { recipe?.stream }

    /// The draws `stream` makes at `lanes`.
    private static func made(by stream: any DrawStream, at lanes: Range<Int>) -> Draws {
        let cursor = stream.cursor(at: lanes.lowerBound)
        return Draws([Double](unsafeUninitializedCapacity: lanes.count) { out, n in
            if let p = out.baseAddress { cursor.fill(p, count: lanes.count) }
            n = lanes.count
        })
    }

    /// The same draws with their values kept here.
    var kept: Draws {
        guard let recipe else { return self }
        var kept = Draws(recipe.values)
        kept.knownFinite = knownFinite
        return kept
    }

    /// What tells these draws apart from others while they live: their recipe, which lives
    /// as long as the model holding it, or the address of their values (the values of a
    /// recipe are let go and drawn again, maybe elsewhere).
    public var identity: Int {
        if let recipe { return Int(bitPattern: Unmanaged.passUnretained(recipe).toOpaque()) }
        return stored.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }

    // Equal draws are equal whatever is known about them.
    /// Equal when the values are equal as `Double`s compare (a NaN draw equals nothing), whatever is known
    /// about them.
    public static func == (a: Draws, b: Draws) -> Bool { a.values == b.values }
    /// Hashes the values only, matching `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }

    /// The number of draws.
    public var count: Int { recipe?.count ?? stored.count }

    /// The draws at `lanes` (the lanes a slice of the evaluation works on).
    public func slice(_ lanes: Range<Int>) -> Draws {
        guard lanes.count != count else { return self }
        var cut = stream.map { Draws.made(by: $0, at: lanes) } ?? Draws(Array(values[lanes]))
        cut.knownFinite = knownFinite
        return cut
    }

    // MARK: - Summaries

    /// Whether some draw has no value (is NaN), read eight at a time without a branch.
    var hasNaN: Bool {
        values.withUnsafeBufferPointer { x in
            guard let p = x.baseAddress else { return false }
            let n = x.count
            var found = SIMDMask<SIMD8<Int64>>(repeating: false)
            var i = 0
            while i &+ 8 <= n {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Double>.self)
                found .|= v .!= v
                i &+= 8
            }
            var any = Swift.any(found)
            while i < n {
                any = any || p[i].isNaN
                i &+= 1
            }
            return any
        }
    }

    /// How many draws have a value (are not NaN).
    public var valuedCount: Int {
        var n = 0
        for x in values where !x.isNaN { n += 1 }
        return n
    }

    /// The share of draws with no value, 0...1.
    public var noneShare: Double {
        values.isEmpty ? 0 : Double(values.count - valuedCount) / Double(values.count)
    }

    /// The mean of the draws that have a value; NaN when none has.
    public var mean: Double {
        var sum = 0.0, n = 0
        for x in values where !x.isNaN {
            sum += x
            n += 1
        }
        return n == 0 ? .nan : sum / Double(n)
    }

    /// The mean of draws that are each 0 or 1 (a condition), counted eight at a time; the
    /// same number as `mean`, since a sum of ones is exact in any order. `mean` for other draws.
    public var share: Double {
        typealias Lanes = SIMD8<Double>
        let counted = values.withUnsafeBufferPointer { x -> (ones: Int, valued: Int)? in
            guard let p = x.baseAddress else { return (0, 0) }
            let n = x.count, zero = Lanes(repeating: 0), one = Lanes(repeating: 1)
            var ones = SIMD8<Int64>(repeating: 0), valued = SIMD8<Int64>(repeating: 0), others = SIMD8<Int64>(repeating: 0)
            var i = 0
            while i &+ 8 <= n {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
                let isOne = v .== one, isValued = v .== v
                ones &+= SIMD8<Int64>(repeating: 0).replacing(with: 1, where: isOne)
                valued &+= SIMD8<Int64>(repeating: 0).replacing(with: 1, where: isValued)
                others &+= SIMD8<Int64>(repeating: 0).replacing(with: 1, where: isValued .& .!isOne .& (v .!= zero))
                i &+= 8
            }
            var (o, c) = (Int(ones.wrappedSum()), Int(valued.wrappedSum()))
            guard others.wrappedSum() == 0 else { return nil }
            while i < n {
                let v = p[i]
                guard v.isNaN || v == 0 || v == 1 else { return nil }
                if v == 1 { o += 1 }
                if !v.isNaN { c += 1 }
                i &+= 1
            }
            return (o, c)
        }
        guard let (ones, valued) = counted else { return mean }
        return valued == 0 ? .nan : Double(ones) / Double(valued)
    }

    /// Percentiles (0...100) of the draws that have a value (see `OrderStatistics`).
    public func percentiles(_ ps: [Double]) -> [Double] { OrderStatistics(self).percentiles(ps) }

    /// The `p`th percentile (0...100) of the draws with a value.
    public func percentile(_ p: Double) -> Double { percentiles([p])[0] }

    // MARK: - Lane by lane
    // The loops below index raw pointers: without bounds checks the compiler turns them into
    // vector instructions, several draws at a time.

    // Each loop also counts the infinite results it writes (no branch, so it stays vectorized
    // and costs nothing next to the memory traffic): a result is then checked without a pass.

    /// `f` applied to every draw.
    @inlinable public func map(_ f: (Double) -> Double) -> Draws {
        let n = values.count
        var infinities = 0
        let mapped = [Double](unsafeUninitializedCapacity: n) { out, count in
            infinities = values.withUnsafeBufferPointer { x -> Int in
                guard let o = out.baseAddress, let p = x.baseAddress else { return 0 }
                var found = 0, i = 0
                while i < n {
                    // A block of draws, then a question to the watch (a stop fills the rest with NaN).
                    let end = Swift.min(n, i &+ KernelWatch.stride)
                    while i < end {
                        let r = f(p[i])
                        o[i] = r
                        found &+= Draws.isInfinite(r)
                        i &+= 1
                    }
                    if i < n, KernelWatch.shouldStop() {
                        Draws.fillNoValue(o, from: i, to: n)
                        i = n
                    }
                }
                return found
            }
            count = n
        }
        return Draws(mapped, infinities: infinities)
    }

    /// `f` applied to every draw in place (no copy when these draws are the only holder).
    @inlinable public mutating func update(_ f: (Double) -> Double) {
        values.withUnsafeMutableBufferPointer { x in
            guard let p = x.baseAddress else { return }
            let n = x.count
            var i = 0
            while i < n {
                p[i] = f(p[i])
                i &+= 1
            }
        }
    }

    /// Marks draws `from..<to` as having no value: the rest of a loop a stop cut short (its
    /// result is never kept: the evaluation throws first).
    @inlinable static func fillNoValue(_ o: UnsafeMutablePointer<Double>, from: Int, to: Int) {
        var i = from
        while i < to {
            o[i] = .nan
            i &+= 1
        }
    }

    /// 1 for ±infinity, else 0 (NaN included), without a branch.
    @inlinable @inline(__always) static func isInfinite(_ x: Double) -> Int {
        x.magnitude == .infinity ? 1 : 0
    }

    /// `f` applied to draws at the same position of two uncertain numbers of the same width;
    /// or, with an `offset`, to draw i of `a` and draw `offset + i` of a wider `b` (a stored
    /// input read at a slice's lanes where it lies, rather than copied out).
    @inlinable public static func zip(_ a: Draws, _ b: Draws, offset: Int = 0,
                                      _ f: (Double, Double) -> Double) -> Draws {
        let n = Swift.max(0, Swift.min(a.values.count, b.values.count - offset))
        var infinities = 0
        let zipped = [Double](unsafeUninitializedCapacity: n) { out, count in
            infinities = a.values.withUnsafeBufferPointer { x in
                b.values.withUnsafeBufferPointer { y -> Int in
                    guard let o = out.baseAddress, let p = x.baseAddress, let q = y.baseAddress?.advanced(by: offset) else {
                        return 0
                    }
                    var found = 0, i = 0
                    while i < n {
                        let end = Swift.min(n, i &+ KernelWatch.stride)
                        while i < end {
                            let r = f(p[i], q[i])
                            o[i] = r
                            found &+= Draws.isInfinite(r)
                            i &+= 1
                        }
                        if i < n, KernelWatch.shouldStop() {
                            Draws.fillNoValue(o, from: i, to: n)
                            i = n
                        }
                    }
                    return found
                }
            }
            count = n
        }
        return Draws(zipped, infinities: infinities)
    }

    /// How many draws are below zero (NaN, "no value", is not).
    public var countBelowZero: Int {
        values.withUnsafeBufferPointer { x -> Int in
            guard let p = x.baseAddress else { return 0 }
            let n = x.count
            var found = 0, i = 0
            while i < n {
                found &+= p[i] < 0 ? 1 : 0
                i &+= 1
            }
            return found
        }
    }

    /// True when no draw is infinite (NaN, "no value", is allowed).
    public var hasNoInfinity: Bool {
        if knownFinite { return true }
        let infinities = values.withUnsafeBufferPointer { x -> Int in
            guard let p = x.baseAddress else { return 0 }
            // A `while` with wrapping steps: a `for` over a range checks each step for overflow,
            // and that check keeps the loop scalar.
            let n = x.count
            var found = 0, i = 0
            while i < n {
                found &+= Draws.isInfinite(p[i])
                i &+= 1
            }
            return found
        }
        return infinities == 0
    }
}

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

/// The order statistics of an uncertain number's draws with a value, found without sorting a
/// million draws and remembered, so the percentiles of one number asked one after another
/// cost one pass over the draws each.
///
/// A rank is found by sampling (Floyd and Rivest's idea): an evenly spaced sample of the draws,
/// sorted, gives two bounds that almost surely hold the rank between them; one pass counts the
/// draws below the lower bound and keeps the few between the bounds, and the rank is selected
/// among those. When the bounds miss (unlucky or adversarial order), a full selection answers.
public final class OrderStatistics: @unchecked Sendable {
    private let values: [Double]
    private var known: [Int: Double] = [:]
    private lazy var sample: [Double] = evenlySpacedSample()

    /// Order statistics of `draws`, leaving out draws with no value.
    public init(_ draws: Draws) {
        values = draws.hasNaN ? draws.values.filter { !$0.isNaN } : draws.values
    }

    /// Percentiles (0...100), interpolating linearly between order statistics (numpy's
    /// default); NaN when no draw has a value.
    public func percentiles(_ ps: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return ps.map { _ in .nan } }
        return ps.map { p in
            let position = min(max(p, 0), 100) / 100 * Double(n - 1)
            let lo = Int(position.rounded(.down)), hi = min(lo + 1, n - 1)
            let a = rank(lo)
            return lo == hi ? a : a + (rank(hi) - a) * (position - Double(lo))
        }
    }

    /// The p-th percentile (0...100) of `total` draws of which these are the ones with a
    /// value, the others counted as larger than every one (a year never reached): nil when it
    /// falls among those others (or between the last value and them).
    public func percentile(_ p: Double, outOf total: Int) -> Double? {
        let n = values.count
        guard total > 0 else { return nil }
        let position = min(max(p, 0), 100) / 100 * Double(total - 1)
        let lo = Int(position.rounded(.down)), fraction = position - Double(lo)
        guard lo < n, fraction == 0 || lo + 1 < n else { return nil }
        let a = rank(lo)
        return fraction == 0 ? a : a + (rank(lo + 1) - a) * fraction
    }

    /// The k-th smallest draw (from 0).
    func rank(_ k: Int) -> Double {
        if let x = known[k] { return x }
        let x = values.count <= OrderStatistics.sampleSize ? sample[k] : (sampledRank(k) ?? fullRank(k))
        known[k] = x
        return x
    }

    static let sampleSize = 16384

    /// Every draw when there are few, sorted; otherwise one in every `count / sampleSize`,
    /// sorted by their bits (a sample only bounds the draws near a rank, so -0 and 0 may go
    /// in either order; the standard sort of 16,384 numbers took a millisecond).
    private func evenlySpacedSample() -> [Double] {
        let n = values.count, m = min(n, OrderStatistics.sampleSize)
        guard n > m else { return values.sorted() }
        return OrderStatistics.radixSorted((0..<m).map { values[$0 * n / m] })
    }

    /// `x` (no NaN) in increasing order, by an LSD radix sort of keys that order as the numbers
    /// do: 11 bits at a time, six passes, each stable.
    static func radixSorted(_ x: [Double]) -> [Double] {
        let n = x.count, bits = 11, buckets = 1 << bits
        var keys = x.map { d -> UInt64 in
            let b = d.bitPattern
            return b >> 63 == 1 ? ~b : b | (1 << 63)
        }
        var other = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: buckets)
        for pass in 0..<((64 + bits - 1) / bits) {
            let shift = UInt64(pass * bits), mask = UInt64(buckets - 1)
            for i in 0..<buckets { counts[i] = 0 }
            for k in keys { counts[Int((k >> shift) & mask)] += 1 }
            var total = 0
            for i in 0..<buckets {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            for k in keys {
                let digit = Int((k >> shift) & mask)
                other[counts[digit]] = k
                counts[digit] += 1
            }
            swap(&keys, &other)
        }
        return keys.map { k in Double(bitPattern: k >> 63 == 1 ? k & ~(1 << 63) : ~k) }
    }

    /// The rank from the draws between two sample bounds around it; nil when they miss it.
    private func sampledRank(_ k: Int) -> Double? {
        let n = values.count, m = sample.count
        // Four standard deviations of a sample rank's error (at most √m / 2 positions): the
        // bounds miss about once in 16,000 ranks, and the full selection then answers.
        let j = k * m / n, margin = 2 * Int(Double(m).squareRoot()) + 1
        let lower = j - margin < 0 ? -Double.infinity : sample[j - margin]
        let upper = j + margin >= m ? Double.infinity : sample[j + margin]
        // The draws are read in parts, a thread each; the few between the bounds are kept.
        let capacity = 4 * margin * n / m + 1
        let parts = n >= Parallel.minimum * 4 ? Parallel.threads : 1
        var windows = [Window?](repeating: nil, count: parts)
        values.withUnsafeBufferPointer { x in
            windows.withUnsafeMutableBufferPointer { w in
                let w = w
                Parallel.each(parts) { part in
                    let range = (n * part / parts)..<(n * (part + 1) / parts)
                    w[part] = Window(x, range, between: lower, and: upper, capacity: capacity)
                }
            }
        }
        var below = 0
        var kept: [Double] = []
        for window in windows {
            guard let window, kept.count + window.kept.count <= capacity else { return nil }
            below += window.below
            kept += window.kept
        }
        let count = kept.count
        guard k >= below, k - below < count else { return nil }
        let at = k - below
        kept.withUnsafeMutableBufferPointer { OrderStatistics.select($0, at, from: 0, to: count - 1) }
        // The next rank, which a percentile between two draws also needs, is the smallest of
        // those after the selected one: remembered here, it costs no second pass.
        if at + 1 < count { known[k + 1] = kept[(at + 1)..<count].min()! }
        return kept[at]
    }

    private func fullRank(_ k: Int) -> Double {
        var copy = values
        copy.withUnsafeMutableBufferPointer { OrderStatistics.select($0, k, from: 0, to: $0.count - 1) }
        return copy[k]
    }

    /// Puts the k-th smallest of `a[from...to]` at `a[k]`, smaller ones before it and larger
    /// after (quickselect with a median-of-three pivot and Hoare's partition, which stays
    /// linear when many draws are equal, as years and conditions are).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, from: Int, to: Int) {
        var lo = from, hi = to
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo - 1, j = hi + 1
            while true {
                repeat { i += 1 } while a[i] < pivot
                repeat { j -= 1 } while a[j] > pivot
                if i >= j { break }
                a.swapAt(i, j)
            }
            if k <= j { hi = j } else { lo = j + 1 }
        }
    }
}

/// The draws of a range between two bounds (both kept), and how many lie below the lower.
private struct Window {
    var below = 0
    var kept: [Double] = []

    /// Nil when more than `capacity` draws lie between the bounds. Eight draws at a time:
    /// most eights have none between (the bounds hold a few percent of the draws), and are
    /// only counted.
    init?(_ x: UnsafeBufferPointer<Double>, _ range: Range<Int>, between lower: Double, and upper: Double, capacity: Int) {
        guard let p = x.baseAddress else { return nil }
        typealias Lanes = SIMD8<Double>
        let lo = Lanes(repeating: lower), hi = Lanes(repeating: upper)
        var counts = SIMD8<Int64>(repeating: 0)
        var out = [Double](repeating: 0, count: capacity), end = 0
        let complete = out.withUnsafeMutableBufferPointer { o -> Bool in
            guard let q = o.baseAddress else { return false }
            var i = range.lowerBound
            while i &+ 8 <= range.upperBound {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
                counts &+= SIMD8<Int64>(repeating: 0).replacing(with: 1, where: v .< lo)
                let inside = (v .>= lo) .& (v .<= hi)
                // A sum of the lanes rather than `any`, which goes lane by lane.
                if SIMD8<Int64>(repeating: 0).replacing(with: 1, where: inside).wrappedSum() != 0 {
                    for lane in 0..<8 where inside[lane] {
                        guard end < capacity else { return false }
                        q[end] = v[lane]
                        end &+= 1
                    }
                }
                i &+= 8
            }
            while i < range.upperBound {
                let v = p[i]
                if v < lower { counts[0] &+= 1 }
                if v >= lower, v <= upper {
                    guard end < capacity else { return false }
                    q[end] = v
                    end &+= 1
                }
                i &+= 1
            }
            return true
        }
        guard complete else { return nil }
        below = Int(counts.wrappedSum())
        out.removeLast(capacity - end)
        kept = out
    }
}

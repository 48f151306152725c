// OrderStatistics: the ranks of an uncertain number's draws (percentiles) found without
// sorting a million draws: a sorted sample bounds each rank, one pass keeps the draws between
// the bounds, and the rank is selected among those.

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
        // The helpers are woken now, while the sample is drawn and sorted, for the pass below.
        if values.count >= Parallel.minimum * 4 { Parallel.expectLoop(within: 1000) }
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

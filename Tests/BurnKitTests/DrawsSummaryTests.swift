// DrawsSummaryTests: the share of a condition counted eight draws at a time is the mean the
// plain sum gives, and percentiles read from windows on two threads are those of a full sort.
import Testing
@testable import BurnModel

@Suite struct DrawsSummaryTests {
    private static func draws(_ count: Int, seed: UInt64, _ make: (inout SplitMix64) -> Double) -> Draws {
        var rng = SplitMix64(seed: seed)
        return Draws((0..<count).map { _ in make(&rng) })
    }

    /// Conditions (0, 1 and no value) of lengths around multiples of eight: `share` has the
    /// bits of `mean`; NaN when no draw has a value.
    @Test func theShareOfAConditionIsItsMean() {
        for count in [0, 1, 7, 8, 9, 1_000, 100_003] {
            let condition = Self.draws(count, seed: UInt64(count)) { rng in
                switch rng.next() % 5 { case 0: .nan; case 1, 2: 1; default: 0 }
            }
            let (share, mean) = (condition.share, condition.mean)
            #expect(share.bitPattern == mean.bitPattern || (share.isNaN && mean.isNaN), "\(count) draws")
        }
        #expect(Draws([Double.nan, .nan]).share.isNaN)
        #expect(Draws([1, 1, 0, 1]).share == 0.75)
    }

    /// Draws that are not a condition (a 2, a 0.5) are summed as `mean` sums them.
    @Test func otherDrawsAreAveragedAsTheMeanIs() {
        let amounts = Self.draws(10_001, seed: 4) { rng in Double(rng.next() % 1_000) / 7 }
        #expect(amounts.share.bitPattern == amounts.mean.bitPattern)
        #expect(Draws([0, 1, 1, 2]).share == 1)
        #expect(Draws([0, 1, 1, 0.5]).share == 0.625)
    }

    /// The sample's radix sort orders numbers as `<` does: negatives, zeros of both signs,
    /// infinities, the smallest and largest numbers, and random bits of every exponent.
    @Test func theRadixSortOrdersAsTheStandardSort() {
        var rng = SplitMix64(seed: 21)
        var x: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
                           .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1, 1, 0.5]
        while x.count < 20_000 {
            let d = Double(bitPattern: rng.next())
            if !d.isNaN { x.append(d) }
        }
        #expect(OrderStatistics.radixSorted(x) == x.sorted())
        #expect(OrderStatistics.radixSorted([]) == [])
    }

    /// Percentiles of a million draws with some lacking a value, against the sorted draws
    /// (interpolated as numpy's default), at ranks near the ends, the middle and between.
    @Test func percentilesOfAMillionDrawsAreThoseOfTheSortedDraws() {
        let draws = Self.draws(1_000_000, seed: 9) { rng in
            rng.next() % 50 == 0 ? .nan : Double(Int64(bitPattern: rng.next() % 2_000_000_000) - 500_000_000) / 1e3
        }
        let sorted = draws.values.filter { !$0.isNaN }.sorted()
        #expect(draws.hasNaN)
        #expect(!Draws(sorted).hasNaN)
        let ranks = [0, 0.1, 5, 10, 33.3, 50, 90, 95, 99.9, 100]
        let found = draws.percentiles(ranks)
        for (p, x) in zip(ranks, found) {
            let position = p / 100 * Double(sorted.count - 1)
            let lo = Int(position.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
            let expected = sorted[lo] + (sorted[hi] - sorted[lo]) * (position - Double(lo))
            #expect(x == expected, "percentile \(p)")
        }
    }
}

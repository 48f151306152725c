// LaneSumTests: a sum worked out a block at a time has the bits of adding one term at a time,
// across block edges, and says whether a draw is infinite.
import BurnModel
import Testing

@Suite struct LaneSumTests {
    /// Not a multiple of the block, so the last block is short.
    static let width = 1_300

    private func draws(_ seed: UInt64, scale: Double) -> Draws {
        var stream = TestStream(state: seed)
        return Draws((0..<LaneSumTests.width).map { _ in (stream.next() - 0.3) * scale })
    }

    @Test func sameBitsAsOneTermAtATime() {
        let x = draws(1, scale: 3e9), y = draws(2, scale: 1e-3), z = draws(3, scale: 7)
        let sum = LaneSum(.draws(1, x), [.draws(1, y), .constant(0.1), .draws(-2.5, z), .constant(-3)]).evaluate()
        #expect(sum.count == LaneSumTests.width)
        for i in 0..<LaneSumTests.width {
            var expected = x.values[i]
            expected = expected + y.values[i]
            expected = expected + 0.1
            expected = expected + -2.5 * z.values[i]
            expected = expected + -3
            #expect(sum.values[i].bitPattern == expected.bitPattern, "draw \(i)")
        }
        #expect(sum.hasNoInfinity)
    }

    @Test func startsFromAnAmountAndDivides() {
        let x = draws(4, scale: 10)
        let half = LaneSum(.constant(2), [.draws(3, x)], divisor: -2).evaluate()
        let third = LaneSum(.constant(2), [.draws(3, x)], divisor: 3).evaluate()
        for i in 0..<LaneSumTests.width {
            #expect(half.values[i] == (2 + 3 * x.values[i]) / -2 + 0)
            #expect(third.values[i] == (2 + 3 * x.values[i]) / 3 + 0)
        }
        // -0 becomes 0, which prints without a sign.
        let zero = LaneSum(.constant(0), [.draws(1, Draws([-0.0]))], divisor: -1).evaluate()
        #expect(zero.values[0].sign == .plus)
    }

    @Test func flagsAnInfiniteDrawInAnyBlock() {
        var values = draws(5, scale: 1).values
        values[LaneSumTests.width - 1] = 1.7e308
        let sum = LaneSum(.draws(1, Draws(values)), [.constant(1e308)]).evaluate()
        #expect(!sum.hasNoInfinity)
        #expect(sum.values[LaneSumTests.width - 1] == .infinity)
        // NaN is a draw with no value, not an infinity.
        values[LaneSumTests.width - 1] = .nan
        #expect(LaneSum(.draws(1, Draws(values)), [.constant(1)]).evaluate().hasNoInfinity)
    }

    @Test func lanewiseResultsKnowTheyAreFinite() {
        let x = draws(6, scale: 1e300)
        #expect(Quantity.lanewise(Quantity(draws: x), Quantity(2)) { $0 * $1 }.isFinite)
        #expect(!Quantity.lanewise(Quantity(draws: x), Quantity(1e10)) { $0 * $1 }.isFinite)
    }
}

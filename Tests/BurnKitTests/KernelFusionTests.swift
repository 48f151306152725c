// KernelFusionTests: a fused operation writes the same bits, and stops the kernel at the same
// draws, as the operations it joins run one after the other; and the fusion pass joins only
// the runs it may.
import Testing
@testable import BurnModel

@Suite struct KernelFusionTests {
    /// Block lengths: whole eights, and tails of every length past the last eight.
    static let widths = [1, 7, 8, 9, 15, 64, 517, 1024]

    /// Four slots of draws (0 and 1 inputs, 2 and 3 outputs) and two stored inputs, filled
    /// with numbers from a fixed seed: some below zero and, with `infinite`, one infinite.
    private struct Block {
        let width: Int
        var slots: [Double]
        var stored: [[Double]]
        var years: [Double]

        init(width: Int, seed: UInt64, negative: Bool, infinite: Bool) {
            self.width = width
            var rng = SplitMix64(seed: seed)
            func draw() -> Double {
                let x = Double(rng.next() % 1_000_000) / 1_000 + 0.5
                return negative && rng.next() % 7 == 0 ? -x : x
            }
            slots = (0..<(4 * width)).map { _ in draw() }
            stored = (0..<2).map { _ in (0..<width).map { _ in draw() / 1_000 } }
            if infinite { slots[width / 2] = .infinity }
            years = (0..<width).map { i in i % 3 == 0 ? 2027 : .infinity }
        }

        /// Runs `ops` in order as a kernel runs a block; false when one stops it.
        mutating func run(_ ops: [KernelOp]) -> Bool {
            let width = self.width
            return slots.withUnsafeMutableBufferPointer { s in
                years.withUnsafeMutableBufferPointer { y in
                    stored[0].withUnsafeBufferPointer { a in
                        stored[1].withUnsafeBufferPointer { b in
                            let buffers = KernelBuffers(slots: s.baseAddress!, width: width, stride: width,
                                                        inputs: [a.baseAddress!, b.baseAddress!], offset: 0,
                                                        years: y.baseAddress!)
                            return ops.allSatisfy { $0.run(buffers) }
                        }
                    }
                }
            }
        }
    }

    /// Each fused run against its parts, on every width, with and without draws below zero
    /// and an infinite draw: the same bits in every slot and year, and the same stop.
    @Test(arguments: widths)
    func fusedOperationsMatchTheirParts(width: Int) {
        let runs: [[KernelOp]] = [
            [.grow(out: 2, .slot(0), .stored(0)), .requireNonNegative(2)],
            [.grow(out: 2, .amount(3.7e9), .stored(1)), .requireNonNegative(2)],
            [.grow(out: 0, .slot(0), .slot(1)), .requireNonNegative(0)],
            [.addScaled(out: 2, .slot(0), 1, .slot(1)), .addScaled(out: 2, .slot(2), -1, .stored(0)), .requireFinite(2)],
            [.addScaled(out: 3, .amount(1e10), 1, .stored(1)), .addScaled(out: 3, .slot(3), -0.5, .slot(0)), .requireFinite(3)],
            [.linear(out: 2, 0, [(-1, .slot(0)), (1, .slot(1))], -1), .mark(.slot(2), year: 2026, test: .atLeastZero)],
            [.linear(out: 3, 5, [(2, .slot(0)), (-1, .stored(0))], 3), .mark(.slot(3), year: 2025, test: .aboveZero)],
            [.linear(out: 2, 0, [(1, .slot(0)), (-1, .slot(1)), (0.5, .stored(1))], -1),
             .mark(.slot(2), year: 2030, test: .belowZero)],
        ]
        for (r, parts) in runs.enumerated() {
            let fused = KernelFusion.fused(parts)
            #expect(fused.count == 1, "run \(r) was not fused: \(fused)")
            for (negative, infinite) in [(false, false), (true, false), (false, true), (true, true)] {
                let seed = UInt64(r * 10 + width)
                var one = Block(width: width, seed: seed, negative: negative, infinite: infinite)
                var other = one
                let stepwise = one.run(parts), together = other.run(fused)
                #expect(stepwise == together, "run \(r), width \(width): stops \(stepwise) vs \(together)")
                // A stopped kernel's buffers are never read: only a run that went on must agree.
                guard stepwise, together else { continue }
                #expect(one.slots.map(\.bitPattern) == other.slots.map(\.bitPattern), "run \(r), width \(width): slots")
                #expect(one.years.map(\.bitPattern) == other.years.map(\.bitPattern), "run \(r), width \(width): years")
            }
        }
    }

    /// Runs that must stay apart: a check of another slot, a certain term (which `addScaled`
    /// skips when zero), a mark of another slot, and operations not next to each other.
    @Test func runsThatMayNotBeJoinedStayApart() {
        let apart: [[KernelOp]] = [
            [.grow(out: 2, .slot(0), .stored(0)), .requireNonNegative(3)],
            [.addScaled(out: 2, .slot(0), 1, .amount(0)), .addScaled(out: 2, .slot(2), -1, .slot(1)), .requireFinite(2)],
            [.addScaled(out: 2, .slot(0), 1, .slot(1)), .addScaled(out: 2, .slot(2), -1, .amount(5)), .requireFinite(2)],
            [.addScaled(out: 2, .slot(0), 1, .slot(1)), .addScaled(out: 2, .slot(2), -1, .slot(1))],
            [.linear(out: 2, 0, [(1, .slot(0))], 1), .mark(.slot(3), year: 2026, test: .atLeastZero)],
            [.grow(out: 2, .slot(0), .stored(0)), .mark(.slot(1), year: 2026, test: .atLeastZero), .requireNonNegative(2)],
        ]
        for ops in apart {
            #expect(KernelFusion.fused(ops).count == ops.count, "\(ops) was fused")
        }
    }
}

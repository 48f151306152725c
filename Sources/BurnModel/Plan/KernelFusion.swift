// KernelFusion: joins operations a kernel runs one after the other on the same buffer into
// one loop each (a growth and its check; two terms of a sum and its check; an identity and
// the year search's mark of it), so that each draw
// is read and written once while it is in a register rather than once per operation. Every
// fused loop does a draw's arithmetic in the same order, so the draws have the same bits.

enum KernelFusion {
    /// `ops` with each run of operations that has a fused form replaced by it.
    static func fused(_ ops: [KernelOp]) -> [KernelOp] {
        var out: [KernelOp] = []
        out.reserveCapacity(ops.count)
        var i = 0
        while i < ops.count {
            if let (op, length) = fusedRun(ops, at: i) {
                out.append(op)
                i += length
            } else {
                out.append(ops[i])
                i += 1
            }
        }
        return out
    }

    /// The fused operation the run starting at `i` makes, and how many operations it takes.
    private static func fusedRun(_ ops: [KernelOp], at i: Int) -> (KernelOp, Int)? {
        func next(_ k: Int) -> KernelOp? { i + k < ops.count ? ops[i + k] : nil }
        switch ops[i] {
        case .grow(let out, let x, let y):
            guard case .requireNonNegative(let checked)? = next(1), checked == out else { return nil }
            return (.growChecked(out: out, x, y), 2)
        case .addScaled(let out, let x, let j, let y):
            // A certain term is left alone: `addScaled` skips a certain zero.
            guard y.slot != nil || y.isStored,
                  case .addScaled(let out2, .slot(let source), let k, let z)? = next(1), out2 == out, source == out,
                  z.slot != nil || z.isStored,
                  case .requireFinite(let checked)? = next(2), checked == out else { return nil }
            return (.addScaledTwice(out: out, x, j, y, k, z), 3)
        case .linear(let out, let c, let terms, let d):
            guard case .mark(.slot(let marked), let year, let test)? = next(1), marked == out else { return nil }
            return (.linearMarked(out: out, c, terms, d, year: year, test: test), 2)
        default:
            return nil
        }
    }
}

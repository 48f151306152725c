// KernelParameters: a kernel compiled once for a company shape, with holes where one company's
// numbers go. Compiled from the traced company's cells with each certain value replaced by a
// marker (a NaN whose payload numbers the hole), it keeps the amounts unfolded, so that every
// amount of an operation is one marker; binding a company fills each hole with its number and
// each input with its draws (see `ShapeDrawKernel`).

/// Where a shape kernel's amounts and inputs come from, for any company of the shape.
struct KernelParameters {
    /// An amount: a certain cell (its register among the certain cells' `ShapeOp`s) or the
    /// certain rate of a rule.
    enum Amount {
        case register(Int)
        case rate(metric: Int, rule: Int)
    }

    /// Stored draws: an uncertain fact's, or an uncertain rate's.
    enum Input: Hashable {
        case fact(metric: Int, year: Int)
        case rate(metric: Int, rule: Int)
    }

    private(set) var amounts: [Amount] = []
    private(set) var inputs: [Input] = []

    /// A marker for a new hole filled with `amount`.
    mutating func mark(_ amount: Amount) -> Double {
        amounts.append(amount)
        return Double(bitPattern: KernelParameters.tag | UInt64(amounts.count - 1))
    }

    /// The hole a marker numbers; nil for any other number.
    static func hole(_ x: Double) -> Int? {
        let bits = x.bitPattern
        return bits & ~0xFFFF_FFFF == tag ? Int(bits & 0xFFFF_FFFF) : nil
    }

    /// A quiet NaN with a bit no arithmetic sets (arithmetic makes 0x7FF8_0000_0000_0000).
    private static let tag: UInt64 = 0x7FF9_0000_0000_0000

    /// The position of `input` among the kernel's inputs, added when new.
    mutating func position(of input: Input) -> Int {
        if let i = inputs.firstIndex(of: input) { return i }
        inputs.append(input)
        return inputs.count - 1
    }
}

extension KernelOperand {
    /// The operand with a marker replaced by its hole's amount in `values`.
    func filled(_ values: [Double]) -> KernelOperand {
        guard case .amount(let x) = self, let hole = KernelParameters.hole(x) else { return self }
        return .amount(values[hole])
    }
}

extension KernelOp {
    /// The operation with every marker replaced by its hole's amount in `values`.
    func filled(_ values: [Double]) -> KernelOp {
        switch self {
        case .grow(let out, let x, let y): return .grow(out: out, x.filled(values), y.filled(values))
        case .growChecked(let out, let x, let y): return .growChecked(out: out, x.filled(values), y.filled(values))
        case .addScaledTwice(let out, let x, let j, let y, let k, let z):
            return .addScaledTwice(out: out, x.filled(values), j, y.filled(values), k, z.filled(values))
        case .times(let out, let x, let y): return .times(out: out, x.filled(values), y.filled(values))
        case .addScaled(let out, let x, let k, let y): return .addScaled(out: out, x.filled(values), k, y.filled(values))
        case .linear(let out, let c, let terms, let d):
            return .linear(out: out, c, terms.map { ($0.0, $0.1.filled(values)) }, d)
        case .linearMarked(let out, let c, let terms, let d, let year, let test):
            return .linearMarked(out: out, c, terms.map { ($0.0, $0.1.filled(values)) }, d, year: year, test: test)
        case .keep(let x, let a): return .keep(x.filled(values), into: a)
        case .mark(let x, let year, let test): return .mark(x.filled(values), year: year, test: test)
        case .requireFinite, .requireNonNegative, .drawn: return self
        }
    }
}

// SliceColumn: an answer's draws gathered slice by slice. A slice may answer with a certain
// value where another has draws (an `if` on draws whose draws all took one branch there):
// the column is then that value in each of the slice's lanes, as one pass over every draw
// would give it.

/// The answers of one cell from each slice, joined as one evaluation over every draw would.
/// The draws are gathered as the slices come (a slice's certain value repeated), so a column
/// is held once, not once per slice and again joined.
struct SliceColumn {
    private var first: Found?
    /// Every slice so far gave `first`, a certain value (or none), with no draws.
    private var uniform = true
    private var template: Quantity?
    private var all: [Double] = []
    private var unknown: Found?

    enum Found {
        case value(Quantity)
        case unknown(ModelError)
        case none(String)
    }

    /// A slice of `lanes` draws answered `found`; `total` draws in all.
    mutating func add(_ found: Found, lanes: Int, total: Int) {
        if first == nil {
            first = found
            all.reserveCapacity(total)
        }
        if case .unknown = found {
            if unknown == nil { unknown = found }
            return
        }
        if uniform, !SliceColumn.same(found, first!) { uniform = false }
        switch found {
        case .value(let q):
            if template == nil || (template!.draws == nil && q.draws != nil) { template = q }
            if let d = q.draws { all += d.values } else { all += repeatElement(q.value, count: lanes) }
        case .none: all += repeatElement(.nan, count: lanes)
        case .unknown: break
        }
    }

    /// The joined answer: an unknown or a certain value shared by every slice as it is,
    /// else draws (a slice's certain value repeated, its "none" as draws with no value).
    var joined: Found {
        guard let first else { return .none("no draws") }
        if let unknown { return unknown }
        if uniform {
            switch first {
            case .value(let q) where q.draws == nil: return first
            case .none: return first
            default: break
            }
        }
        guard let template else { return first }
        return .value(Quantity(draws: Draws(all), template.unit, display: template.display))
    }

    private static func same(_ a: Found, _ b: Found) -> Bool {
        switch (a, b) {
        case (.value(let x), .value(let y)):
            return x.draws == nil && y.draws == nil && x.value.bitPattern == y.value.bitPattern
                && x.unit == y.unit && x.display == y.display
        case (.none, .none): return true
        default: return false
        }
    }
}

extension SliceColumn.Found {
    init(_ cell: Cell) {
        switch cell {
        case .value(let q): self = .value(q)
        case .unknown(let e): self = .unknown(e)
        case .none(let why): self = .none(why)
        }
    }
}

extension Cell {
    init(_ found: SliceColumn.Found) {
        switch found {
        case .value(let q): self = .value(q)
        case .unknown(let e): self = .unknown(e)
        case .none(let why): self = .none(why)
        }
    }
}

/// A cell's mean over every draw, gathered slice by slice without keeping the draws: draws
/// with no value are left out; a cell certain (or unknown, or none) in every slice alike is
/// shown as it is.
struct SliceMean {
    private var first: Cell?
    private var uniform = true
    private var unit: Quantity?
    private var sum = 0.0
    private var count = 0

    mutating func add(_ cell: Cell, lanes: Int) {
        if first == nil { first = cell }
        if case .unknown = cell { return }
        if uniform, !SliceMean.same(cell, first!) { uniform = false }
        switch cell {
        case .value(let q):
            if unit == nil || (unit!.draws == nil && q.draws != nil) { unit = q }
            if let d = q.draws {
                for x in d.values where !x.isNaN {
                    sum += x
                    count += 1
                }
            } else if !q.value.isNaN {
                for _ in 0..<lanes { sum += q.value }
                count += lanes
            }
        case .none, .unknown: break
        }
    }

    var cell: Cell {
        guard let first else { return .none("none in every sample") }
        if case .unknown = first { return first }
        if uniform, case .value(let q) = first, q.draws == nil { return first }
        if uniform, case .none = first { return first }
        guard let unit else { return .none("none in every sample") }
        guard count > 0 else { return .none("none in every sample") }
        return .value(Quantity(sum / Double(count), unit.unit, display: unit.display))
    }

    private static func same(_ a: Cell, _ b: Cell) -> Bool {
        switch (a, b) {
        case (.value(let x), .value(let y)):
            return x.draws == nil && y.draws == nil && x.value.bitPattern == y.value.bitPattern
        case (.none, .none): return true
        default: return false
        }
    }
}

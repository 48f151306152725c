// SliceColumn: an answer's draws gathered slice by slice. A slice may answer with a certain
// value where another has draws (an `if` on draws whose draws all took one branch there):
// the column is then that value in each of the slice's lanes, as one pass over every draw
// would give it. A column may be given the place of every draw, where each slice's reader
// puts its draws itself, on the slice's thread (`ColumnRead`).

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
    /// Where the draws go, every draw's place, when given; else they are gathered in `all`.
    private let out: UnsafeMutablePointer<Double>?
    /// Draws of the slices so far.
    private(set) var placed = 0

    init() { out = nil }

    /// A column whose draws go to `out`, which has room for every draw.
    init(into out: UnsafeMutablePointer<Double>) { self.out = out }

    enum Found {
        case value(Quantity)
        case unknown(ModelError)
        case none(String)
    }

    /// A slice of `lanes` draws answered `found`; `total` draws in all.
    mutating func add(_ found: Found, lanes: Int, total: Int) {
        if first == nil {
            first = found
            if out == nil { all.reserveCapacity(total) }
        }
        if case .unknown = found {
            if unknown == nil { unknown = found }
            placed += lanes
            return
        }
        if uniform, !SliceColumn.same(found, first!) { uniform = false }
        switch found {
        case .value(let q):
            if template == nil || (template!.draws == nil && q.draws != nil) { template = q }
            if let d = q.draws { put(d.values, lanes) } else { put(repeatElement(q.value, count: lanes), lanes) }
        case .none: put(repeatElement(.nan, count: lanes), lanes)
        case .unknown: break
        }
    }

    /// What a slice's reader handed over: its cell, or its draws already in their place.
    mutating func add(_ read: ColumnRead, lanes: Int, total: Int) {
        switch read {
        case .found(.value(let q)): add(.value(q), lanes: lanes, total: total)
        case .found(.unknown(let e)): add(.unknown(e), lanes: lanes, total: total)
        case .placed(let q):
            if first == nil { first = .value(q) }
            uniform = false
            if template == nil || template!.draws == nil { template = q }
            placed += lanes
        }
    }

    /// The next `lanes` draws: `values` (as many, for a slice's answer).
    private mutating func put<C: Collection<Double>>(_ values: C, _ lanes: Int) {
        guard let out else {
            all += values
            placed += values.count
            return
        }
        var i = placed
        for x in values.prefix(lanes) {
            out[i] = x
            i += 1
        }
        // A slice's answer has as many draws as the slice: more or fewer never spill over.
        while i < placed + lanes {
            out[i] = .nan
            i += 1
        }
        placed += lanes
    }

    /// The joined answer: an unknown or a certain value shared by every slice as it is,
    /// else draws (a slice's certain value repeated, its "none" as draws with no value). A
    /// column given a place for its draws is given them back, every draw, in `placed`.
    func joined(_ placedDraws: [Double]? = nil) -> Found {
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
        return .value(Quantity(draws: Draws(placedDraws ?? all), template.unit, display: template.display))
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

/// What a column's reader hands over from a slice: its cell, or, when the slice's answer has
/// a draw for each of its lanes, only the answer's unit and display, its draws put in their
/// place by the reader itself, on the slice's thread (no slice's draws are then held until
/// the calling thread takes them, nor copied there).
enum ColumnRead {
    case found(Evaluator.Found)
    case placed(Quantity)

    /// `found`, from a slice of `lanes`, its draws put in `out` at the lanes when it has one
    /// for each.
    init(_ found: Evaluator.Found, lanes: Range<Int>?, placingIn out: UnsafeMutablePointer<Double>) {
        guard case .value(var q) = found, let lanes, let draws = q.draws, draws.count == lanes.count else {
            self = .found(found)
            return
        }
        draws.values.withUnsafeBufferPointer { (out + lanes.lowerBound).update(from: $0.baseAddress!, count: lanes.count) }
        q.draws = Draws([])
        self = .placed(q)
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

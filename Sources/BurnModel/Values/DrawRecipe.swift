// DrawRecipe: draws that can be drawn again instead of kept. A range such as `21% to 61%`
// holds one number per sample: 80 KB at 10,000 samples, so a portfolio of 10,000 companies
// growing at uncertain rates held 800 MB. The generator's state before the draws and what
// it draws are enough to make them again with the same bits, so only the draws read last are
// held (`HeldDraws`, within a budget), and the others are drawn again when read.
import Synchronization

/// How to draw an uncertain number's values again: the same values, bit for bit, each time.
public final class DrawRecipe: Sendable {
    /// The number of draws.
    public let count: Int
    /// Draws them (from a copy of the generator's state before them).
    let draw: @Sendable () -> [Double]
    /// Where they are held while read lately.
    let held: HeldDraws
    /// Makes them a stretch at a time from any draw on, when that is cheap (a kernel then
    /// reads them so rather than holding them).
    let stream: (any DrawStream)?

    /// Draws that `draw` makes, `count` of them, held by `held`; `stream` makes the same ones a
    /// stretch at a time.
    public init(count: Int, held: HeldDraws, stream: (any DrawStream)? = nil, draw: @escaping @Sendable () -> [Double]) {
        self.count = count
        self.held = held
        self.stream = stream
        self.draw = draw
        held.made(self)
    }

    /// The draws: held if read lately, else drawn again (and held).
    var values: [Double] { held.values(of: self) }

    deinit { held.forget(self) }
}

/// The inputs made by a recipe that one question reads, held whatever the budget until the
/// next question: its slices each read them, and a question reading more ranges than the
/// budget holds would otherwise draw them again for every slice.
final class InputPins: Sendable {
    private let pinned = Mutex<[Int: Draws]>([:])

    /// `draws` with their values held here if a recipe makes them (the same `draws` otherwise,
    /// and for a recipe that makes them a stretch at a time: a slice makes its own).
    func whole(_ draws: Draws) -> Draws {
        guard draws.isDrawnAgain, draws.stream == nil else { return draws }
        return pinned.withLock { pinned in
            if let held = pinned[draws.identity] { return held }
            let held = draws.kept
            pinned[draws.identity] = held
            return held
        }
    }

    /// A new question: the last one's inputs are let go.
    func clear() { pinned.withLock { $0.removeAll() } }
}

// DrawStream: draws a recipe can make a stretch at a time from any draw on. A kernel reads
// such draws a block at a time, made as it goes, rather than from an array of every draw: a
// million uniforms are 8 MB of fresh memory to fault in and to read back, and making them
// again costs less than either.

/// Draws that can be made from any draw on, a stretch at a time, with the bits the recipe's
/// `draw` gives them.
public protocol DrawStream: Sendable {
    /// A cursor at draw `i`, its first `fill` making draw `i` on.
    func cursor(at i: Int) -> any DrawCursor
}

/// A place in a `DrawStream`, owned by one thread: each `fill` makes the next `count` draws.
public protocol DrawCursor: AnyObject {
    func fill(_ out: UnsafeMutablePointer<Double>, count: Int)
}

// PlanStatistics: how an uncertain model's questions were answered (compiled, on every core,
// or by the evaluator alone), counted for the benchmark notes and the tests.

/// Counts of the ways questions about an uncertain model were worked out. Shared by every
/// copy of a model (a session's snapshots count into the same one).
public final class PlanStatistics: @unchecked Sendable {
    /// Questions compiled from their first slice and run as a program on every core.
    public internal(set) var parallel = 0
    /// Compiled questions run on one thread: a step needs the language (a formula that is not
    /// a sum of metrics), or the question reads more from each slice (a projection).
    public internal(set) var oneThread = 0
    /// Compiled questions whose every step is an operation of a flat kernel over buffers of
    /// draws (counted besides `parallel` or `oneThread`).
    public internal(set) var kernels = 0
    /// Operations of those kernels, each kernel counted once: a loop over a slice's draws each.
    public internal(set) var kernelOperations = 0
    /// Certain questions answered by their company shape's kernel (`ShapeKernel`).
    public internal(set) var shapeKernelAnswers = 0
    /// Uncertain questions answered by a kernel compiled from their shape's template, without
    /// a trace of their own (`ShapeDrawKernel`).
    public internal(set) var shapeDrawAnswers = 0
    /// Questions with no program: an answer was not kept as a step of the first slice.
    public internal(set) var fallbacks = 0
    /// Slices a worker gave back because a step needed the language after all.
    public internal(set) var slicesRedone = 0
    /// Searches over years (break-even, runs-out) asked alone: each asks its years' cells as one
    /// compiled question (counted above too) and searches each slice once its cells are in.
    public internal(set) var searches = 0

    /// No questions counted yet.
    public init() {}
}

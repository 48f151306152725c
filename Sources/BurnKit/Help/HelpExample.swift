// HelpExample: runs a topic's example as a user would type it: each line a REPL cell, a line
// that leaves a bracket open continued by the next (as `burn < example` reads it).

extension HelpTopic {
    /// The example's cells, in order.
    public var exampleCells: [String] {
        var cells: [String] = []
        var buffer = ""
        for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
            buffer += buffer.isEmpty ? String(line) : "\n" + line
            if ReplSession.needsMoreInput(buffer) { continue }
            cells.append(buffer)
            buffer = ""
        }
        if !buffer.isEmpty { cells.append(buffer) }
        return cells
    }

    /// Types the example into `repl` (a fresh one by default) and returns everything it
    /// printed, without the final newline: what `output` must hold.
    public func runExample(in repl: ReplSession = ReplSession()) -> String {
        exampleCells.map { repl.submit($0).text }.joined().trimmingTrailingNewlines()
    }
}

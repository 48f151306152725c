// OutputText: the text front ends' rendering of output events (the REPL, `burn run`,
// notebooks): aligned tables (or Markdown), terminal bars, the explain tree, `[n] value`.

/// Output events as the text the REPL, `burn run` and notebooks print: aligned tables (or Markdown),
/// terminal bars, the explain tree, `[n] value`.
public enum OutputText {
    /// What the REPL and `burn run` print for `event`.
    public static func render(_ event: OutputEvent) -> String {
        switch event {
        case .value(_, let text, let cell): return (cell.map { "[\($0)] " } ?? "") + text + "\n"
        case .table(let table): return render(table)
        case .chart(let chart): return chart.terminal
        case .explain(let tree): return render(tree)
        case .text(let text): return text
        case .checkFailure(let failure): return failure.display
        }
    }

    /// The title line, the table (aligned text or Markdown, as its style says), then its notes
    /// and closing lines.
    public static func render(_ table: TableEvent) -> String {
        var grid = TextTable(headers: table.columns.map(\.header), rows: table.rows.map { $0.map(\.text) })
        grid.leftAligned = Set(table.columns.indices.filter { table.columns[$0].alignment == .left })
        return (table.title.map { $0 + "\n" } ?? "") + grid.render(table.style)
            + (table.notes + table.closing).map { $0 + "\n" }.joined()
    }

    /// One line a node, children under their parent with `├─ `, `│  ` and `└─ `.
    public static func render(_ tree: ExplainTree) -> String {
        var lines: [String] = []
        add(tree, prefix: "", childPrefix: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func add(_ node: ExplainTree, prefix: String, childPrefix: String, into lines: inout [String]) {
        lines.append(prefix + node.line)
        for (i, child) in node.children.enumerated() {
            let last = i == node.children.count - 1
            add(child, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "),
                into: &lines)
        }
    }
}

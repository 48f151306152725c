// TextTable: columns that line up on a terminal (numbers right-aligned), or a Markdown table.

/// How tables print: aligned text for terminals, or Markdown for notebooks and documents.
public enum TableStyle: String, Sendable, CaseIterable {
    case text
    case markdown
}

/// A table of text cells that prints as aligned columns or as Markdown.
public struct TextTable: Sendable {
    /// The column headers.
    public var headers: [String]
    /// The rows, one string a cell.
    public var rows: [[String]]
    /// Columns aligned left (the labels); every other column is right-aligned.
    public var leftAligned: Set<Int> = [0]

    /// A table with `headers` and `rows`; the first column is left-aligned.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The table as text in `style`: aligned columns, or a Markdown table.
    public func render(_ style: TableStyle) -> String {
        style == .markdown ? markdown() : render()
    }

    /// Plain text: a header, a rule, the rows; two spaces between columns.
    public func render() -> String {
        let widths = columnWidths()
        var lines = [line(headers, widths)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map { line($0, widths) }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table, for notebooks.
    public func markdown() -> String {
        let align = headers.indices.map { leftAligned.contains($0) ? ":--" : "--:" }
        var out = "| " + headers.joined(separator: " | ") + " |\n"
        out += "|" + align.map { " \($0) " }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    private func columnWidths() -> [Int] {
        headers.indices.map { i in
            ([headers[i]] + rows.map { i < $0.count ? $0[i] : "" }).map(\.count).max() ?? 0
        }
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        widths.indices.map { i in
            let cell = i < cells.count ? cells[i] : ""
            let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
            return leftAligned.contains(i) ? cell + pad : pad + cell
        }.joined(separator: "  ")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

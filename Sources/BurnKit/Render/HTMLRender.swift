// HTMLRender: output events as HTML fragments, for front ends that show HTML (Jupyter):
// a table with a header and numbers right-aligned, notes as paragraphs (`code` as <code>);
// explain as nested lists.

/// Output events as HTML fragments for Jupyter's rich display: tables with right-aligned numbers,
/// notes with `code` marked up, explain trees as nested lists.
public enum HTMLRender {
    /// Text made safe inside HTML elements and attribute values: `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The title as a paragraph, the table (`<thead>` for the header, each cell aligned as its
    /// column: labels left, numbers right), then each note and closing line as a paragraph.
    public static func table(_ table: TableEvent) -> String {
        var out = table.title.map { "<p>\(escape($0))</p>\n" } ?? ""
        out += "<table>\n<thead>\n<tr>"
        for column in table.columns { out += "<th\(style(column.alignment))>\(escape(column.header))</th>" }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let alignment = i < table.columns.count ? table.columns[i].alignment : .left
                out += "<td\(style(alignment))>\(escape(cell.text))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        for line in table.notes + table.closing { out += "<p>\(inline(line))</p>\n" }
        return out
    }

    /// A line of prose with its `code` spans as `<code>` elements, after escaping: backticks pair
    /// up in order, and a last one with no partner stays a backtick.
    public static func inline(_ text: String) -> String {
        let parts = escape(text).split(separator: "`", omittingEmptySubsequences: false)
        // n parts come from n - 1 backticks; the pairs are the first (n - 1) / 2 * 2 of them.
        let paired = (parts.count - 1) / 2 * 2
        var out = String(parts[0])
        for (i, part) in parts.dropFirst().enumerated() {
            if i < paired {
                out += (i % 2 == 0 ? "<code>" : "</code>") + part
            } else {
                out += "`" + part
            }
        }
        return out
    }

    /// Explicit on every cell: notebook style sheets align table cells their own way.
    private static func style(_ alignment: TableAlignment) -> String {
        alignment == .right ? " style=\"text-align: right\"" : " style=\"text-align: left\""
    }

    /// The derivation tree as nested lists: each node's `metric[year] = value` in `<code>`,
    /// then how it was obtained, its inputs in a list under it.
    public static func explain(_ tree: ExplainTree) -> String {
        "<ul class=\"burn-explain\">\n" + item(tree) + "</ul>\n"
    }

    private static func item(_ node: ExplainTree) -> String {
        var out = "<li><code>\(escape("\(node.metric)[\(node.year)] = \(node.valueText)"))</code> "
            + escape(node.how + (node.truncated ? " ..." : ""))
        if !node.children.isEmpty {
            out += "\n<ul>\n" + node.children.map(item).joined() + "</ul>\n"
        }
        return out + "</li>\n"
    }
}

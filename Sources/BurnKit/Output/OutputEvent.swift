// OutputEvent: what a statement produced, as typed data (a value, a table, a chart, a
// derivation tree, text, a failed check). BurnKit reports events; each front end renders them
// its own way: OutputText for the REPL and `burn run`, HTMLRender and Chart.svg for Jupyter.

/// One thing a statement showed, in the order it showed it. `plainText` is exactly what the
/// REPL and `burn run` print for it (the bytes `Session.output` receives).
public enum OutputEvent: Sendable {
    /// A value shown: an expression statement's, or `show`'s. `text` is the value as it prints
    /// (no newline); `cell` is the REPL cell number when it prints as `[n] value`, nil otherwise.
    case value(Value, text: String, cell: Int?)
    /// A table: `project`, `table`, `compare`, `sweep`, `compare scenarios`, `sources`, `captable`.
    case table(TableEvent)
    /// A chart drawn where it is shown (`chart ...` without `to "file.svg"`).
    case chart(ChartEvent)
    /// `explain`: how a metric's value was derived, down to the facts.
    case explain(ExplainTree)
    /// Any other printed text (`wrote file.csv`, `solve`'s answer, a question with nothing to
    /// show); ends with a newline.
    case text(String)
    /// A failed `check`, when the host counts failed checks rather than stopping the run.
    case checkFailure(CheckFailureEvent)

    /// What the text front ends (REPL, `burn run`) print for this event.
    public var plainText: String { OutputText.render(self) }
}

/// How a table column is aligned (labels left, numbers right).
public enum TableAlignment: Sendable, Equatable {
    case left
    case right
}

/// A table column: its header and alignment.
public struct TableColumn: Sendable, Equatable {
    /// The header text.
    public var header: String
    /// How the column's cells are aligned.
    public var alignment: TableAlignment

    /// A column headed `header`, its cells aligned `alignment`.
    public init(_ header: String, _ alignment: TableAlignment) {
        self.header = header
        self.alignment = alignment
    }
}

/// A table cell: the value it holds and how it prints. `value` is nil for a label (a fact's
/// name, a source) and for an unknown cell (`?`); `.none(reason)` for a cell with no value (`-`).
public struct TableCell: Sendable {
    /// The typed value in the cell; nil for a label or an unknown.
    public var value: Value?
    /// The cell as it prints.
    public var text: String

    /// A cell holding `value` (nil: a label or an unknown), printed as `text`.
    public init(_ value: Value?, text: String) {
        self.value = value
        self.text = text
    }

    /// A label: text and no value.
    public static func label(_ text: String) -> TableCell { TableCell(nil, text: text) }

    /// Whether the cell holds a number (plain, money, percent, a unit, uncertain, a year).
    public var isNumber: Bool {
        switch value {
        case .number, .quantity, .samples, .year: return true
        default: return false
        }
    }
}

/// A table as data: an optional title line, columns, rows of typed cells, then notes (what a
/// `?` or a column means) and closing lines (`project`'s summary), each one line.
public struct TableEvent: Sendable {
    /// A title line above the table; nil for none.
    public var title: String?
    /// The columns, left to right.
    public var columns: [TableColumn]
    /// The rows, top to bottom, one cell a column.
    public var rows: [[TableCell]]
    /// Lines below the table saying what a `?` or a column means.
    public var notes: [String]
    /// Closing lines after the notes (`project`'s summary).
    public var closing: [String]
    /// The session's table style when it was shown (how `plainText` draws it).
    public var style: TableStyle

    /// A table; `style` is how its text form is drawn (aligned text or Markdown).
    public init(title: String? = nil, columns: [TableColumn], rows: [[TableCell]], notes: [String] = [],
                closing: [String] = [], style: TableStyle = .text) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.closing = closing
        self.style = style
    }
}

/// A chart: what it draws (lines, bars, a cap table or a waterfall), its title naming the
/// companies and metrics, and the formatter that prints its numbers as the session prints
/// values (`$20B`, or `20 Md$` under `locale fr`).
public struct ChartEvent: Sendable {
    /// The chart's title (companies and metrics).
    public var title: String
    /// What the chart draws.
    public var content: ChartContent
    /// Prints the axis ticks and labels as the session prints values.
    public var formatter: ValueFormatter
    /// Whether `terminal` colours its bars with ANSI escapes (the host's terminal wants colour).
    public var color: Bool

    /// A line chart titled `title` (see `title(companies:metrics:)`) of `series`, its ticks
    /// printed by `formatter` (the session's).
    public init(title: String, series: [ChartSeries], formatter: ValueFormatter = ValueFormatter()) {
        self.init(title: title, content: .lines(series), formatter: formatter)
    }

    /// A chart titled `title` drawing `content`, its numbers printed by `formatter`; its
    /// terminal form in colour when `color`.
    public init(title: String, content: ChartContent, formatter: ValueFormatter = ValueFormatter(), color: Bool = false) {
        self.title = title
        self.content = content
        self.formatter = formatter
        self.color = color
        // The chart prints numbers only: it keeps no hold on the interpreter.
        self.formatter.seriesReader = nil
    }

    /// A line chart's series (setting them makes the chart a line chart); empty for other kinds.
    public var series: [ChartSeries] {
        get {
            if case .lines(let series) = content { return series }
            return []
        }
        set { content = .lines(newValue) }
    }

    /// `OpenAI: revenue, costs`; `OpenAI, Anthropic: revenue` (each name once, in order).
    public static func title(companies: [String], metrics: [String]) -> String {
        func unique(_ names: [String]) -> [String] {
            names.enumerated().filter { i, name in !names[..<i].contains(name) }.map(\.element)
        }
        let what = unique(metrics).joined(separator: ", ")
        return companies.isEmpty ? what : unique(companies).joined(separator: ", ") + ": " + what
    }

    /// The chart as a self-contained SVG document (640×360 unless its legend or title needs
    /// more room): a value axis, a grid, a legend, and the lines, bars or waterfall.
    public var svg: String { Chart.svg(self) }
    /// The chart as terminal bars (what the REPL prints), in colour when `color`.
    public var terminal: String { ChartTerminal.render(self) }
}

/// `explain`'s derivation tree: a metric in a year, its value, how it was obtained, and the
/// values it was obtained from.
public struct ExplainTree: Sendable {
    /// The metric explained.
    public var metric: String
    /// The year of the value explained.
    public var year: Int
    /// The value, typed.
    public var value: Value
    /// The value as it prints.
    public var valueText: String
    /// How the value was obtained, in a few words (`fact source "001"`, `by costs = ...`).
    public var how: String
    /// True when the tree stops here though the value has inputs (a depth limit).
    public var truncated: Bool
    /// The values this one was obtained from, each explained in turn.
    public var children: [ExplainTree]

    /// A node of the tree: `metric` in `year`, its value and text, how it was obtained, its inputs.
    public init(metric: String, year: Int, value: Value, valueText: String, how: String, truncated: Bool = false,
                children: [ExplainTree] = []) {
        (self.metric, self.year, self.value, self.valueText) = (metric, year, value, valueText)
        (self.how, self.truncated, self.children) = (how, truncated, children)
    }

    /// The node's line: `costs[2024] = $8.7B  by costs = revenue - operating_income = ...`.
    public var line: String { "\(metric)[\(year)] = \(valueText)  \(how)" + (truncated ? " ..." : "") }
}

/// A failed `check` counted rather than thrown (`burn check`, `Session.countsFailedChecks`).
public struct CheckFailureEvent: Sendable, Equatable {
    /// `check failed: ...`
    public var message: String
    /// Where the check is: the source's name, line and column (1-based).
    public var file: String
    /// The check's line in its source (1-based).
    public var line: Int
    /// The check's column in its line (1-based).
    public var column: Int
    /// The caret display, as printed.
    public var display: String

    /// A failed check's message, place and caret display.
    public init(message: String, file: String, line: Int, column: Int, display: String) {
        (self.message, self.file, self.line, self.column, self.display) = (message, file, line, column, display)
    }
}

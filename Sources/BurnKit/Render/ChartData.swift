// ChartData: what a chart shows, as data: series over years (lines, an uncertain value with its
// percentiles), one year across companies (bars), shares after each round (the cap table), and
// the steps from one year's cash to the next (a waterfall).
import BurnModel

/// What a chart draws; the `chart` statement's form chooses it.
public enum ChartContent: Sendable, Equatable {
    /// Series over years, a line each (`chart revenue, costs for OpenAI in 2024..2030`).
    case lines([ChartSeries])
    /// One year's values, a group of bars a company (`chart revenue for OpenAI, Anthropic in 2025`).
    case bars(ChartBars)
    /// Who owns what after each round, a stacked 100% bar a round (`chart captable OpenAI`).
    case capTable(ChartCapTable)
    /// How a company's cash went from one year's end to the next (`chart cash for OpenAI in 2025`).
    case waterfall(ChartWaterfall)
}

/// One line (or block of bars) of a chart: a label, a point a year, and the unit and display
/// of its values (how the SVG chart's axis prints its ticks: `$20B`, `20%`).
public struct ChartSeries: Sendable, Equatable {
    /// The legend's text (`OpenAI revenue`).
    public var label: String
    /// The points, one a year in order (in a bar chart, one a company).
    public var points: [ChartPoint]
    /// The unit of the values (how the axis prints them).
    public var unit: Unit
    /// The display of the values (a percentage, a multiple, or from the unit).
    public var display: Display

    /// A series labelled `label` (the column's header), its values in `unit` shown as `display`.
    public init(label: String, points: [ChartPoint], unit: Unit = .none, display: Display = .auto) {
        self.label = label
        self.points = points
        self.unit = unit
        self.display = display
    }

    /// Whether any point is uncertain (drawn as a fan, or a bar with whiskers).
    var isUncertain: Bool { points.contains { $0.spread != nil } }
}

/// A year's value in a chart (nil: none, drawn as a gap) and how it prints beside its bar.
public struct ChartPoint: Sendable, Equatable {
    /// The year of the point.
    public var year: Int
    /// The value in the series's unit; nil for none (a gap). An uncertain value's median.
    public var value: Double?
    /// The value as it prints beside its bar (an uncertain one: its median and 90% interval).
    public var text: String
    /// An uncertain value's percentiles; nil for a certain one.
    public var spread: ChartSpread?

    /// A point: `year`, its value (nil: none; an uncertain value's median), its printed text,
    /// and an uncertain value's percentiles.
    public init(year: Int, value: Double?, text: String, spread: ChartSpread? = nil) {
        self.year = year
        self.value = value
        self.text = text
        self.spread = spread
    }
}

/// Where an uncertain value's samples lie: the median, and the bounds of the middle 50% and
/// 90% of them (drawn as a fan's dark and light bands).
public struct ChartSpread: Sendable, Equatable {
    /// The 5th percentile: the 90% band's low edge.
    public var p5: Double
    /// The 25th percentile: the 50% band's low edge.
    public var p25: Double
    /// The median.
    public var median: Double
    /// The 75th percentile: the 50% band's high edge.
    public var p75: Double
    /// The 95th percentile: the 90% band's high edge.
    public var p95: Double

    /// The spread from the 5th, 25th, 50th, 75th and 95th percentiles.
    public init(p5: Double, p25: Double, median: Double, p75: Double, p95: Double) {
        (self.p5, self.p25, self.median, self.p75, self.p95) = (p5, p25, median, p75, p95)
    }

    /// The percentiles `ChartSpread` holds, in its order, for `Draws.percentiles`.
    public static let percentiles: [Double] = [5, 25, 50, 75, 95]

    /// The spread from five percentiles in `percentiles`' order; nil unless there are five.
    public init?(_ values: [Double]) {
        guard values.count == 5 else { return nil }
        self.init(p5: values[0], p25: values[1], median: values[2], p75: values[3], p95: values[4])
    }

    /// Every value a band reaches, for the axis to cover.
    var extremes: [Double] { [p5, p95] }
}

/// One year's values across companies: a group of bars a company, a bar a metric.
public struct ChartBars: Sendable, Equatable {
    /// The year shown.
    public var year: Int
    /// The companies, left to right: a group of bars each.
    public var companies: [String]
    /// A series a metric, its points one a company in `companies`' order.
    public var series: [ChartSeries]

    /// Bars of `series` (a metric each, a point a company) for `companies` in `year`.
    public init(year: Int, companies: [String], series: [ChartSeries]) {
        self.year = year
        self.companies = companies
        self.series = series
    }
}

/// Who owns what after each round: a stacked bar a round, its parts the holders' shares.
public struct ChartCapTable: Sendable, Equatable {
    /// The rounds in date order, a bar each.
    public var rounds: [String]
    /// The holders grouped by the money that bought their shares: the earlier holders, then
    /// each round's investors, in the order they came in.
    public var groups: [ChartHolderGroup]
    /// For each round, the holders' shares right after it, bottom up (they sum to 1).
    public var shares: [[ChartShare]]

    /// A cap table of `rounds`, the holders in `groups`, and each round's `shares`.
    public init(rounds: [String], groups: [ChartHolderGroup], shares: [[ChartShare]]) {
        self.rounds = rounds
        self.groups = groups
        self.shares = shares
    }
}

/// The holders whose shares one round's money bought (or the earlier holders).
public struct ChartHolderGroup: Sendable, Equatable {
    /// `earlier holders`, `Series A investors`.
    public var label: String
    /// The round's named investors, lead first; empty when it names none.
    public var investors: [String]

    /// A group labelled `label`, of the named `investors`.
    public init(label: String, investors: [String] = []) {
        self.label = label
        self.investors = investors
    }
}

/// One holder's share right after a round.
public struct ChartShare: Sendable, Equatable {
    /// The holder (`earlier holders`, `Thrive Capital`, `investors`).
    public var holder: String
    /// The holder's group, an index into `ChartCapTable.groups`.
    public var group: Int
    /// The share, 0...1.
    public var share: Double

    /// `holder` of group `group` holds `share` (0...1).
    public init(holder: String, group: Int, share: Double) {
        self.holder = holder
        self.group = group
        self.share = share
    }
}

/// How a company's cash went from the end of one year to the end of the next: the start,
/// each flow in or out, and the end.
public struct ChartWaterfall: Sendable, Equatable {
    /// The steps, left to right: a total, changes, a total.
    public var steps: [ChartStep]
    /// The unit of the amounts (how the axis prints them).
    public var unit: Unit
    /// The display of the amounts.
    public var display: Display

    /// A waterfall of `steps`, its amounts in `unit` shown as `display`.
    public init(steps: [ChartStep], unit: Unit, display: Display = .auto) {
        self.steps = steps
        self.unit = unit
        self.display = display
    }
}

/// One bar of a waterfall: a total (drawn from zero) or a change (drawn from the running total).
public struct ChartStep: Sendable, Equatable {
    /// Whether a step is a balance or a flow.
    public enum Kind: Sendable, Equatable {
        /// A balance, drawn from zero: the cash at a year's end.
        case total
        /// A flow added to the running total (negative: money out).
        case change
    }

    /// `cash 2024`, `revenue`, `costs`.
    public var label: String
    /// A total or a change.
    public var kind: Kind
    /// The balance, or the change (negative: money out).
    public var amount: Double
    /// The amount as it prints (`+$11.6B`, `-$19.4B`, `$42.2B`).
    public var text: String

    /// A step labelled `label`: a total or a change of `amount`, printed as `text`.
    public init(label: String, kind: Kind, amount: Double, text: String) {
        self.label = label
        self.kind = kind
        self.amount = amount
        self.text = text
    }
}

// AST: the tree the parser builds, one node per form of LANGUAGE.md sections 3 and 4.
// Every node carries its source span. The resolver turns it into a different, runnable tree.

/// A name as written, with where it was written.
public struct Name: Sendable, Equatable {
    /// The name's text, as written.
    public var text: String
    /// Where the name is in its source.
    public var span: Span
    /// A name `text` written at `span`.
    public init(_ text: String, _ span: Span) {
        self.text = text
        self.span = span
    }
}

/// A prefix operator: `-` or `not`.
public enum UnaryOp: String, Sendable { case negate = "-", not = "not" }

/// An infix operator, spelled as in source (`+`, `==`, `and`).
public enum BinaryOp: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or
}

/// What `as` converts to: `as %`, or a name (`x`, `USD`, `B`, `months`, `GW`).
public enum ConversionTarget: Sendable, Equatable {
    case percent
    case name(Name)
}

/// An expression node: what it is and where it was written.
public struct Expr: Sendable {
    /// The form of the expression and its parts.
    public var kind: ExprKind
    /// Where the expression is in its source.
    public var span: Span
    /// An expression of form `kind` written at `span`.
    public init(_ kind: ExprKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The forms an expression takes (LANGUAGE.md section 3).
public indirect enum ExprKind: Sendable {
    case number(Double, NumberStyle)
    /// `$6.6B`: a currency sign and an amount.
    case money(Double, currency: String)
    /// `10 GW`, `6.6B USD`, `18 months`: a number literal followed by a unit or currency name.
    case quantity(Expr, unit: Name)
    case string(String)
    case bool(Bool)
    case month(year: Int, month: Int)
    /// `2024-10-02`.
    case day(year: Int, month: Int, day: Int)
    case name(String)
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    /// `2024..2030`, inclusive.
    case range(Expr, Expr)
    case list([Expr])
    case call(Expr, [Expr])
    /// `revenue[2024]`, `revenue[2024..2028]`, `rounds[0]`.
    case index(Expr, Expr)
    /// `OpenAI.revenue`, `r.post`.
    case member(Expr, Name)
    /// `expr as target`, the loosest operator.
    case convert(Expr, ConversionTarget)
    case ifElse(Expr, then: Expr, else: Expr)
    /// `{ stmt ... expr }`: a function body whose last line is its value.
    case block([Stmt])
    /// `a to b`: an uncertain number with that 90% interval.
    case uncertain(Expr, Expr)
    /// `expr under scenario`.
    case under(Expr, Name)
}

/// A statement node: what it is and where it was written.
public struct Stmt: Sendable {
    /// The form of the statement and its parts.
    public var kind: StmtKind
    /// Where the statement is in its source.
    public var span: Span
    /// A statement of form `kind` written at `span`.
    public init(_ kind: StmtKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The kind of a metric in `metric name: money flow`.
public struct MetricType: Sendable, Equatable {
    /// `money`, `percent`, `multiple`, `number`, or a unit name.
    public var measure: Name
    /// `flow` or `stock`; nil when not given.
    public var kind: Name?
    /// Further words: `of events` (a sum of events, zero in a year without any).
    public var options: [Name]
    /// A metric type: its measure, its kind (`flow`, `stock`) and further words.
    public init(measure: Name, kind: Name?, options: [Name] = []) {
        self.measure = measure
        self.kind = kind
        self.options = options
    }
}

/// How a rule makes a metric behave.
public enum RuleKind: Sendable {
    /// `grows 50% per year [from 2026] [until 2030]`
    case growsPerYear(rate: Expr, from: Expr?, until: Expr?)
    /// `grows 3.1x in 2025`
    case growsIn(factor: Expr, year: Expr)
    /// `reaches 98.7B in 2028`
    case reaches(value: Expr, year: Expr)
}

/// An investor in `with A 1B, B 500M` (the amount is optional).
public struct Investor: Sendable {
    /// The investor's name.
    public var name: Name
    /// How much the investor put in; nil when not given.
    public var amount: Expr?
    /// An investor `name`, with the amount it put in if given.
    public init(name: Name, amount: Expr?) {
        self.name = name
        self.amount = amount
    }
}

/// `round ["label"] [in 2024-10] raise X [at Y post|pre] [led by L] [with A, B]`
public struct RoundDecl: Sendable {
    /// The round's quoted label (`"Series C"`); nil when not given.
    public var label: String?
    /// When the round closed (`in 2024-10`); nil when not given.
    public var date: Expr?
    /// How much the round raised.
    public var amount: Expr
    /// The valuation after `at`, pre or post money (see `isPost`); nil when not given.
    public var valuation: Expr?
    /// True for `post`, false for `pre` (meaningful only with `valuation`).
    public var isPost: Bool
    /// The lead investor (`led by L`); nil when not given.
    public var leadBy: Name?
    /// The investors after `with`, in order.
    public var investors: [Investor]
    /// The `source "..."` citation; nil when not given.
    public var source: String?
    /// A round declaration with its parts as parsed.
    public init(label: String?, date: Expr?, amount: Expr, valuation: Expr?, isPost: Bool,
                leadBy: Name?, investors: [Investor], source: String?) {
        self.label = label
        self.date = date
        self.amount = amount
        self.valuation = valuation
        self.isPost = isPost
        self.leadBy = leadBy
        self.investors = investors
        self.source = source
    }
}

/// `commit 300B to Oracle over 2027..2031 [as capex|costs]`, or `commit 10 GW to Nvidia at $35B/GW over ...`
public struct CommitDecl: Sendable {
    /// The commitment's total amount (money, or a quantity priced by `price`).
    public var amount: Expr
    /// Who the commitment is to (`to Oracle`).
    public var counterparty: Name
    /// The unit price (`at $35B/GW`) for a commitment in units; nil for money.
    public var price: Expr?
    /// The years it is spread over (`over 2027..2031`).
    public var years: Expr
    /// `capex` (the default) or `costs`.
    public var treatment: Name?
    /// The `source "..."` citation; nil when not given.
    public var source: String?
    /// A commitment declaration with its parts as parsed.
    public init(amount: Expr, counterparty: Name, price: Expr?, years: Expr, treatment: Name?, source: String?) {
        self.amount = amount
        self.counterparty = counterparty
        self.price = price
        self.years = years
        self.treatment = treatment
        self.source = source
    }
}

/// The forms a statement takes (LANGUAGE.md section 4).
public indirect enum StmtKind: Sendable {
    /// An expression on its own: its value is printed.
    case expression(Expr)
    /// `show expr`: print a value (also inside blocks).
    case show(Expr)
    /// `let name = expr [source "..."]`
    case letBinding(Name, Expr, source: String?)
    /// `fn name(a, b) = body`
    case function(Name, parameters: [Name], body: Expr)
    /// `company Name [{ ... }]`; the name may be a quoted string.
    case company(Name, body: [Stmt]?)
    /// `founded 2015`, `currency EUR`, `note "..."`.
    case attribute(Name, Expr)
    case importFile(String, span: Span)
    /// `rate EUR = 1.0824 USD [in 2024]`
    case rate(currency: Name, value: Expr, year: Expr?)
    /// `unit GW = 1000 MW`, or `unit token` for a new base unit.
    case unitDecl(Name, plural: Name?, definition: Expr?)
    /// `metric arr: money flow`
    case metricDecl(Name, MetricType)
    /// `identity operating_income = revenue - costs`: holds every year, solves every way.
    case identity(Expr, Expr)
    /// `revenue[2024] = 3.7B [source "001"]`: target is an index expression.
    case fact(target: Expr, value: Expr, source: String?)
    /// `compute = 80% * costs [source "..."]`: target is a name or `Company.metric`.
    case formula(target: Expr, value: Expr, source: String?)
    /// `revenue grows 50% per year`: target is a name or `Company.metric`.
    case rule(target: Expr, RuleKind, source: String?)
    case round(RoundDecl)
    case commit(CommitDecl)
    /// `project [Company] [metric, ...] until 2030`: names as written; the first may be a company.
    case project(names: [Name], until: Expr)
    /// `table revenue, loss for OpenAI, Anthropic in 2024..2030`
    case table(metrics: [Name], companies: [Name], years: Expr?)
    /// `compare OpenAI, Anthropic on margin, burn in 2025..2030`
    case compare(companies: [Name], metrics: [Name], years: Expr?)
    /// `compare scenarios base, bear on OpenAI.cash[2030], ...`
    case compareScenarios([Name], on: [Expr])
    case explain(Expr)
    case sources
    case captable(Name?)
    /// `check expr`, or `check a ~ b [within 5%]`.
    case check(Expr, approximately: Expr?, within: Expr?)
    /// `chart revenue, costs for OpenAI in 2024..2030 [as lines|bars|waterfall] [to "file.svg"]`,
    /// or `chart captable OpenAI` (no metrics, the company alone).
    case chart(metrics: [Name], companies: [Name], years: Expr?, file: String?, kind: ChartKind)
    /// `export <table statement or expression> to "file.csv"`
    case export(Stmt, file: String)
    /// `assume growth = 50%`
    case assume(Name, Expr)
    case scenario(Name, [Stmt])
    case using(Name, [Stmt])
    /// `solve knob in a..b so lhs == rhs` (or another comparison)
    case solve(knob: Name, range: Expr, condition: Expr)
    /// `sweep knob in a..b step s show e1, e2`
    case sweep(knob: Name, range: Expr, step: Expr, show: [Expr])
    case seed(Expr)
    case samples(Expr)
    /// `locale fr` / `locale en`: how numbers read (from the next line) and print (once it runs).
    case locale(NumberLocale)
}

/// What a `chart` statement draws: chosen from its form (`automatic`), named with `as lines`,
/// `as bars` or `as waterfall`, or the cap table (`chart captable OpenAI`).
public enum ChartKind: String, Sendable, Equatable, CaseIterable {
    /// Lines over a range of years; bars for one year; a waterfall for one company's cash in one year.
    case automatic
    /// `as lines`: a line a series over the years.
    case lines
    /// `as bars`: one year's values, a group of bars a company.
    case bars
    /// `as waterfall`: how one company's cash went from one year's end to the next.
    case waterfall
    /// `chart captable OpenAI`: a stacked 100% bar a round.
    case capTable = "captable"

    /// The kinds `as` may name.
    static let named: [ChartKind] = [.lines, .bars, .waterfall]
}

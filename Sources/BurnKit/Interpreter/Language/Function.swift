// Function: a user function (`fn`) or a native built-in, called the same way.

/// A function a script can call: a user function (`fn`) or a native built-in (a standard-library one, or
/// one a host gave with `Session.define`).
public final class Function {
    /// The function's name, as called.
    public let name: String
    /// The number of arguments, or nil for a variadic native function.
    public let arity: Int?
    /// For user functions: the resolved body and how many local slots a call needs.
    var body: Node? {
        didSet { bodyRef = body.map { Unmanaged.passUnretained($0) } }
    }
    /// `body` unretained, for calls (`body` keeps it alive).
    private(set) var bodyRef: Unmanaged<Node>?
    var localCount: Int
    /// For native functions.
    let native: NativeFunction?
    /// Whether `native` is set, readable without copying the closure.
    let isNative: Bool
    /// For `sum` and `mean`: how to take a list written in the call item by item.
    let fold: ListFold?
    /// The doc comment and example from the standard library, for `:help`.
    public internal(set) var doc: String?

    typealias NativeFunction = (_ args: ArraySlice<Value>, _ call: CallSite) throws -> Value

    init(name: String, arity: Int, body: Node?, localCount: Int) {
        self.name = name
        self.arity = arity
        self.body = body
        self.bodyRef = body.map { Unmanaged.passUnretained($0) }
        self.localCount = localCount
        self.native = nil
        self.isNative = false
        self.fold = nil
    }

    init(name: String, arity: Int?, native: @escaping NativeFunction, fold: ListFold? = nil) {
        self.name = name
        self.arity = arity
        self.body = nil
        self.localCount = arity ?? 0
        self.native = native
        self.isNative = true
        self.fold = fold
    }
}

/// Where a native function was called from, for its error messages.
struct CallSite {
    let runtime: Runtime
    let span: Span
    let argumentSpans: [Span]

    func argumentSpan(_ i: Int) -> Span {
        i < argumentSpans.count ? argumentSpans[i] : span
    }
}

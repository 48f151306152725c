public struct Parser {
    public static func parse(_ file: SourceFile) -> (statements: [Stmt], diagnostics: [Diagnostic]) { ([], []) }
    public static func needsMoreInput(_ text: String) -> Bool { false }
}

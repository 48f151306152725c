// PublicDocsTests: every `public` or `open` declaration of BurnKit and BurnModel carries a `///`
// doc comment (attributes may sit between the comment and the declaration), so the host API
// documented by DocC has no silent entries.
import Foundation
import Testing

@Suite struct PublicDocsTests {
    /// The package's root folder, from this file's path (Tests/BurnKitTests/PublicDocsTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The 1-based lines of `text` that open a public or open declaration with no `///` line
    /// right above it (attribute lines such as `@discardableResult` skipped).
    static func undocumented(in text: String) -> [Int] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var found: [Int] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("public ") || line.hasPrefix("open ") {
            var j = i - 1
            while j >= 0, lines[j].hasPrefix("@") { j -= 1 }
            if j < 0 || !lines[j].hasPrefix("///") { found.append(i + 1) }
        }
        return found
    }

    /// The Swift files under `folder` (a path from the root), sorted, as paths from the root.
    static func swiftFiles(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            .map { folder + "/" + $0 }.sorted()
    }

    @Test func theCheckFindsWhatItShould() {
        let text = """
            /// Documented.
            public struct A {
                public var bare: Int
                /// Documented, behind an attribute.
                @discardableResult
                public func f() -> Int { 0 }
                @MainActor
                public func g() {}
                var notPublic: Int
            }
            open class B {}
            """
        // Lines 3 (`bare`), 8 (`g`, whose attribute has no comment above it) and 11 (`B`).
        #expect(Self.undocumented(in: text) == [3, 8, 11])
    }

    @Test func everyPublicDeclarationHasADocComment() throws {
        let files = Self.swiftFiles(under: "Sources/BurnKit") + Self.swiftFiles(under: "Sources/BurnModel")
        // Both modules have dozens of files: an empty list means the path is wrong, not success.
        #expect(files.count > 50)
        var missing: [String] = []
        for file in files {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for n in Self.undocumented(in: text) {
                missing.append("\(file):\(n): \(lines[n - 1].trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(missing.isEmpty, "public declarations without a `///` doc comment:\n\(missing.joined(separator: "\n"))")
    }
}

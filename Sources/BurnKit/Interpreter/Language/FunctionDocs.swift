// FunctionDocs: a function's `##` comment lines, read from the lines right above its `fn`.
//
//     ## Compound annual growth rate from `start` to `end` over `years` years.
//     ## example: cagr(3.7B, 98.7B, 4)
//     ## result: 127.3%
//     fn cagr(start, end, years) = ...

enum FunctionDocs {
    static func extract(name: String, parameters: [String], before span: Span, in file: SourceFile) -> FunctionDoc? {
        var index = file.lineIndex(of: span.start) - 1
        var lines: [String] = []
        while index >= 0 {
            let line = file.lineText(index).trimmingSpaces()
            guard line.hasPrefix("##") else { break }
            lines.insert(String(line.dropFirst(2)).trimmingSpaces(), at: 0)
            index -= 1
        }
        guard !lines.isEmpty else { return nil }
        var doc = FunctionDoc(name: name, signature: "\(name)(\(parameters.joined(separator: ", ")))", text: "")
        var text: [String] = []
        for line in lines {
            if line.hasPrefix("example:") {
                doc.example = String(line.dropFirst("example:".count)).trimmingSpaces()
            } else if line.hasPrefix("result:") {
                doc.result = String(line.dropFirst("result:".count)).trimmingSpaces()
            } else {
                text.append(line)
            }
        }
        doc.text = text.joined(separator: "\n")
        return doc
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

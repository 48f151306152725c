// NotebookIpynb: Markdown notebooks to Jupyter's `.ipynb` (nbformat 4.5) and back, outputs
// included. Prose becomes markdown cells, ```burn blocks code cells, an ```output block the
// cell's outputs as the Burn kernel sends them (`[n] value` lines an execute_result, other text
// a stream, an error an error). The Markdown around the cells (blank lines, fences) is kept in
// the cells' `burn` metadata where it differs from the usual, so md → ipynb → md gives back the
// very same bytes; an .ipynb from elsewhere gets the usual Markdown.

/// Converts a Markdown notebook to and from a Jupyter `.ipynb` file, so that a round trip gives back the
/// very same bytes.
public enum NotebookIpynb {
    /// Whether `path` names a Jupyter notebook (`.ipynb`).
    public static func isIpynbPath(_ path: String) -> Bool { path.lowercased().hasSuffix(".ipynb") }

    // MARK: - Output text and its pieces

    /// A piece of what a REPL cell printed: printed text, values (`[n] ` taken off), an error.
    public enum OutputPiece: Sendable, Equatable {
        case printed(String)
        case values([String])
        case error([String])
    }

    /// Splits a cell's REPL output: lines `[number] value` are values (consecutive ones
    /// together), other lines printed text; in a failed cell, the lines from the first
    /// `error:` (or `interrupted`) on are the error.
    public static func pieces(of text: String, failed: Bool, number: Int?) -> [OutputPiece] {
        var lines = splitLines(text)
        if lines.last == "" { lines.removeLast() }
        var errorLines: [String]?
        if failed {
            let start = lines.firstIndex(where: isErrorLine) ?? 0
            errorLines = Array(lines[start...])
            lines = Array(lines[..<start])
        }
        var pieces: [OutputPiece] = []
        let prefix = number.map { "[\($0)] " }
        var values: [String] = [], printed: [String] = []
        func flush() {
            if !printed.isEmpty { pieces.append(.printed(printed.joined(separator: "\n") + "\n")) }
            if !values.isEmpty { pieces.append(.values(values)) }
            printed = []
            values = []
        }
        for line in lines {
            if let prefix, line.hasPrefix(prefix) {
                if !printed.isEmpty { flush() }
                values.append(String(line.dropFirst(prefix.count)))
            } else {
                if !values.isEmpty { flush() }
                printed.append(line)
            }
        }
        flush()
        if let errorLines { pieces.append(.error(errorLines.isEmpty ? ["error"] : errorLines)) }
        return pieces
    }

    /// The text between `\n` bytes (a `\r` before one stays on its line, so CRLF text comes
    /// back as it was; Swift's `split` would see `\r\n` as one character and not split there).
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(byte)
            }
        }
        lines.append(String(decoding: current, as: UTF8.self))
        return lines
    }

    /// The first line of an error's caret display.
    public static func isErrorLine(_ line: String) -> Bool { line.hasPrefix("error:") || line == "interrupted" }

    // MARK: - Markdown to .ipynb

    /// The `.ipynb` text (nbformat 4.5, keys sorted, one-space indent) of a Markdown notebook.
    public static func ipynb(from notebook: Notebook) -> String {
        var cells: [JSONValue] = []
        var pending = ""
        var number = 0
        for chunk in notebook.chunks {
            switch chunk {
            case .prose(let text):
                let (leading, content, trailing) = splitBlankLines(text)
                if content.isEmpty {
                    pending += text
                    continue
                }
                var meta: [JSONMember] = []
                addIfUnusual(&meta, "before", pending + leading, usual: cells.isEmpty ? "" : "\n")
                let (source, newline) = droppingFinalNewline(content)
                if !newline { meta.append(JSONMember(key: "newline", value: .bool(false))) }
                cells.append(cell("markdown", id: cells.count + 1, source: source, burn: meta, extra: []))
                pending = trailing
            case .code(let block):
                var meta: [JSONMember] = []
                addIfUnusual(&meta, "before", pending, usual: cells.isEmpty ? "" : "\n")
                pending = ""
                addIfUnusual(&meta, "opening", block.opening, usual: "```burn\n")
                addIfUnusual(&meta, "closing", block.closing, usual: "```\n")
                let (source, newline) = droppingFinalNewline(block.source)
                if !newline { meta.append(JSONMember(key: "newline", value: .bool(false))) }
                if let output = block.output {
                    addIfUnusual(&meta, "output_gap", output.gap, usual: "\n")
                    addIfUnusual(&meta, "output_opening", output.opening, usual: "```output\n")
                    addIfUnusual(&meta, "output_closing", output.closing, usual: "```\n")
                }
                let failed = splitLines(block.expected).contains(where: isErrorLine)
                let cellNumber: Int? = block.isCommand || failed ? nil : number + 1
                if let cellNumber { number = cellNumber }
                let outputs = block.output.map { outputsJSON(pieces(of: $0.text, failed: failed, number: cellNumber), number: cellNumber) } ?? []
                cells.append(cell("code", id: cells.count + 1, source: source, burn: meta, extra: [
                    JSONMember(key: "execution_count", value: cellNumber.map { .number(Double($0)) } ?? .null),
                    JSONMember(key: "outputs", value: .array(outputs)),
                ]))
            }
        }
        var notebookBurn: [JSONMember] = []
        addIfUnusual(&notebookBurn, "trailing", pending, usual: "")
        var metadata: [JSONMember] = [
            JSONMember(key: "kernelspec", value: .object([
                "display_name": .string("Burn"), "language": .string("burn"), "name": .string("burn"),
            ])),
            JSONMember(key: "language_info", value: .object([
                "file_extension": .string(".burn"), "mimetype": .string("text/x-burn"), "name": .string("burn"),
            ])),
        ]
        if !notebookBurn.isEmpty { metadata.append(JSONMember(key: "burn", value: .object(notebookBurn))) }
        return JSONValue.object([
            "cells": .array(cells),
            "metadata": .object(metadata),
            "nbformat": .number(4),
            "nbformat_minor": .number(5),
        ]).pretty
    }

    /// nbformat outputs for the pieces of a cell's output.
    public static func outputsJSON(_ pieces: [OutputPiece], number: Int?) -> [JSONValue] {
        pieces.map { piece in
            switch piece {
            case .printed(let text):
                return .object(["name": .string("stdout"), "output_type": .string("stream"), "text": lines(text)])
            case .values(let values):
                return .object([
                    "data": .object(["text/plain": lines(values.joined(separator: "\n"))]),
                    "execution_count": number.map { .number(Double($0)) } ?? .null,
                    "metadata": .object([]),
                    "output_type": .string("execute_result"),
                ])
            case .error(let traceback):
                let first = traceback.first ?? "error"
                let value = first.hasPrefix("error:") ? String(first.dropFirst(6)).trimmingSpaces() : first
                return .object([
                    "ename": .string(first == "interrupted" ? "Interrupted" : "BurnError"),
                    "evalue": .string(value),
                    "output_type": .string("error"),
                    "traceback": .array(traceback.map { .string($0) }),
                ])
            }
        }
    }

    private static func cell(_ type: String, id: Int, source: String, burn: [JSONMember], extra: [JSONMember]) -> JSONValue {
        let metadata: JSONValue = burn.isEmpty ? .object([]) : .object(["burn": .object(burn)])
        return .object([
            JSONMember(key: "cell_type", value: .string(type)),
            JSONMember(key: "id", value: .string("cell-\(id)")),
            JSONMember(key: "metadata", value: metadata),
            JSONMember(key: "source", value: lines(source)),
        ] + extra)
    }

    private static func addIfUnusual(_ meta: inout [JSONMember], _ key: String, _ value: String, usual: String) {
        if value != usual { meta.append(JSONMember(key: key, value: .string(value))) }
    }

    /// A multi-line string as nbformat writes it: a list of lines, each with its `\n`.
    static func lines(_ text: String) -> JSONValue {
        var out: [JSONValue] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                out.append(.string(String(decoding: current, as: UTF8.self)))
                current = []
            }
        }
        if !current.isEmpty { out.append(.string(String(decoding: current, as: UTF8.self))) }
        return .array(out)
    }

    /// Blank lines at the start, the text between, blank lines at the end.
    static func splitBlankLines(_ text: String) -> (String, String, String) {
        let lines = byteLines(text)
        func isBlank(_ line: [UInt8]) -> Bool { line.allSatisfy { [0x20, 0x09, 0x0A, 0x0D].contains($0) } }
        let first = lines.firstIndex { !isBlank($0) } ?? lines.count
        let last = (lines.lastIndex { !isBlank($0) } ?? -1) + 1
        func joined(_ part: ArraySlice<[UInt8]>) -> String { String(decoding: part.joined(), as: UTF8.self) }
        if first >= last { return (text, "", "") }
        return (joined(lines[..<first]), joined(lines[first..<last]), joined(lines[last...]))
    }

    private static func byteLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The text without its final `\n`, and whether it had one.
    static func droppingFinalNewline(_ text: String) -> (String, Bool) {
        var bytes = Array(text.utf8)
        guard bytes.last == UInt8(ascii: "\n") else { return (text, false) }
        bytes.removeLast()
        return (String(decoding: bytes, as: UTF8.self), true)
    }
}

// MARK: - .ipynb to Markdown

extension NotebookIpynb {
    /// Why an `.ipynb` text cannot be read as a notebook.
    public struct FormatError: Error, CustomStringConvertible {
        /// What is wrong with the text.
        public var description: String
    }

    /// The Markdown notebook of an `.ipynb` text.
    public static func markdown(fromIpynb text: String) throws -> String {
        let json: JSONValue
        do { json = try JSONValue(parsing: text) } catch { throw FormatError(description: "not JSON (\(error))") }
        guard let cells = json["cells"]?.array else { throw FormatError(description: "no `cells` list") }
        var out = ""
        var number = 0
        for (index, cell) in cells.enumerated() {
            let burn = cell["metadata"]?["burn"]
            func meta(_ key: String, _ usual: String) -> String { burn?[key]?.string ?? usual }
            out += meta("before", index == 0 ? "" : "\n")
            let source = joinedText(cell["source"])
            let newline = burn?["newline"]?.bool ?? true
            guard cell["cell_type"]?.string == "code" else {
                out += source + (newline ? "\n" : "")
                continue
            }
            let body = source + (newline ? "\n" : "")
            if burn?["opening"] == nil && burn?["closing"] == nil {
                out += Notebook.fenced(body, info: "burn")
            } else {
                out += meta("opening", "```burn\n") + body + meta("closing", "```\n")
            }
            let outputs = cell["outputs"]?.array ?? []
            let failed = outputs.contains { $0["output_type"]?.string == "error" }
            let isCommand = source.trimmingLeadingSpace().hasPrefix(":")
            let cellNumber: Int? = isCommand || failed ? nil : number + 1
            if let cellNumber { number = cellNumber }
            let printed = outputs.map { replText(of: $0, number: cellNumber) }.joined()
            guard !printed.isEmpty else { continue }
            let textBody = printed.utf8.last == UInt8(ascii: "\n") ? printed : printed + "\n"
            out += meta("output_gap", "\n")
            if burn?["output_opening"] == nil && burn?["output_closing"] == nil {
                out += Notebook.fenced(textBody, info: "output")
            } else {
                out += meta("output_opening", "```output\n") + textBody + meta("output_closing", "```\n")
            }
        }
        out += json["metadata"]?["burn"]?["trailing"]?.string ?? ""
        return out
    }

    /// The Markdown notebook read from an `.ipynb` text (for `burn check` and `burn run`).
    public static func notebook(fromIpynb text: String) throws -> Notebook {
        Notebook(parsing: try markdown(fromIpynb: text))
    }

    /// What the REPL printed for one output: a value's lines with `[n] ` again, a stream's text,
    /// an error's traceback; rich displays by their `text/plain` form.
    static func replText(of output: JSONValue, number: Int?) -> String {
        switch output["output_type"]?.string {
        case "stream":
            return joinedText(output["text"])
        case "execute_result":
            let plain = joinedText(output["data"]?["text/plain"])
            if plain.isEmpty { return "" }
            let n = number ?? output["execution_count"]?.int
            let prefix = n.map { "[\($0)] " } ?? ""
            return splitLines(plain).map { prefix + $0 }.joined(separator: "\n") + "\n"
        case "display_data":
            let plain = joinedText(output["data"]?["text/plain"])
            return plain.isEmpty || plain.utf8.last == UInt8(ascii: "\n") ? plain : plain + "\n"
        case "error":
            let lines = (output["traceback"]?.array ?? []).compactMap(\.string)
            return lines.map { withoutANSI($0) + "\n" }.joined()
        default:
            return ""
        }
    }

    /// A string or a list of strings (nbformat's multi-line form), as one string.
    static func joinedText(_ value: JSONValue?) -> String {
        if let s = value?.string { return s }
        return (value?.array ?? []).compactMap(\.string).joined()
    }

    /// Drops ANSI colour sequences (`ESC [ ... m`) from a traceback line of another kernel.
    static func withoutANSI(_ line: String) -> String {
        guard line.contains("\u{1B}") else { return line }
        var out = ""
        var escape = false
        for scalar in line.unicodeScalars {
            if escape {
                if scalar.properties.isAlphabetic { escape = false }
                continue
            }
            if scalar == "\u{1B}" { escape = true; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

// LineEditor: libedit through its readline API: a prompt, Emacs keys, history from our own file,
// Tab completion from BurnKit, and Ctrl-C that abandons the line instead of ending the process.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import BurnKit
@preconcurrency import CEditLine
import CEditLineShim

final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D (or the terminal went away).
        case end
    }

    private var history: ReplHistory?

    /// Sets up libedit. `complete` answers Tab; `historyPath` nil keeps no history file.
    init(historyPath: String?, complete: @escaping (String, Int) -> ReplSession.Completion) {
        LineEditor.useUTF8()
        LineEditor.completer = complete
        // Our reader, so that Ctrl-C wakes libedit's read (its own would be restarted).
        rl_getc_function = burn_getc
        rl_readline_name = UnsafePointer(strdup("burn"))
        // Only blanks break words: BurnKit decides where the word to complete starts.
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n"))
        rl_completer_word_break_characters = strdup(" \t\n")
        rl_attempted_completion_function = { text, start, end in LineEditor.matches(text, start, end) }
        _ = burn_interrupt_install()
        using_history()
        stifle_history(Int32(ReplHistory.limit))
        if let historyPath {
            let loaded = ReplHistory(path: historyPath)
            for entry in loaded.entries { add_history(entry) }
            history = loaded
        }
    }

    /// Reads one line with `prompt`.
    func read(prompt: String) -> Input {
        _ = burn_interrupt_take()
        guard let raw = readline(prompt) else {
            return burn_interrupt_take() != 0 ? .interrupted : .end
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a cell to the history, in memory and in the file (rewritten atomically).
    func remember(_ entry: String) {
        add_history(entry)
        history?.append(entry)
    }

    /// Without a UTF-8 character type, libedit drops "€" and "café": take the user's locale,
    /// or C.UTF-8 when theirs is not UTF-8. Only LC_CTYPE: numbers are formatted by Burn itself.
    private static func useUTF8() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    // MARK: - Completion

    nonisolated(unsafe) private static var completer: ((String, Int) -> ReplSession.Completion)?

    /// readline's completion array: the common prefix, then each match, then NULL.
    private static func matches(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
        -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        rl_attempted_completion_over = 1
        guard let completer, let text, let buffer = rl_line_buffer else { return nil }
        // libedit has just set rl_point (in bytes) and ended the buffer at the line's end;
        // its `start` and `end` count wide characters, so the word's start is found from `text`.
        let point = min(Int(max(rl_point, 0)), strlen(buffer))
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: point), as: UTF8.self)
        let libeditStart = max(0, point - strlen(text))
        let completion = completer(before, before.count)
        let candidates = adjust(completion, line: before, libeditStart: libeditStart)
        guard !candidates.isEmpty else { return nil }
        rl_completion_append_character = candidates.count == 1 && !candidates[0].hasSuffix("/") ? 32 : 0
        let all = (candidates.count == 1 ? [] : [commonPrefix(candidates)]) + candidates
        // libedit frees the array and its strings with free().
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (all.count + 1)
        let array = malloc(size)!.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: all.count + 1)
        for (i, s) in all.enumerated() { array[i] = strdup(s) }
        array[all.count] = nil
        return array
    }

    /// BurnKit's candidates replace its word; libedit replaces its own (from `libeditStart`,
    /// in bytes). Make each candidate replace libedit's word instead.
    private static func adjust(_ completion: ReplSession.Completion, line: String, libeditStart: Int) -> [String] {
        let ours = line.utf8.count - String(line.dropFirst(completion.start)).utf8.count
        let bytes = Array(line.utf8)
        if libeditStart <= ours {
            let extra = String(decoding: bytes[libeditStart..<ours], as: UTF8.self)
            return completion.candidates.map { extra + $0 }
        }
        let skip = libeditStart - ours
        return completion.candidates.compactMap { $0.utf8.count >= skip ? String(decoding: Array($0.utf8).dropFirst(skip), as: UTF8.self) : nil }
    }

    private static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let chars = Array(word)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }
}

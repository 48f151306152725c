// ReplHistoryTests: the history file: where it lives, multi-line cells round trip, the cap,
// what other sessions wrote is kept, entries are appended (the file is rewritten only to trim it).
import Foundation
import TestSupport
import Testing
@testable import BurnKit

@Suite struct ReplHistoryTests {
    @Test func pathFollowsXDGStateHome() {
        let env1 = ["XDG_STATE_HOME": "/s", "HOME": "/h"]
        #expect(ReplHistory.defaultPath { env1[$0] } == "/s/burn/history")
        let env2 = ["HOME": "/h"]
        #expect(ReplHistory.defaultPath { env2[$0] } == "/h/.local/state/burn/history")
        let env3 = ["XDG_STATE_HOME": "relative", "HOME": "/h"]
        #expect(ReplHistory.defaultPath { env3[$0] } == "/h/.local/state/burn/history")
        #expect(ReplHistory.defaultPath { _ in nil } == nil)
    }

    @Test func entriesRoundTrip() {
        let entries = ["1 + 1", "fn f(x) = {\n  x \\ 2\n}", "let s = \"€ café\\n\"", "a\\nb"]
        let text = ReplHistory.encode(entries)
        #expect(text.split(separator: "\n").count == 4)
        #expect(ReplHistory.decode(text) == entries)
    }

    @Test func appendCreatesTheDirectoryAndKeepsOtherSessionsEntries() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/state/burn/history"
        var first = ReplHistory(path: path)
        var second = ReplHistory(path: path)
        let written = [first.append("1 + 1"), second.append("2 + 2"), first.append("2 + 2"), first.append("x\ny")]
        #expect(written == [true, true, true, true])
        #expect(ReplHistory(path: path).entries == ["1 + 1", "2 + 2", "x\ny"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/state/burn") == ["history"])
    }

    @Test func historyIsCapped() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/history"
        try ReplHistory.encode((0..<(ReplHistory.limit + 4)).map { "\($0)" }).write(toFile: path, atomically: false, encoding: .utf8)
        var history = ReplHistory(path: path)
        history.append("last")
        let loaded = ReplHistory(path: dir.path + "/history")
        #expect(loaded.entries.count == ReplHistory.limit)
        #expect(loaded.entries.first == "5")
        #expect(loaded.entries.last == "last")
    }

    @Test func anEntryIsAppendedNotRewritten() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/history"
        try ReplHistory.encode((0..<500).map { "cell \($0)" }).write(toFile: path, atomically: false, encoding: .utf8)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        var history = ReplHistory(path: path)
        let appended = history.append("new cell")
        #expect(appended)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        #expect(before != nil && before == after, "the same file, appended to: no rename")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("cell 499\nnew cell\n"))
    }

    @Test func theFileIsTrimmedAtTwiceTheCap() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/history"
        let lines = 2 * ReplHistory.limit - 1
        try ReplHistory.encode((0..<lines).map { "\($0)" }).write(toFile: path, atomically: false, encoding: .utf8)
        var history = ReplHistory(path: path)
        let appended = history.append("last")
        #expect(appended)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == ReplHistory.limit)
        // The newest `limit` of 0..<1999 and "last": from 1000 on.
        #expect(text.hasPrefix("\(lines + 1 - ReplHistory.limit)\n"))
        #expect(text.hasSuffix("\(lines - 1)\nlast\n"))
    }
}

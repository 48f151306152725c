// NotebookInputCommandTests: the binary on inputs editors produce (a byte-order mark) and
// `burn check`, which runs a notebook without touching any other file.
import Foundation
import Testing
import TestSupport

@Suite("burn on awkward input")
struct NotebookInputCommandTests {
    @Test func aScriptWithAByteOrderMarkRuns() throws {
        let dir = try TemporaryDirectory()
        try Data([0xEF, 0xBB, 0xBF] + Array("1 + 1\n".utf8)).write(to: URL(fileURLWithPath: dir.path + "/bom.burn"))
        let r = try BurnBinary.run(["run", dir.path + "/bom.burn"])
        #expect(r.stdout == "2\n")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func aByteOrderMarkOnStandardInputIsDropped() throws {
        let r = try BurnBinary.run([], input: "\u{FEFF}1 + 1\n")
        #expect(r.stdout == "[1] 2\n")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func checkWritesAndReadsNoOtherFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("# x\n\n```burn\n:load /etc/passwd\n```\n\n```burn\n:save out.md\n```\n", to: "side.md")
        let r = try BurnBinary.run(["check", "side.md"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.status == 1)
        #expect(r.stdout == "0 passed, 2 failed\n")
        #expect(r.stderr.contains("error: `:save` is not run by `burn check`"))
        #expect(!r.stderr.contains("root:"), "nothing of /etc/passwd is echoed")
        #expect(dir.files() == ["side.md"])
    }

    @Test func anUnclosedBlockFailsTheCheck() throws {
        let dir = try TemporaryDirectory()
        try dir.write("# x\n\n```burn\n1 + 1\n", to: "open.md")
        let r = try BurnBinary.run(["check", "open.md"], directory: URL(fileURLWithPath: dir.path))
        #expect(r.status == 1)
        #expect(r.stderr.contains("the ```burn block opened at line 3 is never closed"))
    }

    @Test func checkDoesNotFollowALinkToADirectory() throws {
        // dir/self -> ../dir: followed, the notebook inside was counted once per level (41 times).
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/loop", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/loop/self", withDestinationPath: "../loop")
        try dir.write("```burn\n1 + 1\n```\n\n```output\n[1] 2\n```\n", to: "loop/one.md")
        let r = try BurnBinary.run(["check", dir.path + "/loop/"])
        #expect(r.stdout == "1 passed, 0 failed\n")
        #expect(r.status == 0)
    }
}

// HardeningTests: the command against hostile files and long sessions (issue 16): devices and
// pipes are not sources, NUL bytes are printed, REPL memory grows linearly with the cells.
import Foundation
import Testing
import TestSupport

@Suite struct HardeningTests {
    @Test func runningADeviceIsRefused() throws {
        let r = try LimitedProcess.run(BurnBinary.executable.path, ["run", "/dev/zero"], directory: "/",
                                       seconds: 10, addressSpace: 3 << 30)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: '/dev/zero' is not a regular file"))
    }

    @Test func importingAPipeNeitherWaitsNorReads() throws {
        let dir = try TemporaryDirectory()
        #expect(mkfifo(dir.path + "/pipe.burn", 0o600) == 0)
        try dir.write("import \"pipe.burn\"\n", to: "main.burn")
        let r = try LimitedProcess.run(BurnBinary.executable.path, ["run", "main.burn"], directory: dir.path,
                                       seconds: 10, addressSpace: 3 << 30)
        #expect(!r.timedOut)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: 'pipe.burn' is not a regular file\n --> main.burn:1:8"))
    }

    @Test func aSourceOver64MegabytesIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/big.burn"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, (64 << 20) + 1) == 0)  // sparse: no 64 MB written
        let r = try BurnBinary.run(["run", path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: '\(path)' is larger than 64 MB"))
    }

    @Test func nulBytesArePrintedNotCut() throws {
        let dir = try TemporaryDirectory()
        try dir.write("let s = \"a\0b\"\ns\n", to: "nul.burn")
        let r = try BurnBinary.run(["run", dir.path + "/nul.burn"])
        #expect(r.status == 0)
        #expect(r.stdout == "a\0b\n")
    }

    /// 8,000 piped cells, each keeping its `_n`. Before the fix each cell's snapshot copied every
    /// earlier `_n`: 4,000 cells took 600 MB, so 8,000 would take four times that; now 8,000
    /// take about 40 MB in a debug build.
    @Test func replMemoryGrowsLinearlyWithTheCells() throws {
        let dir = try TemporaryDirectory()
        try dir.write((0..<8000).map { "\($0) + 1\n" }.joined() + "_8000 * 2\n_2 + _3\n", to: "cells.txt")
        let r = try LimitedProcess.run("/bin/sh", ["-c", "exec \"$0\" < cells.txt", BurnBinary.executable.path],
                                       directory: dir.path, seconds: 120, addressSpace: 6 << 30)
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        // Cell n prints (n - 1) + 1 = n: _8000 × 2 = 16000, and _2 + _3 = 5.
        #expect(r.stdout.hasSuffix("[8001] 16000\n[8002] 5\n"))
        #expect(r.peakMegabytes < 150, "peak memory \(r.peakMegabytes) MB")
    }

    /// 6,000 piped cells that each define a name. Each cell kept a snapshot of every global for
    /// `:undo`: 5,000 such cells took 1.4 GB, 10,000 took 5.5 GB. `:undo` now keeps the last 100
    /// (6,000 cells: about 100 MB in a debug build).
    @Test func replMemoryWithDefinitionsGrowsLinearly() throws {
        let dir = try TemporaryDirectory()
        try dir.write((0..<6000).map { "let v\($0) = \($0)\n" }.joined() + "v5999 + v1\n", to: "lets.txt")
        let r = try LimitedProcess.run("/bin/sh", ["-c", "exec \"$0\" < lets.txt", BurnBinary.executable.path],
                                       directory: dir.path, seconds: 120, addressSpace: 6 << 30)
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        #expect(r.stdout.hasSuffix("[6001] 6000\n"))  // 5999 + 1
        #expect(r.peakMegabytes < 250, "peak memory \(r.peakMegabytes) MB")
    }
}

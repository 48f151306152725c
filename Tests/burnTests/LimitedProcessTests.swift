// LimitedProcessTests: the peak memory the memory tests read is the program's own. A child of
// the test process was charged with the test process's memory, so a REPL test failed under
// the full suite (400 MB reported for a 40 MB REPL).
import Foundation
import Testing

@Suite struct LimitedProcessTests {
    /// The test process holds 300 MB while it runs a program that needs almost nothing.
    @Test func aSmallProgramIsNotChargedWithTheTestsMemory() throws {
        let held = UnsafeMutableRawBufferPointer.allocate(byteCount: 300 << 20, alignment: 4096)
        defer { held.deallocate() }
        for page in stride(from: 0, to: held.count, by: 4096) { held[page] = 1 }  // resident
        let r = try LimitedProcess.run("/bin/true", [], directory: "/", seconds: 10, addressSpace: 1 << 30)
        #expect(r.status == 0)
        #expect(r.peakMegabytes < 64, "peak memory \(r.peakMegabytes) MB")
        #expect(held[4096] == 1)
    }

    /// And a program that makes a 200 MB string is seen to, with its exit status.
    @Test func aLargeProgramIsSeenWithItsStatus() throws {
        let r = try LimitedProcess.run("/usr/bin/env", ["python3", "-c", "s = b'x' * (200 << 20); exit(3)"],
                                       directory: "/", seconds: 20, addressSpace: 2 << 30)
        #expect(r.status == 3)
        #expect((200..<300).contains(r.peakMegabytes), "peak memory \(r.peakMegabytes) MB")
    }

    /// At the deadline the program is killed with the process that watches it.
    @Test func theDeadlineKillsTheProgram() throws {
        let r = try LimitedProcess.run("/bin/sleep", ["30"], directory: "/", seconds: 0.3, addressSpace: 1 << 30)
        #expect(r.timedOut)
        #expect(r.signal == SIGKILL)
        #expect(r.seconds < 10)
    }
}

// SafeSaveTests: a file Burn replaces is the old or the new one after a kill at any moment,
// never a torn one, with no temporary files left; links are followed and modes kept.
import Foundation
import Testing
import TestSupport

@Suite("Crash-safe saves")
struct SafeSaveTests {
    /// Two companies whose 301-row exports differ in every row, written in turn 60 times.
    static let script: String = {
        var s = """
        company A
        revenue[1900] = 1B
        revenue grows 1% per year
        company B
        revenue[1900] = 2B
        revenue grows 2% per year

        """
        for _ in 0..<60 {
            s += "export table revenue for A in 1900..2200 to \"out.csv\"\n"
            s += "export table revenue for B in 1900..2200 to \"out.csv\"\n"
        }
        return s
    }()

    @Test func killedMidSaveLeavesTheOldOrTheNewFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write(Self.script, to: "saves.burn")
        // The two complete versions, each written once by a run that is not killed.
        try dir.write(Self.script.components(separatedBy: "export")[0] + "export table revenue for A in 1900..2200 to \"out.csv\"\n", to: "a.burn")
        try dir.write(Self.script.components(separatedBy: "export")[0] + "export table revenue for B in 1900..2200 to \"out.csv\"\n", to: "b.burn")
        let folder = URL(fileURLWithPath: dir.path)
        _ = try BurnBinary.run(["run", "a.burn"], directory: folder)
        let versionA = try dir.read("out.csv")
        _ = try BurnBinary.run(["run", "b.burn"], directory: folder)
        let versionB = try dir.read("out.csv")
        #expect(versionA != versionB)
        #expect(versionA.split(separator: "\n").count == 302)

        var generator = SystemRandomNumberGenerator()
        for trial in 0..<40 {
            let process = Process()
            process.executableURL = BurnBinary.executable
            process.arguments = ["run", "saves.burn"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 2_000...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try dir.read("out.csv")
            #expect(now == versionA || now == versionB, "trial \(trial): a torn file of \(now.utf8.count) bytes")
        }
        // A later save removes what a process killed between naming and renaming left behind.
        _ = try BurnBinary.run(["run", "a.burn"], directory: folder)
        #expect(dir.files().filter { $0.contains("burn-save") }.isEmpty, "\(dir.files())")
    }

    @Test func aLinkIsFollowedAndTheModeKept() throws {
        let dir = try TemporaryDirectory()
        try dir.write("old\n", to: "real.md")
        #expect(chmod(dir.path + "/real.md", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.md", withDestinationPath: "real.md")
        let r = try BurnBinary.run([], input: "1 + 1\n:save link.md\n", directory: URL(fileURLWithPath: dir.path))
        #expect(r.status == 0, "\(r.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.md")
        #expect(link == "real.md")
        #expect(try dir.read("real.md").contains("```output\n[1] 2\n```"))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.path + "/real.md")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(dir.files() == ["link.md", "real.md"])
    }
}

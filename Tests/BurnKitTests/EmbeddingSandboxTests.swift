// EmbeddingSandboxTests: FileAccess checks the real path (links followed): traversal, links
// out of and into an allowed folder, absolute paths, dangling links; writes taken in memory.
import BurnModel
import Foundation
import Synchronization
import Testing
import TestSupport
@testable import BurnKit

@Suite struct EmbeddingSandboxTests {
    /// `allowed/` (the session's only folder) and `outside/`, side by side.
    struct Folders {
        let root: TemporaryDirectory
        var allowed: String { root.path + "/allowed" }
        var outside: String { root.path + "/outside" }

        init() throws {
            root = try TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: root.path + "/allowed", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root.path + "/outside", withIntermediateDirectories: true)
            try "let secret = 42\n".write(toFile: root.path + "/outside/lib.burn", atomically: false, encoding: .utf8)
        }

        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

        func link(_ at: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: at, withDestinationPath: target)
        }
    }

    static let model = "company OpenAI\nrevenue[2024] = 3.7B\n"

    func session(_ folders: Folders) -> Session {
        let s = Session()
        s.files = FileAccess(directories: [folders.allowed])
        s.output = { _ in }
        return s
    }

    /// Runs `line` as if from a script in `allowed/`; the error's message, or nil when it ran.
    func run(_ s: Session, _ folders: Folders, _ line: String) -> String? {
        do {
            try s.run(source: Self.model + line, name: folders.allowed + "/main.burn")
            return nil
        } catch let error as BurnError {
            return error.diagnostics.first?.message
        } catch {
            return "\(error)"
        }
    }

    @Test func insideIsAllowed() throws {
        let f = try Folders()
        let s = session(f)
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"out.csv\"") == nil)
        #expect(try String(contentsOfFile: f.allowed + "/out.csv", encoding: .utf8) == "year,OpenAI.revenue\n2024,3700000000\n")
    }

    @Test func traversalIsRefused() throws {
        let f = try Folders()
        let s = session(f)
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"../outside/out.csv\"") == "this session may not write '../outside/out.csv'")
        #expect(!f.exists(f.outside + "/out.csv"))
        #expect(run(s, f, "import \"../outside/lib.burn\"") == "this session may not read '../outside/lib.burn'")
        // Through a folder that does not exist, then back up.
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"nothing/../../outside/out.csv\"") != nil)
        #expect(!f.exists(f.outside + "/out.csv"))
    }

    @Test func aLinkPointingOutIsRefused() throws {
        let f = try Folders()
        try f.link(f.allowed + "/door", to: f.outside)
        let s = session(f)
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"door/out.csv\"") == "this session may not write 'door/out.csv'")
        #expect(!f.exists(f.outside + "/out.csv"))
        #expect(run(s, f, "import \"door/lib.burn\"") == "this session may not read 'door/lib.burn'")
        // A link to a file outside, and a dangling one (writing would create its target).
        try f.link(f.allowed + "/file.csv", to: f.outside + "/victim.csv")
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"file.csv\"") != nil)
        #expect(!f.exists(f.outside + "/victim.csv"))
        try f.link(f.allowed + "/lib.burn", to: f.outside + "/lib.burn")
        #expect(run(s, f, "import \"lib.burn\"") == "this session may not read 'lib.burn'")
    }

    @Test func aLinkPointingInIsAllowed() throws {
        let f = try Folders()
        try f.link(f.outside + "/into", to: f.allowed)
        let s = session(f)
        try "let shared = 7\n".write(toFile: f.allowed + "/lib.burn", atomically: false, encoding: .utf8)
        // Absolute paths through the link resolve inside the allowed folder.
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"\(f.outside)/into/in.csv\"") == nil)
        #expect(f.exists(f.allowed + "/in.csv"))
        #expect(run(s, f, "import \"\(f.outside)/into/lib.burn\"\nshow shared") == nil)
        #expect(try s.evaluate("shared").double == 7)
    }

    @Test func absolutePaths() throws {
        let f = try Folders()
        let s = session(f)
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"\(f.allowed)/abs.csv\"") == nil)
        #expect(f.exists(f.allowed + "/abs.csv"))
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"\(f.outside)/abs.csv\"") != nil)
        #expect(!f.exists(f.outside + "/abs.csv"))
        #expect(run(s, f, "import \"\(f.outside)/lib.burn\"") != nil)
        #expect(run(s, f, "export OpenAI.revenue[2024..2024] to \"/etc/burn-test.csv\"") != nil)
        // The resolution itself.
        let access = FileAccess(directories: [f.allowed])
        #expect(access.resolved(f.allowed + "/./x.csv") == FileAccess.realPath(f.allowed)! + "/x.csv")
        #expect(access.resolved(f.allowed + "/new/deeper/x.csv") == FileAccess.realPath(f.allowed)! + "/new/deeper/x.csv")
        // `..` after a folder that does not exist: the system could not open it either.
        #expect(access.resolved(f.allowed + "/sub/../x.csv") == nil)
        #expect(access.resolved(f.allowed + "/../outside/x.csv") == nil)
        #expect(!FileAccess.none.allows(f.allowed + "/x.csv"))
        #expect(FileAccess.everywhere.allows(f.outside + "/x.csv"))
    }

    @Test func writesInMemory() throws {
        let f = try Folders()
        let received = Received()
        let s = Session()
        s.output = { _ in }
        s.files = .inMemory { name, bytes in received.files.withLock { $0.append((name, bytes)) } }
        try s.run(source: Self.model + "export OpenAI.revenue[2024..2024] to \"out.csv\"\nchart revenue for OpenAI in 2024..2024 to \"c.svg\"",
                  name: f.allowed + "/main.burn")
        let files = received.files.withLock { $0 }
        #expect(files.map(\.0) == [f.allowed + "/out.csv", f.allowed + "/c.svg"])
        #expect(String(decoding: files[0].1, as: UTF8.self) == "year,OpenAI.revenue\n2024,3700000000\n")
        #expect(String(decoding: files[1].1, as: UTF8.self).hasPrefix("<svg"))
        // Nothing reached the disk, and reads stay closed.
        #expect(!f.exists(f.allowed + "/out.csv"))
        do {
            try s.run(source: "import \"\(f.outside)/lib.burn\"")
            Issue.record("expected the import to be refused")
        } catch {}
    }
}

/// What an in-memory FileAccess received, from the session's thread.
final class Received: Sendable {
    let files = Mutex<[(String, [UInt8])]>([])
}

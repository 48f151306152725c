// CheckRunner: `burn check`: runs every script's checks and every notebook's saved outputs,
// and prints `N passed, N failed`.
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import BurnKit

struct CheckRunner {
    let terminal: Terminal

    func run(_ paths: [String]) -> Int32 {
        var passed = 0, failed = 0
        for file in paths.flatMap(Self.scripts(in:)) {
            let session = terminal.makeSession()
            if NotebookFiles.isNotebookPath(file) {
                let counts = NotebookFiles(terminal: terminal).check(file, in: session)
                passed += counts.passed
                failed += counts.failed
                continue
            }
            let failureText = OutputBuffer()
            session.output = { _ in }
            session.countsFailedChecks = true
            session.checkFailureOutput = failureText.append
            do {
                try session.run(file: file)
            } catch {
                failed += 1
                failureText.append(session.render(error, color: terminal.errorColor))
            }
            let failures = failureText.text
            let counts = session.checkCounts
            passed += counts.passed
            failed += counts.failed
            if !failures.isEmpty { terminal.error(failures) }
        }
        terminal.write("\(passed) passed, \(failed) failed\n")
        terminal.flushOutput()
        return failed == 0 ? 0 : 1
    }

    /// The .burn and .md files of a path: the file itself, or a directory's, recursively, sorted
    /// (a .md file without ```burn blocks, such as a README, counts nothing).
    static func scripts(in path: String) -> [String] {
        guard let dir = opendir(path) else { return [path] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            // A link to a directory is not followed: a link back up would count every notebook
            // below it again, as many times as the path could grow.
            var info = stat()
            let isLink = lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
            if opendir(full).map({ closedir($0); return true }) ?? false {
                if !isLink { found += scripts(in: full) }
            } else if name.hasSuffix(".burn") || NotebookFiles.isNotebookPath(name) {
                found.append(full)
            }
        }
        return found.sorted()
    }
}

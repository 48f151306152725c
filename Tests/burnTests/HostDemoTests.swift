// HostDemoTests: the example host package (Examples/HostDemo, BurnKit only) builds on its own
// and prints what a host reads: typed answers, and hostile scripts stopped by limits.
import Foundation
import Testing

@Suite struct HostDemoTests {
    /// Runs `command` in the package root; its standard output and status (stderr is merged).
    private func shell(_ arguments: [String]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = BurnBinary.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test func theExampleHostBuildsAndAnswers() throws {
        let build = try shell(["swift", "build", "--package-path", "Examples/HostDemo", "--scratch-path", ".build/hostdemo"])
        #expect(build.status == 0, "\(build.output)")
        guard build.status == 0 else { return }
        let run = try shell([".build/hostdemo/debug/HostDemo"])
        #expect(run.status == 0, "\(run.output)")
        let lines = run.output.split(separator: "\n").map(String.init)
        // 1B grown 60% a year: 1.6B in 2025, 1.6 * 1.6 = 2.56B in 2026.
        #expect(lines.contains("revenue 2026: 2560 million USD"), "\(run.output)")
        #expect(lines.contains("  2024: $1B") && lines.contains("  2025: $1.6B") && lines.contains("  2026: $2.56B"), "\(run.output)")
        #expect(lines.contains("uncertain revenue 2026: p5 < mean < p95: true"), "\(run.output)")
        // The recursion meets the depth limit, fib(60) the 1-second limit, each inside the
        // function's body on line 1.
        #expect(lines.contains("stopped by the depth limit at hostile.burn line 1"), "\(run.output)")
        #expect(lines.contains("stopped by the seconds limit at hostile.burn line 1"), "\(run.output)")
        #expect(!lines.contains("not stopped"))
        // costs[2024] was given as 3B; the failed runs defined nothing.
        #expect(lines.contains("still usable: $3B") && lines.contains("down defined: false"), "\(run.output)")
    }
}

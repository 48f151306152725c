// EmbedStdlib: a build-tool plugin that compiles Stdlib/*.burn into BurnKit as string literals,
// so the standard library travels inside the binary and the library.
import Foundation
import PackagePlugin

@main
struct EmbedStdlib: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let stdlib = context.package.directoryURL.appending(path: "Stdlib")
        let files = try FileManager.default
            .contentsOfDirectory(at: stdlib, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "burn" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStdlib.swift")
        return [
            .buildCommand(
                displayName: "Embedding the Burn standard library",
                executable: try context.tool(named: "EmbedStdlibTool").url,
                // The tool lists the folder itself, so a file added later is embedded too.
                arguments: [output.path(), stdlib.path()],
                // The folder too, so that adding a file re-runs the tool (not only editing one).
                inputFiles: files + [stdlib],
                outputFiles: [output]
            )
        ]
    }
}

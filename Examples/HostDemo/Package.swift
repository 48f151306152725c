// swift-tools-version: 6.0
// HostDemo: a Swift program that embeds Burn through BurnKit alone (no libedit, no terminal).
import PackageDescription

let package = Package(
    name: "HostDemo",
    dependencies: [.package(name: "Burn", path: "../..")],
    targets: [
        .executableTarget(name: "HostDemo", dependencies: [.product(name: "BurnKit", package: "Burn")]),
    ]
)

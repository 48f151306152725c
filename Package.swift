// swift-tools-version: 6.0
// Burn: a small language, an embeddable interpreter and a REPL for modelling AI companies' finances.
import PackageDescription

let package = Package(
    name: "Burn",
    products: [
        .library(name: "BurnModel", targets: ["BurnModel"]),
        .library(name: "BurnKit", targets: ["BurnKit"]),
        .executable(name: "burn", targets: ["burn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: seeded, shrinking generators integrated with swift-testing, for the
        // property tests (a failing case prints its seed and its smallest failing input).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // Documentation only: `swift package generate-documentation --target BurnKit` builds the
        // DocC catalogue (the language reference, Embedding Burn); nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The financial kernel: quantities, units, money, companies, series. Knows no syntax.
        .target(name: "BurnModel"),
        // The embeddable language: syntax, interpreter, rendering, the standard library.
        .target(
            name: "BurnKit",
            dependencies: ["BurnModel", "CMath"],
            plugins: ["EmbedStdlib"]
        ),
        // libm's sincos, which Swift's Glibc module does not show (drawing normals).
        .target(name: "CMath"),
        // libedit, for the terminal REPL only.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libzmq for the Jupyter kernel, loaded (dlopen) when the kernel starts: linked, it and
        // its fifteen libraries would add 1.4 ms to every `burn` start. Builds with zmq.h from
        // Debian's `libzmq3-dev`.
        .target(name: "CZeroMQ"),
        // The Jupyter kernel: the messaging protocol over ZeroMQ, cells run by BurnKit's
        // ReplSession. A target of its own, so that its wire format is unit-tested directly.
        .target(name: "BurnJupyter", dependencies: ["BurnKit", "CZeroMQ", "CEditLineShim"]),
        // The REPL's Ctrl-C handler and libedit character reader, in C (signal-safe).
        .target(name: "CEditLineShim"),
        // glibc's allocator settings for the command (keep freed memory for reuse).
        .target(name: "CAllocator"),
        .executableTarget(
            name: "burn",
            dependencies: [
                "BurnKit",
                "BurnJupyter",
                "CAllocator",
                "CEditLine",
                "CEditLineShim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns Stdlib/*.burn into Swift string literals at build time.
        .executableTarget(name: "EmbedStdlibTool"),
        .plugin(
            name: "EmbedStdlib",
            capability: .buildTool(),
            dependencies: ["EmbedStdlibTool"]
        ),
        // Fuzz targets (Tests/Fuzz/run builds them with libFuzzer); an ordinary build makes
        // commands that replay the inputs given as arguments.
        .executableTarget(name: "FuzzSession", dependencies: ["BurnKit"], path: "Tests/Fuzz/Session"),
        .executableTarget(name: "FuzzNotebook", dependencies: ["BurnKit"], path: "Tests/Fuzz/Notebook"),
        // Helpers the test targets share (a temporary directory).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BurnModelTests", dependencies: ["BurnModel"]),
        .testTarget(
            name: "BurnKitTests",
            dependencies: [
                "BurnKit",
                "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        // Runs the built `burn` binary (a dependency, so that `swift test` builds it).
        // (And the fuzz targets, whose ordinary builds replay the inputs the fuzzers found.)
        .testTarget(name: "burnTests", dependencies: ["burn", "BurnJupyter", "TestSupport", "FuzzSession", "FuzzNotebook"]),
    ]
)

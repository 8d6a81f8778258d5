// swift-tools-version:6.0
// The start-up floor of kg's stack (see scripts/startup-floor.sh): programs built as kg is (release,
// static Swift runtime) that do nothing of kg's work. `hello` prints a line; `foundation` prints
// it through Foundation; `sqlq` runs one SQL query
// through swift-argument-parser and GRDB, as `kg neighbors` does; `grdbq` the same through GRDB alone;
// `best` times whole processes.
import PackageDescription

let package = Package(
    name: "startup-floor",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(name: "hello"),
        .executableTarget(name: "foundation"),
        .executableTarget(name: "sqlq", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .executableTarget(name: "grdbq", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "best"),
    ]
)

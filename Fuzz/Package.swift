// swift-tools-version:6.0
// libFuzzer targets for kg's text pipeline. Built only with the fuzzer sanitizer:
//   bash scripts/fuzz.sh [SECONDS]
// A separate package, so `swift build` of kg never builds it. Its `main` hands control to
// libFuzzer's driver (LLVMFuzzerRunDriver), which -sanitize=fuzzer links in.
import PackageDescription

let package = Package(
    name: "kg-fuzz",
    dependencies: [.package(name: "kg", path: "..")],
    targets: [
        .target(name: "CFuzzer"),
        .executableTarget(
            name: "FuzzTextPipeline",
            dependencies: ["CFuzzer", .product(name: "Graph", package: "kg")]
        ),
    ]
)

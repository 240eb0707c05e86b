// swift-tools-version:5.4
import PackageDescription

/// libFuzzer targets for the normaliser and the query parser, kept out of the main package so that its
/// `swift build` never tries to link an executable whose `main` only libFuzzer provides.
///
/// Built and run by `scripts/fuzz` with `-sanitize=fuzzer,address`; see docs/RELIABILITY.md.
///
/// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to `<Module>_main` and
/// links `main` to that, which a target whose `main` comes from libFuzzer does not have. The targets still
/// compile in Swift 6 mode, like the package they test.
let swift6 = [SwiftSetting.unsafeFlags(["-swift-version", "6"])]

let package = Package(
    name: "newsd-fuzz",
    dependencies: [
        // Named, because a path dependency is otherwise known by its folder's name, which differs between
        // clones and work trees.
        .package(name: "newsd", path: ".."),
        .package(name: "GRDB", url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "FuzzNormalizer",
            dependencies: [.product(name: "NewsNormalizer", package: "newsd")],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "FuzzQuery",
            dependencies: [
                .product(name: "NewsIndex", package: "newsd"),
                .product(name: "GRDB", package: "GRDB"),
            ],
            swiftSettings: swift6
        ),
    ]
)

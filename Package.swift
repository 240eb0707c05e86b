// swift-tools-version:6.1
import PackageDescription

/// Every target compiles in Swift 6 language mode with the upcoming features the house style asks for.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "newsd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsd", targets: ["newsd"]),
        .executable(name: "newsq", targets: ["newsq"]),
        // For the fuzz targets in Fuzz/, a separate package that depends on this one by path.
        .library(name: "NewsNormalizer", targets: ["NewsNormalizer"]),
        .library(name: "NewsIndex", targets: ["NewsIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The wire format and a blocking client: all newsq needs, so it starts without NIO.
        .target(name: "Varlink", swiftSettings: strictSettings),
        // The server side, on SwiftNIO.
        .target(
            name: "VarlinkNIO",
            dependencies: [
                "Varlink",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "NewsAPI", swiftSettings: strictSettings),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
        .target(
            name: "NewsNormalizer", dependencies: ["CLibXML2", "CZlib", "CGMime", "CCrypto"],
            swiftSettings: strictSettings),
        .target(
            name: "NewsIndex",
            dependencies: [
                "NewsNormalizer",
                "NewsAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
                // For sqlite3_progress_handler, which GRDB does not wrap (SearchBudget).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CZstd",
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(
            name: "NewsDaemon",
            dependencies: [
                "Varlink",
                "VarlinkNIO",
                "NewsAPI",
                "NewsNormalizer",
                "NewsIndex",
                "CSystemd",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsd",
            dependencies: [
                "NewsDaemon",
                "NewsNormalizer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsq",
            dependencies: [
                "Varlink",
                "NewsAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings,
            // A fully static release binary: no dynamic loader, no shared libstdc++ to bind, which
            // was about half of newsq's own CPU time on a search. newsq needs nothing glibc
            // only offers dynamically (no NSS, no dlopen): a Unix socket, the environment, spawn.
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]
        ),
        .testTarget(
            name: "VarlinkTests",
            dependencies: [
                "Varlink",
                "VarlinkNIO",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                "NewsdTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "NewsAPITests", dependencies: ["NewsAPI"], swiftSettings: strictSettings),
        .testTarget(name: "NewsNormalizerTests", dependencies: ["NewsNormalizer"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsIndexTests", dependencies: ["NewsIndex", "NewsNormalizer"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsDaemonTests",
            dependencies: [
                "NewsDaemon", "Varlink", "VarlinkNIO", "NewsAPI", "NewsdTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "CSpawnSupport", path: "Tests/CSpawnSupport"),
        .target(
            name: "NewsdTestSupport", dependencies: ["CSpawnSupport"], path: "Tests/NewsdTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "EndToEndTests", dependencies: ["NewsAPI", "Varlink", "NewsdTestSupport"],
            swiftSettings: strictSettings),
    ]
)

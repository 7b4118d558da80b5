// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Dragoman",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dragoman", targets: ["dragoman"]),
        .library(name: "DragomanKit", targets: ["DragomanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "DragomanKit",
            dependencies: ["CICU", "CLibXML2", "CStemmer"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DragomanStore",
            dependencies: [
                "DragomanKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "dragoman",
            dependencies: [
                "DragomanKit",
                "DragomanStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DragomanKitTests",
            dependencies: ["DragomanKit"],
            exclude: ["Glossary/Fixtures", "Checks/Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DragomanStoreTests",
            dependencies: ["DragomanStore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DragomanCLITests",
            dependencies: ["dragoman"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

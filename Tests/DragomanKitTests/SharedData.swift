import Foundation

/// Where the shared test data lives: `../shared` beside the project root, or
/// `DRAGOMAN_SHARED` when set.
enum SharedData {
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["DRAGOMAN_SHARED"] {
            return URL(fileURLWithPath: path)
        }
        // Tests/DragomanKitTests/SharedData.swift → project root → ../shared
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

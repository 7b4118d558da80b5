import DragomanKit
import Foundation

@testable import DragomanStore

/// A fresh folder under the temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "dragoman-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A new memory in this folder.
    func memory(_ name: String = "memory.sqlite") throws -> SQLiteMemory {
        try SQLiteMemory(path: path(name))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

enum Fixtures {
    /// A date with whole milliseconds, as the store keeps them.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static let texts: [Language: String] = [
        .turkish: "Prof. Dr. Ayşe Kaya İzmir’de 2. Dünya Savaşı sergisini açtı.",
        .english: "Prof. Dr. Ayşe Kaya opened the Second World War exhibition in İzmir.",
        .german: "Prof. Dr. Ayşe Kaya eröffnete in İzmir die Ausstellung „Zweiter Weltkrieg“.",
    ]

    /// A unit with every field set, in the first `languageCount` of tr, en, de.
    static func fullUnit(
        id: String, languageCount: Int, document: String = "izmir-2026"
    )
        -> TranslationUnit
    {
        var variants: [Language: Variant] = [:]
        for (index, language) in [Language.turkish, .english, .german].prefix(languageCount)
            .enumerated()
        {
            let text = texts[language]!
            variants[language] = Variant(
                language: language, text: text,
                span: SourceSpan(
                    file: "news/\(document).\(language.code).txt", start: index * 10,
                    end: index * 10 + text.unicodeScalars.count))
        }
        return TranslationUnit(
            id: id, variants: variants, origin: .aligned,
            provenance: Provenance(
                documentID: document,
                titles: [.turkish: "İzmir'de sergi", .english: "Exhibition in İzmir"],
                url: "https://example.org/izmir", date: "2026-10-14"),
            alignmentScore: 0.875, flagged: true,
            properties: ["x-domain": "culture", "x-reviewer": "Gül Şen"],
            notes: ["Check the title of the exhibition.", "İkinci not"],
            created: date(1_790_000_000_123), changed: date(1_790_000_100_456))
    }

    /// A plain unit: one text per language, no provenance.
    static func unit(
        _ id: String, _ texts: [Language: String], score: Double? = nil
    )
        -> TranslationUnit
    {
        TranslationUnit(
            id: id,
            variants: texts.reduce(into: [:]) {
                $0[$1.key] = Variant(language: $1.key, text: $1.value)
            },
            origin: .imported, alignmentScore: score, created: date(1_700_000_000_000))
    }
}

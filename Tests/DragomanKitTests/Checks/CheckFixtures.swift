import DragomanKit
import Foundation

/// The checks' test glossary and helpers to run one check on one sentence pair.
enum CheckFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func glossary() throws -> Glossary {
        let path = folder.appendingPathComponent("check-glossary.tsv").path
        return try GlossaryStore.open(path).glossary()
    }

    /// The findings of `check` on one pair.
    static func run(
        _ check: any DocumentCheck, _ from: Language, _ to: Language, _ source: String,
        _ target: String, memory: (any TranslationMemoryLookup)? = nil
    ) throws -> [CheckFinding] {
        let document = CheckDocument(
            sourceLanguage: from, targetLanguage: to,
            units: [
                CheckUnit(
                    id: "1",
                    pair: SegmentPair(
                        source: source, target: target, sourceLanguage: from, targetLanguage: to))
            ])
        return try check.findings(
            in: document, context: CheckContext(glossary: glossary(), memory: memory)
        ).map(\.finding)
    }

    /// The text of `span` in `text` (scalar offsets).
    static func text(_ span: Range<Int>?, _ text: String) -> String? {
        guard let span else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard span.upperBound <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[span]))
    }
}

/// A memory held in a dictionary: source sentence → translation.
struct DictionaryMemory: TranslationMemoryLookup {
    let entries: [String: String]

    func translations(
        of text: String, from source: Language, to target: Language
    )
        -> [StoredTranslation]
    {
        entries.filter { MatchKey.make($0.key) == MatchKey.make(text) }.map {
            StoredTranslation(unitID: "m-\($0.key.count)", source: $0.key, target: $0.value)
        }
    }
}

import DragomanKit
import Foundation
import Testing

/// The one test that reads the shipped Glossaries/ folder: it parses, is large enough and
/// every entry has tr, en and de.
struct ShippedGlossaryTests {
    @Test func shippedGlossaryParsesWithTrEnDeEverywhere() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Glossaries")
        let glossary = try GlossaryStore.open(folder.path).glossary()
        #expect(glossary.entries.count >= 150)
        for entry in glossary.entries {
            #expect(entry.problems.isEmpty, "\(entry.id): \(entry.problems)")
            #expect(entry.category?.isKnown == true, "\(entry.id)")
            for language in [Language.turkish, .english, .german] {
                #expect(
                    entry.terms(in: language).first?.status == .preferred,
                    "\(entry.id) has no preferred \(language) term")
            }
        }
        var counts: [String: Int] = [:]
        for entry in glossary.entries { counts[entry.category?.rawValue ?? "-", default: 0] += 1 }
        print(
            "shipped glossary: \(glossary.entries.count) entries, \(counts.sorted { $0.key < $1.key })"
        )
    }
}

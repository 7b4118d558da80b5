import DragomanKit
import DragomanStore
import Foundation

/// Turns an alignment into translation units and stores them in one transaction.
enum AlignmentStorage {
    static func store(_ alignment: NewsAlignment, into path: String) throws {
        let memory: SQLiteMemory
        do {
            memory = try SQLiteMemory(path: path)
            try memory.add(units(alignment))
        } catch let error as MemoryError {
            throw CLIError(error.description)
        }
    }

    static func units(_ alignment: NewsAlignment, now: Date = Date()) -> [TranslationUnit] {
        let documentID = documentID(alignment)
        var titles: [Language: String] = [:]
        for (language, item) in zip(alignment.languages, alignment.items) {
            if let title = item?.title?.text { titles[language] = title }
        }
        let provenance = Provenance(
            documentID: documentID, titles: titles,
            url: alignment.items.compactMap { $0?.url }.first,
            date: alignment.items.compactMap { $0?.date }.first)
        return alignment.beads.enumerated().map { index, bead in
            var variants: [Language: Variant] = [:]
            for (position, language) in alignment.languages.enumerated() {
                let sentences = alignment.sentences(bead, language)
                guard let first = sentences.first, let last = sentences.last else { continue }
                variants[language] = Variant(
                    language: language, text: sentences.map(\.text).joined(separator: " "),
                    span: SourceSpan(
                        file: alignment.files[position], start: first.start, end: last.end))
            }
            return TranslationUnit(
                id: "\(documentID)#\(index + 1)", variants: variants, origin: .aligned,
                provenance: provenance, alignmentScore: (bead.score * 10_000).rounded() / 10_000,
                flagged: bead.flagged, created: now)
        }
    }

    /// The news item's name shared by its files ("2026-10-14-izmir-bergkamen" for
    /// "2026-10-14-izmir-bergkamen.tr.html"), else a digest of the texts.
    static func documentID(_ alignment: NewsAlignment) -> String {
        let stems = alignment.files.map { file -> String in
            var name = (file as NSString).lastPathComponent
            for _ in 0..<2 {
                let ext = (name as NSString).pathExtension
                guard !ext.isEmpty, ext.count <= 5 else { break }
                name = (name as NSString).deletingPathExtension
            }
            return name
        }
        if let first = stems.first, !first.isEmpty, first != "<stdin>",
            stems.allSatisfy({ $0 == first })
        {
            return first
        }
        var hasher = FNV1a()
        for document in alignment.documents {
            for sentence in document.sentences { hasher.add(sentence.text) }
        }
        return "item-" + String(hasher.value, radix: 16)
    }
}

/// A stable 64-bit digest (FNV-1a): the same texts give the same id in every run.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0xFF
        value &*= 0x100_0000_01b3
    }
}

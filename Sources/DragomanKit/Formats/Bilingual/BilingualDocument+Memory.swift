public import Foundation

extension BilingualDocument {
    /// The translated units as translation units for a memory, origin `imported`, with
    /// `file` as their provenance.
    ///
    /// A unit becomes a translation unit when it has a target that is not blank and is to be
    /// translated (`translate="no"` units are left out: their target is a copy, not a
    /// translation). The text is the plain text; the unit's id in the file goes into the
    /// property `xliff:id`, its state into `xliff:state`, its note into the notes. The id is
    /// a digest of the languages and texts, so importing a file again adds nothing. Nothing
    /// comes back when the document names no target language, or the same language as its
    /// source (`en-US` to `en-GB`): a memory keeps one variant per language.
    public func translationUnits(file: String, now: Date = Date()) -> [TranslationUnit] {
        guard let targetLanguage, targetLanguage != sourceLanguage else { return [] }
        let name = URL(fileURLWithPath: file).lastPathComponent
        return units.compactMap { unit -> TranslationUnit? in
            guard unit.translatable, let target = unit.target,
                !target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return nil }
            var properties = ["xliff:id": unit.id]
            if let state = unit.state { properties["xliff:state"] = state }
            let id = ContentDigest.id(
                "xliff-",
                of: [
                    "\(sourceLanguage.code)\u{1}\(unit.source)",
                    "\(targetLanguage.code)\u{1}\(target)",
                ].sorted())
            return TranslationUnit(
                id: id,
                variants: [
                    sourceLanguage: Variant(language: sourceLanguage, text: unit.source),
                    targetLanguage: Variant(language: targetLanguage, text: target),
                ],
                origin: .imported, provenance: Provenance(documentID: name),
                properties: properties, notes: unit.note.map { [$0] } ?? [], created: now)
        }
    }

    /// Whether some unit has a target: a document that has them must name its target
    /// language to be imported.
    public var hasTargets: Bool { units.contains { $0.target != nil } }
}

/// A file of parallel units to check, whatever its format: units with an id and a text per language,
/// and the source language the file declares. TMX is read by
/// ``ParallelFile/readTMX(_:)``, XLIFF by ``ParallelFile/init(xliff:file:)``.
public struct ParallelFile: Sendable, Hashable {
    /// One translation unit: its id in the file and its plain texts (inline markup removed).
    public struct Unit: Sendable, Hashable {
        public var id: String
        public var texts: [Language: String]

        public init(id: String, texts: [Language: String]) {
            self.id = id
            self.texts = texts
        }
    }

    /// The file as named in messages.
    public var file: String
    /// The source language the file declares, when it names one.
    public var declaredSource: Language?
    public var units: [Unit]

    public init(file: String, declaredSource: Language?, units: [Unit]) {
        self.file = file
        self.declaredSource = declaredSource
        self.units = units
    }

    /// The languages of the units, most frequent first.
    public var languages: [Language] {
        var counts: [Language: Int] = [:]
        var order: [Language] = []
        for unit in units {
            for language in unit.texts.keys {
                if counts[language] == nil { order.append(language) }
                counts[language, default: 0] += 1
            }
        }
        return order.enumerated().sorted {
            (counts[$0.element]!, -$0.offset) > (counts[$1.element]!, -$1.offset)
        }.map(\.element)
    }

    /// The pair to check when the user names none or one side: the declared source (else the
    /// most frequent language) and the other language.
    public func pair(from: Language?, to: Language?) -> (from: Language, to: Language)? {
        let all = languages
        guard
            let source = from ?? declaredSource.flatMap({ all.contains($0) ? $0 : nil })
                ?? all.first(where: { $0 != to })
        else { return nil }
        guard let target = to ?? all.first(where: { $0 != source }) else { return nil }
        return (source, target)
    }

    /// The units as a document to check; a unit without text in a language has an empty side
    /// (an omission or an addition). Units with neither language are left out.
    public func checkDocument(from source: Language, to target: Language) -> CheckDocument {
        let units = units.compactMap { unit -> CheckUnit? in
            let a = unit.texts[source] ?? ""
            let b = unit.texts[target] ?? ""
            guard !a.isEmpty || !b.isEmpty else { return nil }
            return CheckUnit(
                id: unit.id,
                pair: SegmentPair(
                    source: a, target: b, sourceLanguage: source, targetLanguage: target))
        }
        return CheckDocument(sourceLanguage: source, targetLanguage: target, units: units)
    }
}

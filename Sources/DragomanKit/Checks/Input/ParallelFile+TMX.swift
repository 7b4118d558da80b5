import Foundation

extension ParallelFile {
    /// Reads a TMX file (1.1 to 1.4b) as a bilingual document: each `<tu>` a unit (its
    /// `tuid`, or the reader's digest id), each variant's plain text; the header's `srclang`
    /// as the declared source unless it is `*all*`.
    ///
    /// - Throws: ``TMXError`` with the line and column of what cannot be read.
    public static func readTMX(_ path: String) throws -> ParallelFile {
        var units: [Unit] = []
        try TMXReader().read(.file(path)) { unit in
            var texts: [Language: String] = [:]
            for language in unit.variants.keys {
                texts[language] = unit.plainText(language)
            }
            units.append(Unit(id: unit.id, texts: texts))
        }
        return ParallelFile(
            file: path, declaredSource: declaredSourceLanguage(path), units: units)
    }

    /// The `srclang` of the TMX header, read from the start of the file.
    static func declaredSourceLanguage(_ path: String) -> Language? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 1 << 16), as: UTF8.self)
        guard let header = head.range(of: "<header"),
            let end = head[header.upperBound...].firstIndex(of: ">")
        else { return nil }
        let attributes = head[header.upperBound..<end]
        guard let name = attributes.range(of: "srclang") else { return nil }
        let rest = attributes[name.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return Language(tag: String(value))
    }
}

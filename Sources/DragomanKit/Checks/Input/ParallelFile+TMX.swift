extension ParallelFile {
    /// Reads a TMX file (1.1 to 1.4b) as a bilingual document: each `<tu>` a unit (its
    /// `tuid`, or the reader's digest id), each variant's plain text; the header's `srclang`
    /// as the declared source unless it is `*all*`.
    ///
    /// - Throws: ``TMXError`` with the line and column of what cannot be read.
    public static func readTMX(_ path: String) throws -> ParallelFile {
        var units: [Unit] = []
        let summary = try TMXReader().read(.file(path)) { unit in
            var texts: [Language: String] = [:]
            for language in unit.variants.keys {
                texts[language] = unit.plainText(language)
            }
            units.append(Unit(id: unit.id, texts: texts))
        }
        return ParallelFile(
            file: path, declaredSource: summary.sourceLanguage.flatMap { Language(tag: $0) },
            units: units)
    }
}

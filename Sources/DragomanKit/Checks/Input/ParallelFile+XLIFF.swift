extension ParallelFile {
    /// The translated units of an XLIFF document. Units not yet translated and units the file
    /// marks as not to be translated are left out: there is nothing to check in them.
    public init(xliff document: BilingualDocument, file: String) {
        var units: [Unit] = []
        if let target = document.targetLanguage, target != document.sourceLanguage {
            for unit in document.units where unit.translatable {
                guard let translation = unit.target, !translation.isEmpty else { continue }
                units.append(
                    Unit(
                        id: unit.id,
                        texts: [document.sourceLanguage: unit.source, target: translation]))
            }
        }
        self.init(file: file, declaredSource: document.sourceLanguage, units: units)
    }
}

/// A test case for the checks: a sentence and two translations of it, one with an error of a
/// known kind put in, one without; for memory checks, the translation the memory holds.
public struct InjectedErrorCase: Sendable, Hashable {
    /// The check id expected to flag the erroneous translation.
    public var expected: String
    public var from: Language
    public var to: Language
    public var source: String
    public var erroneous: String
    public var clean: String
    public var memory: String?

    public init(
        expected: String, from: Language, to: Language, source: String, erroneous: String,
        clean: String, memory: String? = nil
    ) {
        self.expected = expected
        self.from = from
        self.to = to
        self.source = source
        self.erroneous = erroneous
        self.clean = clean
        self.memory = memory
    }

    /// Reads the cases of a TSV file: a header, then `expected from to source erroneous clean
    /// [memory]`; lines starting with `#` are comments.
    ///
    /// - Throws: ``GlossaryError`` naming the line of a row that cannot be read.
    public static func read(
        _ text: String, file: String
    ) throws(GlossaryError) -> [InjectedErrorCase] {
        var cases: [InjectedErrorCase] = []
        var header = true
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if line.isEmpty || line.hasPrefix("#") { continue }
            if header {
                header = false
                continue
            }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(
                String.init)
            guard cells.count >= 6, let from = Language(tag: cells[1]),
                let to = Language(tag: cells[2])
            else {
                throw GlossaryError(
                    file: file, line: number + 1, column: 1,
                    message: "expected six or seven tab-separated cells with two languages")
            }
            cases.append(
                InjectedErrorCase(
                    expected: cells[0], from: from, to: to, source: cells[3], erroneous: cells[4],
                    clean: cells[5], memory: cells.count > 6 && !cells[6].isEmpty ? cells[6] : nil))
        }
        return cases
    }
}

/// Measures the checks: false alarms on professional translations (NTREX news, taken as
/// correct), and detection of injected errors with their clean versions.
public enum CheckBenchmark {
    /// Findings on a set of line-aligned documents, counted by check and severity.
    public struct Tally: Sendable {
        public var sentences = 0
        /// Findings per check id, per severity.
        public var counts: [String: [CheckSeverity: Int]] = [:]
        /// Every finding with its texts, for review by hand.
        public var findings: [(source: String, target: String, finding: CheckFinding)] = []

        public init() {}

        /// Findings per 100 sentences of `severity`, in total or for one check.
        public func perHundred(_ severity: CheckSeverity, check: String? = nil) -> Double {
            guard sentences > 0 else { return 0 }
            let n =
                check.map { counts[$0]?[severity] ?? 0 }
                ?? counts.values.reduce(0) { $0 + ($1[severity] ?? 0) }
            return Double(n) * 100 / Double(sentences)
        }
    }

    /// Runs the suite over documents given as line-aligned sentences (line `i` of `source`
    /// translates line `i` of `target`), one document per run of equal ids.
    public static func lineAligned(
        source: [String], target: [String], documentIDs: [String], from: Language,
        to: Language, suite: CheckSuite, context: CheckContext
    ) throws -> Tally {
        var tally = Tally()
        var start = 0
        let count = min(source.count, target.count, documentIDs.count)
        while start < count {
            var end = start
            while end < count && documentIDs[end] == documentIDs[start] { end += 1 }
            let units = (start..<end).filter { !source[$0].isEmpty || !target[$0].isEmpty }.map {
                line in
                CheckUnit(
                    id: String(line + 1),
                    pair: SegmentPair(
                        source: source[line], target: target[line], sourceLanguage: from,
                        targetLanguage: to))
            }
            let document = CheckDocument(sourceLanguage: from, targetLanguage: to, units: units)
            for located in try suite.run(document, context: context) {
                let finding = located.finding
                tally.counts[finding.check, default: [:]][finding.severity, default: 0] += 1
                let unit = units[located.unit]
                tally.findings.append((unit.pair.source, unit.pair.target, finding))
            }
            tally.sentences += units.count
            context.clearCaches()
            start = end
        }
        return tally
    }

    /// What the injected cases show.
    public struct Detection: Sendable {
        public var cases = 0
        /// Erroneous translations flagged by the expected check.
        public var detected = 0
        /// Clean translations with an error-level finding.
        public var cleanWithErrors = 0
        /// Per expected check: cases and detected.
        public var byCheck: [String: (cases: Int, detected: Int)] = [:]
        /// What went wrong, one line per case.
        public var failures: [String] = []

        public init() {}

        public var rate: Double { cases == 0 ? 0 : Double(detected) / Double(cases) }
    }

    /// Runs each case as a one-unit document, erroneous and clean, with `glossary` and the
    /// case's memory.
    public static func detection(
        _ cases: [InjectedErrorCase], glossary: Glossary, suite: CheckSuite = CheckSuite()
    ) throws -> Detection {
        var result = Detection()
        for item in cases {
            let memory = item.memory.map {
                FixedMemory(source: item.source, target: $0, from: item.from, to: item.to)
            }
            let context = CheckContext(glossary: glossary, memory: memory)
            func run(_ target: String) throws -> [CheckFinding] {
                let unit = CheckUnit(
                    id: "1",
                    pair: SegmentPair(
                        source: item.source, target: target, sourceLanguage: item.from,
                        targetLanguage: item.to))
                return try suite.run(
                    CheckDocument(
                        sourceLanguage: item.from, targetLanguage: item.to, units: [unit]),
                    context: context
                ).map(\.finding)
            }
            let flagged = try run(item.erroneous).contains {
                CheckConfiguration.covers(item.expected, $0.check)
            }
            let cleanErrors = try run(item.clean).filter { $0.severity == .error }
            result.cases += 1
            result.byCheck[item.expected, default: (0, 0)].cases += 1
            if flagged {
                result.detected += 1
                result.byCheck[item.expected, default: (0, 0)].detected += 1
            } else {
                result.failures.append("missed \(item.expected): \(item.erroneous)")
            }
            if !cleanErrors.isEmpty {
                result.cleanWithErrors += 1
                result.failures.append(
                    "clean flagged (\(cleanErrors.map(\.check).joined(separator: ", "))): \(item.clean)"
                )
            }
        }
        return result
    }
}

/// A memory of one sentence, for the injected memory cases.
struct FixedMemory: TranslationMemoryLookup {
    let source: String
    let target: String
    let from: Language
    let to: Language

    func translations(
        of text: String, from source: Language, to target: Language
    )
        -> [StoredTranslation]
    {
        guard source == from, target == to, MatchKey.make(text) == MatchKey.make(self.source)
        else { return [] }
        return [StoredTranslation(unitID: "memory-1", source: self.source, target: self.target)]
    }
}

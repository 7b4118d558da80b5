import Foundation

/// The pair checks run over line-aligned translations (line *i* of one language translates
/// line *i* of the other): how many findings each check raises per 100 lines, by severity.
///
/// On professional translations such as NTREX nearly every error-level finding is a false
/// alarm, so the error rate measures how far the checks can be trusted.
public struct PairCheckSurvey: Sendable {
    /// One finding with its line (1-based) and pair, for reading by hand.
    public struct Sample: Sendable {
        public let line: Int
        public let pair: SegmentPair
        public let finding: CheckFinding
    }

    public struct Figures: Sendable {
        public let source: Language
        public let target: Language
        public let lines: Int
        /// Findings by check id and severity.
        public let counts: [String: [CheckSeverity: Int]]
        /// Every finding, in line order.
        public let samples: [Sample]
        public let seconds: Double

        public func perHundredLines(_ check: String, _ severity: CheckSeverity) -> Double {
            Double(counts[check]?[severity] ?? 0) * 100 / Double(max(lines, 1))
        }

        /// Findings of `severity` of every check per 100 lines.
        public func perHundredLines(_ severity: CheckSeverity) -> Double {
            Double(counts.values.reduce(0) { $0 + ($1[severity] ?? 0) }) * 100
                / Double(max(lines, 1))
        }
    }

    public let lines: [Language: [String]]
    public let checks: [any PairCheck]

    public init(lines: [Language: [String]], checks: [any PairCheck] = PairChecks.all) {
        self.lines = lines
        self.checks = checks
    }

    /// Runs every check on the line pairs `source` → `target` (lines missing in either
    /// language, or empty, are skipped).
    public func run(from source: Language, to target: Language) -> Figures {
        let sourceLines = lines[source] ?? []
        let targetLines = lines[target] ?? []
        var counts: [String: [CheckSeverity: Int]] = [:]
        for check in checks { counts[check.id] = [:] }
        var samples: [Sample] = []
        var count = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for (index, (a, b)) in zip(sourceLines, targetLines).enumerated()
        where !a.isEmpty && !b.isEmpty {
            count += 1
            let pair = SegmentPair(
                source: a, target: b, sourceLanguage: source, targetLanguage: target)
            for check in checks {
                for finding in check.findings(in: pair) {
                    counts[finding.check, default: [:]][finding.severity, default: 0] += 1
                    samples.append(Sample(line: index + 1, pair: pair, finding: finding))
                }
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Figures(
            source: source, target: target, lines: count, counts: counts, samples: samples,
            seconds: seconds)
    }
}

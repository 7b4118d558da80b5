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

    /// How often a number changed in the target is caught: the first digit of each target line
    /// that has one is changed (0→1, …, 8→9, 9→8), and the number checks run on the line
    /// before and after.
    public struct Recall: Sendable {
        public let source: Language
        public let target: Language
        /// Lines whose target has a digit to change.
        public let lines: Int
        /// Lines where the change raised a number finding of error level more than before.
        public let asError: Int
        /// Lines where it raised a number finding of warning or error level more than before.
        public let asWarningOrError: Int
        /// The changed pairs that raised no new error, for reading by hand.
        public let notErrors: [SegmentPair]
    }

    public func changedDigitRecall(from source: Language, to target: Language) -> Recall {
        let checks = checks.filter { $0.id.hasPrefix("numbers") }
        var lines = 0
        var asError = 0
        var asWarning = 0
        var notErrors: [SegmentPair] = []
        for (a, b) in zip(self.lines[source] ?? [], self.lines[target] ?? []) {
            var scalars = Array(b.unicodeScalars)
            guard let index = scalars.firstIndex(where: { ("0"..."9").contains($0) }) else {
                continue
            }
            let digit = scalars[index].value - 48
            scalars[index] = Unicode.Scalar(48 + (digit == 9 ? 8 : digit + 1))!
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            lines += 1
            func counts(_ text: String) -> (errors: Int, warnings: Int) {
                let pair = SegmentPair(
                    source: a, target: text, sourceLanguage: source, targetLanguage: target)
                let findings = checks.flatMap { $0.findings(in: pair) }
                return (
                    findings.filter { $0.severity == .error }.count,
                    findings.filter { $0.severity >= .warning }.count
                )
            }
            let before = counts(b)
            let after = counts(String(view))
            if after.errors > before.errors {
                asError += 1
            } else {
                notErrors.append(
                    SegmentPair(
                        source: a, target: String(view), sourceLanguage: source,
                        targetLanguage: target))
            }
            if after.warnings > before.warnings { asWarning += 1 }
        }
        return Recall(
            source: source, target: target, lines: lines, asError: asError,
            asWarningOrError: asWarning, notErrors: notErrors)
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

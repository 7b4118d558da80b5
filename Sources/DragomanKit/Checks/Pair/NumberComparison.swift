/// Compares the numbers of a pair's source and target as values, and says what differs: a
/// value changed, a number missing or added, a percentage or a currency lost.
///
/// Severities: a number that has no counterpart but a near one on the other side (digits
/// differ by one edit or are swapped, even when the slip moves the number out of its kind, as
/// 2017 → 3017 is no longer a year; a year within ten; another day, month, percentage or clock
/// time) is a changed value, an error. A number with no counterpart at all is a warning:
/// translators may drop or add one for good reasons; a lone year, which a translation often
/// drops or adds for clarity, is only information. A percentage or a currency that the other
/// side writes differently is a warning.
///
/// Numbers are compared as sets of values: a number the source repeats and the target writes
/// once (`5 men and 5 women` → `5'er kadın ve erkek`) is no finding.
///
/// A pair that measures in imperial units on one side and metric ones on the other
/// (`10 inches` / `25 Zentimeter`, `80 fahrenhayt` / `27 ºC`) was converted: its unmatched
/// measures are information, never changes.
struct NumberComparison: Sendable {
    let findings: [CheckFinding]

    init(_ pair: SegmentPair) {
        let sourceScalars = Array(pair.source.unicodeScalars)
        let targetScalars = Array(pair.target.unicodeScalars)
        let source = NumberReader(language: pair.sourceLanguage).read(
            sourceScalars, excluding: LinkScanner.links(in: sourceScalars).map(\.span))
        let target = NumberReader(language: pair.targetLanguage).read(
            targetScalars, excluding: LinkScanner.links(in: targetScalars).map(\.span))
        // Inches on one side and centimetres on the other: the measures were converted, so
        // their numbers differ by design.
        let converted =
            (source.units.contains(.imperial) && !target.units.contains(.imperial)
                && target.units.contains(.metric))
            || (target.units.contains(.imperial) && !source.units.contains(.imperial)
                && source.units.contains(.metric))
        let unscaled = !pair.sourceLanguage.hasOwnRules || !pair.targetLanguage.hasOwnRules
        findings = Self.compare(
            source.mentions, target.mentions, converted: converted, unscaled: unscaled)
    }

    private static func compare(
        _ source: [NumericMention], _ target: [NumericMention], converted: Bool, unscaled: Bool
    ) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var missing: [NumericMention] = []
        var added: [NumericMention] = []
        for (inSource, mentions, others) in [(true, source, target), (false, target, source)] {
            for mention in mentions where !mention.isSoft {
                let answers = others.filter {
                    $0.mayAnswer(mention) && mention.sharesValue(with: $0, unscaled: unscaled)
                }
                guard let answer = answers.first(where: { !$0.isSoft }) ?? answers.first else {
                    if inSource { missing.append(mention) } else { added.append(mention) }
                    continue
                }
                if mention.kind == .percent, !answers.contains(where: { $0.kind == .percent }) {
                    findings.append(
                        CheckFinding(
                            check: NumbersCheck.percentID, severity: .warning,
                            message: inSource
                                ? "“\(mention.text)” in the source is a percentage but “\(answer.text)” in the target is not: add the percent sign or word."
                                : "“\(mention.text)” in the target is a percentage but “\(answer.text)” in the source is not: check the percent sign or word.",
                            source: inSource ? mention.span : answer.span,
                            target: inSource ? answer.span : mention.span))
                }
                // Another currency, told once, from the source's side.
                if inSource, let currency = mention.currency,
                    let other = answers.first(where: { $0.currency != nil }),
                    !answers.contains(where: { $0.currency == currency })
                {
                    findings.append(
                        CheckFinding(
                            check: NumbersCheck.currencyID, severity: .warning,
                            message:
                                "“\(mention.text)” in the source is in \(currency) but “\(other.text)” in the target is in \(other.currency!): use the source's currency.",
                            source: mention.span, target: other.span))
                }
            }
        }
        var paired = Set<Int>()
        for mention in missing {
            if let index = added.indices.first(where: {
                !paired.contains($0) && isChange(mention, added[$0])
                    && !(converted && mention.kind == .plain)
            }) {
                paired.insert(index)
                let other = added[index]
                findings.append(
                    CheckFinding(
                        check: mention.checkID, severity: .error,
                        message:
                            "The source has “\(mention.text)” where the target has “\(other.text)”: make the \(noun(mention.kind)) agree.",
                        source: mention.span, target: other.span))
            } else {
                findings.append(
                    CheckFinding(
                        check: mention.checkID, severity: severity(mention, converted),
                        message:
                            "“\(mention.text)” in the source is not in the target: translate it or check the \(noun(mention.kind)).",
                        source: mention.span))
            }
        }
        for (index, mention) in added.enumerated() where !paired.contains(index) {
            findings.append(
                CheckFinding(
                    check: mention.checkID, severity: severity(mention, converted),
                    message:
                        "“\(mention.text)” in the target is not in the source: remove it or check the \(noun(mention.kind)).",
                    target: mention.span))
        }
        return findings.sorted {
            ($0.source?.lowerBound ?? $0.target?.lowerBound ?? 0)
                < ($1.source?.lowerBound ?? $1.target?.lowerBound ?? 0)
        }
    }

    /// A lone year, or a measure in a pair whose units were converted, is information; any
    /// other number without a counterpart a warning.
    private static func severity(_ mention: NumericMention, _ converted: Bool) -> CheckSeverity {
        mention.kind == .year || (converted && mention.kind == .plain) ? .info : .warning
    }

    /// Whether `target` is `source` changed rather than a different number: both of one
    /// family, and near (see the type's discussion).
    private static func isChange(_ source: NumericMention, _ target: NumericMention) -> Bool {
        switch (source.kind, target.kind) {
        case (.month, .month), (.percent, .percent), (.day, .day), (.time, .time):
            return true
        case (.year, .year):
            return abs(source.values[0] - target.values[0]) <= 10
                || digitsAreNear(source.digits, target.digits)
        case (.month, _), (_, .month), (.percent, _), (_, .percent):
            return false
        default:
            // A slip may move a number out of its kind (2017 → 3017 is no longer a year,
            // 29 → 39 no longer a day): near digits are a change across kinds too.
            return digitsAreNear(source.digits, target.digits)
        }
    }

    /// The same digits, one digit inserted, deleted or replaced, or two neighbours swapped.
    static func digitsAreNear(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard !x.isEmpty, !y.isEmpty, abs(x.count - y.count) <= 1 else { return false }
        // The same digits with another value: a scale word or a separator changed.
        if x == y { return true }
        if x.count == y.count {
            let differing = x.indices.filter { x[$0] != y[$0] }
            if differing.count == 1 { return true }
            return differing.count == 2 && differing[1] == differing[0] + 1
                && x[differing[0]] == y[differing[1]] && x[differing[1]] == y[differing[0]]
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        for skip in long.indices {
            var copy = long
            copy.remove(at: skip)
            if copy == short { return true }
        }
        return false
    }

    private static func noun(_ kind: NumericMention.Kind) -> String {
        switch kind {
        case .plain: "numbers"
        case .year, .day, .month: "dates"
        case .time: "times"
        case .percent: "percentages"
        case .currency: "amounts"
        }
    }
}

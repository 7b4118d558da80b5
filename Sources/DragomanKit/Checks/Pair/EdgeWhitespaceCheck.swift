/// Whitespace at the start or end of the target that differs from the source's. Segments are
/// joined back into documents as they are, so a space or line break lost or added at an edge
/// glues two sentences together or splits a paragraph.
public struct EdgeWhitespaceCheck: PairCheck {
    public var id: String { "form.edge-whitespace" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let source = Array(pair.source.unicodeScalars)
        let target = Array(pair.target.unicodeScalars)
        var findings: [CheckFinding] = []
        let sourceLead = source.prefix { $0.properties.isWhitespace }.count
        let targetLead = target.prefix { $0.properties.isWhitespace }.count
        if source[..<sourceLead] != target[..<targetLead],
            sourceLead < source.count && targetLead < target.count
        {
            findings.append(
                CheckFinding(
                    check: id, severity: .warning,
                    message:
                        "The source starts with \(Self.describe(source[..<sourceLead])) but the target with \(Self.describe(target[..<targetLead])): make the target start as the source does.",
                    source: 0..<sourceLead, target: 0..<targetLead))
        }
        let sourceTrail = source.reversed().prefix { $0.properties.isWhitespace }.count
        let targetTrail = target.reversed().prefix { $0.properties.isWhitespace }.count
        if sourceTrail < source.count && targetTrail < target.count,
            source.suffix(sourceTrail) != target.suffix(targetTrail)
        {
            findings.append(
                CheckFinding(
                    check: id, severity: .warning,
                    message:
                        "The source ends with \(Self.describe(source.suffix(sourceTrail))) but the target with \(Self.describe(target.suffix(targetTrail))): make the target end as the source does.",
                    source: (source.count - sourceTrail)..<source.count,
                    target: (target.count - targetTrail)..<target.count))
        }
        return findings
    }

    /// Whitespace in words: "no whitespace", "a space", "2 spaces and a line break".
    static func describe(_ run: ArraySlice<Unicode.Scalar>) -> String {
        guard !run.isEmpty else { return "no whitespace" }
        var parts: [(String, Int)] = []
        for scalar in run {
            let name: String
            switch scalar {
            case " ": name = "space"
            case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": name = "line break"
            case "\t": name = "tab"
            case "\u{00A0}", "\u{202F}": name = "no-break space"
            default: name = "U+" + String(scalar.value, radix: 16, uppercase: true)
            }
            if let last = parts.last, last.0 == name {
                parts[parts.count - 1].1 += 1
            } else {
                parts.append((name, 1))
            }
        }
        return parts.map { name, count in count == 1 ? "a \(name)" : "\(count) \(name)s" }
            .joined(separator: " and ")
    }
}

import DragomanKit
import Foundation

/// The findings of one run, ready to print: as the JSON of the CLI contract, or as a terminal
/// report grouped by sentence.
struct CheckReport {
    let input: CheckInput
    let findings: [LocatedFinding]

    var document: CheckDocument { input.document }

    func count(_ severity: CheckSeverity) -> Int {
        findings.count { $0.finding.severity == severity }
    }

    /// A finding's source span as reported: in the source file for news items, in the unit's
    /// text for bilingual files.
    func sourceSpan(_ located: LocatedFinding) -> Range<Int>? {
        guard let span = located.finding.source else { return nil }
        return input.isNews ? document.units[located.unit].sourceFileRange(span) : span
    }

    func targetSpan(_ located: LocatedFinding) -> Range<Int>? {
        guard let span = located.finding.target else { return nil }
        return input.isNews ? document.units[located.unit].targetFileRange(span) : span
    }

    /// `{"findings": [...], "summary": {...}}`; each finding has `check`, `severity`,
    /// `message`, the spans it has, and `sentence` (the unit's index), `unit` (bilingual
    /// files: the unit id), `sourceText` and `targetText` (the unit's texts).
    func json() -> String {
        var items: [String] = []
        for located in findings {
            let finding = located.finding
            let unit = document.units[located.unit]
            var fields = [
                "\"check\":\(JSONText.quoted(finding.check))",
                "\"severity\":\(JSONText.quoted(finding.severity.rawValue))",
                "\"message\":\(JSONText.quoted(finding.message))",
            ]
            if let span = sourceSpan(located) {
                fields.append(
                    "\"source\":{\"start\":\(span.lowerBound),\"end\":\(span.upperBound)}")
            }
            if let span = targetSpan(located) {
                fields.append(
                    "\"target\":{\"start\":\(span.lowerBound),\"end\":\(span.upperBound)}")
            }
            fields.append("\"sentence\":\(located.unit)")
            if !input.isNews { fields.append("\"unit\":\(JSONText.quoted(unit.id))") }
            fields.append("\"sourceText\":\(JSONText.quoted(unit.pair.source))")
            fields.append("\"targetText\":\(JSONText.quoted(unit.pair.target))")
            items.append("{" + fields.joined(separator: ",") + "}")
        }
        var byCheck: [String: Int] = [:]
        for located in findings { byCheck[located.finding.check, default: 0] += 1 }
        let checks = byCheck.sorted { $0.key < $1.key }
            .map { "\(JSONText.quoted($0.key)):\($0.value)" }.joined(separator: ",")
        let summary = [
            "\"error\":\(count(.error))", "\"warning\":\(count(.warning))",
            "\"info\":\(count(.info))", "\"units\":\(document.units.count)",
            "\"from\":\(JSONText.quoted(document.sourceLanguage.code))",
            "\"to\":\(JSONText.quoted(document.targetLanguage.code))",
            "\"checks\":{\(checks)}",
        ]
        return
            "{\"findings\":[\(items.joined(separator: ","))],\"summary\":{\(summary.joined(separator: ","))}}\n"
    }

    /// Per unit with findings: its source and target (spans highlighted when `color`), then
    /// one line per finding; a summary line at the end.
    func text(color: Bool) -> String {
        var out = ""
        let grouped = Dictionary(grouping: findings, by: \.unit)
        let from = document.sourceLanguage.code
        let to = document.targetLanguage.code
        for index in grouped.keys.sorted() {
            let unit = document.units[index]
            let list = grouped[index]!
            let label = input.isNews ? "sentence \(index + 1)" : "unit \(unit.id)"
            out += color ? "\u{1B}[1m\(label)\u{1B}[0m\n" : "\(label)\n"
            let sourceMarks = list.compactMap { l in
                l.finding.source.map { ($0, l.finding.severity) }
            }
            let targetMarks = list.compactMap { l in
                l.finding.target.map { ($0, l.finding.severity) }
            }
            out += "  \(from): \(Self.render(unit.pair.source, sourceMarks, color: color))\n"
            out += "  \(to): \(Self.render(unit.pair.target, targetMarks, color: color))\n"
            for located in list {
                let finding = located.finding
                let severity = finding.severity.rawValue.padding(
                    toLength: 7, withPad: " ", startingAt: 0)
                let tint = color ? Self.colour(finding.severity) : ""
                let reset = color ? "\u{1B}[0m" : ""
                out += "  \(tint)\(severity)\(reset) \(finding.check): \(finding.message)\n"
            }
            out += "\n"
        }
        out += "\(count(.error)) errors, \(count(.warning)) warnings, \(count(.info)) info in "
        out += "\(document.units.count) units (\(from) → \(to))\n"
        return out
    }

    static func colour(_ severity: CheckSeverity) -> String {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .info: "\u{1B}[1;36m"
        }
    }

    /// `text` with the spans underlined in their severity's colour; unchanged without colour.
    static func render(
        _ text: String, _ marks: [(Range<Int>, CheckSeverity)], color: Bool
    ) -> String {
        let shown = text.isEmpty ? "(nothing)" : text
        guard color, !marks.isEmpty, !text.isEmpty else { return shown }
        let whole = 0..<text.unicodeScalars.count
        // Whole-text spans (omissions, untranslated) would colour everything: mark parts only.
        let parts = marks.filter { $0.0 != whole && !$0.0.isEmpty }
        guard !parts.isEmpty else { return shown }
        var out = String.UnicodeScalarView()
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if let mark = parts.filter({ $0.0.lowerBound == index }).max(by: { $0.1 < $1.1 }) {
                out.append(contentsOf: (colour(mark.1) + "\u{1B}[4m").unicodeScalars)
            }
            out.append(scalar)
            if parts.contains(where: { $0.0.upperBound == index + 1 }) {
                out.append(contentsOf: "\u{1B}[0m".unicodeScalars)
            }
        }
        return String(out)
    }
}

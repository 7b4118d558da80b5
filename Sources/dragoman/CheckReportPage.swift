import DragomanKit
import Foundation

/// A self-contained HTML page to review a check: the findings listed at the top, then the
/// units side by side with each finding's span highlighted in its severity's colour.
/// Everything from the input is escaped.
struct CheckReportPage {
    let report: CheckReport

    init(_ report: CheckReport) { self.report = report }

    func html() -> String {
        let document = report.document
        let from = document.sourceLanguage.code
        let to = document.targetLanguage.code
        let title =
            report.input.isNews
            ? "\(report.input.sourceFile) → \(report.input.targetFile)" : report.input.sourceFile
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(escape(title)) · Dragoman check</title>
            <style>
            \(HTMLText.tableStyle)
            td.empty{color:#aaa;font-style:italic}
            mark{border-radius:2px;padding:0 1px} mark.error{background:#f9d0cc} mark.warning{background:#fff1c2}
            mark.info{background:#d6ecf7}
            ul.findings{padding-left:1.2rem} li.error::marker{color:#c0392b} li.warning::marker{color:#b7950b}
            .sev{font-weight:600;margin-right:.4rem} .sev.error{color:#c0392b} .sev.warning{color:#9a7d0a}
            .sev.info{color:#1f6f8b} code{background:#f4f4f6;padding:0 .25rem}
            tr.clean{color:#666} label{margin-left:1rem}
            body.only-findings tr.clean{display:none}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <div class="meta">\(from) → \(to) · \(document.units.count) units · \
            \(report.count(.error)) errors · \(report.count(.warning)) warnings · \
            \(report.count(.info)) info
            <label><input type="checkbox" onchange="document.body.classList.toggle('only-findings',this.checked)"> \
            show units with findings only</label></div>

            """
        page += "<ul class=\"findings\">\n"
        for located in report.findings {
            let finding = located.finding
            let severity = finding.severity.rawValue
            page +=
                "<li class=\"\(severity)\"><a href=\"#u\(located.unit + 1)\">#\(located.unit + 1)</a> "
            page += "<span class=\"sev \(severity)\">\(severity)</span>"
            page += "<code>\(escape(finding.check))</code> \(escape(finding.message))</li>\n"
        }
        page += "</ul>\n<table><thead><tr><th class=\"n\">#</th>"
        page +=
            "<th lang=\"\(from)\">\(from)</th><th lang=\"\(to)\">\(to)</th></tr></thead><tbody>\n"
        let grouped = Dictionary(grouping: report.findings, by: \.unit)
        for (index, unit) in document.units.enumerated() {
            let list = grouped[index] ?? []
            let label = report.input.isNews ? "\(index + 1)" : escape(unit.id)
            page += "<tr id=\"u\(index + 1)\"\(list.isEmpty ? " class=\"clean\"" : "")>"
            page += "<td class=\"n\">\(label)</td>"
            page += cell(
                unit.pair.source, from,
                list.compactMap { l in
                    l.finding.source.map { ($0, l.finding) }
                })
            page += cell(
                unit.pair.target, to,
                list.compactMap { l in
                    l.finding.target.map { ($0, l.finding) }
                })
            page += "</tr>\n"
        }
        page += "</tbody></table>\n</body></html>\n"
        return page
    }

    /// A table cell with the text, spans of findings wrapped in `<mark>` (the most serious
    /// wins where spans overlap; a span over the whole text marks the whole text).
    private func cell(
        _ text: String, _ language: String, _ marks: [(Range<Int>, CheckFinding)]
    ) -> String {
        guard !text.isEmpty else { return "<td class=\"empty\">(nothing)</td>" }
        let scalars = Array(text.unicodeScalars)
        var severity = [CheckSeverity?](repeating: nil, count: scalars.count)
        var titles = [[String]](repeating: [], count: scalars.count)
        for (range, finding) in marks {
            for k in range.clamped(to: 0..<scalars.count) {
                severity[k] = max(severity[k] ?? finding.severity, finding.severity)
                titles[k].append(finding.check)
            }
        }
        var out = "<td lang=\"\(language)\">"
        var k = 0
        while k < scalars.count {
            var end = k + 1
            while end < scalars.count && severity[end] == severity[k] && titles[end] == titles[k] {
                end += 1
            }
            let piece = escape(String(String.UnicodeScalarView(scalars[k..<end])))
            if let level = severity[k] {
                out +=
                    "<mark class=\"\(level.rawValue)\" title=\"\(escape(titles[k].joined(separator: ", ")))\">\(piece)</mark>"
            } else {
                out += piece
            }
            k = end
        }
        return out + "</td>"
    }

    private func escape(_ text: String) -> String { HTMLText.escaped(text) }
}

import DragomanKit
import Foundation

/// A self-contained HTML page to review an alignment: the languages side by side, each bead
/// coloured by confidence, flagged beads listed at the top and marked in the margin.
struct AlignmentReviewPage {
    let alignment: NewsAlignment

    init(_ alignment: NewsAlignment) { self.alignment = alignment }

    func html() -> String {
        let flagged = alignment.beads.indices.filter { alignment.beads[$0].flagged }
        let title =
            alignment.items.compactMap { $0?.title?.text }.first ?? alignment.files.first
            ?? "Alignment"
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(escape(title)) · Dragoman alignment</title>
            <style>
            \(HTMLText.tableStyle)
            td.s{width:4.2rem;font-variant-numeric:tabular-nums}
            tr.high td.s{background:#d9f2df} tr.mid td.s{background:#fff1c2} tr.low td.s{background:#f9d0cc}
            tr.flagged td{background:#fff6f5} tr.flagged td.n::after{content:" ⚑";color:#c0392b}
            td.empty{color:#aaa;font-style:italic}
            .sentence + .sentence{margin-top:.35rem;padding-top:.35rem;border-top:1px dashed #ddd}
            label{margin-left:1rem} .flags a{margin-right:.4rem}
            body.only-flagged tr.bead:not(.flagged){display:none}
            </style></head><body>
            <h1>\(escape(title))</h1>
            <div class="meta">\(alignment.beads.count) beads · \(flagged.count) flagged for review · \
            \(alignment.languages.map { "\($0.code): \(escape(file(of: $0)))" }.joined(separator: " · "))
            <label><input type="checkbox" onchange="document.body.classList.toggle('only-flagged',this.checked)"> \
            show flagged beads only</label></div>

            """
        if !flagged.isEmpty {
            page += "<div class=\"flags\">Flagged: "
            page += flagged.map { "<a href=\"#b\($0 + 1)\">#\($0 + 1)</a>" }.joined()
            page += "</div>\n"
        }
        page += "<table><thead><tr><th class=\"n\">#</th><th class=\"s\">score</th>"
        for language in alignment.languages {
            page += "<th lang=\"\(language.code)\">\(language.code)</th>"
        }
        page += "</tr></thead><tbody>\n"
        for (index, bead) in alignment.beads.enumerated() {
            let band = bead.score >= 0.8 ? "high" : (bead.score >= 0.5 ? "mid" : "low")
            page +=
                "<tr id=\"b\(index + 1)\" class=\"bead \(band)\(bead.flagged ? " flagged" : "")\">"
            page +=
                "<td class=\"n\">\(index + 1)</td><td class=\"s\">\(String(format: "%.2f", bead.score))</td>"
            for language in alignment.languages {
                let sentences = alignment.sentences(bead, language)
                if sentences.isEmpty {
                    page += "<td class=\"empty\">(no sentence)</td>"
                } else {
                    page += "<td lang=\"\(language.code)\">"
                    page += sentences.map { "<div class=\"sentence\">\(escape($0.text))</div>" }
                        .joined()
                    page += "</td>"
                }
            }
            page += "</tr>\n"
        }
        page += "</tbody></table></body></html>\n"
        return page
    }

    private func file(of language: Language) -> String {
        alignment.languages.firstIndex(of: language).map { alignment.files[$0] } ?? ""
    }

    private func escape(_ text: String) -> String { HTMLText.escaped(text) }
}

/// Text for HTML pages: every character markup could read (`&`, `<`, `>`, quotes) written as
/// a reference, so that text from the input can go into elements and attribute values.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The style the review pages share: body, heading, a table of numbered rows with a
    /// sticky header.
    static let tableStyle = """
        body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f}
        h1{font-size:1.3rem;margin:0 0 .3rem} .meta{color:#555;margin-bottom:1rem}
        table{border-collapse:collapse;width:100%;table-layout:fixed}
        th{position:sticky;top:0;background:#f4f4f6;text-align:left;padding:.4rem;border-bottom:2px solid #ccc}
        td{vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #e3e3e6}
        td.n{width:3.2rem;color:#666;font-variant-numeric:tabular-nums}
        """
}

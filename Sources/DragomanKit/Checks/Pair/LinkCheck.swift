/// Web and e-mail addresses of the source that the target lost or changed. An address is
/// not translated, so a changed one (another site or mailbox where the source's should be) is
/// an error; the same site with another path (often the page in the target's language) and a
/// missing address are warnings (a translation may leave out an address meant only for
/// the source's readers). An address the target adds is worth a look: information.
public struct LinkCheck: PairCheck {
    public var id: String { "form.links" }

    public init() {}

    public func findings(in pair: SegmentPair) -> [CheckFinding] {
        let source = LinkScanner.links(in: Array(pair.source.unicodeScalars))
        let target = LinkScanner.links(in: Array(pair.target.unicodeScalars))
        guard !source.isEmpty || !target.isEmpty else { return [] }
        let targetKeys = Set(target.map(\.key))
        let sourceKeys = Set(source.map(\.key))
        var added = target.filter { !sourceKeys.contains($0.key) }
        var findings: [CheckFinding] = []
        for link in source where !targetKeys.contains(link.key) {
            if !added.isEmpty {
                let other = added.removeFirst()
                // The same site with another path is often the page in the target's language.
                let sameSite = link.host == other.host
                findings.append(
                    CheckFinding(
                        check: id, severity: sameSite ? .warning : .error,
                        message: sameSite
                            ? "The source links to “\(link.text)” and the target to “\(other.text)” on the same site: check that it is the page in the target's language."
                            : "The source has the address “\(link.text)” where the target has “\(other.text)”: copy the source's address.",
                        source: link.span, target: other.span))
            } else {
                findings.append(
                    CheckFinding(
                        check: id, severity: .warning,
                        message:
                            "The address “\(link.text)” in the source is not in the target: copy it into the translation.",
                        source: link.span))
            }
        }
        for link in added {
            findings.append(
                CheckFinding(
                    check: id, severity: .info,
                    message:
                        "The address “\(link.text)” in the target is not in the source: check that it belongs there.",
                    target: link.span))
        }
        return findings
    }
}

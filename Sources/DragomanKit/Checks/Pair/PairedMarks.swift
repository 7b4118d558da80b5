/// Brackets and quotation marks of a text matched into pairs, with those left open or closing
/// nothing, by the quotation marks of the text's language:
///
/// | language | pairs |
/// |---|---|
/// | English | “…” ‘…’ "…" |
/// | German | „…“ „…” ‚…‘ »…« «…» “…” "…" |
/// | Turkish | “…” «…» ‘…’ "…" |
/// | others | all of the above |
///
/// An apostrophe is not a quotation mark: `'` and `’` inside a word (`İzmir'de`, `don’t`,
/// `2019'da`) are passed over. Whether a mark opens or closes is read from its neighbours (a
/// space before and a word after opens; a word or punctuation before and a space after
/// closes), which sorts out straight quotes and German `“`, which closes „ but opens in
/// English. A single mark that closes with nothing open (`the students' union`, or the end of a
/// quotation begun in an earlier segment) is kept as unmatched for the source's sake, and the
/// checks never report it in a target.
struct PairedMarks: Sendable {
    enum Family: Sendable, Hashable {
        case bracket
        case quote
    }

    struct Mark: Sendable, Hashable {
        let scalar: Unicode.Scalar
        let offset: Int
        let family: Family
    }

    /// Marks that open and are never closed, and marks that close nothing.
    private(set) var unmatched: [Mark] = []
    /// Pairs that matched: opening and closing offsets.
    private(set) var pairs: [(open: Mark, close: Int)] = []

    init(_ scalars: [Unicode.Scalar], language: Language) {
        let openers = Self.openers(for: language)
        var stack: [(mark: Mark, closers: Set<Unicode.Scalar>)] = []
        for (offset, scalar) in scalars.enumerated() {
            if let closers = Self.brackets[scalar] {
                stack.append((Mark(scalar: scalar, offset: offset, family: .bracket), closers))
                continue
            }
            if Self.closingBrackets.contains(scalar) {
                close(scalar, at: offset, family: .bracket, &stack)
                continue
            }
            guard Self.quotes.contains(scalar) else { continue }
            let single = Self.singles.contains(scalar)
            let closable = stack.contains { $0.closers.contains(scalar) }
            var role = Self.role(scalars, offset)
            if role == .inside {
                if single { continue }  // don't, İzmir'de, 2019'da
                role = .unknown
            }
            if role == .unknown {
                if let top = stack.last, top.closers.contains(scalar) {
                    role = .closing
                } else if openers[scalar] != nil {
                    role = .opening
                } else {
                    role = .closing
                }
            }
            if role == .closing && closable {
                close(scalar, at: offset, family: .quote, &stack)
            } else if role == .closing && single {
                // A closing single mark with nothing open: an apostrophe (the students' union)
                // or the end of a quotation opened in an earlier segment.
                unmatched.append(Mark(scalar: scalar, offset: offset, family: .quote))
            } else if let closers = openers[scalar], role == .opening || !closable {
                stack.append((Mark(scalar: scalar, offset: offset, family: .quote), closers))
            } else {
                close(scalar, at: offset, family: .quote, &stack)
            }
        }
        unmatched.append(contentsOf: stack.map(\.mark))
        unmatched.sort { $0.offset < $1.offset }
    }

    private mutating func close(
        _ scalar: Unicode.Scalar, at offset: Int, family: Family,
        _ stack: inout [(mark: Mark, closers: Set<Unicode.Scalar>)]
    ) {
        // Close the nearest opener this mark closes; marks of the other family opened in
        // between are left open (reported), quotes of the same family too.
        if let index = stack.lastIndex(where: { $0.closers.contains(scalar) }) {
            let opener = stack[index].mark
            pairs.append((opener, offset))
            let skipped = stack[(index + 1)...].map(\.mark)
            unmatched.append(contentsOf: skipped)
            stack.removeSubrange(index...)
        } else {
            unmatched.append(Mark(scalar: scalar, offset: offset, family: family))
        }
    }

    private static let brackets: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "(": [")"], "[": ["]"], "{": ["}"],
    ]
    private static let closingBrackets: Set<Unicode.Scalar> = [")", "]", "}"]
    private static let quotes: Set<Unicode.Scalar> = [
        "\"", "'", "“", "”", "„", "‟", "‘", "’", "‚", "«", "»", "‹", "›",
    ]

    private static func openers(for language: Language) -> [Unicode.Scalar: Set<Unicode.Scalar>] {
        let straight: [Unicode.Scalar: Set<Unicode.Scalar>] = ["\"": ["\"", "”", "“"]]
        switch language {
        case .english:
            return straight.merging(["“": ["”", "\""], "‘": ["’", "'"]]) { a, _ in a }
        case .german:
            return straight.merging(
                [
                    "„": ["“", "”", "\""], "‚": ["‘", "’"], "»": ["«"], "«": ["»"],
                    "“": ["”", "\""], "›": ["‹"], "‹": ["›"],
                ]) { a, _ in a }
        case .turkish:
            return straight.merging(
                ["“": ["”", "\""], "«": ["»"], "‘": ["’", "'"], "‹": ["›"]]) { a, _ in a }
        default:
            return straight.merging(
                [
                    "“": ["”", "“", "\""], "„": ["“", "”"], "‚": ["‘", "’"], "«": ["»"],
                    "»": ["«"], "‘": ["’", "'"], "‹": ["›"], "›": ["‹"],
                ]) { a, _ in a }
        }
    }

    private enum Role { case opening, closing, inside, unknown }

    private static let singles: Set<Unicode.Scalar> = ["'", "‘", "’"]

    /// What a quotation mark's neighbours say it does: opening before a word after a space,
    /// closing after a word before a space or punctuation, inside a word (an apostrophe).
    private static func role(_ scalars: [Unicode.Scalar], _ offset: Int) -> Role {
        let previous = offset > 0 ? scalars[offset - 1] : nil
        let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
        func isWordLike(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return scalar.properties.isAlphabetic || PairToken.isDigit(scalar)
        }
        if isWordLike(previous) && isWordLike(next) { return .inside }
        let spaceBefore =
            previous.map { $0.properties.isWhitespace || leftContext.contains($0) }
            ?? true
        let spaceAfter =
            next.map {
                $0.properties.isWhitespace || rightContext.contains($0) || quotes.contains($0)
            } ?? true
        if spaceBefore && !spaceAfter { return .opening }
        if !spaceBefore && spaceAfter { return .closing }
        return .unknown
    }

    private static let leftContext: Set<Unicode.Scalar> = ["(", "[", "{", "-", "–", "—", "/"]
    private static let rightContext: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", ")", "]", "}", "…", "-", "–", "—",
    ]
}

/// A list item marker at the start of a sentence: `1.`, `2)`, `3.)`, `a.`, `b)`, with an
/// optional bullet before it.
struct ListMarker {
    enum Kind: Hashable { case number, letter }
    enum Style: Hashable { case period, periodParenthesis, parenthesis }

    struct Key: Hashable {
        let kind: Kind
        let style: Style
        let value: Int
    }

    /// Where the item starts: its bullet, or the marker itself.
    let start: Int
    /// Past the marker's punctuation.
    let end: Int
    let kind: Kind
    let style: Style
    /// 1 for `1.` and `a.`, 2 for `2.` and `b.`, ...
    let value: Int

    var isFirst: Bool { value == 1 }
    var successorKey: Key { Key(kind: kind, style: style, value: value + 1) }

    func follows(_ other: ListMarker) -> Bool {
        kind == other.kind && style == other.style && value == other.value + 1
    }

    /// Reads a marker at `position` (leading whitespace skipped); nil if there is none.
    /// Letter markers are lower-case only: `A. Smith` is an initial.
    static func parse(
        _ u: UnsafeMutableBufferPointer<UInt16>, at position: Int, limit: Int
    )
        -> ListMarker?
    {
        var i = position
        while i < limit && CodeUnit.isWhite(u[i]) && i - position < 8 { i += 1 }
        let start = i
        if i < limit && CodeUnit.isBullet(u[i]) {
            i += 1
            while i < limit && u[i] == CodeUnit.space { i += 1 }
        }
        guard i < limit else { return nil }
        let kind: Kind
        var value = 0
        if CodeUnit.isDigit(u[i]) {
            kind = .number
            let first = i
            while i < limit && CodeUnit.isDigit(u[i]) {
                value = value * 10 + Int(u[i] - 0x30)
                i += 1
                if i - first > 3 { return nil }
            }
        } else if u[i] >= 0x61 && u[i] <= 0x7A {
            kind = .letter
            value = Int(u[i] - 0x60)
            i += 1
        } else {
            return nil
        }
        guard i < limit else { return nil }
        let style: Style
        if u[i] == CodeUnit.period {
            if i + 1 < limit && u[i + 1] == 0x29 {
                style = .periodParenthesis
                i += 2
            } else {
                style = .period
                i += 1
            }
        } else if u[i] == 0x29 {
            style = .parenthesis
            i += 1
        } else {
            return nil
        }
        guard i < limit, CodeUnit.isWhite(u[i]) else { return nil }
        return ListMarker(start: start, end: i, kind: kind, style: style, value: value)
    }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the common case of TMX straight from UTF-8 bytes in memory, without libxml2.
///
/// Most TMX files are UTF-8 without a DOCTYPE, and for them libxml2's work (decoding into its
/// own buffers, a dictionary of names, a callback per event with C strings to turn back into
/// Swift) costs more than reading the units. This scanner walks the bytes once, checks what
/// XML 1.0 asks of a well-formed document (tag nesting and names, attribute syntax, unique
/// attributes, valid UTF-8 and XML characters, no stray `<` or `&`, no `]]>` in text, the five
/// predefined entities and character references), decodes only text it hands on, and feeds
/// the same ``TMXUnitBuilder`` as the libxml2 reader, so units come out the same.
///
/// It handles a subset and gives up on the rest, leaving it to libxml2: other encodings (a
/// UTF-16 byte-order mark, an `encoding` other than UTF-8), a DOCTYPE, processing
/// instructions, CDATA sections, namespaces, non-ASCII or prefixed names (bar `xml:`), XML
/// 1.1, deep nesting, and any error or warning, so that messages keep libxml2's line and
/// column and the builder's wording. Giving up is never an error: ``read(_:)`` returns how many
/// units it has passed on, and the libxml2 reader skips that many.
struct TMXByteScanner {
    /// What became of the scan.
    enum Outcome {
        /// The whole input was read.
        case finished(TMXReader.Summary)
        /// The input needs libxml2 from the start; `unitsDelivered` units were passed on.
        case unhandled(unitsDelivered: Int)
    }

    /// Stops the scan where libxml2 must take over.
    private struct Unhandled: Error {}

    /// The bytes of the input held in the buffer: positions (``index``, open elements,
    /// attributes) are places in it, and the buffer moves only between tags
    /// (``holdNextUnit()``), where the names of open elements are the only places kept.
    private var bytes: UnsafeBufferPointer<UInt8>
    private let input: TMXScanInput
    private var index = 0
    /// Up to here the buffer holds whole tags: the end of the last `</tu>` found in it, or the
    /// end of the input.
    private var heldUntil = 0
    /// Where the search for a `</tu>` stops: bytes before it were searched.
    private var searchFrom = 0
    private var builder: TMXUnitBuilder
    /// Open elements: where each name stands in the input. The builder asks for a name as a
    /// string only inside a segment, where it writes inline markup back.
    private var open: [(start: Int, count: Int, key: NameKey)] = []
    /// The attributes of the start tag being read, as places in the input or in
    /// ``decodedValues``: strings are made only of those the builder reads.
    private var attributes: [ScannedAttribute] = []
    /// The strings of the tag's attributes read for every element (prop types, language
    /// tags), shared from ``values``; ``ScannedAttribute/string`` points here.
    private var attributeStrings: [(string: String, field: TMXPropField)] = []
    /// How many of ``attributes`` and ``attributeStrings`` belong to the tag being read: the
    /// lists are overwritten from tag to tag, never emptied, which costs a check of the
    /// list's buffer per element removed.
    private var attributeCount = 0
    private var attributeStringCount = 0
    /// The values of the tag's attributes that held references or white space to normalize.
    private var decodedValues: [UInt8] = []
    /// Decoded text that held references or carriage returns.
    private var scratch: [UInt8] = []
    private var names = NameTable()
    /// Attribute values read as strings again and again (prop types, language tags).
    private var values = ValueTable()
    private var delivered = 0
    private var nextProgress = 0
    /// Whether the first `<body>` is the open element at the second level: only then may the
    /// bytes of a stream be dropped (see ``TMXScanInput/replay``).
    private var inFirstBody = false

    /// Deeper nesting is left to libxml2, which refuses more than 256 levels.
    private static let maxDepth = 200
    /// Longer names are left to libxml2, which has its own limit.
    private static let maxNameLength = 1000

    init(_ input: TMXScanInput, builder: TMXUnitBuilder) {
        self.input = input
        bytes = UnsafeBufferPointer(start: input.storage, count: 0)
        self.builder = builder
    }

    /// Scans the input, passing each unit to `body` as soon as it is complete.
    ///
    /// - Throws: only errors of `body`; everything the scanner does not handle is an
    ///   ``Outcome/unhandled(unitsDelivered:)``.
    mutating func read(
        progress: (_ bytesRead: Int, _ totalBytes: Int?) -> Void,
        _ body: (TranslationUnit) throws -> Void
    ) throws -> Outcome {
        do {
            try document(progress: progress, body)
        } catch is Unhandled {
            return .unhandled(unitsDelivered: delivered)
        }
        progress(input.base + bytes.count, input.totalBytes)
        return .finished(
            TMXReader.Summary(
                units: builder.unitsRead, version: builder.version,
                sourceLanguage: builder.headerSourceLanguage, header: builder.header))
    }

    // MARK: Document

    private mutating func document(
        progress: (Int, Int?) -> Void, _ body: (TranslationUnit) throws -> Void
    ) throws {
        try holdNextUnit()
        guard !bytes.isEmpty else { throw Unhandled() }
        if starts(with: Self.byteOrderMark) { index = 3 }
        if starts(with: Self.declarationStart) { try declaration() }
        try miscellany(beforeRoot: true)
        guard index < bytes.count else { throw Unhandled() }
        try startTag()
        while !open.isEmpty {
            if index >= heldUntil { try holdNextUnit() }
            let start = index
            let plain = try characterData()
            if index > start { try text(start..<index, plain: plain) }
            guard index + 1 < bytes.count else { throw Unhandled() }
            switch bytes[index + 1] {
            case Self.slash:
                try endTag()
                if !builder.pending.isEmpty || !builder.warnings.isEmpty { try deliver(body) }
                if input.base + index >= nextProgress {
                    progress(input.base + index, input.totalBytes)
                    nextProgress = input.base + index + (1 << 22)
                }
            case UInt8(ascii: "!"):
                guard starts(with: Self.commentStart) else { throw Unhandled() }
                try comment()
            default:
                try startTag()
            }
        }
        try holdRest()
        try miscellany(beforeRoot: false)
        guard index == bytes.count else { throw Unhandled() }
        do { try builder.finish() } catch { throw Unhandled() }
    }

    // MARK: Buffer

    /// Reads on until the buffer holds a `</tu>` after ``index`` whole, or the rest of the
    /// input, so that the tags up to it are scanned without meeting the end of the buffer.
    ///
    /// Called between tags only, where nothing before ``index`` is needed but the names of
    /// the open elements: they are kept at the front when the buffer moves. A tag that still
    /// meets the end of the buffer (a comment holding `</tu>`) makes the scan give up to
    /// libxml2, as does a unit larger than the buffer's limit.
    private mutating func holdNextUnit() throws {
        while true {
            if let end = lastUnitEnd() {
                heldUntil = end
                return
            }
            if input.ended {
                heldUntil = Int.max
                return
            }
            try readMore()
        }
    }

    /// Reads the rest of the input: after the root element only white space and comments
    /// may follow.
    private mutating func holdRest() throws {
        while !input.ended { try readMore() }
    }

    /// The end of the last `</tu>` end tag held whole after ``index`` (and ``searchFrom``), or
    /// nil.
    ///
    /// Sought backwards from the end of the buffer, so that one search covers all the units
    /// a read brings in, usually passing over less than one unit.
    private mutating func lastUnitEnd() -> Int? {
        let base = bytes.baseAddress!
        let count = bytes.count
        let from = max(searchFrom, index)
        var at = count - 4
        while at >= from {
            if base[at] == Self.lt && base[at + 1] == Self.slash
                && base[at + 2] == UInt8(ascii: "t") && base[at + 3] == UInt8(ascii: "u")
            {
                // `</tuv>` is not the end of a unit; white space may stand before the `>`.
                var end = at + 4
                if end < count && !Self.isNameByte(base[end]) {
                    while end < count && Self.isSpace(base[end]) { end += 1 }
                    if end < count {
                        searchFrom = end + 1
                        return end + 1
                    }
                }
            }
            at -= 1
        }
        // The last bytes may begin a `</tu` that the next read completes.
        searchFrom = max(from, count - 4 - 64)
        return nil
    }

    /// Moves the bytes still needed to the front of the buffer when that frees half of it or
    /// more (or when it cannot grow), then reads more input, growing the buffer when it is
    /// full; gives up when it is full at its limit.
    private mutating func readMore() throws {
        let full = input.filled == input.capacity
        // A stream's bytes are dropped only between the units of the body, where libxml2 can
        // read white space in their place; elsewhere the buffer keeps them, growing.
        let mayDrop = !input.isStream || (inFirstBody && open.count == 2)
        if mayDrop
            && (full && (index >= input.capacity / 2 || input.capacity >= input.limit)
                || index == bytes.count)
        {
            var prefix: [UInt8] = []
            for level in open.indices {
                let name = open[level]
                open[level].start = prefix.count
                prefix.append(contentsOf: bytes[name.start..<name.start + name.count])
            }
            let moved = index - prefix.count
            input.shift(from: index, prefix: prefix, unitsEnded: builder.unitsRead)
            index -= moved
            searchFrom = max(searchFrom - moved, index)
        }
        let added = input.readMore()
        bytes = UnsafeBufferPointer(start: input.storage, count: input.filled)
        if !added && !input.ended { throw Unhandled() }
    }

    private mutating func deliver(_ body: (TranslationUnit) throws -> Void) throws {
        // A warning carries libxml2's place of the event: left to that reader.
        guard builder.warnings.isEmpty else { throw Unhandled() }
        if builder.pending.count == 1 {
            // The usual case, one unit per end tag: moved out, not copied.
            try body(builder.pending.removeLast())
            delivered += 1
            return
        }
        // Taken by index and emptied after: a copy of the list would make the next append
        // allocate a new one.
        defer { while !builder.pending.isEmpty { builder.pending.removeLast() } }
        for index in builder.pending.indices {
            try body(builder.pending[index])
            delivered += 1
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`: version 1.0 and UTF-8 only.
    private mutating func declaration() throws {
        index += Self.declarationStart.count
        var seen = 0
        while true {
            let spaced = skipSpace()
            if starts(with: Self.piEnd) {
                index += 2
                guard seen & 1 == 1 else { throw Unhandled() }
                return
            }
            guard spaced, let (name, value) = declarationPair() else { throw Unhandled() }
            switch name {
            case "version" where seen == 0 && value == "1.0": seen |= 1
            case "encoding" where seen == 1 && ["utf-8", "utf8"].contains(value.lowercased()):
                seen |= 2
            case "standalone"
            where seen & 1 == 1 && seen & 4 == 0 && ["yes", "no"].contains(value):
                seen |= 4
            default: throw Unhandled()
            }
        }
    }

    private mutating func declarationPair() -> (String, String)? {
        let nameStart = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        _ = skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        _ = skipSpace()
        guard index < bytes.count, bytes[index] == Self.quote || bytes[index] == Self.apostrophe
        else { return nil }
        let quote = bytes[index]
        index += 1
        let valueStart = index
        while index < bytes.count, bytes[index] != quote {
            guard bytes[index] < 0x80 && bytes[index] >= 0x20 else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let value = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<index]), as: UTF8.self)
        index += 1
        return (name, value)
    }

    /// White space and comments outside the root element, and before it one DOCTYPE that
    /// only names a DTD (as OmegaT writes); a processing instruction is left to libxml2.
    private mutating func miscellany(beforeRoot: Bool) throws {
        var sawDoctype = false
        while true {
            _ = skipSpace()
            guard index < bytes.count else { return }
            if starts(with: Self.commentStart) {
                try comment()
            } else if beforeRoot && !sawDoctype && starts(with: Self.doctypeStart) {
                try doctype()
                sawDoctype = true
            } else {
                return
            }
        }
    }

    /// `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` or with `PUBLIC "…" "…"`: the DTD is never read,
    /// so the declaration changes nothing. An internal subset, which can declare entities, is
    /// left to libxml2 (which refuses entity declarations).
    private mutating func doctype() throws {
        index += Self.doctypeStart.count
        guard skipSpace(), index < bytes.count, Self.isNameStartByte(bytes[index]) else {
            throw Unhandled()
        }
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        var spaced = skipSpace()
        if spaced && (starts(with: Self.system) || starts(with: Self.public)) {
            let isPublic = starts(with: Self.public)
            index += Self.system.count
            guard skipSpace() else { throw Unhandled() }
            try quotedLiteral(publicID: isPublic)
            if isPublic {
                guard skipSpace() else { throw Unhandled() }
                try quotedLiteral(publicID: false)
            }
            spaced = skipSpace()
        }
        guard index < bytes.count, bytes[index] == Self.gt else { throw Unhandled() }
        index += 1
    }

    /// A system literal (any characters but its quote) or a public id literal (letters,
    /// digits, spaces and the punctuation XML allows).
    private mutating func quotedLiteral(publicID: Bool) throws {
        guard index < bytes.count, bytes[index] == Self.quote || bytes[index] == Self.apostrophe
        else { throw Unhandled() }
        let quote = bytes[index]
        index += 1
        let start = index
        while index < bytes.count, bytes[index] != quote { index += 1 }
        guard index < bytes.count else { throw Unhandled() }
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if publicID {
            let punctuation = Array("-'()+,./:=?;!*#@$_% \r\n".utf8)
            for byte in literal
            where
                !(Self.isNameStartByte(byte) || Self.isNameByte(byte)
                || punctuation.contains(byte))
            {
                throw Unhandled()
            }
        } else {
            try checkCharacters(start..<index)
        }
        index += 1
    }

    /// `<!-- … -->`, with `--` only at its end.
    private mutating func comment() throws {
        index += Self.commentStart.count
        let start = index
        while true {
            guard index + 2 < bytes.count else { throw Unhandled() }
            if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") {
                guard bytes[index + 2] == UInt8(ascii: ">") else { throw Unhandled() }
                break
            }
            index += 1
        }
        try checkCharacters(start..<index)
        index += 3
    }

    // MARK: Tags

    private mutating func startTag() throws {
        guard bytes[index] == Self.lt else { throw Unhandled() }
        index += 1
        let nameStart = index
        let name = try elementName()
        let nameCount = index - nameStart
        attributeCount = 0
        attributeStringCount = 0
        if !decodedValues.isEmpty { decodedValues.removeAll(keepingCapacity: true) }
        while true {
            let spaced = skipSpace()
            guard index < bytes.count else { throw Unhandled() }
            let byte = bytes[index]
            if byte == Self.gt {
                index += 1
                try push(nameStart, nameCount, name)
                return
            }
            if byte == Self.slash {
                guard index + 1 < bytes.count, bytes[index + 1] == Self.gt else {
                    throw Unhandled()
                }
                index += 2
                try push(nameStart, nameCount, name)
                open.removeLast()
                if open.count < 2 { inFirstBody = false }
                let input = bytes
                do { try builder.end { Self.name(input, nameStart, nameCount) } } catch {
                    throw Unhandled()
                }
                return
            }
            guard spaced else { throw Unhandled() }
            try attribute()
        }
    }

    private mutating func push(_ start: Int, _ count: Int, _ name: ScannedName) throws {
        guard open.count < Self.maxDepth else { throw Unhandled() }
        open.append((start, count, name.key))
        let kind = name.element
        if open.count == 2 && kind == .body && input.bodyContentStart == nil {
            inFirstBody = true
            input.bodyContentStart = input.base + index
        }
        let input = bytes
        let failed = decodedValues.withUnsafeBufferPointer { decoded in
            attributes.withUnsafeBufferPointer { all in
                let list = UnsafeBufferPointer(rebasing: all[..<attributeCount])
                do throws(TMXError) {
                    try builder.start(
                        { Self.name(input, start, count) }, kind,
                        ScannedAttributes(
                            input: input, decoded: decoded, list: list, strings: attributeStrings
                        ))
                    return false
                } catch {
                    return true
                }
            }
        }
        if failed { throw Unhandled() }
    }

    /// The name at `start` as a string: asked for only by what writes markup back.
    private static func name(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int
    ) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + count]), as: UTF8.self)
    }

    /// `</name>`, the name that of the open element: compared as its packed bytes where it
    /// has sixteen or fewer, and followed by a byte that cannot continue a name.
    private mutating func endTag() throws {
        index += 2
        guard let top = open.last else { throw Unhandled() }
        let end = index + top.count
        guard end < bytes.count, !Self.isNameByte(bytes[end]) else { throw Unhandled() }
        let start = bytes.baseAddress! + index
        if top.key.isExact {
            guard NameKey(start, count: top.count, readable: bytes.count - index) == top.key
            else { throw Unhandled() }
        } else {
            guard memcmp(start, bytes.baseAddress! + top.start, top.count) == 0 else {
                throw Unhandled()
            }
        }
        index = end
        _ = skipSpace()
        guard index < bytes.count, bytes[index] == Self.gt else { throw Unhandled() }
        index += 1
        open.removeLast()
        if open.count < 2 { inFirstBody = false }
        let input = bytes
        do { try builder.end { Self.name(input, top.start, top.count) } } catch {
            throw Unhandled()
        }
    }

    /// An element name: ASCII, no prefix.
    private mutating func elementName() throws -> ScannedName {
        if let known = knownName(as: .element) { return known }
        let start = index
        guard index < bytes.count, Self.isNameStartByte(bytes[index]) else { throw Unhandled() }
        index = nameEnd(from: index + 1, colons: false)
        guard index - start <= Self.maxNameLength else { throw Unhandled() }
        return names.name(
            UnsafeBufferPointer(rebasing: bytes[start..<index]), readable: bytes.count - start,
            as: .element)
    }

    /// The name at ``index`` when it was met before in the same role, found by its packed
    /// bytes up to the first byte that ends a name (white space, `=`, `>`, `/`), without
    /// checking the bytes one by one: the table holds only names checked when first met.
    /// Nil sends the name to that first reading.
    @inline(__always)
    private mutating func knownName(as role: NameRole) -> ScannedName? {
        let start = index
        let readable = bytes.count - start
        guard readable >= 16 else { return nil }
        let raw = UnsafeRawPointer(bytes.baseAddress! + start)
        var count = 0
        let low = Self.nameEnds(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)))
        if low != 0 {
            count = low.trailingZeroBitCount >> 3
        } else {
            let high = Self.nameEnds(
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
            guard high != 0 else { return nil }
            count = 8 + high.trailingZeroBitCount >> 3
        }
        guard count > 0,
            let name = names.known(
                NameKey(bytes.baseAddress! + start, count: count, readable: readable), as: role)
        else { return nil }
        index = start + count
        return name
    }

    /// Where `word` holds a byte that ends a name in a tag: white space or below, `=`, `>`,
    /// `/` (the lowest bit set is always such a byte).
    @inline(__always)
    private static func nameEnds(_ word: UInt64) -> UInt64 {
        ((word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080)
            | holds(word, UInt8(ascii: "=")) | holds(word, gt) | holds(word, slash)
    }

    /// Where the run of name bytes (with colons when `colons`) from `position` ends.
    @inline(__always)
    private func nameEnd(from position: Int, colons: Bool) -> Int {
        let base = bytes.baseAddress!
        let count = bytes.count
        var position = position
        while position < count {
            let byte = base[position]
            guard Self.isNameByte(byte) || (colons && byte == Self.colon) else { break }
            position += 1
        }
        return position
    }

    /// `name = "value"`: an ASCII name, bare or with the prefix `xml:`; no namespace
    /// declarations, no attribute twice.
    private mutating func attribute() throws {
        let start = index
        let name: ScannedName
        if let known = knownName(as: .attribute) {
            name = known
        } else {
            guard Self.isNameStartByte(bytes[index]) else { throw Unhandled() }
            index = nameEnd(from: index + 1, colons: true)
            let nameBytes = UnsafeBufferPointer(rebasing: bytes[start..<index])
            guard nameBytes.count <= Self.maxNameLength,
                nameBytes.contains(Self.colon)
                    ? Self.hasXMLPrefix(nameBytes) : !Self.isNamespaceDeclaration(nameBytes)
            else { throw Unhandled() }
            name = names.name(nameBytes, readable: bytes.count - start, as: .attribute)
        }
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[start..<index])
        _ = skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw Unhandled() }
        index += 1
        _ = skipSpace()
        guard index < bytes.count, bytes[index] == Self.quote || bytes[index] == Self.apostrophe
        else { throw Unhandled() }
        let quote = bytes[index]
        index += 1
        let valueStart = index
        let plain = try attributeValue(quote)
        let valueEnd = index
        index += 1
        // Names of up to sixteen bytes are equal when their packed bytes are.
        for other in attributes[..<attributeCount]
        where other.nameCount == nameBytes.count && other.key == name.key
            && (name.key.isExact
                || memcmp(
                    bytes.baseAddress! + other.nameStart, nameBytes.baseAddress!, nameBytes.count)
                    == 0)
        {
            throw Unhandled()
        }
        var scanned = ScannedAttribute(
            nameStart: start, nameCount: nameBytes.count, key: name.key, kind: name.attribute,
            start: valueStart, end: valueEnd, decoded: false)
        if !plain {
            try decode(valueStart..<valueEnd, attribute: true)
            scanned.start = decodedValues.count
            decodedValues.append(contentsOf: scratch)
            scanned.end = decodedValues.count
            scanned.decoded = true
        }
        switch name.attribute {
        case .type, .xmlLang, .lang:
            // Read for every prop and variant, and the same few values throughout a file.
            let value =
                plain
                ? values.value(UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]))
                : scratch.withUnsafeBufferPointer { values.value($0) }
            scanned.string = attributeStringCount
            if attributeStringCount < attributeStrings.count {
                attributeStrings[attributeStringCount] = value
            } else {
                attributeStrings.append(value)
            }
            attributeStringCount += 1
        default: break
        }
        if attributeCount < attributes.count {
            attributes[attributeCount] = scanned
        } else {
            attributes.append(scanned)
        }
        attributeCount += 1
    }

    /// Moves ``index`` over an attribute value to its closing `quote`, checking it as
    /// ``characterData()`` checks text; returns whether the value is as it will be read (no
    /// reference, no white space but spaces).
    private mutating func attributeValue(_ quote: UInt8) throws -> Bool {
        var plain = true
        var position = index
        while true {
            position = try nextASCII(from: position, Self.specialInAttribute)
            switch bytes[position] {
            case quote:
                index = position
                return plain
            case Self.ampersand, 0x09, 0x0A, 0x0D: plain = false
            case Self.lt: throw Unhandled()
            case 0x20...: break
            default: throw Unhandled()
            }
            position += 1
        }
    }

    /// The position of the next ASCII byte from `position` that `special` flags in its word
    /// (or of any ASCII byte in the last seven of the input), checking the UTF-8 passed over.
    ///
    /// Eight bytes are classified at a time, and the scan jumps straight to the first byte
    /// that needs a look; a two-byte UTF-8 letter (ş, ı, ü, ß), most of the text outside
    /// ASCII in Turkish and German, is checked where it stands without leaving the loop.
    @inline(__always)
    private func nextASCII(from position: Int, _ special: (UInt64) -> UInt64) throws -> Int {
        let base = bytes.baseAddress!
        let count = bytes.count
        var position = position
        while true {
            if position + 8 <= count {
                let flags = special(
                    UInt64(
                        littleEndian: UnsafeRawPointer(base + position).loadUnaligned(
                            as: UInt64.self)))
                if flags == 0 {
                    position += 8
                    continue
                }
                position += flags.trailingZeroBitCount >> 3
            } else if position >= count {
                throw Unhandled()
            }
            let byte = base[position]
            guard byte >= 0x80 else { return position }
            if Self.isTwoByteLead(byte), position + 1 < count,
                Self.isContinuation(base[position + 1])
            {
                position += 2
            } else {
                position = try Self.scalarEnd(bytes, position)
            }
        }
    }

    // MARK: Text

    /// Moves ``index`` over character data to the next `<`, checking it on the way: valid
    /// UTF-8, XML characters, no `]]>`. Returns whether the text is as it will be read: no
    /// reference, no carriage return.
    private mutating func characterData() throws -> Bool {
        var plain = true
        let base = bytes.baseAddress!
        let count = bytes.count
        var position = index
        while true {
            position = try nextASCII(from: position, Self.specialInText)
            switch base[position] {
            case Self.lt:
                index = position
                return plain
            case Self.ampersand, 0x0D:
                plain = false
            case Self.bracketByte:
                if position + 2 < count && base[position + 1] == Self.bracketByte
                    && base[position + 2] == Self.gt
                {
                    throw Unhandled()  // `]]>` may not stand in text
                }
            case 0x09, 0x0A, 0x20...: break
            default: throw Unhandled()
            }
            position += 1
        }
    }

    /// Character data already checked: decoded and passed on when the builder keeps it.
    private mutating func text(_ range: Range<Int>, plain: Bool) throws {
        guard builder.keepsText else {
            if !plain { try decode(range, attribute: false) }  // checks the references
            return
        }
        do {
            if plain {
                try builder.text(UnsafeBufferPointer(rebasing: bytes[range]))
            } else {
                try decode(range, attribute: false)
                try scratch.withUnsafeBufferPointer { try builder.text($0) }
            }
        } catch { throw Unhandled() }
    }

    /// Decodes references and line ends of text or an attribute value into ``scratch``: a
    /// line end (CR LF, CR, LF) becomes LF in text and a space in attributes, where tabs
    /// become spaces too; references give their characters as written.
    private mutating func decode(_ range: Range<Int>, attribute: Bool) throws {
        scratch.removeAll(keepingCapacity: true)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            switch byte {
            case Self.ampersand:
                position = try reference(at: position, end: range.upperBound)
            case 0x0D:
                scratch.append(attribute ? 0x20 : 0x0A)
                position += 1
                if position < range.upperBound && bytes[position] == 0x0A { position += 1 }
            case 0x0A, 0x09:
                scratch.append(attribute ? 0x20 : byte)
                position += 1
            default:
                scratch.append(byte)
                position += 1
            }
        }
    }

    /// Appends the character of the reference at `position` to ``scratch``; returns where the
    /// reference ends.
    private mutating func reference(at position: Int, end: Int) throws -> Int {
        var cursor = position + 1
        let nameStart = cursor
        while cursor < end, cursor - nameStart <= 10, bytes[cursor] != UInt8(ascii: ";") {
            cursor += 1
        }
        guard cursor < end, bytes[cursor] == UInt8(ascii: ";") else { throw Unhandled() }
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor])
        let after = cursor + 1
        if name.elementsEqual("amp".utf8) {
            scratch.append(Self.ampersand)
        } else if name.elementsEqual("lt".utf8) {
            scratch.append(Self.lt)
        } else if name.elementsEqual("gt".utf8) {
            scratch.append(Self.gt)
        } else if name.elementsEqual("quot".utf8) {
            scratch.append(Self.quote)
        } else if name.elementsEqual("apos".utf8) {
            scratch.append(Self.apostrophe)
        } else {
            guard name.count >= 2, name[0] == UInt8(ascii: "#") else { throw Unhandled() }
            var value: UInt32 = 0
            let hex = name[1] == UInt8(ascii: "x")
            let digits = name[(hex ? 2 : 1)...]
            guard !digits.isEmpty, digits.count <= 8 else { throw Unhandled() }
            for digit in digits {
                guard let number = Self.digitValue(digit, hex: hex) else { throw Unhandled() }
                value = value * (hex ? 16 : 10) + number
            }
            guard Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
                throw Unhandled()
            }
            scratch.append(contentsOf: UTF8.encode(scalar)!)
        }
        return after
    }

    /// Checks the characters of a comment: valid UTF-8, XML characters only.
    private func checkCharacters(_ range: Range<Int>) throws {
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            if byte >= 0x80 {
                position = try Self.scalarEnd(bytes, position)
            } else {
                guard byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else {
                    throw Unhandled()
                }
                position += 1
            }
        }
    }

    /// Where the UTF-8 sequence at `position` ends; a malformed sequence, a surrogate,
    /// U+FFFE or U+FFFF is left to libxml2.
    private static func scalarEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, _ position: Int
    ) throws
        -> Int
    {
        let lead = bytes[position]
        func continuation(_ offset: Int) throws -> UInt32 {
            guard position + offset < bytes.count else { throw Unhandled() }
            let byte = bytes[position + offset]
            guard byte & 0xC0 == 0x80 else { throw Unhandled() }
            return UInt32(byte & 0x3F)
        }
        switch lead {
        case 0xC2...0xDF:
            _ = try continuation(1)
            return position + 2
        case 0xE0...0xEF:
            let value =
                UInt32(lead & 0x0F) << 12 | (try continuation(1)) << 6 | (try continuation(2))
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value), value < 0xFFFE else {
                throw Unhandled()
            }
            return position + 3
        case 0xF0...0xF4:
            let value =
                UInt32(lead & 0x07) << 18 | (try continuation(1)) << 12
                | (try continuation(2)) << 6 | (try continuation(3))
            guard value >= 0x10000, value <= 0x10FFFF else { throw Unhandled() }
            return position + 4
        default:
            throw Unhandled()
        }
    }

    // MARK: Bytes

    @inline(__always)
    private mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index > start
    }

    /// XML white space: space, tab, line feed, carriage return.
    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 && (0x1_0000_2600 as UInt64) >> UInt64(byte) & 1 != 0
    }

    private func starts(with prefix: [UInt8]) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[index + offset] != byte {
            return false
        }
        return true
    }

    private static func isNameStartByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// Letters, digits, `_`, `-` and `.`: one bit for each byte below 128, in two words.
    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        let word: UInt64 = byte < 64 ? 0x03FF_6000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return byte < 128 && word >> UInt64(byte & 63) & 1 != 0
    }

    /// `xmlns`: declares the default namespace.
    private static func isNamespaceDeclaration(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count == 5 && name[0] == UInt8(ascii: "x") && name.elementsEqual("xmlns".utf8)
    }

    /// `xml:` and a name without colon (`xml:lang`): the one prefix bound without a
    /// declaration.
    private static func hasXMLPrefix(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.count > 4 && name[3] == colon && name[0] == UInt8(ascii: "x")
            && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "l")
            && isNameStartByte(name[4]) && !name[4...].contains(colon)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    // Literals rather than stored constants, which the hot loops would check for
    // initialization at every use.
    private static var lt: UInt8 { 0x3C }
    private static var gt: UInt8 { 0x3E }
    private static var slash: UInt8 { 0x2F }
    private static var quote: UInt8 { 0x22 }
    private static var apostrophe: UInt8 { 0x27 }
    private static var colon: UInt8 { 0x3A }
    private static var ampersand: UInt8 { 0x26 }
    private static var bracketByte: UInt8 { 0x5D }
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let declarationStart = Array("<?xml".utf8)
    private static let piEnd = Array("?>".utf8)
    private static let commentStart = Array("<!--".utf8)
    private static let doctypeStart = Array("<!DOCTYPE".utf8)
    private static let system = Array("SYSTEM".utf8)
    private static let `public` = Array("PUBLIC".utf8)

    /// Where `word` (eight bytes, the first lowest) holds a byte below 0x20 or above 0x7F,
    /// or one of `<`, `&`, `]`: the high bit of each such byte. The lowest bit set is always
    /// such a byte; bits above it may be false alarms, as they are only a starting point.
    @inline(__always)
    private static func specialInText(_ word: UInt64) -> UInt64 {
        controlOrNonASCII(word) | holds(word, lt) | holds(word, ampersand)
            | holds(word, bracketByte)
    }

    /// As ``specialInText(_:)`` for attribute values: `<`, `&`, `"` and `'`.
    @inline(__always)
    private static func specialInAttribute(_ word: UInt64) -> UInt64 {
        controlOrNonASCII(word) | holds(word, lt) | holds(word, ampersand) | holds(word, quote)
            | holds(word, apostrophe)
    }

    /// C2 to DF: the lead of a two-byte sequence that is not overlong.
    @inline(__always)
    private static func isTwoByteLead(_ byte: UInt8) -> Bool { byte &- 0xC2 < 0x1E }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Non-zero when a byte of `word` is below 0x20 or above 0x7F (a false alarm is possible
    /// next to such a byte, never a miss).
    @inline(__always)
    private static func controlOrNonASCII(_ word: UInt64) -> UInt64 {
        ((word &- 0x2020_2020_2020_2020) & ~word | word) & 0x8080_8080_8080_8080
    }

    /// Non-zero when a byte of `word` is `byte` (with the same margin as above).
    @inline(__always)
    private static func holds(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let value = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (value &- 0x0101_0101_0101_0101) & ~value & 0x8080_8080_8080_8080
    }
}

/// A name met in the input: what it is to the builder as an element and as an attribute,
/// and the roles in which it was checked (an attribute may be `xml:lang`, an element may
/// not; `xmlns` may name an element, not an attribute).
private struct ScannedName {
    let element: TMXElementKind
    let attribute: TMXAttributeName
    let key: NameKey
    var checkedAsElement = false
    var checkedAsAttribute = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, key: NameKey) {
        element = TMXElementKind(bytes: bytes)
        attribute = TMXAttributeName(bytes: bytes)
        self.key = key
    }
}

/// Where a name stands: in a start or end tag, or before an attribute's `=`.
private enum NameRole {
    case element, attribute
}

/// The bytes of a name of up to sixteen bytes packed into two integers, the first byte
/// lowest: two such names are equal when their keys are, since a name holds no zero byte.
/// Longer names get an inexact key and are compared byte by byte.
private struct NameKey: Equatable {
    var low: UInt64
    var high: UInt64
    var isExact: Bool

    init(low: UInt64, high: UInt64, isExact: Bool) {
        self.low = low
        self.high = high
        self.isExact = isExact
    }

    /// The key of the `count` bytes (sixteen or fewer) at `start`, of which `readable` may
    /// be read.
    @inline(__always)
    init(_ start: UnsafePointer<UInt8>, count: Int, readable: Int) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        if readable >= 16 {
            // Two loads, the bytes after the name masked off; the first byte lowest.
            let base = UnsafeRawPointer(start)
            low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            high = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if count < 8 {
                low &= (1 &<< UInt64(count * 8)) &- 1
                high = 0
            } else if count < 16 {
                high &= (1 &<< UInt64((count - 8) * 8)) &- 1
            }
        } else {
            for offset in 0..<count {
                if offset < 8 {
                    low |= UInt64(start[offset]) << (offset * 8)
                } else {
                    high |= UInt64(start[offset]) << ((offset - 8) * 8)
                }
            }
        }
        self.init(low: low, high: high, isExact: true)
    }
}

/// What element and attribute names are, found once per distinct name: a TMX file uses
/// about twenty, met tens of times per unit. Names of up to sixteen bytes are known by their
/// keys; longer ones are looked up each time.
private struct NameTable {
    private var names = [ScannedName?](repeating: nil, count: 256)

    /// The name of `bytes`, checked by the caller for `role`, where `readable` bytes from its
    /// start may be read.
    mutating func name(
        _ bytes: UnsafeBufferPointer<UInt8>, readable: Int, as role: NameRole
    ) -> ScannedName {
        let count = bytes.count
        guard count <= 16 else {
            return ScannedName(bytes, key: NameKey(low: 0, high: 0, isExact: false))
        }
        let key = NameKey(bytes.baseAddress!, count: count, readable: readable)
        let slot = Self.slot(key)
        var name = ScannedName(bytes, key: key)
        if let known = names[slot], known.key == key { name = known }
        switch role {
        case .element: name.checkedAsElement = true
        case .attribute: name.checkedAsAttribute = true
        }
        names[slot] = name
        return name
    }

    /// The name of `key` when it was met and checked before in `role`.
    @inline(__always)
    func known(_ key: NameKey, as role: NameRole) -> ScannedName? {
        guard let name = names[Self.slot(key)], name.key == key,
            role == .element ? name.checkedAsElement : name.checkedAsAttribute
        else { return nil }
        return name
    }

    @inline(__always)
    private static func slot(_ key: NameKey) -> Int {
        Int(truncatingIfNeeded: (key.low &* 0x9E37_79B9_7F4A_7C15 ^ key.high) >> 56)
    }
}

/// An attribute of the start tag being read: its value is `start..<end` of the input, or of
/// the decoded values when it held references or white space to normalize. Plain values
/// only, so that the list of a tag is filled, read and emptied without reference counting.
private struct ScannedAttribute {
    /// Where the name stands in the input.
    let nameStart: Int
    let nameCount: Int
    let key: NameKey
    let kind: TMXAttributeName
    var start: Int
    var end: Int
    var decoded: Bool
    /// For the attributes read for every element, where their string stands in the tag's
    /// list of strings.
    var string: Int?

    init(
        nameStart: Int, nameCount: Int, key: NameKey, kind: TMXAttributeName, start: Int,
        end: Int, decoded: Bool
    ) {
        self.nameStart = nameStart
        self.nameCount = nameCount
        self.key = key
        self.kind = kind
        self.start = start
        self.end = end
        self.decoded = decoded
    }
}

/// The attributes of a start tag as the builder reads them: strings made on request.
private struct ScannedAttributes: TMXAttributeList {
    let input: UnsafeBufferPointer<UInt8>
    let decoded: UnsafeBufferPointer<UInt8>
    let list: UnsafeBufferPointer<ScannedAttribute>
    let strings: [(string: String, field: TMXPropField)]

    var count: Int { list.count }

    private func bytes(_ attribute: ScannedAttribute) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(
            rebasing: (attribute.decoded ? decoded : input)[attribute.start..<attribute.end])
    }

    private func string(_ attribute: ScannedAttribute) -> String {
        if let string = attribute.string { return strings[string].string }
        return String(decoding: bytes(attribute), as: UTF8.self)
    }

    func value(_ name: TMXAttributeName) -> String? {
        for attribute in list where attribute.kind == name { return string(attribute) }
        return nil
    }

    func date(_ name: TMXAttributeName) -> Date? {
        for attribute in list where attribute.kind == name {
            return TMXDate.date(bytes(attribute))
        }
        return nil
    }

    func propType() -> (String, TMXPropField)? {
        for attribute in list where attribute.kind == .type {
            return strings[attribute.string!]
        }
        return nil
    }

    var valueByteCount: Int { list.reduce(0) { $0 + $1.end - $1.start } }

    var all: [XMLAttribute] {
        list.map {
            XMLAttribute(
                name: String(
                    decoding: UnsafeBufferPointer(
                        rebasing: input[$0.nameStart..<$0.nameStart + $0.nameCount]),
                    as: UTF8.self),
                value: string($0), kind: $0.kind)
        }
    }
}

/// Strings of attribute values that repeat (`x-dragoman-title`, `tr`), made once, with what
/// they mean as a prop type: a value is known by a hash of its first and last eight bytes and
/// its length, and compared in full. Longer values are made each time.
private struct ValueTable {
    private static let slots = 256
    private static let maxLength = 48
    private var hashes = [UInt64](repeating: 0, count: slots)
    /// The bytes of each slot's value, `maxLength` bytes a slot.
    private var keys = [UInt8](repeating: 0, count: slots * maxLength)
    private var entries = [(string: String, field: TMXPropField)?](repeating: nil, count: slots)

    mutating func value(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> (
        string: String, field: TMXPropField
    ) {
        let count = bytes.count
        guard count <= Self.maxLength, count > 0 else {
            let string = String(decoding: bytes, as: UTF8.self)
            return (string, TMXPropField(string))
        }
        let hash = Self.hash(bytes)
        // Two places for each value, so that two values of a file that meet in one place do
        // not push each other out.
        let first = Int(truncatingIfNeeded: hash >> 56) & ~1
        var slot = first
        for candidate in first...first + 1 where hashes[candidate] == hash {
            let key = candidate * Self.maxLength
            if keys.withUnsafeBufferPointer({
                memcmp($0.baseAddress! + key, bytes.baseAddress!, count) == 0
            }), let entry = entries[candidate], entry.string.utf8.count == count {
                return entry
            }
        }
        if entries[first] != nil { slot = first + 1 }
        let key = slot * Self.maxLength
        let string = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        keys.withUnsafeMutableBufferPointer {
            _ = memcpy($0.baseAddress! + key, bytes.baseAddress!, count)
        }
        let entry = (string: string, field: TMXPropField(string))
        entries[slot] = entry
        return entry
    }

    /// Mixes the length with the first and the last eight bytes (overlapping when shorter
    /// than sixteen), or with every byte of a value shorter than eight.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var first: UInt64 = 0
        var last: UInt64 = 0
        if count >= 8 {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            first = base.loadUnaligned(as: UInt64.self)
            last = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            for byte in bytes { first = first << 8 | UInt64(byte) }
        }
        let mixed = (first ^ UInt64(count) << 56) &* 0x9E37_79B9_7F4A_7C15
        return (mixed ^ last) &* 0xBF58_476D_1CE4_E5B9 ^ UInt64(count)
    }
}

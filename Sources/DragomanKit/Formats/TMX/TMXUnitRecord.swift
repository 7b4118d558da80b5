public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A translation unit as ``TMXWriter`` reads it: every text field as UTF-8 bytes in one buffer
/// that is kept from unit to unit.
///
/// An export reads a whole memory, and building a ``TranslationUnit`` for each of its units
/// (a string per column, dictionaries of variants, titles and properties, their hashing and
/// release) cost more than writing the file. A memory's reader fills one record from its
/// column bytes instead; ``TMXWriter/write(_:)-(TranslationUnit)`` flattens a unit into a
/// record, so both go through the same writing code.
///
/// The record keeps the meaning of the unit's dictionaries: variants and titles one per
/// language (a later one replaces an earlier one) in ``Language/displayOrder(_:)``,
/// properties one per name under `String` equality (the first one stays) in `String` order.
/// Text is valid UTF-8: bytes that are not are repaired as `String` repairs them.
public struct TMXUnitRecord: Sendable {
    /// Where a field's bytes stand in ``bytes``.
    public typealias Field = Range<Int>

    /// The text of a unit in one language.
    ///
    /// Of plain values only, so that emptying and filling the record's list of variants
    /// retains and releases nothing.
    public struct VariantField: Sendable {
        /// The language's code packed into an integer (see ``TMXUnitRecord/key(_:)``).
        var key: UInt32
        public var text: Field
        /// Where the text stands in its source file: the file's name, and offsets.
        public var span: (file: Field, start: Int, end: Int)?

        public var language: Language { TMXUnitRecord.language(key) }
    }

    /// A free property of the unit (TMX `<prop>`), or TMX structure kept under a `tmx:` name.
    public struct Property: Sendable {
        public var name: Field
        public var value: Field
        /// Whether the name has bytes beyond ASCII: then it is compared as a `String`.
        var isASCII: Bool
    }

    /// The bytes of every field of the unit.
    public private(set) var bytes: [UInt8] = []
    public private(set) var id: Field = 0..<0
    public var origin: TranslationUnit.Origin = .imported
    /// The document the unit was taken from, with its metadata, as written from one
    /// ``Provenance``; nil for a unit without one.
    public var document: TMXDocumentFields?
    public var alignmentScore: Double?
    public var flagged = false
    public var created = Date(timeIntervalSince1970: 0)
    public var changed = Date(timeIntervalSince1970: 0)
    /// In ``Language/displayOrder(_:)``: tr, en, de, then the others by code.
    public private(set) var variants: [VariantField] = []
    /// In `String` order of their names.
    public private(set) var properties: [Property] = []
    public private(set) var notes: [Field] = []
    /// Whether a property name starts with the bytes of ``TMXNames/structurePrefix``.
    public private(set) var hasStructure = false

    public init() {
        variants.reserveCapacity(4)
        properties.reserveCapacity(4)
        notes.reserveCapacity(2)
    }

    /// Empties the record for the next unit and keeps its memory.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        variants.removeAll(keepingCapacity: true)
        properties.removeAll(keepingCapacity: true)
        notes.removeAll(keepingCapacity: true)
        id = 0..<0
        document = nil
        alignmentScore = nil
        flagged = false
        hasStructure = false
    }

    /// Makes the record that of `unit`, keeping its memory.
    public mutating func set(_ unit: TranslationUnit) {
        removeAll()
        setID(append(unit.id))
        origin = unit.origin
        document = unit.provenance.map(TMXDocumentFields.init)
        alignmentScore = unit.alignmentScore
        flagged = unit.flagged
        created = unit.created
        changed = unit.changed
        for variant in unit.variants.values {
            let text = append(variant.text)
            let span = variant.span.map { (append($0.file), $0.start, $0.end) }
            addVariant(variant.language, text: text, span: span)
        }
        for (name, value) in unit.properties {
            var name = name
            var value = value
            name.withUTF8 { name in value.withUTF8 { _ = addProperty(name: name, value: $0) } }
        }
        for note in unit.notes { addNote(append(note)) }
    }

    // MARK: Filling

    /// Appends the bytes of a text, repaired where they are not UTF-8, and returns its field.
    public mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> Field {
        let start = bytes.count
        if UTF8Validation.isValid(text) {
            bytes.append(contentsOf: text)
        } else {
            bytes.append(contentsOf: String(decoding: text, as: UTF8.self).utf8)
        }
        return start..<bytes.count
    }

    /// Appends the bytes of `text` and returns its field.
    public mutating func append(_ text: String) -> Field {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return start..<bytes.count
    }

    public mutating func setID(_ field: Field) { id = field }

    /// Adds a variant, or replaces the one of its language.
    public mutating func addVariant(
        _ language: Language, text: Field, span: (file: Field, start: Int, end: Int)?
    ) {
        let key = Self.key(language)
        let variant = VariantField(key: key, text: text, span: span)
        // Rows come sorted by language code: a memory's usual variant goes to the end or
        // one place before it.
        var index = variants.count
        while index > 0 {
            let other = variants[index - 1].key
            if other == key {
                variants[index - 1] = variant
                return
            }
            if Self.precedes(other, key) { break }
            index -= 1
        }
        if index == variants.count {
            variants.append(variant)
        } else {
            variants.insert(variant, at: index)
        }
    }

    /// Adds a property, unless one with the same name (under `String` equality) is there;
    /// returns whether it was added.
    @discardableResult
    public mutating func addProperty(
        name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let isASCII = UTF8Validation.isASCII(name)
        if !isASCII || properties.contains(where: { !$0.isASCII }) {
            if properties.contains(where: { equal($0.name, $0.isASCII, name, isASCII) }) {
                return false
            }
        }
        let nameField = append(name)
        let valueField = append(value)
        let property = Property(name: nameField, value: valueField, isASCII: isASCII)
        // Rows come sorted by their bytes, which is `String` order for ASCII names: the usual
        // property goes at the end after one comparison.
        var index = properties.count
        while index > 0 {
            let other = properties[index - 1]
            if isASCII && other.isASCII {
                let order = compareBytes(other.name, nameField)
                if order == 0 { return removeLast(nameField) }
                if order < 0 { break }
            } else {
                let otherName = string(other.name)
                let newName = string(nameField)
                if otherName == newName { return removeLast(nameField) }
                if otherName < newName { break }
            }
            index -= 1
        }
        properties.insert(property, at: index)
        if name.count >= 4,
            memcmp(name.baseAddress!, Self.structurePrefix.utf8Start, 4) == 0
        {
            hasStructure = true
        }
        return true
    }

    public mutating func addNote(_ field: Field) { notes.append(field) }

    // MARK: Reading

    /// The value of the property `name` (under `String` equality), or nil.
    public func property(_ name: String) -> Field? {
        var name = name
        return name.withUTF8 { key in
            let isASCII = UTF8Validation.isASCII(key)
            return properties.first { equal($0.name, $0.isASCII, key, isASCII) }?.value
        }
    }

    /// A field as a string.
    public func string(_ field: Field) -> String {
        String(decoding: bytes[field], as: UTF8.self)
    }

    /// The index of the variant in `language`, or nil.
    public func variantIndex(_ language: Language) -> Int? {
        let key = Self.key(language)
        return variants.firstIndex { $0.key == key }
    }

    // MARK: Order and equality

    /// A language's code (two or three ASCII letters) packed into an integer from the left,
    /// so that the integers of two codes are equal when the codes are and compare as the
    /// codes' bytes do: variants are ordered and found by it without comparing strings.
    static func key(_ language: Language) -> UInt32 {
        var code = language.code
        return code.withUTF8 { bytes in
            var key: UInt32 = 0
            var shift: UInt32 = 24
            for byte in bytes.prefix(4) {
                key |= UInt32(byte) << shift
                shift &-= 8
            }
            return key
        }
    }

    /// The language of a key.
    static func language(_ key: UInt32) -> Language {
        withCode(key) { code in
            // A key is only ever made of a language's code.
            Language(tag: String(decoding: code, as: UTF8.self))!
        }
    }

    /// Calls `body` with the bytes of the code of a key.
    @inline(__always)
    static func withCode<Result>(
        _ key: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        withUnsafeBytes(of: key.bigEndian) { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = key & 0xFF != 0 ? 4 : key & 0xFF00 != 0 ? 3 : key & 0xFF_0000 != 0 ? 2 : 1
            return body(UnsafeBufferPointer(rebasing: bytes[..<count]))
        }
    }

    private static let turkish = key(.turkish)
    private static let english = key(.english)
    private static let german = key(.german)

    /// Where a language's key stands in ``Language/displayOrder(_:)``: tr, en, de, then the
    /// others by code.
    @inline(__always)
    static func rank(_ key: UInt32) -> UInt64 {
        switch key {
        case turkish: 0
        case english: 1
        case german: 2
        default: 3 << 32 | UInt64(key)
        }
    }

    /// Whether the language of key `a` comes before that of key `b` in
    /// ``Language/displayOrder(_:)``.
    @inline(__always)
    static func precedes(_ a: UInt32, _ b: UInt32) -> Bool { rank(a) < rank(b) }

    /// ``TMXNames/structurePrefix``, as bytes to compare with.
    private static let structurePrefix: StaticString = "tmx:"

    /// The undoing of the name just appended, for a property that was there.
    private mutating func removeLast(_ name: Field) -> Bool {
        bytes.removeSubrange(name.lowerBound...)
        return false
    }

    private func equal(
        _ field: Field, _ fieldIsASCII: Bool, _ key: UnsafeBufferPointer<UInt8>, _ keyIsASCII: Bool
    ) -> Bool {
        if field.count == key.count && bytes[field].elementsEqual(key) { return true }
        if fieldIsASCII && keyIsASCII { return false }
        return string(field) == String(decoding: key, as: UTF8.self)
    }

    /// The order of two fields' bytes: negative, zero or positive.
    private func compareBytes(_ a: Field, _ b: Field) -> Int {
        bytes.withUnsafeBufferPointer { all in
            let common = min(a.count, b.count)
            if common > 0 {
                let order = memcmp(
                    all.baseAddress! + a.lowerBound, all.baseAddress! + b.lowerBound, common)
                if order != 0 { return Int(order) }
            }
            return a.count - b.count
        }
    }
}

internal import CLibXML2
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads TMX 1.1 to 1.4b files into translation units, streaming.
///
/// Input in UTF-8 goes first through ``TMXByteScanner``, which reads the bytes directly (a
/// file, standard input or a pipe read window by window into a buffer of bounded size, see
/// ``ScanBuffer``) and builds the same units. Other encodings and whatever the scanner does
/// not handle (a DOCTYPE with an internal subset, CDATA, namespaces, any error or warning) go
/// through libxml2's push parser in chunks, which keeps only the `<tu>` being read, so a
/// stream of any size is read in bounded memory. When the scanner gives up halfway, libxml2
/// reads the input again from the start and passes on only the units after those already
/// passed, so errors and warnings keep libxml2's line and column. A pipe cannot be read again:
/// libxml2 then reads the bytes before `<body>`'s content as they were, the units the scanner
/// dropped as white space of the same lines and columns, and the rest from where the scanner
/// stands (see ``TMXScanInput``). libxml2 finds the encoding: UTF-8 with or without a
/// byte-order mark, UTF-16 with one, or what the XML declaration names.
///
/// What a unit gets from a `<tu>`:
/// - id: the `tuid`; without one, `tmx-` and a digest of the languages and texts, so that a
///   unit read twice is stored once.
/// - variants: one per language, from `xml:lang` (TMX 1.1: `lang`); `tr-TR` and `tr_TR` are
///   Turkish, and a tag that is not the bare code is kept in the property
///   `tmx:lang:CODE` (``TMXNames/languageTag(_:)``). A second `<tuv>` in a language already
///   read (`en-GB` beside `en-US`, a repeated `FR-CA`) is kept whole as XML in `tmx:extra:N`.
/// - text: see ``TMXInlineMarkup``: plain, or an XML fragment when the `<seg>` has inline
///   elements.
/// - `<prop>` and `<note>` of the `<tu>`: properties (a repeated type as `type#2`) and notes;
///   those of a `<tuv>` are kept as XML in `tmx:tuv:CODE`. The `x-dragoman-` props written by
///   ``TMXWriter`` go back into origin, provenance, alignment score, flag and source spans.
/// - dates: `creationdate` and `changedate` of the `<tu>`; without them, the earliest
///   creation and the latest creation or change of its `<tuv>`s; else the time of reading.
/// - other attributes of the `<tu>` and of each `<tuv>` (`creationid`, `usagecount`, a
///   variant's own dates), and the attributes of the unit's props and notes beyond the type:
///   kept as written in `tmx:` properties (``TMXNames/unitAttributes``).
/// - the `<prop>`, `<note>` and `<ude>` elements of the `<header>`: ``Summary/header``.
///
/// Safety: no file or URL named by the document is ever read (no DTD, no external entity,
/// `XML_PARSE_NONET`), a DOCTYPE that declares entities is refused rather than expanded, and
/// libxml2's default limits stay on (no `XML_PARSE_HUGE`: depth 256, names of 50,000 bytes,
/// attribute values of 10 MB), with ``Limits/maxUnitBytes`` on each `<tu>`.
public struct TMXReader: Sendable {
    /// Bounds that keep a hostile or broken file from taking the memory of the machine.
    public struct Limits: Sendable {
        /// The largest `<tu>` accepted, counting its texts, attributes and elements.
        public var maxUnitBytes: Int

        public init(maxUnitBytes: Int = 16_000_000) { self.maxUnitBytes = maxUnitBytes }
    }

    /// Where the TMX comes from.
    public enum Input: Sendable {
        case file(String)
        case standardInput
        /// Standard input of which `head` was already read (to see what format it is in):
        /// `head`, then the rest.
        case restOfStandardInput(head: [UInt8])
        /// Bytes in memory, named `name` in messages.
        case bytes([UInt8], name: String)
        /// An open descriptor, read from where it stands and not closed: a pipe from a
        /// decompressor, a socket, a file opened by the caller. Named `name` in messages.
        case descriptor(Int32, name: String)

        /// The name messages give the input.
        public var name: String {
            switch self {
            case .file(let path): path
            case .standardInput, .restOfStandardInput: "<stdin>"
            case .bytes(_, let name), .descriptor(_, let name): name
            }
        }
    }

    /// What was read.
    public struct Summary: Sendable, Hashable {
        /// Units passed to the caller.
        public var units: Int
        /// The `version` attribute of `<tmx>`.
        public var version: String?
        /// The header's `srclang` as written: a language tag, or `*all*` for a file whose
        /// units have no one source language.
        public var sourceLanguage: String?
        /// The header's props and notes.
        public var header = TMXHeaderMetadata()
    }

    /// How the bytes are read.
    public enum Engine: Sendable {
        /// UTF-8 files and bytes go through the direct byte scanner; what it does not handle
        /// (another encoding, a DOCTYPE, any error or warning) goes through libxml2.
        case automatic
        /// libxml2 only, streaming in chunks.
        case libxml2
        /// The direct byte scanner only: what it does not handle is refused with an error.
        /// For comparing the two readers.
        case direct
    }

    /// The buffer the direct scanner reads the input into.
    public struct ScanBuffer: Sendable {
        /// Bytes read at a time, the buffer's first size.
        public var size: Int
        /// The size the buffer may grow to, to hold one unit whole: a larger unit is left to
        /// libxml2.
        public var limit: Int

        public init(size: Int = 1 << 20, limit: Int = 40 << 20) {
            self.size = max(16, size)
            self.limit = max(self.size, limit)
        }
    }

    public var limits: Limits
    /// Bytes handed to the parser at a time.
    public var chunkSize: Int
    public var engine: Engine
    public var scanBuffer: ScanBuffer

    public init(
        limits: Limits = Limits(), chunkSize: Int = 1 << 18, engine: Engine = .automatic,
        scanBuffer: ScanBuffer = ScanBuffer()
    ) {
        self.limits = limits
        self.chunkSize = max(4, chunkSize)
        self.engine = engine
        self.scanBuffer = scanBuffer
    }

    /// Reads `input` and calls `body` with each unit in file order.
    ///
    /// - Parameters:
    ///   - warning: called with what was read with a guess or left out.
    ///   - progress: called after each chunk with the bytes read and the size of the input
    ///     when known.
    /// - Throws: ``TMXError`` for a file that cannot be read as TMX (with the line and column
    ///   of the problem); errors of `body` unchanged. Units of the file may have been passed
    ///   to `body` before the error: callers that must store all or nothing collect in a
    ///   transaction.
    @discardableResult
    public func read(
        _ input: Input, warning: (TMXWarning) -> Void = { _ in },
        progress: (_ bytesRead: Int, _ totalBytes: Int?) -> Void = { _, _ in },
        _ body: (TranslationUnit) throws -> Void
    ) throws -> Summary {
        let now = Date()
        var unitsDelivered = 0
        var replay: ByteSource?
        if engine != .libxml2, let scanInput = scanInput(input) {
            var scanner = TMXByteScanner(
                scanInput, builder: TMXUnitBuilder(file: input.name, limits: limits, now: now))
            switch try scanner.read(progress: progress, body) {
            case .finished(let summary): return summary
            case .unhandled(let delivered):
                unitsDelivered = delivered
                // A stream cannot be read again: libxml2 reads what the scanner kept of it.
                if scanInput.isStream { replay = ByteSource(rest: scanInput, name: input.name) }
            }
            if engine == .direct {
                throw TMXError(
                    file: input.name, line: 1, column: 1,
                    message: "the direct scanner leaves this input to libxml2")
            }
        }
        var source = try replay ?? ByteSource(input)
        defer { source.close() }
        var builder = TMXUnitBuilder(file: input.name, limits: limits, now: now)
        builder.unitsToSkip = unitsDelivered
        // Units in bytes replayed as white space are counted, not read again.
        builder.countUnitsRead(source.unitsReplayed)
        let parser = TMXParser(builder: builder, name: input.name)
        defer { parser.free() }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var bytesRead = 0
        func deliver() throws {
            for message in parser.builder.warnings { warning(message) }
            parser.builder.warnings.removeAll()
            let units = parser.builder.pending
            parser.builder.pending.removeAll(keepingCapacity: true)
            for unit in units { try body(unit) }
        }
        while true {
            let count = try source.read(into: &chunk)
            if count == 0 && bytesRead == 0 {
                throw TMXError(
                    file: input.name, line: 1, column: 1, message: "the file is empty, not TMX")
            }
            bytesRead += count
            try parser.feed(chunk, count: count, last: count == 0)
            try deliver()
            progress(bytesRead, source.totalBytes)
            if count == 0 { break }
        }
        try parser.builder.finish()
        return Summary(
            units: parser.builder.unitsRead, version: parser.builder.version,
            sourceLanguage: parser.builder.headerSourceLanguage, header: parser.builder.header)
    }
}

extension TMXReader {
    /// The input of the direct scanner: a regular file read with `pread(2)` window by window,
    /// a pipe read once, or the bytes given. Nil for files that cannot be opened or are not
    /// regular files, which the streaming reader reads (and reports on).
    private func scanInput(_ input: Input) -> TMXScanInput? {
        switch input {
        case .standardInput: return descriptorInput(STDIN_FILENO, head: [])
        case .restOfStandardInput(let head): return descriptorInput(STDIN_FILENO, head: head)
        case .descriptor(let descriptor, _): return descriptorInput(descriptor, head: [])
        case .bytes(let bytes, _): return TMXScanInput(bytes: bytes, buffer: scanBuffer)
        case .file(let path):
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return nil }
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                status.st_size > 0
            else {
                systemClose(descriptor)
                return nil
            }
            return TMXScanInput(
                descriptor: descriptor, offset: 0, size: Int(status.st_size), owned: true,
                buffer: scanBuffer)
        }
    }

    /// An open descriptor (standard input, or one given) of which `head` was read.
    ///
    /// A regular file (`dragoman import - < file.tmx`) is read from where `head` began
    /// without moving its offset, so that libxml2, when the scanner gives up, reads `head`
    /// and the rest as for a pipe. A pipe is read once, after `head`: what the scanner drops
    /// of it is replayed to libxml2 when it gives up (``TMXScanInput/replay``).
    private func descriptorInput(_ descriptor: Int32, head: [UInt8]) -> TMXScanInput? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return TMXScanInput(stream: descriptor, head: head, buffer: scanBuffer)
        }
        let offset = Int(lseek(descriptor, 0, SEEK_CUR)) - head.count
        let size = Int(status.st_size) - offset
        guard offset >= 0, size > 0 else { return nil }
        // The bytes before the offset must be `head` as it was read.
        var start = [UInt8](repeating: 0, count: head.count)
        let count = start.withUnsafeMutableBytes {
            pread(descriptor, $0.baseAddress, head.count, off_t(offset))
        }
        guard count == head.count, start == head else { return nil }
        return TMXScanInput(
            descriptor: descriptor, offset: offset, size: size, owned: false,
            buffer: scanBuffer)
    }
}

/// The bytes of an input, read chunk by chunk: bytes in memory, runs of line feeds and
/// spaces (a stream's replay), then a descriptor, in that order.
private struct ByteSource {
    private enum Part {
        case bytes([UInt8])
        /// `pattern` (one character) `count` times.
        case repeated([UInt8], count: Int)
    }

    private var parts: [Part] = []
    /// The part being read and the place in it.
    private var part = 0
    private var offset = 0
    private var descriptor: Int32 = -1
    /// Whether ``close()`` closes ``descriptor``: not standard input or one given.
    private var ownsDescriptor = false
    private let name: String
    private(set) var totalBytes: Int?
    /// Units of a stream that ended in bytes replayed as white space.
    private(set) var unitsReplayed = 0

    init(_ input: TMXReader.Input) throws(TMXError) {
        name = input.name
        switch input {
        case .bytes(let data, _):
            parts = [.bytes(data)]
            totalBytes = data.count
        case .standardInput:
            descriptor = STDIN_FILENO
        case .restOfStandardInput(let head):
            parts = [.bytes(head)]
            descriptor = STDIN_FILENO
        case .descriptor(let given, _):
            descriptor = given
        case .file(let path):
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw Self.failure(path, errno == ENOENT ? "no such file" : Self.reason(errno))
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                throw Self.failure(path, "is a directory, not a file")
            }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw Self.failure(path, "cannot be opened for reading (\(Self.reason(errno)))")
            }
            ownsDescriptor = true
            if status.st_mode & S_IFMT == S_IFREG { totalBytes = Int(status.st_size) }
        }
    }

    /// What the scanner of a stream kept of it when it gave up: the head as read, the units
    /// it dropped as text of the same length, lines and columns (``TMXScanInput/Replay``),
    /// the bytes it held, then the rest of the stream.
    init(rest input: TMXScanInput, name: String) {
        self.name = name
        let (replay, held, descriptor) = input.rest()
        // The last line: its characters as spaces and two-, three- and four-byte letters,
        // as many of them and in as many bytes as it had.
        let extra = replay.lastLineBytes - replay.columns
        let four = extra / 3
        let three = extra % 3 == 2 ? 1 : 0
        let two = extra % 3 == 1 ? 1 : 0
        parts = [
            .bytes(replay.head),
            .repeated([0x20], count: replay.bytes - replay.lastLineBytes - replay.lines),
            .repeated([0x0A], count: replay.lines),
            .repeated([0x20], count: replay.columns - four - three - two),
            .repeated(Array("é".utf8), count: two), .repeated(Array("€".utf8), count: three),
            .repeated(Array("😀".utf8), count: four), .bytes(held),
        ]
        self.descriptor = descriptor
        unitsReplayed = replay.units
    }

    /// Fills `chunk` (short only at the end of the input), whatever the parts and however
    /// a pipe hands its bytes over: libxml2's push parser is given the same chunks for the
    /// same bytes, and reports the same places.
    mutating func read(into chunk: inout [UInt8]) throws(TMXError) -> Int {
        var filled = 0
        while filled < chunk.count {
            let count = try chunk.withUnsafeMutableBufferPointer { buffer throws(TMXError) in
                try readSome(into: UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Reads what the current part has, up to `target.count` bytes; 0 at the end.
    private mutating func readSome(
        into target: UnsafeMutableBufferPointer<UInt8>
    ) throws(TMXError) -> Int {
        while part < parts.count {
            let count: Int
            switch parts[part] {
            case .bytes(let bytes):
                count = min(target.count, bytes.count - offset)
                bytes.withUnsafeBufferPointer { source in
                    _ = memcpy(target.baseAddress!, source.baseAddress! + offset, count)
                }
            case .repeated(let pattern, let times):
                count = min(target.count, pattern.count * times - offset)
                if pattern.count == 1 {
                    _ = memset(target.baseAddress!, Int32(pattern[0]), count)
                } else {
                    for index in 0..<count {
                        target[index] = pattern[(offset + index) % pattern.count]
                    }
                }
            }
            if count > 0 {
                offset += count
                return count
            }
            part += 1
            offset = 0
        }
        guard descriptor >= 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, UnsafeMutableRawBufferPointer(target))
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw Self.failure(name, "cannot be read (\(Self.reason(errno)))")
        }
    }

    mutating func close() {
        if ownsDescriptor { systemClose(descriptor) }
        descriptor = -1
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func failure(_ name: String, _ message: String) -> TMXError {
        TMXError(file: name, line: 1, column: 1, message: message)
    }
}

// The POSIX calls, named apart from ByteSource's own read and close.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}

private func systemClose(_ descriptor: Int32) { _ = close(descriptor) }

/// libxml2's push parser with SAX2 callbacks that feed a ``TMXUnitBuilder``.
///
/// Every libxml2 call of the TMX reader is in this class. Callbacks cannot throw into C, so
/// the first error is kept and the parser stopped; ``feed(_:count:last:)`` then throws it.
private final class TMXParser {
    var builder: TMXUnitBuilder
    let name: String
    /// Names met so far (see ``qualifiedName(_:_:)``).
    private var knownNames: [KnownName] = []
    private var context: xmlParserCtxtPtr?
    private var failure: TMXError?
    private var fed = 0

    private static let parserReady: Void = xmlInitParser()

    init(builder: TMXUnitBuilder, name: String) {
        _ = Self.parserReady
        self.builder = builder
        self.name = name
        self.builder.location = { [unowned self] in self.location }
    }

    /// A name as libxml2 reports it, local name and prefix, with its string and what it is to
    /// the builder.
    private struct KnownName {
        let local: UnsafePointer<xmlChar>
        let prefix: UnsafePointer<xmlChar>?
        let name: String
        let element: TMXElementKind
        let attribute: TMXAttributeName

        init(_ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?, _ name: String) {
            self.local = local
            self.prefix = prefix
            self.name = name
            element = TMXElementKind(name)
            attribute = TMXAttributeName(name)
        }
    }

    /// `prefix:local` as a string, made once per distinct name: libxml2 hands names out of
    /// its dictionary, which keeps each one at one address while the parser lives, so a name
    /// is known by its pointers. Only names the dictionary owns are remembered, and only the
    /// first few (a TMX file uses about twenty).
    private func qualifiedName(
        _ local: UnsafePointer<xmlChar>, _ prefix: UnsafePointer<xmlChar>?
    ) -> KnownName {
        let hit = knownNames.withUnsafeBufferPointer { names in
            names.firstIndex { $0.local == local && $0.prefix == prefix }
        }
        if let hit { return knownNames[hit] }
        var name = String(cString: local)
        if let prefix { name = String(cString: prefix) + ":" + name }
        let known = KnownName(local, prefix, name)
        if knownNames.count < 64, let dictionary = context?.pointee.dict,
            xmlDictOwns(dictionary, local) == 1,
            prefix.map({ xmlDictOwns(dictionary, $0) == 1 }) ?? true
        {
            knownNames.append(known)
        }
        return known
    }

    var location: (line: Int, column: Int) {
        guard let context else { return (1, 1) }
        let line = Int(xmlSAX2GetLineNumber(context))
        let column = Int(xmlSAX2GetColumnNumber(context))
        return (max(line, 1), max(column, 1))
    }

    func feed(_ chunk: [UInt8], count: Int, last: Bool) throws(TMXError) {
        try chunk.withUnsafeBufferPointer { buffer throws(TMXError) in
            try buffer.withMemoryRebound(to: CChar.self) { chars throws(TMXError) in
                var start = 0
                // Per thread in libxml2: errors raised outside the parser context come here
                // while this parser runs, and go back to libxml2's default after.
                xmlSetStructuredErrorFunc(
                    Unmanaged.passUnretained(self).toOpaque(), Self.structuredError)
                defer { xmlSetStructuredErrorFunc(nil, nil) }
                if context == nil {
                    // libxml2 detects the encoding from the first four bytes it is given.
                    let head = min(count, 4)
                    context = Self.makeContext(self, chars.baseAddress, head, name)
                    start = head
                }
                let status = xmlParseChunk(
                    context, chars.baseAddress.map { $0 + start }, Int32(count - start),
                    last ? 1 : 0)
                fed += count
                if let failure { throw failure }
                if status != 0 || (last && context?.pointee.wellFormed == 0) {
                    throw builder.error("not well-formed XML")
                }
            }
        }
    }

    func free() {
        if let context {
            if let document = context.pointee.myDoc { xmlFreeDoc(document) }
            xmlFreeParserCtxt(context)
        }
        context = nil
    }

    /// Keeps the first error and, from a SAX callback, stops the parser.
    ///
    /// Error handlers must not stop it: libxml2 may call them in the middle of converting
    /// input, and halting the parser there frees the input it is still reading. It stops by
    /// itself on fatal errors, and the callbacks ignore everything after a failure.
    func fail(_ error: TMXError, stop: Bool = true) {
        if failure == nil { failure = error }
        if stop, let context { xmlStopParser(context) }
    }

    private static func makeContext(
        _ parser: TMXParser, _ head: UnsafePointer<CChar>?, _ count: Int, _ name: String
    ) -> xmlParserCtxtPtr? {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, prefix, _, _, _, count, _, attributes in
            let parser = TMXParser.from(context)
            guard parser.failure == nil, let localName else { return }
            var list: [XMLAttribute] = []
            list.reserveCapacity(Int(count))
            if let attributes {
                for index in 0..<Int(count) {
                    let base = attributes + index * 5
                    guard let name = base[0], let start = base[3], let end = base[4] else {
                        continue
                    }
                    let known = parser.qualifiedName(name, base[1])
                    list.append(
                        XMLAttribute(
                            name: known.name,
                            value: TMXParser.attributeValue(
                                UnsafeBufferPointer(start: start, count: end - start)),
                            kind: known.attribute))
                }
            }
            let known = parser.qualifiedName(localName, prefix)
            do throws(TMXError) {
                try parser.builder.start({ known.name }, known.element, list)
            } catch {
                parser.fail(error)
            }
        }
        handler.endElementNs = { context, localName, prefix, _ in
            let parser = TMXParser.from(context)
            guard parser.failure == nil, let localName else { return }
            let name = parser.qualifiedName(localName, prefix).name
            do throws(TMXError) { try parser.builder.end { name } } catch { parser.fail(error) }
        }
        let characters: charactersSAXFunc = { context, bytes, count in
            let parser = TMXParser.from(context)
            guard parser.failure == nil, let bytes else { return }
            do throws(TMXError) {
                try parser.builder.text(UnsafeBufferPointer(start: bytes, count: Int(count)))
            } catch { parser.fail(error) }
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        handler.entityDecl = { context, name, _, _, _, _ in
            let parser = TMXParser.from(context)
            let entity = name.map { String(cString: $0) } ?? ""
            parser.fail(
                parser.builder.error(
                    "the DOCTYPE declares the entity '\(entity)': entity declarations are "
                        + "refused (they can read other files or expand without bound); "
                        + "remove them from the file"))
        }
        handler.unparsedEntityDecl = { context, name, _, _, _ in
            let parser = TMXParser.from(context)
            let entity = name.map { String(cString: $0) } ?? ""
            parser.fail(
                parser.builder.error(
                    "the DOCTYPE declares the entity '\(entity)': entity declarations are "
                        + "refused; remove them from the file"))
        }
        handler.reference = { context, name in
            let parser = TMXParser.from(context)
            let entity = name.map { String(cString: $0) } ?? ""
            parser.fail(
                parser.builder.error(
                    "the entity reference &\(entity); is not defined in XML and DTDs are not "
                        + "read; write the character itself"))
        }
        handler.serror = TMXParser.structuredError
        let context = xmlCreatePushParserCtxt(
            &handler, Unmanaged.passUnretained(parser).toOpaque(), head, Int32(count), name)
        if let context {
            // Not XML_PARSE_NOENT (entities stay unexpanded), not XML_PARSE_DTDLOAD, not
            // XML_PARSE_HUGE (libxml2's limits stay on).
            xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
        }
        return context
    }

    /// Receives libxml2's errors: those of the parser, and those it raises without a parser
    /// (encoding conversion), which would otherwise be printed on stderr.
    private static let structuredError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let parser = TMXParser.from(context)
        let level = error.pointee.level
        let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        var (line, column) = (Int(error.pointee.line), Int(error.pointee.int2))
        if line <= 0 { (line, column) = parser.location }
        guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else {
            parser.builder.warnings.append(
                TMXWarning(
                    file: parser.name, line: line, column: max(column, 1),
                    message: TMXParser.clean(message)))
            return
        }
        parser.fail(
            TMXError(
                file: parser.name, line: line, column: max(column, 1),
                message: TMXParser.describe(Int(error.pointee.code), message)), stop: false)
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> TMXParser {
        Unmanaged<TMXParser>.fromOpaque(context!).takeUnretainedValue()
    }

    /// Without entity substitution libxml2 hands over `&` in attribute values as `&#38;`.
    private static func attributeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&#38;", with: "&")
    }

    private static func clean(_ message: String) -> String {
        message.split(separator: "\n").first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? message
    }

    /// libxml2's message as one sentence, with a hint for the usual causes.
    static func describe(_ code: Int, _ message: String) -> String {
        let text = clean(message)
        switch code {
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
            Int(XML_ERR_UNKNOWN_ENCODING.rawValue), Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue),
            Int(XML_I18N_CONV_FAILED.rawValue), Int(XML_IO_ENCODER.rawValue):
            return "not readable in its encoding: \(text) (save the file as UTF-8, or declare "
                + "its encoding in the XML declaration)"
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            return "the file is empty, not TMX"
        default:
            return "not well-formed XML: \(text)"
        }
    }
}

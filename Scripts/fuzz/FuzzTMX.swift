// libFuzzer entry point for the TMX reader, compiled by Scripts/fuzz.sh together with the
// reader's sources (not part of the Swift package).
//
// Each input is read three ways: by libxml2 alone, by the direct byte scanner alone, and by
// the reader that combines them. The scanner may leave an input to libxml2, but when it reads
// one it must give libxml2's units and summary, without warnings; the combined reader must
// give exactly what libxml2 gives: units, warnings and summary, or the same error (units
// passed before an error may differ in number, each reader passing what it completed, but
// one list is the start of the other), and so must the combined reader reading the input
// from a pipe. What libxml2 read is written out as TMX and must read back whole. A
// difference stops the run.
import Foundation

/// What one engine made of an input.
struct FuzzReading: Equatable {
    var units: [TranslationUnit] = []
    var warnings: [TMXWarning] = []
    var summary: TMXReader.Summary?
    var error: TMXError?
}

func fuzzRead(
    _ bytes: [UInt8], _ engine: TMXReader.Engine, now: Date, throughPipe: Bool = false
) -> FuzzReading {
    var reading = FuzzReading()
    // Small limits, chunks and scan buffers, so that the size check, chunk boundaries and the
    // scanner's refills are reached often; the buffer's size varies with the input.
    let reader = TMXReader(
        limits: .init(maxUnitBytes: 1 << 16), chunkSize: 61, engine: engine,
        scanBuffer: .init(size: 16 + Int(bytes.first ?? 0) % 48, limit: 1 << 12))
    var input = TMXReader.Input.bytes(bytes, name: "fuzz.tmx")
    var ends: [Int32] = [-1, -1]
    if throughPipe {
        // The input fits in the pipe's buffer: written whole, then read as a stream.
        guard pipe(&ends) == 0 else { fatalError("no pipe") }
        bytes.withUnsafeBytes { _ = write(ends[1], $0.baseAddress, $0.count) }
        close(ends[1])
        input = .descriptor(ends[0], name: "fuzz.tmx")
    }
    defer { if throughPipe { close(ends[0]) } }
    do {
        reading.summary = try reader.read(
            input, warning: { reading.warnings.append($0) }
        ) { unit in
            var unit = unit
            // Units without dates get the time of reading, which differs between readings.
            if unit.created >= now { unit.created = .distantPast }
            if unit.changed >= now { unit.changed = .distantPast }
            for language in unit.languages { _ = unit.plainText(language) }
            var writer = TMXWriter { _ in }
            try writer.begin(creationToolVersion: "fuzz")
            try writer.write(unit)
            try writer.end()
            reading.units.append(unit)
        }
    } catch let error as TMXError {
        // Refusing a broken file is the expected outcome.
        reading.error = error
    } catch {
        fatalError("unexpected error: \(error)")
    }
    return reading
}

/// Equal readings; for a refused input, the same error and units one the start of the other.
func sameOutcome(_ a: FuzzReading, _ b: FuzzReading) -> Bool {
    guard a.error != nil, a.error == b.error, a.warnings == b.warnings else { return a == b }
    let count = min(a.units.count, b.units.count)
    return a.units.prefix(count) == b.units.prefix(count)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let now = Date().addingTimeInterval(-1)
    let libxml2 = fuzzRead(bytes, .libxml2, now: now)
    let automatic = fuzzRead(bytes, .automatic, now: now)
    guard sameOutcome(automatic, libxml2) else {
        fatalError("the combined reader differs from libxml2: \(automatic) != \(libxml2)")
    }
    // A pipe cannot be read again: when the scanner gives up, libxml2 reads what it kept.
    if bytes.count < 60_000 {
        let piped = fuzzRead(bytes, .automatic, now: now, throughPipe: true)
        guard sameOutcome(piped, libxml2) else {
            fatalError("the reader of a pipe differs from libxml2: \(piped) != \(libxml2)")
        }
    }
    // What the reader kept (attributes, header elements, markup) must make a file that reads
    // again, with every unit.
    if libxml2.error == nil, let summary = libxml2.summary {
        var output: [UInt8] = []
        var writer = TMXWriter { output += $0 }
        do {
            try writer.begin(creationToolVersion: "fuzz", header: summary.header)
            for unit in libxml2.units { try writer.write(unit) }
            try writer.end()
            var again = 0
            try TMXReader(engine: .libxml2).read(.bytes(output, name: "again.tmx")) { _ in
                again += 1
            }
            guard again == libxml2.units.count else {
                fatalError("\(again) of \(libxml2.units.count) units read back")
            }
        } catch {
            fatalError("the written file does not read back: \(error)")
        }
    }
    let direct = fuzzRead(bytes, .direct, now: now)
    if direct.error == nil {
        guard libxml2.error == nil, direct.units == libxml2.units,
            direct.summary == libxml2.summary, libxml2.warnings.isEmpty
        else {
            fatalError("the direct scanner differs from libxml2: \(direct) != \(libxml2)")
        }
    }
    return 0
}

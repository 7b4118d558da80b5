// libFuzzer entry point for the TMX reader, compiled by Scripts/fuzz.sh together with the
// reader's sources (not part of the Swift package).
//
// Each input is read three ways: by libxml2 alone, by the direct byte scanner alone, and by
// the reader that combines them. The scanner may leave an input to libxml2, but when it reads
// one it must give libxml2's units and summary, without warnings; the combined reader must
// give exactly what libxml2 gives: units, warnings and summary, or the same error (units
// passed before an error may differ in number, each reader passing what it completed, but
// one list is the start of the other). A difference stops the run.
import Foundation

/// What one engine made of an input.
struct FuzzReading: Equatable {
    var units: [TranslationUnit] = []
    var warnings: [TMXWarning] = []
    var summary: TMXReader.Summary?
    var error: TMXError?
}

func fuzzRead(_ bytes: [UInt8], _ engine: TMXReader.Engine, now: Date) -> FuzzReading {
    var reading = FuzzReading()
    // Small limits, chunks and scan buffers, so that the size check, chunk boundaries and the
    // scanner's refills are reached often; the buffer's size varies with the input.
    let reader = TMXReader(
        limits: .init(maxUnitBytes: 1 << 16), chunkSize: 61, engine: engine,
        scanBuffer: .init(size: 16 + Int(bytes.first ?? 0) % 48, limit: 1 << 12))
    do {
        reading.summary = try reader.read(
            .bytes(bytes, name: "fuzz.tmx"), warning: { reading.warnings.append($0) }
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

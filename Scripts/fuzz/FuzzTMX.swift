// libFuzzer entry point for the TMX reader, compiled by Scripts/fuzz-tmx.sh together with the
// reader's sources (not part of the Swift package).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Small limits and chunks, so that the size check and chunk boundaries are reached often.
    let reader = TMXReader(limits: .init(maxUnitBytes: 1 << 16), chunkSize: 61)
    do {
        try reader.read(.bytes(bytes, name: "fuzz.tmx")) { unit in
            for language in unit.languages { _ = unit.plainText(language) }
            var writer = TMXWriter { _ in }
            try writer.begin(creationToolVersion: "fuzz")
            try writer.write(unit)
            try writer.end()
        }
    } catch is TMXError {
        // Refusing a broken file is the expected outcome.
    } catch {
        fatalError("unexpected error: \(error)")
    }
    return 0
}

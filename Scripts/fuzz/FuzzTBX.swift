// libFuzzer entry point for the TBX reader, compiled by Scripts/fuzz.sh together with the
// reader's sources (not part of the Swift package).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTBX(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = TBXReader.looksLikeTBX(bytes)
    do {
        let entries = try TBXReader.read(bytes, name: "fuzz.tbx")
        // What was read must be writable, and what is written must read back.
        for version in [TBXWriter.Version.v3, .v2] {
            let text = TBXWriter.write(entries, version: version)
            _ = try TBXReader.read(Array(text.utf8), name: "again.tbx")
        }
    } catch {
        // Refusing a broken file is the expected outcome.
    }
    return 0
}

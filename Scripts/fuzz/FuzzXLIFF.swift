// libFuzzer entry point for the XLIFF reader, compiled by Scripts/fuzz.sh together with the
// reader's sources (not part of the Swift package).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    _ = XLIFFReader.looksLikeXLIFF(bytes)
    do {
        let document = try XLIFFReader.read(data: bytes, path: "fuzz.xlf")
        _ = document.translationUnits(file: "fuzz.xlf")
    } catch is XLIFFError {
        // Refusing a broken file is the expected outcome.
    } catch {
        fatalError("unexpected error: \(error)")
    }
    return 0
}

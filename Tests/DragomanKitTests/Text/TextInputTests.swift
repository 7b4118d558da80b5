import DragomanKit
import Testing

struct TextInputTests {
    @Test func decodesUTF8AndDropsTheByteOrderMark() throws {
        #expect(try TextInput.decode([0xEF, 0xBB, 0xBF] + Array("İzmir".utf8)) == "İzmir")
    }

    @Test func decodesUTF16WithByteOrderMark() throws {
        let little: [UInt8] = [0xFF, 0xFE, 0x30, 0x01, 0x7A, 0x00]  // "İz"
        let big: [UInt8] = [0xFE, 0xFF, 0x01, 0x30, 0x00, 0x7A]
        #expect(try TextInput.decode(little) == "İz")
        #expect(try TextInput.decode(big) == "İz")
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        let bytes = Array("Birinci satır\nİkin".utf8) + [0xC3, 0x28] + Array(" son".utf8)
        #expect(
            throws: TextInput.DecodingError(reason: .invalidUTF8(byte: 0xC3), line: 2, column: 5)
        ) {
            try TextInput.decode(bytes)
        }
    }

    @Test func nulBytesAreBinary() {
        #expect(throws: TextInput.DecodingError(reason: .binary, line: 1, column: 3)) {
            try TextInput.decode([0x61, 0x62, 0x00, 0x63])
        }
    }

    @Test func truncatedUTF16IsAnError() {
        #expect(throws: TextInput.DecodingError.self) {
            try TextInput.decode([0xFF, 0xFE, 0x3D, 0xD8])
        }
    }
}

internal import CICU

/// A UTF-16 copy of a Swift string, owned and unmoving, for ICU to iterate over.
///
/// Offsets found in the UTF-16 buffer are mapped back to the original string through
/// ``OffsetMapper``: to Unicode scalar offsets (what the CLI reports) and to UTF-8 offsets
/// (to slice the original string without transcoding).
final class UTF16Text {
    let buffer: UnsafeMutableBufferPointer<UInt16>
    var count: Int { buffer.count }

    init(_ text: String) {
        var text = text
        let utf8Count = text.utf8.count
        // A UTF-8 sequence never needs more UTF-16 units than it has bytes.
        let storage = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(utf8Count, 1))
        var length: Int32 = 0
        if utf8Count > 0 {
            text.withUTF8 { bytes in
                var status = U_ZERO_ERROR
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    _ = u_strFromUTF8(
                        storage.baseAddress, Int32(storage.count), &length,
                        chars.baseAddress, Int32(chars.count), &status)
                }
                // Swift strings are valid UTF-8, so conversion cannot fail short of a bug.
                precondition(cicu_success(status) != 0, "UTF-8 to UTF-16 conversion failed")
            }
        }
        buffer = UnsafeMutableBufferPointer(rebasing: storage[0..<Int(length)])
        self.storageBase = storage
    }

    private let storageBase: UnsafeMutableBufferPointer<UInt16>

    deinit { storageBase.deallocate() }

    @inline(__always) subscript(_ i: Int) -> UInt16 { buffer[i] }
}

/// Maps increasing UTF-16 offsets to scalar and UTF-8 offsets in one forward pass.
struct OffsetMapper {
    private let units: UnsafeMutableBufferPointer<UInt16>
    private(set) var utf16 = 0
    private(set) var scalars = 0
    private(set) var utf8 = 0

    init(_ text: UTF16Text) { units = text.buffer }

    /// Advances to `target`, which must not be smaller than the last target.
    mutating func advance(to target: Int) {
        precondition(target >= utf16, "offsets must be visited in order")
        var s = scalars
        var b = utf8
        // Branch-free integer arithmetic, so that the loop vectorizes: each unit adds its UTF-8
        // length (a surrogate adds 2, so a pair makes 4), and every unit but a low surrogate
        // is a scalar. `(v &- 1) >> 31` is 1 exactly when v is 0.
        if let base = units.baseAddress, target > utf16 {
            var bytes: UInt32 = 0
            var lows: UInt32 = 0
            for i in utf16..<target {
                let y = UInt32(base[i])
                bytes &+= 1 &+ ((y &+ 0xFF80) >> 16) &+ ((y &+ 0xF800) >> 16)
                bytes &-= ((y & 0xF800) ^ 0xD800 &- 1) >> 31
                lows &+= ((y & 0xFC00) ^ 0xDC00 &- 1) >> 31
            }
            b &+= Int(bytes)
            s &+= (target - utf16) &- Int(lows)
        }
        utf16 = target
        scalars = s
        utf8 = b
    }
}

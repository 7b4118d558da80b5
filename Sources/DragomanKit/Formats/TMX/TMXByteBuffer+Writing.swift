/// What the TMX writer appends to the bytes of the file it is writing: literals, stored markup,
/// escaped text and numbers, each with room made once for its largest size and written
/// straight into place.
extension TMXByteBuffer {
    @inline(__always)
    func append(_ string: StaticString) {
        append(string.utf8Start, count: string.utf8CodeUnitCount)
    }

    /// Appends `string` as it is (markup stored as written, or text known to need no escaping).
    ///
    /// Labelled so that a string literal goes to the `StaticString` form, which a literal
    /// would otherwise not reach: Swift makes literals `String` first.
    func append(contentsOf string: String) {
        var string = string
        string.withUTF8 { utf8 in
            guard let start = utf8.baseAddress else { return }
            append(start, count: utf8.count)
        }
    }

    /// Appends `string` escaped by `escaping`, for character data or an attribute value.
    func append(_ string: String, escapedBy escaping: inout XMLEscaping, attribute: Bool) {
        var string = string
        string.withUTF8 { append($0, escapedBy: &escaping, attribute: attribute) }
    }

    /// Appends UTF-8 `bytes` escaped by `escaping`, for character data or an attribute value.
    @inline(__always)
    func append(
        _ bytes: UnsafeBufferPointer<UInt8>, escapedBy escaping: inout XMLEscaping,
        attribute: Bool
    ) {
        let target = reserve(bytes.count * XMLEscaping.maximumGrowth)
        commit(escaping.write(bytes, attribute: attribute, to: target))
    }

    /// Appends `value` in decimal.
    func append(decimal value: Int) {
        var magnitude = value.magnitude
        // 20 digits and a sign at most.
        let target = reserve(21)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        let written = withUnsafeMutableBytes(of: &digits) { scratch in
            var end = scratch.count
            repeat {
                end -= 1
                scratch[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                end -= 1
                scratch[end] = UInt8(ascii: "-")
            }
            let length = scratch.count - end
            UnsafeMutableRawPointer(target).copyMemory(
                from: scratch.baseAddress! + end, byteCount: length)
            return length
        }
        commit(written)
    }
}

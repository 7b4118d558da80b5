internal import CICU

/// Thin Swift faces for ICU's string transforms: normalization and locale-aware case mapping.
/// Inputs and outputs are Swift strings; ICU's UTF-16 never leaves this file.
enum ICUStrings {
    enum NormalizationForm { case nfc, nfkc, nfd }

    /// Calls an ICU function of the `(dest, capacity, source, length, status) -> length`
    /// shape, growing the destination once if ICU reports it too small.
    private static func transform(
        _ text: String, operation: String,
        _ call: (
            UnsafeMutablePointer<UInt16>?, Int32, UnsafePointer<UInt16>?, Int32,
            UnsafeMutablePointer<CICU_UErrorCode>
        ) -> Int32
    ) -> String {
        if text.isEmpty { return text }
        let source = Array(text.utf16)
        return source.withUnsafeBufferPointer { src -> String in
            var capacity = source.count + source.count / 2 + 8
            while true {
                var status = U_ZERO_ERROR
                var dest = [UInt16](repeating: 0, count: capacity)
                let length = dest.withUnsafeMutableBufferPointer { d in
                    call(d.baseAddress, Int32(capacity), src.baseAddress, Int32(src.count), &status)
                }
                if status == U_BUFFER_OVERFLOW_ERROR {
                    capacity = Int(length) + 1
                    continue
                }
                precondition(cicu_success(status) != 0, "ICU \(operation) failed")
                return String(decoding: dest[0..<Int(length)], as: UTF16.self)
            }
        }
    }

    static func normalize(_ text: String, form: NormalizationForm) -> String {
        // Every character below U+0300 is its own NFC and NFKC form except for a few
        // compatibility characters (NFKC maps ª, ², ½, µ ...): plain text in the scripts of
        // Turkish, English and German needs no ICU call for NFC.
        // General punctuation from U+2002 on (quotes, dashes) is also NFC as it stands.
        if form == .nfc && isNFCByScalarRange(text) { return text }
        var status = U_ZERO_ERROR
        let normalizer: OpaquePointer?
        switch form {
        case .nfc: normalizer = unorm2_getNFCInstance(&status)
        case .nfkc: normalizer = unorm2_getNFKCInstance(&status)
        case .nfd: normalizer = unorm2_getNFDInstance(&status)
        }
        precondition(cicu_success(status) != 0 && normalizer != nil, "ICU normalizer unavailable")
        return transform(text, operation: "unorm2_normalize") { d, cap, s, len, st in
            unorm2_normalize(normalizer, s, len, d, cap, st)
        }
    }

    /// Whether every scalar of `text` is below U+0300 or from U+2002 to U+206F, read from
    /// its UTF-8 bytes without decoding a scalar: such text is NFC as it stands.
    static func isNFCByScalarRange(_ text: String) -> Bool {
        func check(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            let count = utf8.count
            while index < count {
                let lead = utf8[index]
                if lead < 0x80 {
                    index += 1
                } else if lead < 0xCC {
                    // C2 80 to CB BF: U+0080 to U+02FF.
                    index += 2
                } else if lead == 0xE2, index + 2 < count {
                    // E2 80 82 to E2 81 AF: U+2002 to U+206F.
                    let second = utf8[index + 1]
                    let third = utf8[index + 2]
                    guard (second == 0x80 && third >= 0x82) || (second == 0x81 && third < 0xB0)
                    else { return false }
                    index += 3
                } else {
                    return false
                }
            }
            return true
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(check) { return result }
        return text.unicodeScalars.allSatisfy {
            $0.value < 0x300 || (0x2002..<0x2070).contains($0.value)
        }
    }

    static func lowercase(_ text: String, locale: String) -> String {
        transform(text, operation: "u_strToLower") { d, cap, s, len, st in
            u_strToLower(d, cap, s, len, locale, st)
        }
    }

    static func uppercase(_ text: String, locale: String) -> String {
        transform(text, operation: "u_strToUpper") { d, cap, s, len, st in
            u_strToUpper(d, cap, s, len, locale, st)
        }
    }

    /// Full case folding; `turkic` maps I to ı and İ to i instead of the default mappings.
    static func foldCase(_ text: String, turkic: Bool) -> String {
        let options = UInt32(turkic ? U_FOLD_CASE_EXCLUDE_SPECIAL_I : U_FOLD_CASE_DEFAULT)
        return transform(text, operation: "u_strFoldCase") { d, cap, s, len, st in
            u_strFoldCase(d, cap, s, len, options, st)
        }
    }

    /// The ICU version in use, for diagnostics.
    static var version: String {
        var info: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var chars = [CChar](repeating: 0, count: 24)
        withUnsafeMutablePointer(to: &info) { p in
            p.withMemoryRebound(to: UInt8.self, capacity: 4) { v in
                u_getVersion(v)
                u_versionToString(v, &chars)
            }
        }
        return String(
            decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

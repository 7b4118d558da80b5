internal import CICU

/// A failure reported by ICU. Seen only when ICU itself is broken or out of memory.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: String

    public var description: String { "ICU \(operation) failed: \(code)" }
}

/// Runs an ICU call that reports through an error-code out-parameter.
@inline(__always)
func withICUStatus<T>(
    _ operation: String, _ body: (UnsafeMutablePointer<CICU_UErrorCode>) -> T
) throws -> T {
    var status = U_ZERO_ERROR
    let result = body(&status)
    guard cicu_success(status) != 0 else {
        throw ICUError(operation: operation, code: String(cString: u_errorName(status)))
    }
    return result
}

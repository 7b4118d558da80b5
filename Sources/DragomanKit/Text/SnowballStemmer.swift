internal import CStemmer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Snowball stemmers (libstemmer) for the languages that have one: Turkish, German, English
/// and most European languages. Input and output are match keys or lower-case words.
///
/// A libstemmer handle keeps its result in a buffer of its own, so each stemmer is used by
/// one thread at a time behind a mutex; a stemmer is cheap to keep and share.
public final class SnowballStemmer: @unchecked Sendable {
    /// Used only while `lock` is held.
    private let stemmer: OpaquePointer
    private let lock = StemmerLock()
    public let language: Language

    private static let algorithms: [String: String] = [
        "tr": "turkish", "de": "german", "en": "english", "fr": "french", "es": "spanish",
        "it": "italian", "nl": "dutch", "pt": "portuguese", "sv": "swedish", "da": "danish",
        "no": "norwegian", "nb": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian",
        "ru": "russian",
    ]

    /// nil when the language has no stemmer.
    public init?(language: Language) {
        guard let algorithm = Self.algorithms[language.code],
            let stemmer = sb_stemmer_new(algorithm, "UTF_8")
        else { return nil }
        self.language = language
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of a lower-case word given as UTF-8, passed to `body` without a copy; for
    /// hashing stems in bulk.
    public func withStem(
        of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> UInt64
    ) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        guard let base = word.baseAddress,
            let result = sb_stemmer_stem(stemmer, base, Int32(word.count))
        else { return body(word) }
        return body(UnsafeBufferPointer(start: result, count: Int(sb_stemmer_length(stemmer))))
    }

    /// The stem of a single lower-case word.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            lock.locked { () -> String in
                guard let base = bytes.baseAddress,
                    let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count))
                else { return String(decoding: bytes, as: UTF8.self) }
                let length = Int(sb_stemmer_length(stemmer))
                return String(
                    decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
            }
        }
    }
}

/// A plain mutual-exclusion lock around the stemmer's C state.
private final class StemmerLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }

    func locked<T>(_ body: () -> T) -> T {
        lock()
        defer { unlock() }
        return body()
    }
}

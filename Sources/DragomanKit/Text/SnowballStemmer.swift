internal import CStemmer
import Synchronization

/// Snowball stemmers (libstemmer) for the languages that have one: Turkish, German, English
/// and most European languages. Input and output are match keys or lower-case words.
///
/// A libstemmer handle keeps its result in a buffer of its own, so each stemmer is used by
/// one thread at a time behind a mutex; a stemmer is cheap to keep and share.
public final class SnowballStemmer: @unchecked Sendable {
    /// Used only while `lock` is held.
    private let stemmer: OpaquePointer
    private let lock = Mutex(())
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

    /// The stem of a single lower-case word.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            lock.withLock { _ -> String in
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

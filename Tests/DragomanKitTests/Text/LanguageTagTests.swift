import DragomanKit
import Testing

/// Language tags as files write them: the quick reading of the usual shapes and the general
/// one give the same language.
struct LanguageTagTests {
    @Test(
        arguments: [
            ("tr", "tr"), ("TR", "tr"), ("tr-TR", "tr"), ("tr_TR", "tr"), ("en-Latn-GB", "en"),
            ("DE-at", "de"), ("gsw", "gsw"), ("de-CH-1996", "de"), ("e", nil), ("engl", nil),
            ("t1", nil), ("tr-ç", nil), ("", nil), ("tr TR", nil), ("İr", nil), ("en-", "en"),
        ] as [(String, String?)])
    func tags(tag: String, code: String?) {
        #expect(Language(tag: tag)?.code == code)
    }
}

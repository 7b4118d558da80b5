import DragomanKit
import Testing

/// Telling TMX from XLIFF by the first bytes of a document.
struct XMLRootElementTests {
    @Test(arguments: [
        ("<tmx version='1.4'>", XMLRootElement.Sniff.found("tmx")),
        (
            "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- not <xliff> -->\n<xliff version='2.0'>",
            .found("xliff")
        ),
        ("<!DOCTYPE tmx SYSTEM 'tmx14.dtd' [<!ENTITY a '>'>]>\n<tmx>", .found("tmx")),
        ("<x:xliff xmlns:x='urn:oasis:names:tc:xliff:document:1.2'>", .found("xliff")),
        ("<?xml version=\"1.0\"?>\n<!-- a comment not yet clos", .needMore),
        ("<tm", .needMore),
        ("", .needMore),
        ("Kent haberleri", .notXML),
        ("< tmx>", .notXML),
    ])
    func rootNames(head: String, expected: XMLRootElement.Sniff) {
        #expect(XMLRootElement.sniff(Array(head.utf8)) == expected)
    }

    @Test func utf16WithAByteOrderMark() {
        let bytes: [UInt8] =
            [0xFF, 0xFE] + Array("<?xml version='1.0'?><xliff>".utf8).flatMap { [$0, 0] }
        #expect(XMLRootElement.sniff(bytes) == .found("xliff"))
    }
}

import Testing

@testable import DragomanKit

/// The writer writes the props of a unit's own fields as literals; their types must be the
/// ones the reader looks for, or an export would read back without origin, document or score.
struct TMXWriterFieldPropTests {
    static func start(_ type: String) -> String { "      <prop type=\"\(type)\">" }

    static func whole(_ type: String, _ value: String) -> String {
        start(type) + value + "</prop>\n"
    }

    @Test func literalsCarryTheTypesTheReaderKnows() {
        typealias Prop = TMXWriter.FieldProp
        let expected: [(StaticString, String)] = [
            (Prop.aligned, Self.whole(TMXNames.origin, TranslationUnit.Origin.aligned.rawValue)),
            (Prop.imported, Self.whole(TMXNames.origin, TranslationUnit.Origin.imported.rawValue)),
            (Prop.edited, Self.whole(TMXNames.origin, TranslationUnit.Origin.edited.rawValue)),
            (Prop.document, Self.start(TMXNames.document)),
            (Prop.url, Self.start(TMXNames.url)),
            (Prop.date, Self.start(TMXNames.date)),
            (Prop.title, "      <prop type=\"\(TMXNames.title)\" xml:lang=\""),
            (Prop.alignmentScore, Self.start(TMXNames.alignmentScore)),
            (Prop.flagged, Self.whole(TMXNames.flagged, "true")),
            (Prop.span, "<prop type=\"\(TMXNames.span)\">"),
        ]
        for (literal, built) in expected {
            #expect("\(literal)" == built)
        }
        #expect(TranslationUnit.Origin.allCases.count == 3)
    }
}

import DragomanKit
import Foundation
import Testing

/// TBX v3 and v2 round trips, the shared TBX samples and broken files.
struct TBXTests {
    static let samples = SharedData.url("data/formats/samples")

    static let glossary: [GlossaryEntry] = [
        GlossaryEntry(
            id: "title-mayor", category: .title,
            terms: [
                GlossaryTerm(language: .english, text: "Mayor", partOfSpeech: .noun),
                GlossaryTerm(language: .turkish, text: "Belediye Başkanı", partOfSpeech: .noun),
                GlossaryTerm(
                    language: .turkish, text: "Başkan", status: .admitted, partOfSpeech: .noun,
                    note: "short <form> & \"quoted\""),
                GlossaryTerm(
                    language: .german, text: "Oberbürgermeister", status: .deprecated,
                    partOfSpeech: .noun),
            ],
            note: "The head of a municipality."),
        GlossaryEntry(
            id: "place-izmir", category: .place,
            terms: [
                GlossaryTerm(language: .turkish, text: "İzmir", partOfSpeech: .properNoun),
                GlossaryTerm(
                    language: .turkish, text: "Izmir", status: .forbidden,
                    partOfSpeech: .properNoun, note: "dotted capital I"),
                GlossaryTerm(language: .english, text: "Izmir", partOfSpeech: .properNoun),
            ],
            exclusions: ["Izmir Street"], properties: ["source": "atlas"]),
        GlossaryEntry(
            id: "concept-x", terms: [GlossaryTerm(language: .english, text: "a < b && c")]),
    ]

    @Test(arguments: [TBXWriter.Version.v3, .v2])
    func roundTrip(version: TBXWriter.Version) throws {
        let text = TBXWriter.write(Self.glossary, version: version)
        let read = try TBXReader.read(Array(text.utf8), name: "g.tbx")
        #expect(read == Self.glossary)
    }

    @Test func v3UsesTBXBasicValues() {
        let text = TBXWriter.write(Self.glossary, version: .v3)
        #expect(text.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\""))
        #expect(!text.contains("forbiddenTerm"))
        #expect(!text.contains(">properNoun<"))
        #expect(text.contains("&lt;form&gt; &amp; \"quoted\""))
        let v2 = TBXWriter.write(Self.glossary, version: .v2)
        #expect(v2.contains("<martif type=\"TBX\""))
        #expect(v2.contains("<tig>"))
    }

    @Test func okapiWindows1254Sample() throws {
        let entries = try TBXReader.read(
            path: Self.samples.appendingPathComponent("okapi_test02_win1254_en-tr.tbx").path)
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.terms(in: .english).map(\.text) == ["term with: éá and İı"])
        #expect(entry.terms(in: .turkish).map(\.text) == ["tr term with: éá and İı"])
    }

    @Test func omegatSample() throws {
        let entries = try TBXReader.read(
            path: Self.samples.appendingPathComponent("omegat_sampleTBXfile_v2_en-hu.tbx").path)
        #expect(entries.map(\.id) == ["eid-Oracle-67"])
        let entry = try #require(entries.first)
        #expect(entry.category?.rawValue == "manufacturing")
        let english = entry.terms(in: .english)
        #expect(english.map(\.text) == ["alpha smoothing factor"])
        #expect(english.first?.partOfSpeech == .noun)
        let hungarian = entry.terms(in: Language(tag: "hu")!)
        #expect(hungarian.map(\.text) == ["hu translation"])
        #expect(hungarian.first?.partOfSpeech == .noun)
    }

    @Test func brokenFilesNameLineAndColumn() {
        func error(_ text: String) -> GlossaryError? {
            do {
                _ = try TBXReader.read(Array(text.utf8), name: "bad.tbx")
                return nil
            } catch { return error }
        }
        let truncated = error("<martif>\n<text><body>")
        #expect(truncated?.file == "bad.tbx")
        #expect(truncated?.line != nil && truncated?.column != nil)
        #expect(
            error(
                "<martif><text><body><termEntry><langSet><tig><term>a</term></tig></langSet>"
                    + "</termEntry></body></text></martif>")?.message.contains("xml:lang") == true)
        #expect(error("<tmx/>")?.message.contains("not TBX") == true)
        let entity = error(
            "<!DOCTYPE martif [<!ENTITY x \"y\">]><martif><text><body/></text></martif>")
        #expect(entity?.message.contains("entit") == true)
        #expect(error("") != nil)
    }
}

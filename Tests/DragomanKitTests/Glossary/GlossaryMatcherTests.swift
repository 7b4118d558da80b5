import DragomanKit
import Testing

struct GlossaryMatcherTests {
    /// (text, expected "matched→entry" list)
    static func run(_ language: Language, _ text: String) throws -> [String] {
        let matcher = GlossaryMatcher(glossary: try GlossaryFixtures.glossary(), language: language)
        return matcher.matches(in: text).map {
            "\($0.matched)→\($0.entryID)\($0.isVariant ? "~" : "")"
        }
    }

    @Test(arguments: [
        ("İzmir'de yağmur var.", ["İzmir'de→izmir"]),
        ("İZMİR’İN nüfusu", ["İZMİR’İN→izmir"]),
        ("Belediye Başkanı'nın açıklaması", ["Belediye Başkanı'nın→mayor"]),
        ("belediye başkanları toplandı", ["belediye başkanları→mayor"]),
        ("Belediye Başkanımız nerede?", ["Belediye Başkanımız→mayor"]),
        ("Büyükşehir Belediye Başkanı konuştu", ["Büyükşehir Belediye Başkanı→metro-mayor"]),
        ("Belediye Başkan Yardımcısı geldi", ["Belediye Başkan Yardımcısı→deputy-mayor"]),
        ("belediye başkan adayı", []),
        ("Belediye Başkanvekili", []),
        ("İçişleri Bakanlığı'nın genelgesi", ["İçişleri Bakanlığı'nın→ministry-interior"]),
        ("İçişleri Bakanlıkları", ["İçişleri Bakanlıkları→ministry-interior"]),
        ("Cumhurbaşkanımız ve valiler", ["Cumhurbaşkanımız→president", "valiler→governor"]),
        ("ordu sınıra yürüdü", []),
        ("Ordu'da fındık hasadı", ["Ordu'da→ordu"]),
        ("Bursaspor kazandı", []),
        ("Bursa'ya gitti", ["Bursa'ya→bursa"]),
        ("İzmirli gençler", []),
        ("İzmirde", []),
        ("Izmir'e gitti", ["Izmir'e→izmir"]),
        ("IZMIR'E gitti", ["IZMIR'E→izmir~"]),
        ("Avrupa Birliği'ne üyelik ve AB'nin tavrı", ["Avrupa Birliği'ne→eu", "AB'nin→eu"]),
        ("İzmir Büyükşehir Belediyesi'nin kararı", ["İzmir Büyükşehir Belediyesi'nin→izmir-mm"]),
        ("İzmir Büyükşehir Belediyesinin kararı", ["İzmir Büyükşehir Belediyesinin→izmir-mm"]),
        ("Van'da deprem", ["Van'da→van"]),
        ("Van Gogh'un tabloları", []),
    ])
    func turkish(_ text: String, _ expected: [String]) throws {
        let found = try Self.run(.turkish, text)
        #expect(found == expected)
    }

    @Test(arguments: [
        ("The Mayor of Izmir spoke.", ["Mayor→mayor", "Izmir→izmir"]),
        ("the mayors' meeting", ["mayors→mayor"]),
        (
            "The Ministry of the Interior's ministries",
            ["Ministry of the Interior's→ministry-interior"]
        ),
        ("Türkiye's exports", ["Türkiye's→turkiye"]),
        ("Turkey's exports", ["Turkey's→turkiye"]),
        ("Turkiye's exports", ["Turkiye's→turkiye~"]),
        ("Vincent van Gogh painted", []),
        ("Van Gogh painted; Van lies east.", ["Van→van"]),
        ("the European Union's budget and the EU", ["European Union's→eu", "EU→eu"]),
        ("a european union", ["european union→eu"]),
        ("Metropolitan Mayors", ["Metropolitan Mayors→metro-mayor"]),
        ("Governorship", []),
        ("Munich and Munchen", ["Munich→munich"]),
        ("North Rhine-Westphalia", ["North Rhine-Westphalia→nrw"]),
    ])
    func english(_ text: String, _ expected: [String]) throws {
        let found = try Self.run(.english, text)
        #expect(found == expected)
    }

    @Test(arguments: [
        ("Wir essen in Essen.", ["Essen→essen"]),
        ("Das Essen in Essen war gut.", ["Essen→essen"]),
        ("des Oberbürgermeisters", ["Oberbürgermeisters→metro-mayor"]),
        (
            "die Bürgermeisterinnen und Bürgermeister",
            ["Bürgermeisterinnen→mayor", "Bürgermeister→mayor"]
        ),
        ("Bürgermeisterwahl", []),
        ("der Europäischen Union", ["Europäischen Union→eu"]),
        ("der Europäischen Kommission", ["Europäischen Kommission→commission"]),
        ("des Bundesministeriums des Innern", ["Bundesministeriums des Innern→ministry-interior"]),
        ("in München und Munchen", ["München→munich", "Munchen→munich~"]),
        ("Münchens Bürgermeister", ["Münchens→munich", "Bürgermeister→mayor"]),
        ("in Nordrhein-Westfalen", ["Nordrhein-Westfalen→nrw"]),
        ("Die Türkei und die EU", ["Türkei→turkiye", "EU→eu"]),
    ])
    func german(_ text: String, _ expected: [String]) throws {
        let found = try Self.run(.german, text)
        #expect(found == expected)
    }
}

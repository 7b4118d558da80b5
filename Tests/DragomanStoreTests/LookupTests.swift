import DragomanKit
import DragomanStore
import Foundation
import Testing

struct LookupTests {
    static func unit(
        _ id: String, _ en: String, _ tr: String, _ de: String? = nil
    ) -> TranslationUnit {
        var variants: [Language: Variant] = [
            .english: Variant(language: .english, text: en),
            .turkish: Variant(language: .turkish, text: tr),
        ]
        if let de { variants[.german] = Variant(language: .german, text: de) }
        return TranslationUnit(id: id, variants: variants, origin: .imported)
    }

    static func memory() throws -> (TemporaryFolder, SQLiteMemory) {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add([
            unit(
                "u1", "The mayor opened the new tram line on Monday.",
                "Belediye Başkanı yeni tramvay hattını pazartesi günü açtı."),
            unit(
                "u2", "İSTANBUL'da yeni bir müze açıldı.", "İSTANBUL'da yeni bir müze açıldı.",
                "In İSTANBUL wurde ein neues Museum eröffnet."),
            unit(
                "u3", "Ayşe Şahin met Thomas Müller in Bremen.",
                "Ayşe Şahin, Bremen'de Thomas Müller ile görüştü.",
                "Ayşe Şahin traf Thomas Müller in Bremen."),
            unit("u4", "Tickets cost the same as on buses.", "Biletler otobüslerle aynı fiyatta."),
        ])
        return (folder, memory)
    }

    @Test func exactAndFuzzyMatchesBestFirst() throws {
        let (folder, memory) = try Self.memory()
        defer { withExtendedLifetime(folder) {} }
        let lookup = try MemoryLookup(memory: memory)
        let exact = try lookup.lookup(
            "The mayor opened the new tram line on Monday.", from: .english, to: .turkish)
        #expect(exact.first?.score == 100)
        #expect(exact.first?.unitID == "u1")
        #expect(exact.first?.target == "Belediye Başkanı yeni tramvay hattını pazartesi günü açtı.")
        let fuzzy = try lookup.lookup(
            "The mayor opened the new bus line on Monday.", from: .english, to: .turkish)
        #expect(fuzzy.first?.unitID == "u1")
        #expect((80...95).contains(fuzzy.first?.score ?? 0))
        #expect(
            try lookup.lookup("Completely unrelated words here.", from: .english, to: .turkish)
                .isEmpty)
    }

    /// One match of a stored text (what an analysis asks for) is found without ranking
    /// (see ``MemoryLookup/lookup(_:from:to:minScore:max:wholeUnits:)``) and must be the match
    /// ranking finds: of the text's units with the target language, the first stored (here
    /// also the first by id, so that it is the first of a longer look-up's matches too).
    @Test func oneMatchIsTheFirstOfTheMatches() throws {
        let (folder, memory) = try Self.memory()
        defer { withExtendedLifetime(folder) {} }
        let repeated = "The ferry timetable changes at the start of June."
        try memory.add([
            Self.unit("f1", repeated, "Vapur tarifesi haziran başında değişiyor."),
            Self.unit(
                "f2", repeated, "Vapur tarifesi haziranın başında değişiyor.",
                "Der Fährfahrplan ändert sich Anfang Juni."),
            Self.unit(
                "f3", repeated, "Vapur saatleri haziran başında değişir.",
                "Der Fahrplan der Fähren ändert sich Anfang Juni."),
            Self.unit("f4", "The ferry timetable changes at the start of July.", "Temmuz."),
        ])
        let lookup = try MemoryLookup(memory: memory)
        let queries = [
            repeated, "The ferry timetable changes at the start of July.",
            "The ferry timetable changes in June.", "The mayor opened the new tram line on Monday.",
            "İSTANBUL'da yeni bir müze açıldı.", "Ayşe Şahin met Thomas Müller in Bremen.",
        ]
        for query in queries {
            for target in [Language.turkish, .german] {
                let source: Language = query.hasPrefix("İSTANBUL") ? .turkish : .english
                guard source != target else { continue }
                let one = try lookup.lookup(query, from: source, to: target, max: 1)
                let five = try lookup.lookup(query, from: source, to: target, max: 5)
                #expect(one.count == min(1, five.count), "\(query)")
                #expect(one.first?.unitID == five.first?.unitID, "\(query)")
                #expect(one.first?.score == five.first?.score, "\(query)")
                #expect(one.first?.target == five.first?.target, "\(query)")
                #expect(one.first?.differences == five.first?.differences, "\(query)")
                #expect((one.first?.unit == nil) == (five.first?.unit == nil), "\(query)")
            }
        }
        // Of the three units of the text, the first stored with the target: f1 has no German.
        let german = try lookup.lookup(repeated, from: .english, to: .german, max: 1)
        #expect(german.map(\.unitID) == ["f2"])
        #expect(german.first?.score == 100)
        #expect(german.first?.differences.isEmpty == true)
        let turkish = try lookup.lookup(
            repeated, from: .english, to: .turkish, max: 1, wholeUnits: false)
        #expect(turkish.map(\.unitID) == ["f1"])
        #expect(turkish.first?.unit == nil)
    }

    @Test func unitsWithoutTheTargetLanguageAreNotOffered() throws {
        let (folder, memory) = try Self.memory()
        defer { withExtendedLifetime(folder) {} }
        let lookup = try MemoryLookup(memory: memory)
        #expect(
            try lookup.lookup("Tickets cost the same as on buses.", from: .english, to: .german)
                .isEmpty)
    }

    @Test func theIndexFollowsTheMemory() throws {
        let (folder, memory) = try Self.memory()
        defer { withExtendedLifetime(folder) {} }
        _ = try MemoryLookup(memory: memory)
        try memory.add([
            Self.unit("u5", "A festival opens in Karşıyaka.", "Karşıyaka'da bir festival açılıyor.")
        ])
        let lookup = try MemoryLookup(memory: memory)
        #expect(
            try lookup.lookup("A festival opens in Karşıyaka.", from: .english, to: .turkish).first?
                .unitID == "u5")
    }

    @Test(arguments: [
        ("istanbul", Language.turkish, "u2", "İSTANBUL"),
        ("sahin", .turkish, "u3", "Şahin"),
        ("muller", .german, "u3", "Müller"),
        ("MÜLLER", .english, "u3", "Müller"),
    ])
    func concordanceFoldsCaseAccentsAndTheTurkishI(
        _ phrase: String, _ language: Language, _ id: String, _ highlighted: String
    ) throws {
        let (folder, memory) = try Self.memory()
        defer { withExtendedLifetime(folder) {} }
        let hits = try MemoryLookup(memory: memory).concordance(phrase, language: language)
        let hit = try #require(hits.first)
        #expect(hit.unitID == id)
        let scalars = Array(hit.text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[hit.start..<hit.end])
        #expect(String(view) == highlighted)
        #expect(!hit.translations.isEmpty)
    }

    @Test func concordanceMatchesFromTheStartOfAWord() throws {
        let (folder, memory) = try Self.memory()
        defer { withExtendedLifetime(folder) {} }
        #expect(try MemoryLookup(memory: memory).concordance("tanbul", language: .turkish).isEmpty)
    }
}

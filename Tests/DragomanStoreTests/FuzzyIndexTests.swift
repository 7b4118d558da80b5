import DragomanKit
import Foundation
import GRDB
import Testing

@testable import DragomanStore

/// The index must name the same candidates as ranking every variant would, and look-up must
/// find the best match that scoring every unit finds, in a memory full of near-duplicates.
struct FuzzyIndexTests {
    static let pairs: [(en: String, tr: String)] = [
        (
            "The mayor opened the new tram line on Monday.",
            "Belediye Başkanı yeni tramvay hattını pazartesi günü açtı."
        ),
        ("Tickets cost the same as on buses.", "Biletler otobüslerle aynı fiyatta."),
        (
            "The library in Karşıyaka reopened after 14 months of work.",
            "Karşıyaka'daki kütüphane 14 aylık çalışmanın ardından yeniden açıldı."
        ),
        (
            "About 3,000 people attended the jazz festival by the sea.",
            "Deniz kenarındaki caz festivaline yaklaşık 3.000 kişi katıldı."
        ),
        (
            "The governor visited the flooded villages in the north.",
            "Vali, kuzeydeki sular altında kalan köyleri ziyaret etti."
        ),
        (
            "A new bridge will connect the two districts by 2028.",
            "Yeni bir köprü 2028'e kadar iki ilçeyi birbirine bağlayacak."
        ),
        (
            "The council approved a budget of 12 million lira for parks.",
            "Meclis, parklar için 12 milyon liralık bir bütçeyi onayladı."
        ),
        (
            "Schools will stay closed on Friday because of the storm.",
            "Okullar fırtına nedeniyle cuma günü kapalı kalacak."
        ),
        (
            "The ferry timetable changes at the start of June.",
            "Vapur tarifesi haziran başında değişiyor."
        ),
        (
            "Volunteers planted 500 trees along the river.",
            "Gönüllüler nehir boyunca 500 ağaç dikti."
        ),
        (
            "The museum shows coins found in the ancient harbour.",
            "Müze, antik limanda bulunan sikkeleri sergiliyor."
        ),
        (
            "Bus drivers will receive a new contract next year.",
            "Otobüs şoförleri gelecek yıl yeni bir sözleşme alacak."
        ),
    ]

    /// Single sentences, pairs of sentences and copies with another number: a memory of one
    /// publisher, where many units are near-duplicates of others.
    static func units() -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        for (a, first) in pairs.enumerated() {
            for (b, second) in pairs.enumerated() {
                units.append(
                    LookupTests.unit(
                        "p\(a)-\(b)", first.en + " " + second.en, first.tr + " " + second.tr))
            }
            units.append(LookupTests.unit("s\(a)", first.en, first.tr))
            for n in 1...3 {
                units.append(
                    LookupTests.unit(
                        "n\(a)-\(n)", first.en.replacingOccurrences(of: "the", with: "the \(n)"),
                        first.tr + " (\(n))"))
            }
        }
        return units
    }

    static let queries = [
        "The mayor opened the new tram line on Monday.",
        "The mayor opened the new bus line on Tuesday.",
        "Tickets cost the same as on trams.",
        "About 4,000 people attended the festival by the sea.",
        "The council approved a budget of 15 million lira for schools and parks.",
        "Volunteers planted trees along the river. The ferry timetable changes in June.",
        "Schools stay closed because of the storm.",
        "The museum in the harbour shows coins.",
    ]

    /// The distinct texts of a language in the index, by their number, and the number of
    /// each variant's text.
    static func texts(
        _ index: FuzzyIndex, _ language: Language
    ) throws -> (section: FuzzyIndex.Section, textOfVariant: [Int64: Int]) {
        let section = try #require(index.section(language))
        var textOfVariant: [Int64: Int] = [:]
        for text in 0..<section.textCount {
            for variant in index.variants(ofText: text, in: section) {
                textOfVariant[variant] = text
            }
        }
        return (section, textOfVariant)
    }

    /// The index of a memory of `units` in `folder`, built as a look-up builds it, and the
    /// memory's English variants (variant number, NFC text).
    static func indexedEnglish(
        _ units: [TranslationUnit], in folder: TemporaryFolder
    ) throws -> (FuzzyIndex, [Row]) {
        let memory = try folder.memory()
        try memory.add(units)
        _ = try MemoryLookup(memory: memory)
        let index = try FuzzyIndex(contentsOf: URL(fileURLWithPath: memory.path + ".fuzzy"))
        let rows = try memory.reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT variant_no, coalesce(nfc, text) FROM variant WHERE language = 'en'
                    """)
        }
        return (index, rows)
    }

    @Test func candidatesAreTheTopOfTheRankingOverEveryText() throws {
        let folder = try TemporaryFolder()
        let (index, rows) = try Self.indexedEnglish(Self.units(), in: folder)
        let (_, textOfVariant) = try Self.texts(index, .english)
        let matcher = FuzzyMatcher(language: .english)
        var texts: [Int: (Set<UInt64>, Int)] = [:]
        for row in rows {
            let text: String = row[1]
            let number = try #require(textOfVariant[row[0]])
            texts[number] = (
                Set(matcher.indexTermHashes(of: text)), FuzzyMatcher.weightInTenths(of: text)
            )
        }
        var frequency: [UInt64: Int] = [:]
        for (terms, _) in texts.values { for term in terms { frequency[term, default: 0] += 1 } }
        let limit = 10
        for query in Self.queries {
            let terms = matcher.indexTermHashes(of: query)
            let weight = FuzzyMatcher.weightInTenths(of: query)
            var ranks: [Int: Float] = [:]
            for (text, (own, textWeight)) in texts {
                let shared = terms.filter(own.contains)
                guard !shared.isEmpty else { continue }
                let idf = shared.reduce(Float(0)) {
                    $0 + log(1 + Float(texts.count) / Float(frequency[$1]!))
                }
                ranks[text] = idf - 0.3 * abs(Float(textWeight - weight)) / Float(max(weight, 10))
            }
            let found = index.candidates(
                terms: terms, language: .english, queryWeight: weight, limit: limit)
            #expect(found.count == min(limit, ranks.count), "\(query)")
            #expect(Set(found).count == found.count, "\(query)")
            let weakestFound = found.compactMap { ranks[$0] }.min() ?? .infinity
            let strongestLeft = ranks.filter { !found.contains($0.key) }.values.max() ?? -.infinity
            #expect(weakestFound >= strongestLeft - 1e-4, "\(query)")
        }
    }

    @Test func variantsOfOneTextShareOneEntry() throws {
        let folder = try TemporaryFolder()
        var units = Self.units()
        // The same English sentence in three more units.
        units.append(LookupTests.unit("again-1", Self.pairs[2].en, "Bir kez daha."))
        units.append(LookupTests.unit("again-2", Self.pairs[2].en, "Yine."))
        units.append(LookupTests.unit("again-3", Self.pairs[2].en, "Üçüncü kez."))
        let (index, rows) = try Self.indexedEnglish(units, in: folder)
        let (section, textOfVariant) = try Self.texts(index, .english)
        #expect(textOfVariant.count == rows.count)
        var textOfString: [String: Int] = [:]
        for row in rows {
            let text: String = row[1]
            let number = try #require(textOfVariant[row[0]])
            #expect(textOfString[text, default: number] == number, "\(text)")
            textOfString[text] = number
            #expect(index.hash(ofText: number, in: section) == FuzzyIndex.textHash(text))
        }
        #expect(section.textCount == textOfString.count)
        #expect(section.textCount <= rows.count - 3)
        let shared = try #require(textOfString[Self.pairs[2].en])
        let variants = index.variants(ofText: shared, in: section)
        let holders = rows.filter { ($0[1] as String) == Self.pairs[2].en }
        #expect(variants.count == holders.count)
        #expect(variants.count >= 4)
        #expect(variants == variants.sorted())
        #expect(index.variants(ofText: section.textCount, in: section).isEmpty)
    }

    /// Every term's list is exactly the texts that hold the term, and terms found in the same
    /// texts share one list: in this memory the rarer words of a sentence are found only
    /// where the sentence is.
    @Test func termsOfTheSameTextsShareOneList() throws {
        let folder = try TemporaryFolder()
        let (index, rows) = try Self.indexedEnglish(Self.units(), in: folder)
        let (section, textOfVariant) = try Self.texts(index, .english)
        let matcher = FuzzyMatcher(language: .english)
        var holders: [UInt64: Set<Int>] = [:]
        for row in rows {
            let text = try #require(textOfVariant[row[0]])
            for term in matcher.indexTermHashes(of: row[1] as String) {
                holders[term, default: []].insert(text)
            }
        }
        var lists: Set<Int> = []
        for (term, texts) in holders {
            let found = try #require(index.postings(ofTerm: term, in: section))
            #expect(found.postings == texts.sorted(), "\(term)")
            lists.insert(found.list)
        }
        #expect(section.termCount == holders.count)
        #expect(section.listCount == lists.count)
        #expect(section.listCount == Set(holders.values).count)
        // "Volunteers", "planted", "trees", "along" and "river" name one list.
        #expect(section.listCount < section.termCount * 3 / 4)
        #expect(index.postings(ofTerm: 12_345, in: section) == nil)
    }

    @Test func storedTokensScoreAsTheTextsThemselves() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        var units = Self.units()
        // Words in capitals, a decomposed accent and German, so keys, stems and names differ
        // from the surfaces and the vocabulary holds more than one language.
        units.append(
            LookupTests.unit(
                "caps", "THE MAYOR OPENED the new Tram Line on Monday.",
                "Belediye Başkanı yeni tramvay hattını pazartesi gu\u{308}nu\u{308} açtı.",
                "Der Bürgermeister eröffnete am Montag die neue Straßenbahnlinie."))
        try memory.add(units)
        _ = try MemoryLookup(memory: memory)
        let index = try FuzzyIndex(contentsOf: URL(fileURLWithPath: memory.path + ".fuzzy"))
        let rows = try memory.reading { db in
            try Row.fetchAll(
                db, sql: "SELECT variant_no, language, coalesce(nfc, text) FROM variant")
        }
        let queries: [Language: [String]] = [
            .english: Self.queries + ["the Mayor opened the NEW tram line on monday"],
            .turkish: [Self.pairs[0].tr, "Belediye Başkanı yeni köprüyü salı günü açtı."],
            .german: ["Die Bürgermeisterin eröffnete am Dienstag die neue Buslinie."],
        ]
        var compared = 0
        for (language, texts) in queries {
            let matcher = FuzzyMatcher(language: language)
            let (section, textOfVariant) = try Self.texts(index, language)
            for text in texts {
                let query = matcher.prepare(TextNormalizer().normalize(text))
                let interned = index.intern(query, language: language)
                for row in rows where row[1] == language.code {
                    let nfc: String = row[2]
                    guard nfc != query.text else { continue }
                    let number = try #require(textOfVariant[row[0]])
                    let stored = try #require(index.interned(text: number, in: section))
                    let exact = matcher.score(query, matcher.prepare(nfc)).score
                    #expect(FuzzyMatcher.score(interned, stored) == exact, "\(text) / \(nfc)")
                    #expect(FuzzyMatcher.scoreBound(interned, stored) >= exact)
                    compared += 1
                }
            }
            #expect(index.interned(text: section.textCount, in: section) == nil)
        }
        #expect(compared > 1_000)
    }

    @Test func lookupFindsTheBestMatchOfAnExhaustiveScan() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let units = Self.units()
        try memory.add(units)
        let lookup = try MemoryLookup(memory: memory, candidateLimit: 10)
        let matcher = FuzzyMatcher(language: .english)
        let sources = units.map {
            matcher.prepare(TextNormalizer().normalize($0.variants[.english]!.text))
        }
        for query in Self.queries {
            let prepared = matcher.prepare(TextNormalizer().normalize(query))
            let best = sources.map { matcher.score(prepared, $0).score }.max() ?? 0
            let found = try lookup.lookup(query, from: .english, to: .turkish, minScore: 50, max: 5)
            #expect(found.first?.score == (best >= 50 ? best : nil), "\(query)")
            #expect(found.map(\.score) == found.map(\.score).sorted(by: >))
        }
    }

    /// Many units of one text that shares every term of the query must not crowd out a
    /// unit that matches better but ranks lower in the index: the text is one candidate.
    @Test func repeatedTextsTakeOneCandidate() throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        let repeated =
            "The new tram line opens on Monday in Karşıyaka and Bornova with free rides for all."
        var units = Self.pairs[4...].enumerated().map { k, pair in
            LookupTests.unit("other\(k)", pair.en, pair.tr)
        }
        for k in 0..<60 {
            units.append(
                LookupTests.unit(
                    "r\(k < 10 ? "0" : "")\(k)", repeated,
                    "Yeni tramvay hattı pazartesi Karşıyaka ve Bornova'da herkese ücretsiz açılıyor."
                ))
        }
        units.append(
            LookupTests.unit(
                "close", "The new tram line opens on Tuesday in Karşıyaka.",
                "Yeni tramvay hattı salı günü Karşıyaka'da açılıyor."))
        try memory.add(units)
        let lookup = try MemoryLookup(memory: memory, candidateLimit: 5)
        let query = "The new tram line opens on Monday in Karşıyaka."
        let found = try lookup.lookup(query, from: .english, to: .turkish, minScore: 50, max: 3)
        let matcher = FuzzyMatcher(language: .english)
        let expected = matcher.score(
            matcher.prepare(query),
            matcher.prepare("The new tram line opens on Tuesday in Karşıyaka.")
        ).score
        #expect(found.first?.unitID == "close")
        #expect(found.first?.score == expected)
        // The repeated text itself: its first units stored, by id.
        let same = try lookup.lookup(repeated, from: .english, to: .turkish, max: 5)
        #expect(same.map(\.unitID) == ["r00", "r01", "r02", "r03", "r04"])
        #expect(same.allSatisfy { $0.score == 100 })
    }

    @Test(arguments: ["DRGFZX01", "DRGFZX02", "DRGFZX03", "DRGFZX04", "garbage", ""])
    func anIndexFileOfAnotherFormatIsRebuilt(_ content: String) throws {
        let folder = try TemporaryFolder()
        let memory = try folder.memory()
        try memory.add(Self.units())
        var header = Data(content.utf8)
        header.append(Data(count: 64))
        try header.write(to: URL(fileURLWithPath: memory.path + ".fuzzy"))
        let lookup = try MemoryLookup(memory: memory)
        let found = try lookup.lookup(
            Self.pairs[1].en, from: .english, to: .turkish, minScore: 50, max: 1)
        #expect(found.first?.score == 100)
        #expect(found.first?.target == Self.pairs[1].tr)
    }
}

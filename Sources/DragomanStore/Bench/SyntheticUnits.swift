public import DragomanKit
import Foundation

/// Deterministic Turkish, English and German news sentences for benchmarks and stress tests.
///
/// Unit `i` of a seed is always the same unit, whichever process makes it and in whichever
/// order, so runs can be compared and a memory written by a killed run can be checked unit by
/// unit. Every tenth unit lacks its German variant, as a 1-1-0 bead would.
public struct SyntheticUnits: Sendable {
    public let seed: UInt64
    /// Prefix of the unit ids: `\(idPrefix)\(index)`.
    public let idPrefix: String
    /// Units per synthetic news item (document).
    public let unitsPerDocument: Int

    public init(seed: UInt64, idPrefix: String? = nil, unitsPerDocument: Int = 40) {
        self.seed = seed
        self.idPrefix = idPrefix ?? "bench-\(seed)-"
        self.unitsPerDocument = max(1, unitsPerDocument)
    }

    /// The unit at `index`.
    public func unit(_ index: Int) -> TranslationUnit {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(index))
        let sentence = Self.sentence(&random)
        let document = index / unitsPerDocument
        let documentID = "\(idPrefix)doc-\(document)"
        var variants: [Language: Variant] = [:]
        for (language, text) in [
            (Language.turkish, sentence.tr), (.english, sentence.en), (.german, sentence.de),
        ] {
            if language == .german && index % 10 == 9 { continue }
            let start = (index % unitsPerDocument) * 160
            variants[language] = Variant(
                language: language, text: text,
                span: SourceSpan(
                    file: "\(documentID).\(language.code).txt", start: start,
                    end: start + text.unicodeScalars.count))
        }
        let score = 0.4 + Double(random.next() % 600) / 1000
        let created = Date(timeIntervalSince1970: 1_790_000_000 + Double(index))
        return TranslationUnit(
            id: "\(idPrefix)\(index)", variants: variants, origin: .aligned,
            provenance: Provenance(
                documentID: documentID,
                titles: [
                    .turkish: "Haber \(document)", .english: "News item \(document)",
                    .german: "Meldung \(document)",
                ],
                url: "https://example.org/news/\(document)", date: "2026-10-14"),
            alignmentScore: score, flagged: score < 0.5, properties: ["domain": "news"],
            notes: index % 7 == 0 ? ["synthetic, seed \(seed)"] : [], created: created)
    }

    /// The units at `range`.
    public func units(_ range: Range<Int>) -> [TranslationUnit] { range.map(unit) }

    private static func sentence(_ random: inout SplitMix64) -> (tr: String, en: String, de: String)
    {
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        let place = pick(places)
        let count = 2 + Int(random.next() % 48)
        let year = 1990 + Int(random.next() % 37)
        switch random.next() % 3 {
        case 0:
            let actor = pick(actors)
            let thing = pick(things)
            return (
                "\(actor.tr) \(year) yılında \(place.trLocative) \(count) yeni \(thing.tr) açtı.",
                "\(actor.en) opened \(count) new \(thing.en) in \(place.en) in \(year).",
                "\(actor.de) eröffnete \(year) in \(place.de) \(count) neue \(thing.de)."
            )
        case 1:
            let actor = pick(actors)
            return (
                "\(actor.tr), \(place.trLocative) yaşayan \(count) bin kişinin görüşünü aldı.",
                "\(actor.en) asked \(count),000 people living in \(place.en) for their views.",
                "\(actor.de) befragte \(count).000 Menschen, die in \(place.de) leben."
            )
        default:
            return (
                "\(place.trLocative) düzenlenen festivale \(count) bin kişi katıldı.",
                "\(count),000 people attended the festival held in \(place.en).",
                "Am Festival in \(place.de) nahmen \(count).000 Menschen teil."
            )
        }
    }

    private static let places: [(trLocative: String, en: String, de: String)] = [
        ("İzmir'de", "Izmir", "Izmir"), ("Bergkamen'de", "Bergkamen", "Bergkamen"),
        ("Ankara'da", "Ankara", "Ankara"), ("Köln'de", "Cologne", "Köln"),
        ("İstanbul'da", "Istanbul", "Istanbul"), ("Münih'te", "Munich", "München"),
        ("Eskişehir'de", "Eskişehir", "Eskişehir"), ("Düsseldorf'ta", "Düsseldorf", "Düsseldorf"),
    ]

    private static let actors: [(tr: String, en: String, de: String)] = [
        ("Büyükşehir Belediyesi", "The metropolitan municipality", "Die Stadtverwaltung"),
        ("Bakanlık", "The ministry", "Das Ministerium"),
        ("Vali Ayşe Öztürk", "Governor Ayşe Öztürk", "Gouverneurin Ayşe Öztürk"),
        ("Prof. Dr. Mehmet Çelik", "Prof. Dr. Mehmet Çelik", "Prof. Dr. Mehmet Çelik"),
        ("Belediye Başkanı Jürgen Weiß", "Mayor Jürgen Weiß", "Bürgermeister Jürgen Weiß"),
    ]

    private static let things: [(tr: String, en: String, de: String)] = [
        ("okul", "schools", "Schulen"), ("kütüphane", "libraries", "Bibliotheken"),
        ("park", "parks", "Parks"), ("spor salonu", "sports halls", "Sporthallen"),
        ("köprü", "bridges", "Brücken"), ("sağlık merkezi", "health centres", "Gesundheitszentren"),
    ]
}

/// A small, fast generator whose sequence depends only on its seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

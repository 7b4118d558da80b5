extension SegmentationRules {
    static let turkish = SegmentationRules(
        abbreviations: table(
            prefix: [
                // academic and professional titles
                "Prof.", "Doç.", "Yrd.", "Yrd. Doç.", "Dr.", "Öğr.", "Gör.", "Öğr. Gör.", "Arş.",
                "Arş. Gör.", "Uzm.", "Op.", "Av.", "Müh.", "Mim.", "Ecz.", "Dt.", "Vet.", "Hz.",
                "Sn.", "Sayın.", "Hem.", "Psk.", "Dyt.", "Fzt.", "Öğrt.", "Bşk.", "Bşk. Yrd.",
                // military ranks
                "Mareşal.", "Org.", "Orgl.", "Korg.", "Tümg.", "Tuğg.", "Alb.", "Yb.", "Bnb.",
                "Yzb.", "Ütğm.", "Tğm.", "Asteğm.", "Astsb.", "Kd.", "Çvş.", "Uzm. Çvş.", "Onb.",
                "Amr.", "Koram.", "Tümam.", "Tuğam.",
                // addresses and references
                "Mah.", "Mh.", "Cad.", "Cd.", "Sok.", "Sk.", "Bul.", "Blv.", "Apt.", "Ap.", "Blk.",
                "Tel.", "Faks.", "Gsm.", "PK.", "bkz.", "Bkz.", "örn.", "Örn.", "T.C.", "Ord.",
                "St.",
                "Mt.",
            ],
            beforeNumber: [
                "Kat.", "D.", "No.", "Nr.", "s.", "sf.", "sy.", "c.", "yy.", "md.", "mad.", "fık.",
                "Blok.",
            ],
            ambiguous: [
                "vb.", "vd.", "vs.", "vz.", "bk.", "Şti.", "Ltd.", "Ltd. Şti.", "A.Ş.", "Koll.",
                "Jr.", "Sr.", "Co.", "Inc.", "Corp.", "Bld.", "Bl.", "Üniv.", "Fak.", "Hst.",
                "Bşk.lığı", "Gn.", "Gnl.", "Müd.", "Md.", "Mdl.", "Şb.", "Kur.", "Tic.", "San.",
                "A.O.", "Ort.", "Kol.", "Koop.", "Der.", "Vak.", "Bel.", "Bld.", "İl.", "İlç.",
                "Gen.", "Yay.", "Haz.", "Çev.", "ed.", "Ed.", "Ek.", "ek.", "Ocak.", "Oca.",
                "Şub.", "Mar.", "Nis.", "Haz.", "Tem.", "Ağu.", "Eyl.", "Eki.", "Kas.", "Ara.",
                "dk.", "sn.", "sa.", "sk.", "kg.", "gr.", "km.", "cm.", "mm.", "lt.", "Mil.",
                "Çar.", "Per.", "Cum.", "Cmt.", "Paz.", "Pzt.", "Sal.",
            ]),
        sentenceStarters: [
            // demonstratives and pronouns with their common case forms
            "Bu", "Bunu", "Buna", "Bunun", "Bunda", "Bundan", "Bunlar", "Bunları", "Bunlara",
            "Bunların", "Bunlardan", "Bunlarda", "Bununla", "Böyle", "Böylece", "Şu", "Şunu",
            "Şuna", "Şunun", "Şunlar", "O", "Onu", "Ona", "Onun", "Onda", "Ondan", "Onlar",
            "Onları", "Onlara", "Onların", "Onlardan", "Onunla", "Ben", "Beni", "Bana", "Benim",
            "Sen", "Seni", "Sana", "Senin", "Biz", "Bizi", "Bize", "Bizim", "Siz", "Sizi", "Size",
            "Sizin", "Kendisi", "Kendi", "Kendileri", "Herkes", "Hepsi", "Hiçbiri", "Kimse",
            // conjunctions, connectives and sentence adverbs
            "Ve", "Ama", "Ancak", "Fakat", "Lakin", "Oysa", "Oysaki", "Yalnız", "Çünkü", "Zira",
            "Ayrıca", "Üstelik", "Hatta", "Dahası", "Yine", "Yani", "Öte", "Öyle", "Ardından",
            "Sonra", "Daha", "Önce", "Şimdi", "Artık", "Halen", "Hâlâ", "Hala", "Zaten",
            "Nitekim", "Nihayet", "Sonuçta", "Sonunda", "Böylelikle", "Dolayısıyla", "Bundan",
            "Buradan", "Burada", "Orada", "Örneğin", "Mesela", "Özellikle", "Aslında", "Elbette",
            "Kuşkusuz", "Tabii", "Belki", "Evet", "Hayır", "Peki", "İşte", "Bugün", "Dün",
            "Yarın", "Geçen", "Gelecek", "Bir", "Birçok", "Birkaç", "Her", "Hiç", "Tüm", "Bütün",
            "Bazı", "Çoğu", "Diğer", "Öbür", "Aynı", "İlk", "Son", "Yeni", "Ne", "Neden",
            "Niçin", "Nasıl", "Nerede", "Nereye", "Kim", "Kimi", "Hangi", "Kaç", "Eğer", "Şayet",
            "Madem", "Gerçi", "İçin", "Göre", "Karşın", "Rağmen", "Beri", "Sadece", "Yalnızca",
            "Bile", "Ya", "Veya",
        ],
        numberPolicy: .ordinalUnlessQuantity,
        numberContextWords: [
            // a percentage, a large number or a count: "yüzde 38.", "556 bin 250.", "sayısı 12."
            "yüzde", "binde", "bin", "milyon", "milyar", "trilyon", "sayı", "sayısı", "oran",
            "oranı", "toplam", "toplamı", "puan", "skor", "ise", "yaklaşık", "sadece", "yalnızca",
            "tam",
        ],
        continuationWords: [
            "ve", "ile", "veya", "ya", "ama", "fakat", "ancak", "ki", "bir", "bu", "şu", "için",
            "gibi", "kadar", "göre", "olan", "olarak", "da", "de", "daha", "en", "çok",
        ],
        months: [
            "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
            "ekim", "kasım", "aralık",
        ],
        ellipsisEndsBeforeLowercase: true,
        gluedPeriodEnds: true
    )

    static func table(
        prefix: [String], beforeNumber: [String], ambiguous: [String], time: [String] = []
    ) -> [String: AbbreviationKind] {
        var result: [String: AbbreviationKind] = [:]
        for word in ambiguous { result[word] = .ambiguous }
        for word in beforeNumber { result[word] = .beforeNumber }
        for word in prefix { result[word] = .prefix }
        for word in time { result[word] = .time }
        return result
    }
}

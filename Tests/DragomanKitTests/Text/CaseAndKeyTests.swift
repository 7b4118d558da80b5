import DragomanKit
import Testing

struct CaseMappingTests {
    @Test(arguments: [
        ("İSTANBUL", Language.turkish, "istanbul"),
        ("IRMAK", .turkish, "ırmak"),
        ("İZMİR'DE", .turkish, "izmir'de"),
        ("ISTANBUL", .english, "istanbul"),
        ("STRASSE", .german, "strasse"),
    ])
    func lowercase(_ text: String, _ language: Language, _ expected: String) {
        #expect(CaseMapping.lowercase(text, language: language) == expected)
    }

    @Test(arguments: [
        ("istanbul", Language.turkish, "İSTANBUL"),
        ("ırmak", .turkish, "IRMAK"),
        ("istanbul", .english, "ISTANBUL"),
        ("Straße", .german, "STRASSE"),
    ])
    func uppercase(_ text: String, _ language: Language, _ expected: String) {
        #expect(CaseMapping.uppercase(text, language: language) == expected)
    }

    @Test func turkishFoldKeepsDottedAndDotlessApart() {
        #expect(CaseMapping.fold("İzmir", language: .turkish) == "izmir")
        #expect(CaseMapping.fold("IŞIK", language: .turkish) == "ışık")
        #expect(
            CaseMapping.fold("Işık", language: .turkish)
                == CaseMapping.fold("IŞIK", language: .turkish))
    }

    @Test func germanFoldExpandsSharpS() {
        #expect(CaseMapping.fold("Straße", language: .german) == "strasse")
        #expect(
            CaseMapping.fold("STRASSE", language: .german)
                == CaseMapping.fold("Straße", language: .german))
    }
}

struct MatchKeyTests {
    @Test(arguments: [
        ["izmir", "IZMIR", "İzmir", "İZMİR", "Izmir"],
        ["Muller", "Müller", "MÜLLER"],
        ["Sahin", "Şahin", "ŞAHİN", "sahin"],
        ["İmamoğlu", "Imamoglu", "IMAMOĞLU"],
        ["İzmir’de", "Izmir'de", "izmir`de"],
        ["Straße", "STRASSE", "strasse"],
        ["„Zitat“", "\"Zitat\"", "«Zitat»"],
        ["Castrop–Rauxel", "Castrop-Rauxel"],
        ["ﬁnal", "final"],
    ])
    func spellingsMeet(_ spellings: [String]) {
        let keys = Set(spellings.map(MatchKey.make))
        #expect(keys.count == 1, "\(spellings) gave \(keys)")
    }

    @Test func keysAreLowerCaseAsciiForLatinText() {
        #expect(
            MatchKey.make("  Büyükşehir   Belediye\u{00A0}Başkanı ")
                == "buyuksehir belediye baskani")
    }

    @Test func differentWordsStayApart() {
        #expect(MatchKey.make("Mueller") != MatchKey.make("Müller"))
        #expect(MatchKey.make("kara") != MatchKey.make("kâra") || MatchKey.make("kâra") == "kara")
        #expect(MatchKey.make("Essen") != MatchKey.make("Eisen"))
    }
}

struct TextNormalizerTests {
    @Test func composesToNFC() {
        let decomposed = "Bu\u{0308}ro\u{0308}"  // Büro with combining diaereses
        #expect(TextNormalizer().normalize(decomposed) == "Bürö")
    }

    @Test func nfkcFoldsCompatibilityForms() {
        #expect(TextNormalizer(form: .nfkc).normalize("ﬁnal ２０２６") == "final 2026")
        #expect(TextNormalizer().normalize("ﬁnal") == "ﬁnal")
    }

    @Test func collapsesWhitespaceAndNoBreakSpaces() {
        #expect(
            TextNormalizer().normalize("  Tunç\u{00A0}\u{00A0}Soyer \t dedi \u{202F}ki ")
                == "Tunç Soyer dedi ki")
    }

    @Test func removesControlAndInvisibleCharacters() {
        #expect(
            TextNormalizer().normalize("Bür\u{00AD}ger\u{200B}meister\u{0007}\u{FEFF}")
                == "Bürgermeister")
    }

    @Test func keepsQuotesAndApostrophesAsWritten() {
        #expect(TextNormalizer().normalize("İzmir’de „Fest“") == "İzmir’de „Fest“")
    }

    @Test func lineBreaksOnRequest() {
        let text = "Başlık\r\n\r\nBirinci satır\nikinci satır"
        #expect(TextNormalizer().normalize(text) == "Başlık Birinci satır ikinci satır")
        #expect(
            TextNormalizer(keepLineBreaks: true).normalize(text)
                == "Başlık\n\nBirinci satır\nikinci satır")
    }
}

struct WordTokenizerTests {
    @Test func kindsAndOffsets() throws {
        let text = "İzmir'de 1.250,5 fidan (%15) dikildi."
        let tokens = try WordTokenizer(language: .turkish).tokens(in: text)
        #expect(
            tokens.map(\.text) == [
                "İzmir'de", "1.250,5", "fidan", "(", "%", "15", ")", "dikildi", ".",
            ])
        #expect(
            tokens.map(\.kind) == [
                .word, .number, .word, .punctuation, .symbol, .number, .punctuation, .word,
                .punctuation,
            ])
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.start..<token.end])
            #expect(String(view) == token.text)
        }
    }

    @Test func typographicApostropheStaysInsideTheWord() throws {
        let tokens = try WordTokenizer(language: .turkish).tokens(in: "Soyer’in açıklaması")
        #expect(tokens.map(\.text) == ["Soyer’in", "açıklaması"])
    }

    @Test func offsetsCountScalarsBeyondTheBMP() throws {
        let tokens = try WordTokenizer(language: .english).tokens(in: "😀 € 5")
        #expect(tokens.map(\.start) == [0, 2, 4])
        #expect(tokens.map(\.kind) == [.symbol, .symbol, .number])
    }
}

struct LanguageTests {
    @Test(arguments: [
        ("tr", "tr"), ("tr-TR", "tr"), ("TR_tr", "tr"), ("de-AT", "de"), ("en-Latn-GB", "en"),
        ("fr", "fr"),
    ])
    func acceptsTags(_ tag: String, _ code: String) {
        #expect(Language(tag: tag)?.code == code)
    }

    @Test(arguments: ["", "t", "123", "english language", "tr TR", "çe"])
    func rejectsNonTags(_ tag: String) {
        #expect(Language(tag: tag) == nil)
    }
}

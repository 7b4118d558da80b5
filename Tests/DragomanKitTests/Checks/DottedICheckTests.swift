import DragomanKit
import Testing

@Suite struct DottedICheckTests {
    @Test(arguments: [
        ("Izmir'e giden vapur her saat kalkıyor.", "Izmir'e"),
        ("Bu yıl Istanbul'da kar yağmadı.", "Istanbul'da"),
        ("Iki yeni park hizmete açıldı.", "Iki"),
        ("Italya ve Fransa'da yağmur sürüyor.", "Italya"),
        ("ISTANBUL HABERLERİ", "ISTANBUL"),
    ])
    func capitalIWithoutDot(target: String, marked: String) throws {
        let found = try CheckFixtures.run(
            DottedICheck(), .english, .turkish, "A sentence in English.", target)
        #expect(found.map(\.check) == ["turkish.dotted-i"])
        #expect(found.first?.severity == .error)
        #expect(CheckFixtures.text(found.first?.target, target) == marked)
    }

    @Test(arguments: [
        "Irak ve Iğdır'dan gelen heyet Isparta'yı ziyaret etti.",
        "İzmir'de Işık Sokağı yeniden düzenlendi.",
        "Instagram hesabı IMF raporunu paylaştı.",
        "Il faut bien le faire.",
    ])
    func rightSpellingsStayClean(target: String) throws {
        #expect(
            try CheckFixtures.run(DottedICheck(), .english, .turkish, "Some text.", target)
                .isEmpty)
    }

    @Test func onlyTurkishTargetsAreChecked() throws {
        #expect(
            try CheckFixtures.run(
                DottedICheck(), .turkish, .english, "İzmir'e gitti.", "He went to Izmir."
            ).isEmpty)
    }
}

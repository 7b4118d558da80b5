import DragomanKit
import Foundation
import Testing

/// The pair checks measured: on translations with errors put in (each with its correct
/// counterpart), and on the NTREX news, professional translations where nearly every
/// error-level finding is a false alarm.
struct PairCheckMeasureTests {
    /// A sentence, its correct translation, the same translation with one error put in, and
    /// the check that must catch it.
    struct Injected: Sendable {
        let from: Language
        let to: Language
        let source: String
        let clean: String
        let wrong: String
        let check: String

        init(
            _ from: Language, _ to: Language, _ source: String, _ clean: String,
            _ wrong: String, _ check: String
        ) {
            self.from = from
            self.to = to
            self.source = source
            self.clean = clean
            self.wrong = wrong
            self.check = check
        }
    }

    static let injected: [Injected] = [
        Injected(
            .english, .turkish, "The new tram line is 12.5 kilometres long.",
            "Yeni tramvay hattı 12,5 kilometre uzunluğunda.",
            "Yeni tramvay hattı 15,5 kilometre uzunluğunda.", "numbers"),
        Injected(
            .english, .german, "The city counted 48,300 visitors at the fair.",
            "Die Stadt zählte 48.300 Besucher auf der Messe.",
            "Die Stadt zählte 43.800 Besucher auf der Messe.", "numbers"),
        Injected(
            .turkish, .german, "Belediye 250 yeni otobüs satın aldı.",
            "Die Stadtverwaltung kaufte 250 neue Busse.",
            "Die Stadtverwaltung kaufte 205 neue Busse.", "numbers"),
        Injected(
            .english, .turkish, "Water prices will rise by 8% next year.",
            "Su fiyatları gelecek yıl %8 artacak.", "Su fiyatları gelecek yıl 8 artacak.",
            "numbers.percent"),
        Injected(
            .english, .german, "Turnout reached 71.4 percent in the old town.",
            "In der Altstadt erreichte die Wahlbeteiligung 71,4 Prozent.",
            "In der Altstadt erreichte die Wahlbeteiligung 71,4.", "numbers.percent"),
        Injected(
            .german, .turkish, "Die Mieten stiegen um 12 Prozent.", "Kiralar yüzde 12 arttı.",
            "Kiralar yüzde 21 arttı.", "numbers.percent"),
        Injected(
            .english, .turkish, "The concert hall opens on 14 March.",
            "Konser salonu 14 Mart'ta açılıyor.", "Konser salonu 15 Mart'ta açılıyor.",
            "numbers.date"),
        Injected(
            .english, .german, "The harbour festival starts on June 21.",
            "Das Hafenfest beginnt am 21. Juni.", "Das Hafenfest beginnt am 21. Juli.",
            "numbers.date"),
        Injected(
            .turkish, .english, "Kütüphane 2016'da yenilendi.",
            "The library was renovated in 2016.", "The library was renovated in 2015.",
            "numbers.date"),
        Injected(
            .english, .turkish, "The ferry to the island leaves at 7:45.",
            "Adaya giden vapur saat 7.45'te kalkıyor.",
            "Adaya giden vapur saat 8.45'te kalkıyor.", "numbers.date"),
        Injected(
            .english, .german, "The stadium cost €40 million.",
            "Das Stadion kostete 40 Millionen Euro.", "Das Stadion kostete 40 Milliarden Euro.",
            "numbers.currency"),
        Injected(
            .english, .turkish, "Each family receives $300 a month.",
            "Her aile ayda 300 dolar alıyor.", "Her aile ayda 300 avro alıyor.",
            "numbers.currency"),
        Injected(
            .english, .turkish, "The mayor and the governor opened the bridge.",
            "Belediye başkanı ve vali köprüyü açtı.",
            "Belediye başkanı ve ve vali köprüyü açtı.", "form.doubled-word"),
        Injected(
            .turkish, .german, "Yeni park çocuklar için yapıldı.",
            "Der neue Park wurde für die Kinder gebaut.",
            "Der neue Park wurde für die die Kinder gebaut.", "form.doubled-word"),
        Injected(
            .german, .english, "Das Museum bleibt am Montag geschlossen.",
            "The museum stays closed on Monday.", "The museum stays closed on on Monday.",
            "form.doubled-word"),
        Injected(
            .english, .turkish, "The old market (built in 1890) will reopen.",
            "Eski çarşı (1890'da yapıldı) yeniden açılacak.",
            "Eski çarşı (1890'da yapıldı yeniden açılacak.", "form.brackets"),
        Injected(
            .english, .german, "The council met in the town hall (a listed building).",
            "Der Rat tagte im Rathaus (einem denkmalgeschützten Gebäude).",
            "Der Rat tagte im Rathaus einem denkmalgeschützten Gebäude).", "form.brackets"),
        Injected(
            .english, .turkish, "Applications are open at www.example-city.org/jobs.",
            "Başvurular www.example-city.org/jobs adresinden yapılabilir.",
            "Başvurular www.example-town.org/jobs adresinden yapılabilir.", "form.links"),
        Injected(
            .english, .german, "Questions go to press@example-city.org.",
            "Fragen gehen an press@example-city.org.", "Fragen gehen an press@example-city.de.",
            "form.links"),
        Injected(
            .english, .turkish, "Will the library stay open at night?",
            "Kütüphane geceleri açık kalacak mı?", "Kütüphane geceleri açık kalacak.",
            "form.end-punctuation"),
        Injected(
            .english, .german, "The mayor said: “We will plant trees.”",
            "Der Bürgermeister sagte: „Wir werden Bäume pflanzen.“",
            "Der Bürgermeister sagte: „Wir werden Bäume pflanzen.", "form.quotes"),
        Injected(
            .english, .turkish, "The festival lasts three days.", "Festival üç gün sürüyor.",
            "Festival  üç gün sürüyor.", "form.double-space"),
    ]

    /// Measured: 22 of 22 found, no error on the clean texts.
    @Test func injectedErrorsAreFoundAndCleanTextsPass() {
        var found = 0
        var missed: [String] = []
        var falseErrors: [String] = []
        for row in Self.injected {
            let wrong = SegmentPair(
                source: row.source, target: row.wrong, sourceLanguage: row.from,
                targetLanguage: row.to)
            let clean = SegmentPair(
                source: row.source, target: row.clean, sourceLanguage: row.from,
                targetLanguage: row.to)
            if PairChecks.findings(in: wrong).contains(where: {
                $0.check == row.check && $0.severity >= .warning
            }) {
                found += 1
            } else {
                missed.append("\(row.check): \(row.wrong)")
            }
            for finding in PairChecks.findings(in: clean) where finding.severity == .error {
                falseErrors.append("\(finding.check): \(row.clean) — \(finding.message)")
            }
        }
        let share = Double(found) / Double(Self.injected.count)
        #expect(share >= 0.9, "found \(found) of \(Self.injected.count); missed: \(missed)")
        #expect(falseErrors == [])
    }

    /// Error-level findings per 100 NTREX lines, measured at 0.07 (en→tr: a real slip, a
    /// “$3.6bn” translated without its billion), 0.00 (en→de) and 0.00 (tr→de); the bound
    /// leaves room for a few more, not for a check that starts crying wolf. And the other side:
    /// a digit changed in each target line that has one is caught as an error in 94.5 %
    /// (en→tr), 87.9 % (en→de) and 88.5 % (tr→de) of the lines; the misses are measures
    /// converted between units, codes (HER2, F125) and scores whose other number matches.
    @Test func fewErrorsOnProfessionalTranslations() throws {
        let folder = SharedData.url("data/alignment/ntrex-dev")
        var lines: [Language: [String]] = [:]
        for (language, name) in [
            (Language.english, "newstest2019-src.eng.txt"),
            (.turkish, "newstest2019-ref.tur.txt"), (.german, "newstest2019-ref.deu.txt"),
        ] {
            let text = try String(
                contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            lines[language] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
        }
        let survey = PairCheckSurvey(lines: lines)
        for (from, to) in [
            (Language.english, Language.turkish), (.english, .german), (.turkish, .german),
        ] {
            let figures = survey.run(from: from, to: to)
            #expect(figures.lines == 1345)
            let errors = figures.perHundredLines(.error)
            let sample = figures.samples.filter { $0.finding.severity == .error }.prefix(5).map {
                "line \($0.line) \($0.finding.check): \($0.finding.message)"
            }
            #expect(errors < 0.5, "\(from)→\(to): \(errors) errors per 100 lines: \(sample)")
            // Warnings are what a reviewer reads; a flood of them would bury the real ones.
            #expect(figures.perHundredLines(.warning) < 15, "\(from)→\(to) warnings")
            let recall = survey.changedDigitRecall(from: from, to: to)
            #expect(recall.lines > 300)
            let caught = Double(recall.asError) / Double(recall.lines)
            #expect(caught >= 0.82, "\(from)→\(to): a changed digit caught as error \(caught)")
        }
    }
}

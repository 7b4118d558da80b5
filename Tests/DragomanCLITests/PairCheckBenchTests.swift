import Foundation
import Testing

/// `dragoman bench pairchecks` on a small folder of our own in the NTREX layout.
struct PairCheckBenchTests {
    static func folder() throws -> URL {
        let files = [
            "newstest2019-src.eng.txt":
                "The ferry leaves at 10:30.\nThe bridge is 1,250 metres long.\nThe mayor spoke.\n",
            "newstest2019-ref.tur.txt":
                "Vapur saat 10.30'da kalkıyor.\nKöprü 1.520 metre uzunluğunda.\nBaşkan ve ve vali konuştu.\n",
            "newstest2019-ref.deu.txt":
                "Die Fähre legt um 10.30 Uhr ab.\nDie Brücke ist 1.250 Meter lang.\nDer Bürgermeister sprach.\n",
        ]
        let first = try CLI.temporaryFile("newstest2019-src.eng.txt", Data())
        let folder = first.deletingLastPathComponent()
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func printsRatesAndTheFindingsAskedFor() throws {
        let result = try CLI.run([
            "bench", "pairchecks", "--data", try Self.folder().path, "--show", "5",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        // en→tr: one changed number and one doubled word in three lines, 33.33 per 100 each.
        let numbers = try #require(rows.first { $0.hasPrefix("numbers ") })
        #expect(numbers.contains("33.33 /  0.00 /  0.00    0.00 /  0.00 /  0.00"))
        let doubled = try #require(rows.first { $0.hasPrefix("form.doubled-word") })
        #expect(doubled.contains("33.33 /  0.00 /  0.00"))
        #expect(
            result.stdout.contains(
                "line 2 [numbers] The source has “1,250” where the target has “1.520”"))
        #expect(result.stdout.contains("line 3 [form.doubled-word] “ve ve”"))
    }

    @Test func badOptionsAndMissingDataStopWithStatus2() throws {
        let severity = try CLI.run(["bench", "pairchecks", "--severity", "fatal"])
        #expect(severity.status == 2)
        #expect(severity.stderr.contains("--severity takes error, warning or info"))
        let missing = try CLI.run(["bench", "pairchecks", "--data", "/nonexistent/ntrex"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/ntrex"))
        #expect(missing.stdout.isEmpty)
    }
}

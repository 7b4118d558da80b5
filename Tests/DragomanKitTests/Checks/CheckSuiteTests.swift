import DragomanKit
import Foundation
import Testing

@Suite struct CheckSuiteTests {
    let known = CheckSuite.knownIDs

    @Test func configurationTurnsChecksOffAndChangesSeverities() throws {
        let configuration = try CheckConfiguration.read(
            """
            {"disable": ["names"], "severity": {"terminology": "info", "terminology.forbidden": "error"},
             "failOn": "warning"}
            """, file: "c.json", knownIDs: known)
        #expect(configuration.failOn == .warning)
        let suite = CheckSuite(configuration: configuration)
        let document = CheckDocument(
            sourceLanguage: .turkish, targetLanguage: .english,
            units: [
                CheckUnit(
                    id: "1",
                    pair: SegmentPair(
                        source: "Belediye Başkanı Tunç Soyer Türkiye'yi anlattı.",
                        target: "Tunc Soyer talked about Turkey.", sourceLanguage: .turkish,
                        targetLanguage: .english))
            ])
        let found = try suite.run(
            document, context: CheckContext(glossary: CheckFixtures.glossary()))
        let checks = found.map { "\($0.finding.check):\($0.finding.severity)" }
        #expect(checks == ["terminology.missing:info", "terminology.forbidden:error"])
    }

    @Test(arguments: [
        ("{\"disable\": [\"nmes\"]}", 1, 14, "unknown check"),
        ("{\n  \"severity\": {\"names\": \"fatal\"}\n}", 2, 25, "severity"),
        ("{\n  \"disable\": [\"names\",]\n}", 2, 23, "unexpected"),
        ("{\"colour\": 1}", 1, 2, "unknown setting"),
        ("[]", 1, 1, "JSON object"),
    ])
    func badConfigurationsSayWhere(text: String, line: Int, column: Int, words: String) {
        #expect {
            try CheckConfiguration.read(text, file: "c.json", knownIDs: known)
        } throws: { error in
            guard let error = error as? CheckConfigurationError else { return false }
            return error.line == line && error.column == column
                && error.description.hasPrefix("c.json:\(line):\(column): ")
                && error.message.contains(words)
        }
    }

    @Test func injectedErrorsAreFlaggedAndCleanVersionsHaveNoError() throws {
        let path = CheckFixtures.folder.appendingPathComponent("injected-errors.tsv")
        let cases = try InjectedErrorCase.read(
            String(contentsOf: path, encoding: .utf8), file: path.path)
        #expect(cases.count >= 40)
        let result = try CheckBenchmark.detection(cases, glossary: CheckFixtures.glossary())
        #expect(result.rate >= 0.9, "\(result.failures)")
        #expect(result.cleanWithErrors == 0, "\(result.failures)")
    }
}

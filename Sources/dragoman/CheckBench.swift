import ArgumentParser
import DragomanKit
import Foundation

struct CheckBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "False alarms of the checks on NTREX news, and detection of injected errors.",
        discussion: """
            NTREX translations are professional and taken as correct: every error-level \
            finding on them is a candidate false alarm (--show-errors lists them for review). \
            The injected cases are sentences of our own with one error each and a clean \
            version.
            """
    )

    @Option(help: "The NTREX development folder with the English, Turkish and German news.")
    var data = "../shared/data/alignment/ntrex-dev"

    @Option(help: "The glossary for the NTREX run (default: Glossaries/).")
    var glossary = "Glossaries"

    @Option(help: "The injected-error cases (TSV).")
    var cases = "Tests/DragomanKitTests/Checks/Fixtures/injected-errors.tsv"

    @Option(help: "The glossary of the injected cases.")
    var casesGlossary = "Tests/DragomanKitTests/Checks/Fixtures/check-glossary.tsv"

    @Option(help: "List this many findings per pair, for review (error-level unless --sample).")
    var showErrors = 0

    @Option(help: "List findings of this check (any severity) instead of the error-level ones.")
    var sample: String?

    func run() throws {
        let lines = Dictionary(uniqueKeysWithValues: try NTREXData.lines(data))
        let ids = try InputFile.read((data as NSString).appendingPathComponent("DOCUMENT_IDS.tsv"))
            .text.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.split(separator: "\t").first ?? "")
            }
        let shipped = try GlossaryOptions(glossary: glossary, workspace: nil).load()
        let suite = CheckSuite()
        let pairs: [(Language, Language)] = [
            (.english, .turkish), (.english, .german), (.turkish, .german),
        ]
        let progress = Terminal.stderrIsTerminal ? CountProgress(label: "checking NTREX") : nil
        var tallies: [CheckBenchmark.Tally] = []
        for (index, (from, to)) in pairs.enumerated() {
            progress?.update(index, of: pairs.count)
            let started = Date()
            let tally = try CheckBenchmark.lineAligned(
                source: lines[from]!, target: lines[to]!, documentIDs: ids, from: from, to: to,
                suite: suite, context: CheckContext(glossary: shipped))
            let seconds = Date().timeIntervalSince(started)
            tallies.append(tally)
            progress?.finish()
            print(
                "NTREX \(from.code)→\(to.code): \(tally.sentences) sentences in "
                    + String(format: "%.2f s", seconds)
                    + String(
                        format: "; per 100 sentences: %.2f errors, %.2f warnings",
                        tally.perHundred(.error), tally.perHundred(.warning)))
            for check in tally.counts.keys.sorted() {
                print(
                    "  " + check.padding(toLength: 26, withPad: " ", startingAt: 0)
                        + String(
                            format: "errors %6.2f   warnings %6.2f",
                            tally.perHundred(.error, check: check),
                            tally.perHundred(.warning, check: check)))
            }
            let shown = tally.findings.filter { item in
                sample.map { CheckConfiguration.covers($0, item.finding.check) }
                    ?? (item.finding.severity == .error)
            }
            for error in shown.prefix(showErrors) {
                print("    [\(error.finding.check)] \(error.finding.message)")
                print("      \(from.code): \(error.source)")
                print("      \(to.code): \(error.target)")
            }
        }
        let total = tallies.reduce(0) { $0 + $1.sentences }
        let errors = tallies.reduce(0) { sum, tally in
            sum + tally.counts.values.reduce(0) { $0 + ($1[.error] ?? 0) }
        }
        print(
            String(
                format: "NTREX, all pairs: %.2f error-level findings per 100 sentences (%d in %d)",
                Double(errors) * 100 / Double(max(total, 1)), errors, total))

        let caseText = try InputFile.read(cases).text
        let injected: [InjectedErrorCase]
        do {
            injected = try InjectedErrorCase.read(caseText, file: cases)
        } catch {
            throw CLIError(error.description)
        }
        let caseGlossary = try GlossaryOptions(glossary: casesGlossary, workspace: nil).load()
        let detection = try CheckBenchmark.detection(injected, glossary: caseGlossary)
        print(
            String(
                format:
                    "Injected errors: %d of %d flagged (%.1f %%); clean versions with an error: %d",
                detection.detected, detection.cases, detection.rate * 100,
                detection.cleanWithErrors))
        for (check, figures) in detection.byCheck.sorted(by: { $0.key < $1.key }) {
            print(
                "  " + check.padding(toLength: 26, withPad: " ", startingAt: 0)
                    + "\(figures.detected)/\(figures.cases)")
        }
        for failure in detection.failures { print("  \(failure)") }
    }
}

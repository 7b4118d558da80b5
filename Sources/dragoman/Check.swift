import ArgumentParser
import DragomanKit
import DragomanStore
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a translated news item against the glossary and the memory.",
        discussion: """
            Give a news item and its translation (plain text or HTML) with --from and --to: \
            both are read, cut into sentences and aligned, and every aligned pair is checked. \
            Or give one bilingual TMX file (the pair is --from/--to, else the header's \
            srclang and the other language). Checks: terminology, names, Turkish dotted I, \
            memory consistency, omissions, additions and untranslated text. Exit status 1 \
            when a finding reaches --fail-on (default: error), 0 otherwise, 2 for bad input. \
            Without --config the workspace's dragoman-check.json is read when present.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Option(help: "The source language.")
    var from: Language?

    @Option(help: "The target language.")
    var to: Language?

    @Option(help: "The glossary (default: the workspace's Glossaries/ when present).")
    var glossary: String?

    @Option(
        help: "The translation memory (default: the workspace's Memories/ when present).")
    var memory: String?

    @Option(help: "The workspace whose Glossaries/, Memories/ and dragoman-check.json apply.")
    var workspace: String?

    @Option(help: "The check configuration (default: WORKSPACE/dragoman-check.json).")
    var config: String?

    @Option(help: "text: a report by sentence; json: the findings; html: a review page.")
    var format: Format = .text

    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning }

    @Option(help: "Exit with status 1 when a finding is this serious or more: error or warning.")
    var failOn: FailOn?

    @Argument(help: "SOURCE TARGET (two news items) or BILINGUAL (a TMX file).")
    var files: [String] = []

    func validate() throws {
        guard files.count == 1 || files.count == 2 else {
            throw ValidationError("give SOURCE and TARGET news items, or one bilingual file")
        }
        if files.count == 2 && (from == nil || to == nil) {
            throw ValidationError("two news items need --from and --to")
        }
        if let from, let to, from == to {
            throw ValidationError("--from and --to must be different languages")
        }
    }

    func run() throws {
        let root = workspace ?? "."
        let settings = try loadConfiguration(root)
        let input: CheckInput
        if files.count == 2 {
            input = try CheckInput.news(
                source: InputFile.read(files[0]), target: InputFile.read(files[1]), from: from!,
                to: to!)
        } else {
            input = try CheckInput.bilingual(files[0], from: from, to: to)
        }
        let context = CheckContext(
            glossary: try loadGlossary(root), memory: try openMemory(root))
        let suite = CheckSuite(configuration: settings)
        let findings: [LocatedFinding]
        do {
            findings = try suite.run(input.document, context: context)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("the memory could not be read: \(error)")
        }
        let report = CheckReport(input: input, findings: findings)
        let out = OutputBuffer()
        switch format {
        case .json: out.write(report.json())
        case .text: out.write(report.text(color: Terminal.stdoutIsTerminal))
        case .html: out.write(CheckReportPage(report).html())
        }
        out.flush()
        let threshold =
            failOn.flatMap { CheckSeverity(rawValue: $0.rawValue) } ?? settings.failOn ?? .error
        if findings.contains(where: { $0.finding.severity >= threshold }) {
            throw ExitCode(1)
        }
    }

    /// `--config`, else the workspace's `dragoman-check.json` when there is one.
    private func loadConfiguration(_ root: String) throws -> CheckConfiguration {
        let path = config ?? (root as NSString).appendingPathComponent("dragoman-check.json")
        guard config != nil || FileManager.default.fileExists(atPath: path) else {
            return CheckConfiguration()
        }
        let text = try InputFile.read(path).text
        do {
            return try CheckConfiguration.read(
                text, file: path, knownIDs: CheckSuite.knownIDs)
        } catch {
            throw CLIError(error.description)
        }
    }

    private func loadGlossary(_ root: String) throws -> DragomanKit.Glossary? {
        let path = glossary ?? (root as NSString).appendingPathComponent("Glossaries")
        guard glossary != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        return try GlossaryOptions(glossary: path, workspace: nil).load()
    }

    private func openMemory(_ root: String) throws -> (any TranslationMemoryLookup)? {
        let path = memory ?? (root as NSString).appendingPathComponent("Memories")
        guard memory != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        let store = try MemoryLocation(path).open(create: false)
        let progress = Terminal.stderrIsTerminal ? CountProgress(label: "indexing memory") : nil
        do {
            var report: (@Sendable (Int, Int) -> Void)?
            if let progress {
                report = { done, total in progress.update(done, of: total) }
            }
            let lookup = try MemoryLookup(memory: store, progress: report)
            progress?.finish()
            return StoreTranslations(lookup: lookup)
        } catch {
            progress?.finish()
            throw CLIError("\(path): the memory could not be indexed: \(error)")
        }
    }
}

extension GlossaryOptions {
    init(glossary: String?, workspace: String?) {
        self.init()
        self.glossary = glossary
        self.workspace = workspace
    }
}

/// The memory checks' view of the SQLite memory: stored sentences whose match key equals the
/// sentence's (case, diacritics, quotes and spacing aside).
struct StoreTranslations: TranslationMemoryLookup {
    let lookup: MemoryLookup

    func translations(
        of text: String, from source: Language, to target: Language
    ) throws
        -> [StoredTranslation]
    {
        let key = MatchKey.make(text)
        return try lookup.lookup(
            text, from: source, to: target, minScore: 90, max: 10, wholeUnits: false
        )
        .filter { MatchKey.make($0.source) == key }
        .map { StoredTranslation(unitID: $0.unitID, source: $0.source, target: $0.target) }
    }
}

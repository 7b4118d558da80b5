/// Glossaries as tables: tab-separated (TSV) or comma-separated (CSV) text with a header row.
///
/// The columns follow the CLI contract's "TSV glossary files" with Dragoman's additions:
/// - a language tag (`en`, `tr`, `de`, `de-AT`, ...): the terms of that language, variants
///   separated by `|`, each optionally marked with its status: `İzmir|Izmir!forbidden`. An
///   unmarked first variant is preferred, an unmarked later one admitted;
/// - `id`, `category`, `note` (the entry's note), `pos` (part of speech, TBX values: noun,
///   properNoun, adjective, verb, adverb, other), `note_LANG` (the note of that language's
///   terms), `exclude` (phrases in which the terms are not this entry, separated by `|`);
/// - any other column is kept as an entry property under its name.
///
/// Every row must have as many fields as the header; blank lines are skipped. TSV fields are
/// taken literally (no quoting: a term cannot contain a tab or a line break); CSV fields follow
/// RFC 4180 quoting, with `;` as the separator when the header has semicolons and no commas.
public enum GlossaryTable {
    public enum Format: String, Sendable, CaseIterable {
        case tsv, csv
    }

    /// A header column and what it holds.
    public enum Column: Hashable, Sendable {
        case id, category, note, partOfSpeech, exclusions
        case terms(Language, name: String)
        case languageNote(Language, name: String)
        case property(String)

        public init(name: String) {
            switch name {
            case "id": self = .id
            case "category": self = .category
            case "note": self = .note
            case "pos": self = .partOfSpeech
            case "exclude": self = .exclusions
            default:
                if name.hasPrefix("note_"), let language = Language(tag: String(name.dropFirst(5)))
                {
                    self = .languageNote(language, name: name)
                } else if let language = Language(tag: name) {
                    self = .terms(language, name: name)
                } else {
                    self = .property(name)
                }
            }
        }

        public var name: String {
            switch self {
            case .id: "id"
            case .category: "category"
            case .note: "note"
            case .partOfSpeech: "pos"
            case .exclusions: "exclude"
            case .terms(_, let name), .languageNote(_, let name): name
            case .property(let name): name
            }
        }
    }

    /// The entries of a table, in row order, with the header's columns.
    public struct Contents: Sendable {
        public var columns: [Column]
        public var entries: [GlossaryEntry]
    }

    // MARK: Reading

    /// Reads a table. `file` names the source in error messages.
    ///
    /// Rows without an id get the first term of the first language column as id (with `-2`,
    /// `-3` ... when that is taken), so that matches can still name their entry.
    public static func read(
        _ text: String, format: Format, file: String? = nil
    ) throws(GlossaryError) -> Contents {
        let rows: [Row]
        switch format {
        case .tsv: rows = tsvRows(text)
        case .csv: rows = try csvRows(text, file: file)
        }
        guard let header = rows.first else {
            throw GlossaryError(file: file, line: 1, message: "empty table: a header row is needed")
        }
        let columns = header.fields.map { Column(name: trimmed($0)) }
        var seen: Set<String> = []
        for (index, column) in columns.enumerated() {
            guard seen.insert(column.name).inserted else {
                throw GlossaryError(
                    file: file, line: header.line, column: header.columns[index],
                    message: "the column \"\(column.name)\" appears twice in the header")
            }
        }
        guard columns.contains(where: { if case .terms = $0 { true } else { false } }) else {
            throw GlossaryError(
                file: file, line: header.line,
                message: "the header names no language column (such as en, tr, de)")
        }
        var entries: [GlossaryEntry] = []
        var ids: Set<String> = []
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                let column =
                    row.fields.count > columns.count
                    ? row.columns[columns.count] : row.endColumn
                throw GlossaryError(
                    file: file, line: row.line, column: column,
                    message:
                        "expected \(columns.count) fields as in the header, found \(row.fields.count)"
                )
            }
            var entry = try makeEntry(row, columns: columns, file: file)
            if entry.id.isEmpty {
                let base = entry.terms.first?.text ?? "row-\(row.line)"
                entry.id = base
                var n = 2
                while ids.contains(entry.id) {
                    entry.id = "\(base)-\(n)"
                    n += 1
                }
            } else if ids.contains(entry.id) {
                throw GlossaryError(
                    file: file, line: row.line, message: "duplicate entry id \"\(entry.id)\"")
            }
            ids.insert(entry.id)
            entries.append(entry)
        }
        return Contents(columns: columns, entries: entries)
    }

    private static func makeEntry(
        _ row: Row, columns: [Column], file: String?
    ) throws(GlossaryError) -> GlossaryEntry {
        var entry = GlossaryEntry(id: "")
        var partOfSpeech: PartOfSpeech?
        var languageNotes: [Language: String] = [:]
        for (index, column) in columns.enumerated() {
            let value = trimmed(row.fields[index])
            func fail(_ message: String) -> GlossaryError {
                GlossaryError(
                    file: file, line: row.line, column: row.columns[index], message: message)
            }
            switch column {
            case .id: entry.id = value
            case .category: entry.category = value.isEmpty ? nil : GlossaryCategory(rawValue: value)
            case .note: entry.note = value.isEmpty ? nil : value
            case .partOfSpeech:
                guard !value.isEmpty else { continue }
                guard let pos = PartOfSpeech(rawValue: value) else {
                    let names = PartOfSpeech.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("unknown part of speech \"\(value)\"; use one of \(names)")
                }
                partOfSpeech = pos
            case .exclusions:
                entry.exclusions = value.split(separator: "|").map { trimmed(String($0)) }
                    .filter { !$0.isEmpty }
            case .terms(let language, _):
                do {
                    entry.terms += try parseVariants(value, language: language)
                } catch {
                    throw fail(error.message)
                }
            case .languageNote(let language, _):
                if !value.isEmpty { languageNotes[language] = value }
            case .property(let name):
                if !value.isEmpty { entry.properties[name] = value }
            }
        }
        for index in entry.terms.indices {
            entry.terms[index].partOfSpeech = partOfSpeech
            entry.terms[index].note = languageNotes[entry.terms[index].language]
        }
        return entry
    }

    /// Splits `İzmir|Izmir!forbidden` into terms with their statuses.
    static func parseVariants(
        _ cell: String, language: Language
    ) throws(GlossaryError) -> [GlossaryTerm] {
        var terms: [GlossaryTerm] = []
        for part in cell.split(separator: "|") {
            var text = trimmed(String(part))
            guard !text.isEmpty else { continue }
            var status: TermStatus = terms.isEmpty ? .preferred : .admitted
            if let bang = text.lastIndex(of: "!") {
                let marker = text[text.index(after: bang)...]
                if let marked = TermStatus(rawValue: String(marker)) {
                    status = marked
                    text = trimmed(String(text[..<bang]))
                } else if !marker.isEmpty && marker.allSatisfy(\.isLetter) {
                    let names = TermStatus.allCases.map { "!" + $0.rawValue }
                        .joined(separator: ", ")
                    throw GlossaryError(
                        message: "unknown status marker \"!\(marker)\"; use one of \(names)")
                }
            }
            guard !text.isEmpty else {
                throw GlossaryError(message: "a status marker without a term")
            }
            terms.append(GlossaryTerm(language: language, text: text, status: status))
        }
        return terms
    }

    // MARK: Writing

    /// The columns Dragoman writes for these entries: id, category, the languages (en, tr, de
    /// first), pos, note, the language notes, exclude and the properties, each only when used.
    public static func defaultColumns(for entries: [GlossaryEntry]) -> [Column] {
        var languages: [Language] = []
        var properties: Set<String> = []
        var notes: Set<Language> = []
        var hasCategory = false
        var hasPOS = false
        var hasNote = false
        var hasExclusions = false
        for entry in entries {
            for term in entry.terms {
                if !languages.contains(term.language) { languages.append(term.language) }
                if term.note != nil { notes.insert(term.language) }
                if term.partOfSpeech != nil { hasPOS = true }
            }
            hasCategory = hasCategory || entry.category != nil
            hasNote = hasNote || entry.note != nil
            hasExclusions = hasExclusions || !entry.exclusions.isEmpty
            properties.formUnion(entry.properties.keys)
        }
        let first: [Language] = [.english, .turkish, .german]
        let ordered =
            first.filter(languages.contains)
            + languages.filter { !first.contains($0) }.sorted { $0.code < $1.code }
        var columns: [Column] = [.id]
        if hasCategory { columns.append(.category) }
        columns += ordered.map { .terms($0, name: $0.code) }
        if hasPOS { columns.append(.partOfSpeech) }
        if hasNote { columns.append(.note) }
        columns += ordered.filter(notes.contains).map { .languageNote($0, name: "note_\($0.code)") }
        if hasExclusions { columns.append(.exclusions) }
        columns += properties.sorted().map { .property($0) }
        return columns
    }

    /// Writes a header and one row per entry. Columns default to ``defaultColumns(for:)``;
    /// pass a file's own columns to keep its layout, so an unchanged file is written back
    /// byte for byte.
    public static func write(
        _ entries: [GlossaryEntry], format: Format, columns: [Column]? = nil
    ) -> String {
        let columns = columns ?? defaultColumns(for: entries)
        var out = line(columns.map(\.name), format: format)
        for entry in entries {
            out += line(columns.map { cell(entry, $0) }, format: format)
        }
        return out
    }

    /// One row, with its line break.
    public static func line(_ fields: [String], format: Format) -> String {
        switch format {
        case .tsv:
            return fields.map(cleanTSV).joined(separator: "\t") + "\n"
        case .csv:
            return fields.map(quoteCSV).joined(separator: ",") + "\n"
        }
    }

    /// The text of one field of an entry.
    public static func cell(_ entry: GlossaryEntry, _ column: Column) -> String {
        switch column {
        case .id: return entry.id
        case .category: return entry.category?.rawValue ?? ""
        case .note: return entry.note ?? ""
        case .partOfSpeech:
            return entry.terms.lazy.compactMap(\.partOfSpeech).first?.rawValue ?? ""
        case .exclusions: return entry.exclusions.joined(separator: "|")
        case .property(let name): return entry.properties[name] ?? ""
        case .languageNote(let language, _):
            var notes: [String] = []
            for term in entry.terms where term.language == language {
                if let note = term.note, !notes.contains(note) { notes.append(note) }
            }
            return notes.joined(separator: "; ")
        case .terms(let language, _):
            let terms = entry.terms.filter { $0.language == language }
            return terms.enumerated().map { index, term in
                let implied: TermStatus = index == 0 ? .preferred : .admitted
                return term.status == implied ? term.text : "\(term.text)!\(term.status.rawValue)"
            }.joined(separator: "|")
        }
    }

    private static func cleanTSV(_ field: String) -> String {
        guard field.contains(where: { $0 == "\t" || $0.isNewline }) else { return field }
        return String(field.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    private static func quoteCSV(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline })
        else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}

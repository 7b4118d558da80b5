import Foundation

/// A glossary kept in table files: one TSV or CSV file, or a folder of `.tsv` files (the
/// workspace's `Glossaries/`). Files keep their own column layout when written back, so an
/// edit shows in a diff as the lines it changed.
public struct GlossaryStore: Sendable {
    /// One file of the store and the entries it holds.
    public struct File: Sendable {
        public var path: String
        public var format: GlossaryTable.Format
        public var columns: [GlossaryTable.Column]
        public var entries: [GlossaryEntry]
        var isChanged = false
    }

    /// What ``merge(_:)`` did.
    public struct MergeSummary: Hashable, Sendable {
        public var added = 0
        public var merged = 0
        public var unchanged = 0
    }

    public let path: String
    public let isDirectory: Bool
    public private(set) var files: [File]

    /// Opens a store. A folder gives all its `.tsv` files in name order; a missing file is an
    /// empty store when `createIfMissing` is set (it is written on ``save()``).
    public static func open(
        _ path: String, createIfMissing: Bool = false
    ) throws(GlossaryError)
        -> GlossaryStore
    {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
                    .filter { $0.hasSuffix(".tsv") }.sorted()
            } catch {
                throw GlossaryError(file: path, message: "cannot list the folder (permissions?)")
            }
            let files = try names.map { name throws(GlossaryError) in
                try readFile((path as NSString).appendingPathComponent(name))
            }
            let store = GlossaryStore(path: path, isDirectory: true, files: files)
            _ = try store.glossary()
            return store
        }
        guard exists else {
            guard createIfMissing else { throw GlossaryError(file: path, message: "no such file") }
            let file = File(
                path: path, format: format(of: path), columns: [], entries: [], isChanged: true)
            return GlossaryStore(path: path, isDirectory: false, files: [file])
        }
        return GlossaryStore(path: path, isDirectory: false, files: [try readFile(path)])
    }

    /// The format a file name implies: `.csv` is CSV, anything else TSV.
    public static func format(of path: String) -> GlossaryTable.Format {
        path.lowercased().hasSuffix(".csv") ? .csv : .tsv
    }

    /// Reads one table file, with errors that name the file and line.
    public static func readFile(_ path: String) throws(GlossaryError) -> File {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GlossaryError(file: path, message: "cannot be read (missing or no permission)")
        }
        let text: String
        do {
            text = try TextInput.decode([UInt8](data))
        } catch {
            throw GlossaryError(
                file: path, line: error.line, column: error.column, message: error.description)
        }
        let format = format(of: path)
        let contents = try GlossaryTable.read(text, format: format, file: path)
        return File(
            path: path, format: format, columns: contents.columns, entries: contents.entries)
    }

    /// All entries of all files; ids must be unique across the files.
    public func glossary() throws(GlossaryError) -> Glossary {
        var glossary = try Glossary()
        for file in files {
            for entry in file.entries {
                do {
                    try glossary.append(entry)
                } catch {
                    throw GlossaryError(
                        file: file.path,
                        message: "entry id \"\(entry.id)\" is used in another file of the store")
                }
            }
        }
        return glossary
    }

    /// Adds a new entry after checking it (``GlossaryEntry/problems``), to the store's file,
    /// or in a folder to the file of its category (`titles.tsv`, `places.tsv`, ...). Returns
    /// the path of the file.
    @discardableResult
    public mutating func add(_ entry: GlossaryEntry) throws(GlossaryError) -> String {
        if let problem = entry.problems.first { throw GlossaryError(message: problem) }
        let existing = try glossary()
        guard existing[entry.id] == nil else {
            throw GlossaryError(
                file: path, message: "the id \"\(entry.id)\" is taken; choose another with --id")
        }
        let index = fileIndex(for: entry)
        files[index].entries.append(entry)
        files[index].isChanged = true
        return files[index].path
    }

    /// Merges entries into the store. An incoming entry joins the store's entry with the same
    /// id, or else the first entry that has the same preferred term (case and diacritics
    /// aside) in some language and no other category; otherwise it is added. Joining keeps
    /// everything the store has (statuses, notes, the order of terms) and adds what it lacks:
    /// new terms at the end of their language, empty category, notes and properties, and
    /// exclusions.
    public mutating func merge(_ incoming: [GlossaryEntry]) throws(GlossaryError) -> MergeSummary {
        var summary = MergeSummary()
        for entry in incoming {
            if let (file, index) = target(for: entry) {
                let before = files[file].entries[index]
                let after = before.merging(entry)
                if after == before {
                    summary.unchanged += 1
                } else {
                    files[file].entries[index] = after
                    files[file].isChanged = true
                    summary.merged += 1
                }
            } else {
                let index = fileIndex(for: entry)
                files[index].entries.append(entry)
                files[index].isChanged = true
                summary.added += 1
            }
        }
        _ = try glossary()
        return summary
    }

    /// Writes the files that changed, each through a temporary file and a rename, so that a
    /// failure leaves the old file whole.
    public mutating func save() throws(GlossaryError) {
        for index in files.indices where files[index].isChanged {
            var file = files[index]
            let wanted = GlossaryTable.defaultColumns(for: file.entries)
            let names = Set(file.columns.map(\.name))
            file.columns += wanted.filter { !names.contains($0.name) }
            let text = GlossaryTable.write(file.entries, format: file.format, columns: file.columns)
            try Self.writeAtomically(text, to: file.path)
            file.isChanged = false
            files[index] = file
        }
    }

    /// Appends one row to an unchanged file when its header has every column the entry needs,
    /// which keeps the file's other bytes as they are; otherwise rewrites it.
    public mutating func saveAppending(_ entry: GlossaryEntry) throws(GlossaryError) {
        guard let index = files.firstIndex(where: { $0.entries.last?.id == entry.id }),
            !files[index].columns.isEmpty,
            FileManager.default.fileExists(atPath: files[index].path)
        else { return try save() }
        let file = files[index]
        let needed = Set(GlossaryTable.defaultColumns(for: [entry]).map(\.name))
        guard needed.isSubset(of: Set(file.columns.map(\.name))) else { return try save() }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw GlossaryError(
                file: file.path, message: "cannot be read (missing or no permission)")
        }
        var text = String(decoding: data, as: UTF8.self)
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += GlossaryTable.line(
            file.columns.map { GlossaryTable.cell(entry, $0) }, format: file.format)
        try Self.writeAtomically(text, to: file.path)
        files[index].isChanged = false
    }

    private func target(for entry: GlossaryEntry) -> (Int, Int)? {
        for (f, file) in files.enumerated() {
            if let index = file.entries.firstIndex(where: { $0.id == entry.id }) {
                return (f, index)
            }
        }
        let keys = Set(
            entry.terms.filter { $0.status == .preferred }.map {
                "\($0.language.code):\(MatchKey.make($0.text))"
            })
        guard !keys.isEmpty else { return nil }
        for (f, file) in files.enumerated() {
            let index = file.entries.firstIndex { candidate in
                guard
                    candidate.category == nil || entry.category == nil
                        || candidate.category == entry.category
                else { return false }
                return candidate.terms.contains {
                    $0.status == .preferred
                        && keys.contains("\($0.language.code):\(MatchKey.make($0.text))")
                }
            }
            if let index { return (f, index) }
        }
        return nil
    }

    /// The file a new entry goes to: the only file, or in a folder the category's file.
    private mutating func fileIndex(for entry: GlossaryEntry) -> Int {
        guard isDirectory else { return 0 }
        let name: String
        switch entry.category {
        case .title?: name = "titles.tsv"
        case .place?: name = "places.tsv"
        case .organisation?: name = "organisations.tsv"
        case .person?: name = "people.tsv"
        case .concept?: name = "concepts.tsv"
        default: name = "glossary.tsv"
        }
        let filePath = (path as NSString).appendingPathComponent(name)
        if let index = files.firstIndex(where: { $0.path == filePath }) { return index }
        files.append(File(path: filePath, format: .tsv, columns: [], entries: [], isChanged: true))
        return files.count - 1
    }

    static func writeAtomically(_ text: String, to path: String) throws(GlossaryError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            // rename(2) replaces the old file in one step.
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw GlossaryError(
                file: path, message: "cannot be written: \(error.localizedDescription)")
        }
    }
}

extension GlossaryEntry {
    /// What keeps the entry from being written to a table, one sentence each; empty when it
    /// can be added.
    public var problems: [String] {
        var problems: [String] = []
        func bad(_ text: String) -> Bool {
            text.contains { $0 == "\t" || $0 == "|" || $0.isNewline }
        }
        if id.isEmpty { problems.append("the entry has no id") }
        if bad(id) { problems.append("the id contains a tab, line break or |") }
        if let category, !category.isKnown {
            let names = GlossaryCategory.known.map(\.rawValue).joined(separator: ", ")
            problems.append("unknown category \"\(category.rawValue)\"; use one of \(names)")
        }
        if terms.isEmpty { problems.append("the entry has no terms") }
        for term in terms {
            if term.text.isEmpty || bad(term.text) {
                problems.append(
                    "the \(term.language) term \"\(term.text)\" is empty or contains a tab, line break or |"
                )
            }
        }
        for language in languages
        where !terms.contains(where: {
            $0.language == language && $0.status.isUsable
        }) {
            problems.append(
                "the \(language) terms are all deprecated or forbidden; add a usable one")
        }
        return problems
    }

    /// This entry with what `other` adds: see ``GlossaryStore/merge(_:)``.
    func merging(_ other: GlossaryEntry) -> GlossaryEntry {
        var merged = self
        for term in other.terms
        where !merged.terms.contains(where: { $0.language == term.language && $0.text == term.text }
        ) {
            var term = term
            // A second preferred term would contradict the store's choice.
            if term.status == .preferred
                && merged.terms.contains(where: { $0.language == term.language })
            {
                term.status = .admitted
            }
            let position =
                merged.terms.lastIndex(where: { $0.language == term.language }).map { $0 + 1 }
                ?? merged.terms.count
            merged.terms.insert(term, at: position)
        }
        if merged.category == nil { merged.category = other.category }
        if merged.note == nil { merged.note = other.note }
        for exclusion in other.exclusions where !merged.exclusions.contains(exclusion) {
            merged.exclusions.append(exclusion)
        }
        for (key, value) in other.properties where merged.properties[key] == nil {
            merged.properties[key] = value
        }
        return merged
    }
}

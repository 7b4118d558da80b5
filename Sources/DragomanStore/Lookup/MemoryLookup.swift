public import DragomanKit
import Foundation
import GRDB
import Synchronization

/// A fuzzy match from the memory: its score, the memory's source and target texts, and where
/// the unit came from.
public struct LookupMatch: Sendable {
    public let score: Int
    public let unitID: String
    public let source: String
    public let target: String
    public let differences: [FuzzyScore.Difference]
    /// The whole unit, when the look-up was asked for it.
    public let unit: TranslationUnit?
}

/// A concordance hit: a unit whose text in the searched language contains the phrase.
public struct ConcordanceHit: Sendable {
    public let unitID: String
    public let text: String
    /// The hit in `text`, in Unicode scalars.
    public let start: Int
    public let end: Int
    public let translations: [Language: String]
}

/// Fuzzy look-up and concordance over a ``SQLiteMemory``, through a ``FuzzyIndex`` kept in a
/// file beside the memory (`MEMORY.fuzzy`), rebuilt when the memory has changed.
public final class MemoryLookup: Sendable {
    public let memory: SQLiteMemory
    private let index: FuzzyIndex
    /// How many candidates from the index are scored exactly, at most.
    public let candidateLimit: Int
    private let matchers = Mutex<[Language: FuzzyMatcher]>([:])

    /// Opens the index beside the memory, building it when it is missing or stale.
    /// `progress` hears about a rebuild (done, total variants).
    public init(
        memory: SQLiteMemory, candidateLimit: Int = 40,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws {
        self.memory = memory
        self.candidateLimit = candidateLimit
        let url = URL(fileURLWithPath: memory.path + ".fuzzy")
        let revision = try memory.revision()
        if let existing = try? FuzzyIndex(contentsOf: url), existing.revision == revision {
            index = existing
        } else {
            index = try FuzzyIndex.build(from: memory, to: url, progress: progress)
        }
    }

    /// The size of the index file in bytes.
    public var indexSize: Int { index.size }

    /// The best matches of `text` among the memory's units that have both languages, best
    /// first; equal scores by unit id, and of units with the same text, those stored first.
    ///
    /// `wholeUnits` reads each match's whole unit (provenance, properties, notes) into
    /// ``LookupMatch/unit``; callers that show only the texts and the score (an analysis, the
    /// checks) leave it out and save a read of four tables per match.
    ///
    /// - Complexity: the index names at most ``candidateLimit`` distinct texts (see
    ///   ``FuzzyIndex``); they are scored exactly in the order of a bound taken from their
    ///   stored weights, and scoring stops when no text left can reach the `max`-th best.
    ///   Units are read from the memory only for texts that enter the matches.
    public func lookup(
        _ text: String, from source: Language, to target: Language, minScore: Int = 50,
        max: Int = 5, wholeUnits: Bool = true
    ) throws -> [LookupMatch] {
        guard max > 0, let section = index.section(source) else { return [] }
        let matcher = matcher(for: source)
        let query = matcher.prepare(TextNormalizer().normalize(text))
        let queryWeight = Int((query.totalWeight * 10).rounded())
        let terms = matcher.indexTermHashes(of: query.text)
        let queryHash = FuzzyIndex.textHash(query.text)
        // Only the query's own text scores 100, so when one match is asked for and the memory
        // holds the text, that is the match, and nothing needs to be ranked or scored: what
        // an analysis of a document seen before asks for most.
        if max == 1, minScore <= 100,
            let text = index.text(withHash: queryHash, terms: terms, language: source),
            let match = try identicalMatch(
                query, text: text, section: section, to: target, wholeUnits: wholeUnits,
                matcher: matcher)
        {
            return [match]
        }
        let candidates = index.candidates(
            terms: terms, language: source, queryWeight: queryWeight, limit: candidateLimit)
        // Candidates whose weight alone keeps them under `minScore` are never read.
        var bounded = candidates.map { text in
            (
                text: text,
                bound: FuzzyMatcher.scoreBound(
                    weightInTenths: queryWeight, index.weight(ofText: text, in: section))
            )
        }
        .filter { $0.bound >= minScore }
        guard !bounded.isEmpty else { return [] }
        bounded.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.text < $1.text }
        // Candidates are scored from the tokens stored in the index; a text's units are read
        // only when it can enter the matches, and only the matches returned are tokenized
        // again, for their differences.
        let interned = index.intern(query, language: source)
        var scored: [(score: Int, nfc: String, source: String, target: String, id: String)] = []
        try memory.reading { db in
            // One statement, prepared once per connection, read once per unit.
            let read = try db.cachedStatement(
                sql: Self.matchRowSQL)
            for (text, bound) in bounded {
                // Sorted by score, the `max`-th is the one a candidate must reach to count.
                let needed = scored.count >= max ? scored[max - 1].score : minScore
                if bound < needed { break }
                // The query's own text (known by its hash) scores 100, which its tokens
                // cannot tell from 99; the text read below confirms it.
                let identical = index.hash(ofText: text, in: section) == queryHash
                let floor = Swift.min(needed, 99)
                var score: Int?
                if identical {
                    score = 100
                } else if let candidate = index.interned(text: text, in: section) {
                    // A candidate whose overlap with the query keeps it under the `max`-th
                    // best cannot change the result (equal scores still can, by id).
                    guard FuzzyMatcher.scoreBound(interned, candidate) >= floor else { continue }
                    score = FuzzyMatcher.score(interned, candidate, atLeast: floor)
                    guard let known = score, known >= floor else { continue }
                }
                // The first `max` units of the text that have the target language: more
                // could not all be returned.
                var taken = 0
                for variant in index.variants(ofText: text, in: section) where taken < max {
                    guard let row = try Row.fetchOne(read, arguments: [target.code, variant])
                    else { continue }
                    let nfc: String = row[0]
                    var unitScore = score
                    if nfc == query.text {
                        unitScore = 100
                    } else if unitScore == nil || unitScore == 100 {
                        // Tokens damaged, or another text of the query's hash.
                        unitScore = matcher.score(query, matcher.prepare(nfc)).score
                    }
                    guard let unitScore, unitScore >= minScore else { break }
                    scored.append((unitScore, nfc, row[1], row[2], row[3]))
                    taken += 1
                }
                scored.sort { ($0.score, $1.id) > ($1.score, $0.id) }
            }
        }
        let best = scored.prefix(max)
        let units = wholeUnits ? try memory.units(ids: best.map(\.id)) : [:]
        return best.map {
            let full = matcher.score(query, $0.nfc == query.text ? query : matcher.prepare($0.nfc))
            return LookupMatch(
                score: full.score, unitID: $0.id, source: $0.source, target: $0.target,
                differences: full.differences, unit: units[$0.id])
        }
    }

    /// The match of the query in the units of `text`, the query's own text: of its units
    /// with the target language, the first stored, as ``lookup(_:from:to:minScore:max:wholeUnits:)``
    /// finds it. Nil when no unit of the text has the target language, or the text read is
    /// not the query's (another text of its hash): then the query is ranked and scored.
    private func identicalMatch(
        _ query: FuzzyMatcher.Prepared, text: Int, section: FuzzyIndex.Section,
        to target: Language, wholeUnits: Bool, matcher: FuzzyMatcher
    ) throws -> LookupMatch? {
        let row = try memory.reading { db -> Row? in
            let read = try db.cachedStatement(
                sql: Self.matchRowSQL)
            for variant in index.variants(ofText: text, in: section) {
                if let row = try Row.fetchOne(read, arguments: [target.code, variant]) {
                    return row
                }
            }
            return nil
        }
        guard let row, (row[0] as String) == query.text else { return nil }
        let id: String = row[3]
        let unit = wholeUnits ? try memory.units(ids: [id])[id] : nil
        let full = matcher.score(query, query)
        return LookupMatch(
            score: full.score, unitID: id, source: row[1], target: row[2],
            differences: full.differences, unit: unit)
    }

    /// A match's row from a variant of its text and the target language: the text's NFC
    /// form and its text as stored, the target's text and the unit's id.
    private static let matchRowSQL = """
        SELECT coalesce(s.nfc, s.text), s.text, t.text, u.id FROM variant s
        CROSS JOIN unit u ON u.unit_no = s.unit_no
        CROSS JOIN variant t ON t.unit_no = s.unit_no AND t.language = ?
        WHERE s.variant_no = ?
        """

    /// The matcher of a language, made once: its stemmer is opened with it.
    private func matcher(for language: Language) -> FuzzyMatcher {
        matchers.withLock { cache in
            if let known = cache[language] { return known }
            let matcher = FuzzyMatcher(language: language)
            cache[language] = matcher
            return matcher
        }
    }

    /// Units whose text in `language` contains `phrase`, ignoring case, accents and the
    /// Turkish dotted and dotless I (`istanbul` finds `İSTANBUL'da`).
    public func concordance(
        _ phrase: String, language: Language, max: Int = 50
    ) throws -> [ConcordanceHit] {
        let key = MatchKey.make(phrase)
        guard !key.isEmpty else { return [] }
        let pattern =
            "%"
            + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
                of: "%", with: "\\%"
            )
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let rows = try memory.reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.unit_no, v.text, u.id FROM variant v JOIN unit u ON u.unit_no = v.unit_no
                    WHERE v.language = ? AND v.match_key LIKE ? ESCAPE '\\'
                    ORDER BY v.unit_no
                    """, arguments: [language.code, pattern])
        }
        var hits: [ConcordanceHit] = []
        for row in rows where hits.count < max {
            let text: String = row[1]
            guard let range = MatchKey.locate(key, in: text) else { continue }
            let unitNo: Int64 = row[0]
            let others = try memory.reading { db in
                try Row.fetchAll(
                    db,
                    sql: "SELECT language, text FROM variant WHERE unit_no = ? AND language <> ?",
                    arguments: [unitNo, language.code])
            }
            var translations: [Language: String] = [:]
            for other in others {
                if let l = Language(tag: other[0]) { translations[l] = other[1] }
            }
            hits.append(
                ConcordanceHit(
                    unitID: row[2], text: text, start: range.lowerBound, end: range.upperBound,
                    translations: translations))
        }
        return hits
    }
}

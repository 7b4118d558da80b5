/// Finds the names and titles a text may contain, by capitalisation: runs of capitalised
/// words (with `of`, `the`, `for` inside English names and `für`, `der`, `des`, `von` inside
/// German ones), not counting a word that is capitalised only because it opens a sentence.
///
/// - Turkish: an ending after an apostrophe is cut off (`İzmir'de` → `İzmir`) and ends the
///   name; only proper nouns and titles are capitalised, so single words count.
/// - English: title-case runs; a sentence-opening word counts only inside a longer run.
/// - German: every noun is capitalised, so a single word counts only as a title or an
///   acronym, or with evidence from another language (``TermOccurrence/needsEvidence``);
///   runs of several capitalised words (`Europäische Union`, `Weißen Haus`) count.
///
/// A run with a title head before a name is split into the title and the name
/// (`Prime Minister` | `Theresa May`, `ABD Başkanı` | `Donald Trump`).
public struct TermCandidateFinder: Sendable {
    public let language: Language
    private let tokenizer: WordTokenizer
    let lexicon: ExtractionLexicon

    public init(language: Language) throws {
        self.language = language
        tokenizer = try WordTokenizer(language: language)
        lexicon = ExtractionLexicon.forLanguage(language)
    }

    /// A word of a run: hyphenated compounds (`Rhine-Westphalia`) are one word.
    struct Word {
        var text: String
        var key: String
        var start: Int
        var end: Int
        var isCapital: Bool
        var isAcronym: Bool
        var atSentenceStart: Bool
        /// The key of the ending after an apostrophe; the run ends with this word.
        var ending: String
        /// The key of the word before, when no punctuation stands between them.
        var previous = ""
    }

    /// The candidate names and titles of `text`, in text order (overlapping where a run
    /// that opens a sentence is also taken without its first word).
    public func candidates(in text: String) -> [TermOccurrence] {
        var result: [TermOccurrence] = []
        for run in runs(in: text) {
            result += spans(of: run)
        }
        return result
    }

    /// Cuts the text into runs of capitalised words and connectors.
    func runs(in text: String) -> [[Word]] {
        let tokens = tokenizer.tokens(in: text)
        var runs: [[Word]] = []
        var current: [Word] = []
        var sentenceStart = true
        var previous = ""
        var index = 0
        func close() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word else {
                close()
                previous = ""
                if token.kind == .punctuation,
                    [".", "!", "?", "…", ":", ";"].contains(token.text)
                {
                    sentenceStart = true
                } else if token.kind != .punctuation {
                    sentenceStart = false
                }
                index += 1
                continue
            }
            // Join hyphenated compounds written without spaces: US-Präsident, Elis-Thomas.
            var surface = token.text
            var end = token.end
            // An abbreviation with inner periods keeps its last one: U.S., U.K.
            if surface.contains("."), index + 1 < tokens.count, tokens[index + 1].text == ".",
                tokens[index + 1].start == end
            {
                surface += "."
                end += 1
                index += 1
            }
            while index + 2 < tokens.count, tokens[index + 1].text == "-",
                tokens[index + 1].start == end, tokens[index + 2].start == end + 1,
                tokens[index + 2].kind == .word
            {
                surface += "-" + tokens[index + 2].text
                end = tokens[index + 2].end
                index += 2
            }
            var word = makeWord(surface, start: token.start, end: end, sentenceStart: sentenceStart)
            word.previous = previous
            previous = word.ending.isEmpty ? word.key : ""
            sentenceStart = false
            index += 1
            if word.isCapital {
                current.append(word)
            } else if !current.isEmpty && lexicon.connectors.contains(word.key)
                && word.ending.isEmpty
            {
                current.append(word)
            } else {
                close()
                continue
            }
            if !word.ending.isEmpty { close() }
        }
        close()
        return runs
    }

    private func makeWord(_ surface: String, start: Int, end: Int, sentenceStart: Bool) -> Word {
        var base = Substring(surface)
        var ending = ""
        // The first apostrophe after a letter starts an ending: İzmir'de, Trump's, Johnsons'.
        if let apostrophe = surface.firstIndex(where: { "'’`´ʼ".contains($0) }),
            apostrophe != surface.startIndex
        {
            base = surface[..<apostrophe]
            ending = MatchKey.make(String(surface[surface.index(after: apostrophe)...]))
        }
        let letters = base.unicodeScalars.filter { $0.properties.isAlphabetic }
        let first = letters.first
        let isCapital = first.map { $0.properties.isUppercase } ?? false
        let isAcronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        return Word(
            text: String(base), key: MatchKey.make(String(base)), start: start,
            end: start + base.unicodeScalars.count, isCapital: isCapital, isAcronym: isAcronym,
            atSentenceStart: sentenceStart, ending: ending)
    }

    /// The candidates one run yields.
    func spans(of run: [Word]) -> [TermOccurrence] {
        var words = run[...]
        // Words that open a sentence or name a person's honour are not part of a name.
        while let first = words.first,
            (first.atSentenceStart && lexicon.openers.contains(first.key))
                || lexicon.honorifics.contains(first.key) || !first.isCapital
        {
            words = words.dropFirst()
        }
        words = trimmed(words)
        guard !words.isEmpty else { return [] }
        var bodies: [ArraySlice<Word>] = []
        if words.first!.atSentenceStart {
            // Capitalised by position: alone it tells nothing; in a run it may or may not
            // belong to the name, so both readings are offered to the statistics.
            if words.count > 1 {
                bodies.append(words)
                bodies.append(trimmed(words.dropFirst()))
            } else if words.first!.isAcronym || lexicon.isTitleHead(words.first!.key) {
                bodies.append(words)
            }
        } else {
            bodies.append(words)
        }
        if language == .german, let body = bodies.first, body.count > 1, body.count <= 6 {
            // German writes nouns after names with capitals too (`Selin Aksoy Vertreter`):
            // the parts of the run are offered as well, and the statistics choose.
            // A single word only at the end, where surnames and place names stand
            // (`Trump`, `Sulawesi` of `Insel Sulawesi`); first names alone name nobody.
            for start in body.indices {
                for end in (start + 1)...body.endIndex where end - start < body.count {
                    guard end - start > 1 || end == body.endIndex else { continue }
                    let part = trimmed(body[start..<end])
                    if part.count == end - start { bodies.append(part) }
                }
            }
        }
        var result: [TermOccurrence] = []
        var seen: Set<[Int]> = []
        for body in bodies where !body.isEmpty {
            // A title head followed by a name: the title and the name apart.
            if let head = body.indices.last(where: { lexicon.isTitleHead(body[$0].key) }),
                head < body.endIndex - 1, body[head + 1].isCapital
            {
                result += occurrence(body[...head]).map { [$0] } ?? []
                result += occurrence(trimmed(body[(head + 1)...])).map { [$0] } ?? []
            } else if let whole = occurrence(body) {
                result.append(whole)
            }
        }
        return result.filter { seen.insert([$0.start, $0.end]).inserted }
    }

    /// Connectors never open or close a name.
    private func trimmed(_ words: ArraySlice<Word>) -> ArraySlice<Word> {
        var words = words
        while let first = words.first, !first.isCapital { words = words.dropFirst() }
        while let last = words.last, !last.isCapital { words = words.dropLast() }
        return words
    }

    private func occurrence(_ words: ArraySlice<Word>) -> TermOccurrence? {
        guard let first = words.first, let last = words.last else { return nil }
        // The head is last (`Belediye Başkanı`) or, in English, before `of` (`Mayor of X`).
        var isTitle = lexicon.isTitleHead(last.key)
        if !isTitle, let of = words.firstIndex(where: { $0.key == "of" }), of > words.startIndex {
            isTitle = lexicon.isTitleHead(words[of - 1].key)
        }
        if words.count == 1 {
            let key = first.key
            // Openers stay: capitalised inside a sentence they are names (Turkish `Kim`).
            guard key.unicodeScalars.count >= 2, !lexicon.calendar.contains(key),
                !lexicon.honorifics.contains(key)
            else { return nil }
        }
        var text = ""
        var previousEnd = first.start
        for word in words {
            if word.start > previousEnd { text += " " }
            text += word.text
            previousEnd = word.end
        }
        return TermOccurrence(
            text: text, words: words.map(\.key), start: first.start, end: last.end,
            ending: last.ending, isTitle: isTitle,
            isOrganisation: words.contains { lexicon.isOrganisationHead($0.key) },
            needsEvidence: language == .german && words.count == 1 && !first.isAcronym
                && !isTitle, precedingWord: first.previous)
    }
}

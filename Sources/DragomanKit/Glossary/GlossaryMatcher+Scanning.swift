extension GlossaryMatcher {
    /// A token of the text that may belong to a term.
    struct ScannedWord {
        /// Position among all tokens of the text, to tell adjacent tokens from distant ones.
        var sequence: Int
        var startScalar: Int
        var endScalar: Int
        var startByte: Int
        var endByte: Int
        /// The word's candidates in the word cache's shared list.
        var candidateStart: Int
        var candidateEnd: Int
        var isCapital: Bool
    }

    struct Candidate {
        var token: Int32
        var form: Int32
        /// The word is the token as written, with no ending.
        var isWhole: Bool
    }

    /// Kind and key of each ASCII byte, so the common case skips the folding call.
    static let asciiFolds: [KeyFolding.Folded] = (0..<128).map { value in
        var folding = KeyFolding()
        return folding.fold(Unicode.Scalar(UInt8(value)))
    }

    /// The key of each scalar of one or two UTF-8 bytes (below U+0280) that is a letter or
    /// digit keyed as one scalar, 0 for every other: the letters of a word in ASCII or Latin
    /// (`ş`, `ı`, `ü`) are read in a loop of their own with one table read each. Letters that
    /// key as several (`ß`, `æ`) or none take the general path.
    static let latinWordKeys: [UInt32] = (0..<0x280).map { value in
        var folding = KeyFolding()
        let folded = folding.fold(Unicode.Scalar(UInt32(value))!)
        return folded.kind == .word && folded.count == 1 ? folded.first : 0
    }

    struct Scan {
        var words: [ScannedWord] = []
    }

    /// Cuts the text into tokens and keeps those that are forms of some term token; their
    /// candidates are ranges of `cache.values`, which stay valid until the next text.
    ///
    /// The loop reads UTF-8 bytes, decodes non-ASCII scalars itself and walks the character
    /// trie as it goes, so a word that no term starts with costs a few table look-ups.
    func scan(bytes: UnsafeBufferPointer<UInt8>, cache: inout WordCache<Candidate>) -> Scan {
        trie.withView { scan(bytes: bytes, trie: $0, cache: &cache) }
    }

    private func scan(
        bytes: UnsafeBufferPointer<UInt8>, trie: CharTrie.View,
        cache: inout WordCache<Candidate>
    ) -> Scan {
        // Locals, not properties: the hot loop then needs no exclusivity checks.
        let asciiFolds = Self.asciiFolds
        var folding = self.folding
        let forms = self.forms
        let formToken = self.formToken
        let tokenKeys = self.tokenKeys
        // Moved out and back, so that adding to them never copies them.
        var endingVerdicts: [UInt64: Bool] = [:]
        swap(&endingVerdicts, &self.endingVerdicts)
        var words = WordCache<Candidate>()
        swap(&words, &cache)
        words.startText()
        var tokenStems: [String?] = []
        swap(&tokenStems, &self.tokenStems)
        defer {
            self.folding = folding
            swap(&endingVerdicts, &self.endingVerdicts)
            swap(&words, &cache)
            swap(&tokenStems, &self.tokenStems)
        }
        var result = Scan()
        var sequence = 0
        var scalarIndex = 0

        var inWord = false
        var wordStartScalar = 0
        var wordStartByte = 0
        var wordCapital = false
        // Fixed scratch buffers: a word's key and the trie nodes with forms along it. Letters
        // beyond the capacity are not keyed (no term is that long), so the word cannot match.
        let capacity = 256
        let key = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        let hitNodes = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
        let hitLengths = UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity)
        // A buffer, not the array: the letter loop then reads it without bounds checks.
        let wordKeys = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: 0x280)
        _ = wordKeys.initialize(from: Self.latinWordKeys)
        var found: [Candidate] = []
        defer {
            key.deallocate()
            hitNodes.deallocate()
            hitLengths.deallocate()
            wordKeys.deallocate()
        }
        var keyCount = 0
        var keyHash = ScalarKeyTable.seed
        var apostropheScalar = -1
        var apostropheByte = 0
        var apostropheWidth = 1

        /// The candidates of a word not seen before: the trie's forms along its key whose
        /// ending the form allows.
        func candidates(of word: UnsafeBufferPointer<UInt32>) {
            found.removeAll(keepingCapacity: true)
            var node: Int32 = 0
            var hitCount = 0
            for (index, value) in word.enumerated() {
                node = trie.child(node, value)
                if node < 0 { break }
                if node > 0 && trie.hasForms(node) {
                    hitNodes[hitCount] = node
                    hitLengths[hitCount] = index + 1
                    hitCount += 1
                }
            }
            var wordStem: String? = nil
            for hit in 0..<hitCount {
                let remainder = word[hitLengths[hit]...]
                for formIndex in trie.forms(at: hitNodes[hit]) {
                    let token = formToken[Int(formIndex)]
                    let form = forms[Int(formIndex)]
                    let accepted: Bool
                    // Turkish endings need no stems, so their verdicts can be kept.
                    if let memo = form.endingKey(remainder) {
                        if let verdict = endingVerdicts[memo] {
                            accepted = verdict
                        } else {
                            accepted = form.accepts(remainder) { false }
                            endingVerdicts[memo] = accepted
                        }
                    } else {
                        accepted = form.accepts(remainder) {
                            if wordStem == nil { wordStem = stem(word) }
                            if tokenStems[Int(token)] == nil {
                                tokenStems[Int(token)] = stem(tokenKeys[Int(token)])
                            }
                            return wordStem == tokenStems[Int(token)]
                        }
                    }
                    if accepted {
                        found.append(
                            Candidate(
                                token: token, form: formIndex,
                                isWhole: form.isWhole && remainder.isEmpty))
                    }
                }
            }
        }

        func endWord(scalar endScalar: Int, byte endByte: Int) {
            guard inWord else { return }
            inWord = false
            defer { sequence += 1 }
            guard keyCount > 0, keyCount < capacity else { return }
            let word = UnsafeBufferPointer(rebasing: key[0..<keyCount])
            let range: Range<Int>
            if let known = words.lookup(word, hash: keyHash) {
                range = known
            } else {
                candidates(of: word)
                range = words.insert(word, hash: keyHash, values: found)
            }
            guard !range.isEmpty else { return }
            result.words.append(
                ScannedWord(
                    sequence: sequence, startScalar: wordStartScalar, endScalar: endScalar,
                    startByte: wordStartByte, endByte: endByte, candidateStart: range.lowerBound,
                    candidateEnd: range.upperBound, isCapital: wordCapital))
        }

        func mark(_ folded: KeyFolding.Folded, scalar: Int, byte: Int, width: Int) {
            defer { sequence += 1 }
            var markNode: Int32 = 0
            // The folded scalars one by one: no array for each punctuation mark.
            for index in 0..<Int(folded.count) {
                let value = index == 0 ? folded.first : index == 1 ? folded.second : folded.third
                markNode = trie.child(markNode, value)
                if markNode < 0 { return }
            }
            guard markNode > 0, trie.hasForms(markNode) else { return }
            found.removeAll(keepingCapacity: true)
            for formIndex in trie.forms(at: markNode) where forms[Int(formIndex)].isWhole {
                found.append(
                    Candidate(token: formToken[Int(formIndex)], form: formIndex, isWhole: true))
            }
            guard !found.isEmpty else { return }
            let range = words.append(found)
            result.words.append(
                ScannedWord(
                    sequence: sequence, startScalar: scalar, endScalar: scalar + 1,
                    startByte: byte, endByte: byte + width, candidateStart: range.lowerBound,
                    candidateEnd: range.upperBound, isCapital: false))
        }

        let apostropheMark = KeyFolding.Folded(ascii: .other, 0x27)
        let count = bytes.count
        var byteIndex = 0
        while byteIndex < count {
            let lead = bytes[byteIndex]
            // Most of news text is letters of a word: from an ASCII one on, read a run of them
            // at once, keying each, with no folding call or branching on the kind of scalar.
            var runKey = lead < 0x80 ? wordKeys[Int(lead)] : 0
            if runKey != 0 && apostropheScalar < 0 {
                if !inWord {
                    inWord = true
                    wordStartScalar = scalarIndex
                    wordStartByte = byteIndex
                    wordCapital = lead >= 0x41 && lead <= 0x5A
                    keyCount = 0
                    keyHash = ScalarKeyTable.seed
                }
                var runEnd = byteIndex
                var runWidth = 1
                var runScalars = 0
                while true {
                    if keyCount < capacity {
                        key[keyCount] = runKey
                        keyCount += 1
                        keyHash = ScalarKeyTable.hash(keyHash, runKey)
                    }
                    runEnd += runWidth
                    runScalars += 1
                    if runEnd == count { break }
                    // `runEnd` is at a scalar's lead byte: ASCII, or two bytes up to U+027F.
                    let next = bytes[runEnd]
                    if next < 0x80 {
                        runKey = wordKeys[Int(next)]
                        runWidth = 1
                    } else if next < 0xCA && runEnd + 1 < count {
                        runKey = wordKeys[Int(next & 0x1F) << 6 | Int(bytes[runEnd + 1] & 0x3F)]
                        runWidth = 2
                    } else {
                        runKey = 0
                    }
                    if runKey == 0 { break }
                }
                scalarIndex += runScalars
                byteIndex = runEnd
                continue
            }
            let scalar: Unicode.Scalar
            let width: Int
            if lead < 0x80 {
                scalar = Unicode.Scalar(lead)
                width = 1
            } else {
                // Valid UTF-8 (a Swift string): decode the sequence the lead byte announces.
                var value: UInt32
                if lead < 0xE0 {
                    width = 2
                    value = UInt32(lead & 0x1F)
                } else if lead < 0xF0 {
                    width = 3
                    value = UInt32(lead & 0x0F)
                } else {
                    width = 4
                    value = UInt32(lead & 0x07)
                }
                for offset in 1..<width {
                    value = value << 6 | UInt32(bytes[byteIndex + offset] & 0x3F)
                }
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            let folded = lead < 0x80 ? asciiFolds[Int(lead)] : folding.fold(scalar)
            switch folded.kind {
            case .word:
                if !inWord {
                    inWord = true
                    wordStartScalar = scalarIndex
                    wordStartByte = byteIndex
                    wordCapital = KeyFolding.isCapital(scalar)
                    keyCount = 0
                    keyHash = ScalarKeyTable.seed
                } else if apostropheScalar >= 0 {
                    if keyCount < capacity {
                        key[keyCount] = 0x27
                        keyCount += 1
                        keyHash = ScalarKeyTable.hash(keyHash, 0x27)
                    }
                    apostropheScalar = -1
                }
                for index in 0..<Int(folded.count) where keyCount < capacity {
                    let value =
                        index == 0 ? folded.first : index == 1 ? folded.second : folded.third
                    key[keyCount] = value
                    keyCount += 1
                    keyHash = ScalarKeyTable.hash(keyHash, value)
                }
            case .apostrophe where inWord && apostropheScalar < 0:
                apostropheScalar = scalarIndex
                apostropheByte = byteIndex
                apostropheWidth = width
            default:
                if apostropheScalar >= 0 {
                    endWord(scalar: apostropheScalar, byte: apostropheByte)
                    mark(
                        apostropheMark, scalar: apostropheScalar, byte: apostropheByte,
                        width: apostropheWidth)
                    apostropheScalar = -1
                } else {
                    endWord(scalar: scalarIndex, byte: byteIndex)
                }
                if folded.kind != .space {
                    mark(folded, scalar: scalarIndex, byte: byteIndex, width: width)
                }
            }
            scalarIndex += 1
            byteIndex += width
        }
        if apostropheScalar >= 0 {
            endWord(scalar: apostropheScalar, byte: apostropheByte)
        } else {
            endWord(scalar: scalarIndex, byte: byteIndex)
        }
        return result
    }

    /// Walks the phrase trie from each candidate word, keeps the leftmost longest term and
    /// turns it into matches.
    func resolve(
        _ scan: Scan, candidates: UnsafeBufferPointer<Candidate>, bytes: UnsafeBufferPointer<UInt8>
    ) -> [GlossaryMatch] {
        phrases.withView { phrases in
            scan.words.withUnsafeBufferPointer { words in
                resolve(words: words, candidates: candidates, phrases: phrases, bytes)
            }
        }
    }

    private func resolve(
        words: UnsafeBufferPointer<ScannedWord>,
        candidates: UnsafeBufferPointer<Candidate>, phrases: PhraseTrie.View,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> [GlossaryMatch] {
        var matches: [GlossaryMatch] = []
        // Locals, not properties: the loops then need no exclusivity checks.
        let outputs = self.outputs
        let tokenInflectsInside = self.tokenInflectsInside
        let tables = ReportTables(
            outputs: outputs, forms: forms, tokenKeyLengths: tokenKeyLengths,
            spelling: SpellingFolding.forLanguage(language), terms: outputTerms,
            found: outputFound)
        // Buffers kept across words: most words start no term or a short one.
        var states: [(node: Int32, whole: Bool)] = []
        var next: [(node: Int32, whole: Bool)] = []
        var found: [Int32] = []
        // The outputs of the longest phrase so far, swapped with `found`: no copy per word.
        var bestOutputs: [Int32] = []
        var index = 0
        while index < words.count {
            // Most candidate words start no term (`of`, `der`): one table read each.
            let opening = words[index]
            var starts = false
            for candidate in candidates[opening.candidateStart..<opening.candidateEnd]
            where phrases.rootChild[Int(candidate.token)] >= 0 {
                starts = true
                break
            }
            guard starts else {
                index += 1
                continue
            }
            // States: phrase node, and whether every word so far was written as the term.
            states.removeAll(keepingCapacity: true)
            states.append((0, true))
            var bestLast = -1
            var last = index
            while last < words.count,
                words[last].sequence == opening.sequence + (last - index)
            {
                next.removeAll(keepingCapacity: true)
                found.removeAll(keepingCapacity: true)
                let word = words[last]
                for state in states {
                    for candidate in candidates[word.candidateStart..<word.candidateEnd] {
                        let child = phrases.child(state.node, candidate.token)
                        guard child >= 0 else { continue }
                        let whole =
                            state.whole
                            && (candidate.isWhole || tokenInflectsInside[Int(candidate.token)])
                        if !next.contains(where: { $0.node == child && $0.whole == whole }) {
                            next.append((child, whole))
                        }
                        // Words before the last inflect only where the language lets them.
                        guard state.whole else { continue }
                        for output in phrases.outputs(at: child) where !found.contains(output) {
                            if outputs[Int(output)].requiresCapital && !opening.isCapital {
                                continue
                            }
                            found.append(output)
                        }
                    }
                }
                if !found.isEmpty {
                    bestLast = last
                    swap(&bestOutputs, &found)
                }
                if next.isEmpty { break }
                swap(&states, &next)
                last += 1
            }
            guard bestLast >= 0 else {
                index += 1
                continue
            }
            // An exclusion (`das Essen`) covers the place and reports nothing.
            if !bestOutputs.contains(where: { outputs[Int($0)].term < 0 }) {
                report(
                    bestOutputs, words: words[index...bestLast], candidates, bytes, tables,
                    into: &matches)
            }
            index = bestLast + 1
        }
        return matches
    }

    /// What reporting a match reads, taken from the matcher once per text.
    struct ReportTables {
        let outputs: [Output]
        let forms: [TermForm]
        let tokenKeyLengths: [Int]
        let spelling: SpellingFolding
        let terms: [GlossaryTerm]
        let found: [GlossaryMatch.Found]
    }

    /// One match per entry among the outputs, with the term spelled as in the text if any.
    private func report(
        _ found: [Int32], words: Slice<UnsafeBufferPointer<ScannedWord>>,
        _ candidates: UnsafeBufferPointer<Candidate>, _ bytes: UnsafeBufferPointer<UInt8>,
        _ tables: ReportTables, into matches: inout [GlossaryMatch]
    ) {
        let first = words.first!
        let lastWord = words.last!
        let matched = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[first.startByte..<lastWord.endByte]),
            as: UTF8.self)
        // Words folded as strings, only where a word has a scalar the table lacks.
        var foldedWords: [[Unicode.Scalar]?] = []
        func word(_ offset: Int, startsWith prefix: ArraySlice<Unicode.Scalar>) -> Bool {
            let word = words[words.startIndex + offset]
            let text = bytes[word.startByte..<word.endByte]
            if let verdict = tables.spelling.word(text, startsWith: prefix) { return verdict }
            if foldedWords.isEmpty { foldedWords = Array(repeating: nil, count: words.count) }
            if foldedWords[offset] == nil {
                foldedWords[offset] = foldedSpelling(
                    String(decoding: UnsafeBufferPointer(rebasing: text), as: UTF8.self))
            }
            return foldedWords[offset]!.starts(with: prefix)
        }
        // Whether every word is written as the output's term, up to its allowed ending.
        func spelledAsInText(_ output: Int32) -> Bool {
            let output = Int(output)
            for (offset, scanned) in words.enumerated() {
                let token = tables.outputs[output].tokens[offset]
                let surfaceCount = tables.outputs[output].surfaces[offset].count
                // Where a letter spells out in the key (ß, æ) the lengths differ; the whole
                // spelling is compared then.
                let sameLength = surfaceCount == tables.tokenKeyLengths[Int(token)]
                var spelled = false
                for candidate in candidates[scanned.candidateStart..<scanned.candidateEnd]
                where candidate.token == token {
                    let kept =
                        sameLength ? tables.forms[Int(candidate.form)].keptLength : surfaceCount
                    if word(
                        offset, startsWith: tables.outputs[output].surfaces[offset].prefix(kept))
                    {
                        spelled = true
                        break
                    }
                }
                if !spelled { return false }
            }
            return true
        }

        // The common case: one term of one entry.
        if found.count == 1 {
            let output = Int(found[0])
            matches.append(
                GlossaryMatch(
                    start: first.startScalar, end: lastWord.endScalar, matched: matched,
                    found: tables.found[output], isVariant: !spelledAsInText(found[0])))
            return
        }
        // Several entries share the term: one match each, in order of first output, without
        // arrays per match. Of an entry's terms, the first of the lowest status among those
        // spelled as in the text, else among all.
        for (index, output) in found.enumerated() {
            let entry = tables.outputs[Int(output)].entry
            if found[..<index].contains(where: { tables.outputs[Int($0)].entry == entry }) {
                continue
            }
            var exact: Int32 = -1
            var any: Int32 = -1
            for other in found[index...] where tables.outputs[Int(other)].entry == entry {
                let status = tables.terms[Int(other)].status
                if any < 0 || status < tables.terms[Int(any)].status { any = other }
                if (exact < 0 || status < tables.terms[Int(exact)].status)
                    && spelledAsInText(other)
                {
                    exact = other
                }
            }
            let chosen = exact >= 0 ? exact : any
            matches.append(
                GlossaryMatch(
                    start: first.startScalar, end: lastWord.endScalar, matched: matched,
                    found: tables.found[Int(chosen)], isVariant: exact < 0))
        }
    }

    /// A word of the text case-folded in the language, diacritics kept; kept for the next
    /// match of the same word, since folding goes through ICU.
    private func foldedSpelling(_ word: String) -> [Unicode.Scalar] {
        if let known = foldedSpellings[word] { return known }
        let folded = Array(TermForm.folded(word, language).unicodeScalars)
        if foldedSpellings.count >= 50_000 { foldedSpellings.removeAll(keepingCapacity: true) }
        foldedSpellings[word] = folded
        return folded
    }
}

extension GlossaryMatcher {
    /// Inserts every term and exclusion of the language, then lays the character trie out in
    /// flat arrays for the scan.
    func build() {
        var children: [[UInt32: Int32]] = [[:]]
        var formsAtNode: [[Int32]] = [[]]
        var tokenIDs: [String: Int32] = [:]
        var tokenBehaviours: [String: Int32] = [:]
        // The phrase trie as a table of edges while it grows: node 0 is the root.
        var phraseChildren: [UInt64: Int32] = [:]
        var phraseOutputs: [Int32: [Int32]] = [:]

        func tokenID(
            _ token: KeyToken, isName: Bool, isLast: Bool, nextIsWord: Bool, beforeOf: Bool
        ) -> Int32 {
            let flags = [isName, isLast, nextIsWord, beforeOf].map { $0 ? "1" : "0" }.joined()
            let identity = flags + token.keyString
            if let id = tokenIDs[identity] { return id }
            let inflectsInside = language == .german || (language == .english && beforeOf)
            let tokenForms = TermForm.forms(
                of: token, language: language, isName: isName, isLast: isLast,
                nextIsWord: nextIsWord)
            // Tokens that are found by the same forms and inflect alike are one token: most
            // flags change nothing for most words, and every duplicate would be one more
            // candidate for each text word it matches, so that the scan's cost would grow
            // with the number of entries that share a word.
            var behaviour = token.keyString + (inflectsInside ? "|i" : "|-")
            for form in tokenForms {
                behaviour +=
                    "|\(form.ending.rawValue),\(form.isWhole),\(form.keptLength),"
                    + "\(form.endsInN),\(form.isAcronym):"
                    + form.key.map { String($0) }.joined(separator: ".")
            }
            if let id = tokenBehaviours[behaviour] {
                tokenIDs[identity] = id
                return id
            }
            let id = Int32(tokenKeys.count)
            tokenIDs[identity] = id
            tokenBehaviours[behaviour] = id
            tokenKeys.append(token.keyString)
            tokenInflectsInside.append(inflectsInside)
            for form in tokenForms {
                var node: Int32 = 0
                for label in form.key {
                    if let next = children[Int(node)][label] {
                        node = next
                    } else {
                        let next = Int32(children.count)
                        children.append([:])
                        formsAtNode.append([])
                        children[Int(node)][label] = next
                        node = next
                    }
                }
                formsAtNode[Int(node)].append(Int32(forms.count))
                forms.append(form)
                formToken.append(id)
            }
            return id
        }

        func addPhrase(_ text: String, output: Output, isName: Bool, firstIsCapital: Bool) {
            let tokens = KeyToken.tokens(text, folding: &folding)
            guard !tokens.isEmpty, !tokens.allSatisfy({ $0.key.isEmpty }) else { return }
            var output = output
            var node: Int32 = 0
            for (index, token) in tokens.enumerated() where !token.key.isEmpty {
                let isLast = index == tokens.count - 1
                let nextIsWord = !isLast && tokens[index + 1].isWord
                let beforeOf = !isLast && tokens[index + 1].keyString == "of"
                let id = tokenID(
                    token, isName: isName, isLast: isLast, nextIsWord: nextIsWord,
                    beforeOf: beforeOf)
                output.tokens.append(id)
                output.surfaces.append(Array(TermForm.folded(token.text, language).unicodeScalars))
                let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
                if let next = phraseChildren[edge] {
                    node = next
                } else {
                    let next = Int32(phraseChildren.count + 1)
                    phraseChildren[edge] = next
                    node = next
                }
            }
            output.requiresCapital =
                output.term >= 0 && isName && output.tokens.count == 1 && firstIsCapital
            phraseOutputs[node, default: []].append(Int32(outputs.count))
            outputs.append(output)
        }

        for (entryIndex, entry) in glossary.entries.enumerated() {
            let isName = entry.isName
            for (termIndex, term) in entry.terms.enumerated() where term.language == language {
                let first = term.text.unicodeScalars.first { KeyFolding.isLetter($0) }
                addPhrase(
                    term.text,
                    output: Output(
                        entry: Int32(entryIndex), term: Int32(termIndex), tokens: [],
                        requiresCapital: false),
                    isName: isName, firstIsCapital: first.map(KeyFolding.isCapital) ?? false)
            }
            for exclusion in entry.exclusions {
                addPhrase(
                    exclusion,
                    output: Output(
                        entry: Int32(entryIndex), term: -1, tokens: [], requiresCapital: false),
                    isName: false, firstIsCapital: false)
            }
        }

        trie = CharTrie(children: children, formsAtNode: formsAtNode)
        tokenKeyLengths = tokenKeys.map { $0.unicodeScalars.count }
        tokenStems = Array(repeating: nil, count: tokenKeys.count)
        outputTerms = outputs.map { output in
            let terms = glossary.entries[Int(output.entry)].terms
            return output.term >= 0 ? terms[Int(output.term)] : terms.first ?? placeholderTerm
        }
        outputFound = zip(outputs, outputTerms).map { output, term in
            GlossaryMatch.Found(entryID: glossary.entries[Int(output.entry)].id, term: term)
        }
        phrases = PhraseTrie(
            edges: phraseChildren, outputs: phraseOutputs, nodeCount: phraseChildren.count + 1,
            tokenCount: tokenKeys.count)
        // The keys live on in the trie; the forms keep only what endings need.
        for index in forms.indices { forms[index].key = [] }
    }

    /// Stands for the term of an exclusion of an entry without terms; never reported.
    private var placeholderTerm: GlossaryTerm { GlossaryTerm(language: language, text: "") }

    /// The Snowball stem of a key, or the key where the language has no stemmer.
    func stem(_ key: String) -> String {
        stemmer?.stem(key) ?? key
    }

    /// The Snowball stem of a key given as scalar values.
    func stem(_ key: UnsafeBufferPointer<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for value in key { view.append(Unicode.Scalar(value) ?? " ") }
        return stem(String(view))
    }
}

extension GlossaryMatcher {
    /// Inserts every term and exclusion of the language, then lays the character trie out in
    /// flat arrays for the scan.
    func build() {
        var children: [[UInt32: Int32]] = [[:]]
        var formsAtNode: [[Int32]] = [[]]
        var tokenIDs: [String: Int32] = [:]
        var tokenBehaviours: [String: Int32] = [:]

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
            tokenStems.append(nil)
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
        tokenStartsPhrase = tokenKeys.indices.map {
            phraseChildren[UInt64(UInt32(truncatingIfNeeded: $0))] != nil
        }
        // The keys live on in the trie; the forms keep only what endings need.
        for index in forms.indices { forms[index].key = [] }
    }

    /// The Snowball stem of a term token's key, computed once.
    func stem(ofToken token: Int32) -> String {
        if let stem = tokenStems[Int(token)] { return stem }
        let stem = stemmer?.stem(tokenKeys[Int(token)]) ?? tokenKeys[Int(token)]
        tokenStems[Int(token)] = stem
        return stem
    }
}

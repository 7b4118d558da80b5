import DragomanKit
import Testing

/// Texts scored from numbered tokens must score exactly as the texts themselves: an index
/// stores its texts' tokens that way and never tokenizes a candidate again.
struct InternedTextTests {
    /// Numbers the strings of prepared texts, one space per kind of string, as an index's
    /// vocabularies do.
    struct Vocabulary {
        var surfaces: [String: Int] = [:]
        var keys: [String: Int] = [:]
        var stems: [String: Int] = [:]

        mutating func intern(_ text: FuzzyMatcher.Prepared) -> InternedText {
            func number(_ string: String, _ table: inout [String: Int]) -> Int {
                if let known = table[string] { return known }
                table[string] = table.count
                return table.count - 1
            }
            return InternedText(
                tokens: text.tokens.map { token in
                    CostToken(
                        surface: number(token.surface, &surfaces), key: number(token.key, &keys),
                        stem: token.stem.isEmpty ? -1 : number(token.stem, &stems),
                        kind: token.kind, isName: token.isName)
                }, query: true)
        }
    }

    @Test(arguments: FuzzyBoundsTests.sentences)
    func internedTextsScoreAsTheTexts(_ language: Language, _ texts: [String]) {
        let matcher = FuzzyMatcher(language: language)
        // Spacing, case and accents changed too: the cheap differences must cost the same.
        let variants = texts + texts.map { $0.uppercased() } + texts.map { " " + $0 + "  " }
        let prepared = variants.map(matcher.prepare)
        var vocabulary = Vocabulary()
        let interned = prepared.map { vocabulary.intern($0) }
        for q in prepared.indices {
            for s in prepared.indices where prepared[q].text != prepared[s].text {
                let exact = matcher.score(prepared[q], prepared[s]).score
                let score = FuzzyMatcher.score(interned[q], interned[s])
                #expect(score == exact, "\(variants[q]) / \(variants[s])")
                #expect(
                    FuzzyMatcher.scoreBound(interned[q], interned[s]) >= exact,
                    "\(variants[q]) / \(variants[s])")
                // A query made as a candidate is still bounded, by the weights alone.
                #expect(
                    FuzzyMatcher.scoreBound(InternedText(tokens: interned[q].tokens), interned[s])
                        >= exact)
                #expect(interned[s].weight == prepared[s].totalWeight)
            }
        }
    }

    /// Giving up part-way must never lose a score of the floor or more, and a score
    /// returned must be the exact one.
    @Test(arguments: FuzzyBoundsTests.sentences)
    func scoresWithAFloorAreExactOrBelowIt(_ language: Language, _ texts: [String]) {
        let matcher = FuzzyMatcher(language: language)
        let variants = texts + texts.map { $0.uppercased() } + texts.map { $0 + " " + texts[0] }
        let prepared = variants.map(matcher.prepare)
        var vocabulary = Vocabulary()
        let interned = prepared.map { vocabulary.intern($0) }
        var givenUp = 0
        for q in prepared.indices {
            for s in prepared.indices where prepared[q].text != prepared[s].text {
                let exact = FuzzyMatcher.score(interned[q], interned[s])
                for floor in [0, 30, 50, 75, exact, exact + 1, 99] {
                    if let score = FuzzyMatcher.score(interned[q], interned[s], atLeast: floor) {
                        #expect(score == exact, "\(variants[q]) / \(variants[s]) at \(floor)")
                    } else {
                        #expect(exact < floor, "\(variants[q]) / \(variants[s]) at \(floor)")
                        givenUp += 1
                    }
                }
            }
        }
        #expect(givenUp > 0)
    }

    @Test func unseenWordsNeverEqualStoredOnes() {
        let matcher = FuzzyMatcher(language: .turkish)
        var vocabulary = Vocabulary()
        let stored = vocabulary.intern(matcher.prepare("Vali İzmir'de yeni köprüyü açtı."))
        let query = vocabulary.intern(matcher.prepare("Vali Manisa'da yeni köprüyü açtı."))
        let score = FuzzyMatcher.score(query, stored)
        #expect(
            score
                == matcher.score(
                    matcher.prepare("Vali Manisa'da yeni köprüyü açtı."),
                    matcher.prepare("Vali İzmir'de yeni köprüyü açtı.")
                ).score)
        #expect(score < 99)
    }
}

/// Finds the article among the blocks of a page: the densest run of running text, and the
/// headline just before it.
///
/// Every block gets a score: running text scores its length; furniture and other blocks cost
/// their length and a fixed amount. The article is the run of blocks with the highest total
/// (a maximum-sum subarray), so a short subheading or a photo caption between paragraphs stays
/// in, while a menu line only joins a run when enough text lies beyond it. Furniture inside
/// the run is dropped from the body.
///
/// The headline is the heading-like block before the run (or an `<h1>` inside it) that shares
/// the most words with the first paragraphs, with a preference for `<h1>` and for nearness.
///
/// - Complexity: O(n) in the number of blocks, plus word look-ups for a few title candidates.
struct ContentSelector {
    struct Selection: Equatable {
        var title: Int?
        var body: [Int]
        /// First and last block of the article run, when there is one.
        var run: ClosedRange<Int>?
    }

    var blocks: [TextBlock]

    /// Fixed cost of a block that is not running text.
    private let neutralCost = 30
    private let furnitureCost = 60
    /// How far before the run a headline may stand.
    private let titleReach = 8

    func select() -> Selection {
        guard let run = densestRun() else {
            return Selection(title: nil, body: [], run: nil)
        }
        let title = titleIndex(run: run)
        let body = run.filter {
            !blocks[$0].isFurniture && !FurnitureSignals.isLegalNotice(blocks[$0].text)
                && $0 != title
        }
        return Selection(title: title, body: body, run: run)
    }

    private func score(_ block: TextBlock) -> Int {
        let length = block.text.unicodeScalars.count
        if block.isFurniture || FurnitureSignals.isLegalNotice(block.text) {
            return -(furnitureCost + length)
        }
        if FurnitureSignals.isProse(block) { return length }
        return -(neutralCost + length)
    }

    private func densestRun() -> ClosedRange<Int>? {
        var best: (sum: Int, range: ClosedRange<Int>)?
        var sum = 0
        var start = 0
        for (i, block) in blocks.enumerated() {
            if sum <= 0 {
                sum = 0
                start = i
            }
            sum += score(block)
            if sum > 0, sum > best?.sum ?? 0 { best = (sum, start...i) }
        }
        return best?.range
    }

    private func titleIndex(run: ClosedRange<Int>) -> Int? {
        let bodyKeys = Self.wordKeys(
            run.lazy.filter { !blocks[$0].isFurniture && blocks[$0].headingLevel != 1 }
                .prefix(3).map { blocks[$0].text }.joined(separator: " "))
        var candidates: [(index: Int, distance: Int)] = []
        // An <h1> in the run is the headline even when it reads like a sentence.
        if let h1 = run.first(where: { blocks[$0].headingLevel == 1 && !blocks[$0].isFurniture }) {
            candidates.append((h1, 0))
        }
        var i = run.lowerBound - 1
        while i >= 0 && run.lowerBound - i <= titleReach {
            let block = blocks[i]
            if !block.isFurniture && FurnitureSignals.isProse(block) && block.headingLevel == nil {
                break
            }
            if isHeadingLike(block) { candidates.append((i, run.lowerBound - i)) }
            i -= 1
        }
        var best: (index: Int, score: Double)?
        for (index, distance) in candidates {
            let block = blocks[index]
            let keys = Self.wordKeys(block.text)
            let shared = keys.isEmpty ? 0 : Double(keys.filter(bodyKeys.contains).count)
            let overlap = keys.isEmpty ? 0 : shared / Double(keys.count)
            let level = block.headingLevel
            guard overlap > 0 || level == 1 || level == 2 || distance <= 1 else { continue }
            var score = overlap - 0.05 * Double(distance)
            switch level {
            case 1: score += 1
            case 2: score += 0.5
            case .some: score += 0.25
            case nil: break
            }
            if score > best?.score ?? -.infinity { best = (index, score) }
        }
        return best?.index
    }

    private func isHeadingLike(_ block: TextBlock) -> Bool {
        if block.isFurniture || FurnitureSignals.isLegalNotice(block.text)
            || FurnitureSignals.isDateline(block.text)
        {
            return false
        }
        let words = FurnitureSignals.wordCount(block.text)
        guard (1...30).contains(words), block.text.unicodeScalars.count <= 250 else {
            return false
        }
        if block.headingLevel != nil { return true }
        return !FurnitureSignals.endsLikeSentence(block.text)
            || block.text.hasSuffix("?") || block.text.hasSuffix("!")
    }

    /// Word stems good enough to see that a headline speaks of what the body says: match keys
    /// of words with four letters or more, cut to five letters so that Turkish and German
    /// endings (`Heyeti`/`heyet`, `Städte`/`Städten`) still meet.
    static func wordKeys(_ text: String) -> Set<String> {
        var keys: Set<String> = []
        for word in MatchKey.make(text).split(whereSeparator: { !$0.isLetter }) {
            guard word.count >= 4 else { continue }
            keys.insert(String(word.prefix(5)))
        }
        return keys
    }
}

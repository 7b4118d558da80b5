#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sentence to align: its text, where it stands in its file, and its paragraph.
public struct AlignmentSentence: Sendable, Hashable {
    public var text: String
    /// Offsets in Unicode scalars of the source file, end exclusive.
    public var start: Int
    public var end: Int
    /// Index of the paragraph the sentence belongs to (the headline is a paragraph).
    public var paragraph: Int

    public init(text: String, start: Int, end: Int, paragraph: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.paragraph = paragraph
    }
}

/// A pairing of consecutive sentences of two texts: 1-1, 2-1, 1-2, 2-2, 1-3, 3-1, or a sentence
/// with no counterpart (1-0, 0-1).
public struct Bead: Sendable, Hashable {
    /// Indices of the source and target sentences.
    public var source: Range<Int>
    public var target: Range<Int>
    /// Confidence in 0...1.
    public var score: Double
    /// Set below ``SentenceAligner/flagThreshold``, and always for 1-0 and 0-1 beads.
    public var flagged: Bool

    public init(source: Range<Int>, target: Range<Int>, score: Double, flagged: Bool) {
        self.source = source
        self.target = target
        self.score = score
        self.flagged = flagged
    }
}

/// Aligns the sentences of a text and its translation.
///
/// A dynamic program in the Gale–Church family scores each bead by how well the character
/// lengths fit the language pair's length ratio, by the bead type's prior, and by lexical
/// anchors the two sides share (numbers, months, names and cognates, punctuation). Paragraph
/// ends are anchors too: strongly when the two texts' paragraphs correspond one to one,
/// weakly when a translator merged or split paragraphs, so that sentences are aligned across
/// the paragraph boundaries that do not match.
///
/// - Complexity: O((n + m) · w) for n and m sentences, with a band of width w around the
///   diagonal (widened when the best path touches its edge).
public struct SentenceAligner: Sendable {
    public let source: Language
    public let target: Language
    /// Beads less confident than this are flagged for review.
    public static let flagThreshold = 0.5

    private let sourceAnchors: AnchorExtractor
    private let targetAnchors: AnchorExtractor
    private let model: LengthModel

    public init(source: Language, target: Language) throws {
        self.source = source
        self.target = target
        sourceAnchors = try AnchorExtractor(language: source)
        targetAnchors = try AnchorExtractor(language: target)
        model = LengthModel.prior(source, target)
    }

    public func align(_ a: [AlignmentSentence], _ b: [AlignmentSentence]) -> [Bead] {
        var x = PreparedText(a, anchors: sourceAnchors)
        var y = PreparedText(b, anchors: targetAnchors)
        PreparedText.keepSharedRareWords(&x, &y)
        var program = AlignmentProgram(x, y, model: model.calibrated(x.totalLength, y.totalLength))
        return program.run()
    }
}

/// Character-length statistics of a language pair: target length ≈ c · source length, with
/// variance s² per source character.
struct LengthModel: Sendable {
    var c: Double
    var s2: Double

    /// The ratios were estimated on the NTREX-128 development lines (en-tr, en-de, tr-de) and
    /// on the Text+Berg development set (de-fr). The variances estimated there (3.9, 3.0, 5.4,
    /// 3.6) are doubled: sentences of running text, cut by a segmenter, vary more than
    /// hand-split line pairs, and trusting length less lets the anchors decide more often.
    /// Other pairs start from Gale and Church's 1 and 6.8.
    static func prior(_ a: Language, _ b: Language) -> LengthModel {
        let table: [String: LengthModel] = [
            "en-tr": LengthModel(c: 1.08, s2: 7.8), "en-de": LengthModel(c: 1.19, s2: 6.0),
            "tr-de": LengthModel(c: 1.11, s2: 10.8), "de-fr": LengthModel(c: 1.02, s2: 7.2),
        ]
        if let model = table["\(a.code)-\(b.code)"] { return model }
        if let model = table["\(b.code)-\(a.code)"] {
            return LengthModel(c: 1 / model.c, s2: model.s2 / model.c)
        }
        return LengthModel(c: 1, s2: 6.8)
    }

    /// The ratio of this document's total lengths, trusted more the longer the document;
    /// translators of one text are consistent, whatever the pair's average.
    func calibrated(_ sourceLength: Double, _ targetLength: Double) -> LengthModel {
        guard sourceLength > 0, targetLength > 0 else { return self }
        let weight = min(1, sourceLength / 2000)
        let ratio = targetLength / sourceLength
        return LengthModel(c: (1 - weight) * c + weight * ratio, s2: s2)
    }
}

/// Per-sentence figures the program needs, computed once.
struct PreparedText {
    let lengths: [Double]
    var anchors: [AlignmentAnchors]
    /// Running sums (index i holds the sum over sentences 0..<i), so that a bead's totals
    /// cost O(1).
    private(set) var lengthSums: [Double] = []
    private(set) var anchorSums: [Int] = []
    private(set) var numberSums: [Int] = []
    /// paragraphEnd[i]: a paragraph ends after sentence i - 1 (so paragraphEnd[0] and
    /// paragraphEnd[count] are true).
    let paragraphEnd: [Bool]
    let paragraphCount: Int
    let totalLength: Double
    var count: Int { lengths.count }

    init(_ sentences: [AlignmentSentence], anchors extractor: AnchorExtractor) {
        lengths = sentences.map { Double(Self.composedLength($0.text)) }
        anchors = sentences.map { extractor.anchors(of: $0.text) }
        var ends = [true]
        for i in 1..<max(sentences.count, 1) where i < sentences.count {
            ends.append(sentences[i].paragraph != sentences[i - 1].paragraph)
        }
        if !sentences.isEmpty { ends.append(true) }
        paragraphEnd = ends
        paragraphCount = Set(sentences.map(\.paragraph)).count
        totalLength = lengths.reduce(0, +)
        summarize()
    }

    /// Length in scalars of the NFC form; text without combining marks is counted as it is.
    static func composedLength(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x300 && scalar.properties.canonicalCombiningClass != .notReordered {
                return ICUStrings.normalize(text, form: .nfc).unicodeScalars.count
            }
            count += 1
        }
        return count
    }

    mutating func summarize() {
        lengthSums = [0]
        anchorSums = [0]
        numberSums = [0]
        for i in 0..<count {
            lengthSums.append(lengthSums[i] + lengths[i])
            anchorSums.append(anchorSums[i] + anchors[i].hashes.count)
            numberSums.append(numberSums[i] + anchors[i].numbers.count)
        }
    }

    /// A word is a clue only if both texts have it and it is rare in each: a name, a number
    /// word or a cognate, not a word every other sentence has.
    static func keepSharedRareWords(_ x: inout PreparedText, _ y: inout PreparedText) {
        func frequencies(_ text: PreparedText) -> [Int: Int] {
            var counts: [Int: Int] = [:]
            for anchors in text.anchors {
                for word in anchors.words { counts[word, default: 0] += 1 }
            }
            return counts
        }
        let fx = frequencies(x)
        let fy = frequencies(y)
        let limitX = max(3, x.count / 10)
        let limitY = max(3, y.count / 10)
        var kept = Set<Int>()
        for (word, count) in fx where count <= limitX {
            if let other = fy[word], other <= limitY { kept.insert(word) }
        }
        for i in x.anchors.indices { x.anchors[i].restrictWords(to: kept) }
        for j in y.anchors.indices { y.anchors[j].restrictWords(to: kept) }
        x.summarize()
        y.summarize()
    }
}

/// The dynamic program over one pair of texts.
struct AlignmentProgram {
    /// Bead shapes with the negative log of their prior probability: Gale and Church's
    /// frequencies (1-1 0.89, 1-0 and 0-1 0.01 together, 2-1 and 1-2 0.09, 2-2 0.011), with
    /// 1-3 and 3-1 a little rarer than 2-2.
    static let shapes: [(di: Int, dj: Int, prior: Double)] = [
        (1, 1, 0.12), (1, 0, 4.6), (0, 1, 4.6), (2, 1, 3.1), (1, 2, 3.1), (2, 2, 4.9), (3, 1, 5.3),
        (1, 3, 5.3),
    ]

    private let x: PreparedText
    private let y: PreparedText
    private let model: LengthModel
    /// Penalty when a bead ends a paragraph in one text but not in the other.
    private let paragraphPenalty: Double
    private var common: BandedCounts
    private var width: Int

    init(_ x: PreparedText, _ y: PreparedText, model: LengthModel) {
        self.x = x
        self.y = y
        self.model = model
        // Paragraphs that correspond one to one are strong anchors; otherwise weak ones.
        let corresponding = x.paragraphCount == y.paragraphCount && x.paragraphCount > 1
        paragraphPenalty =
            corresponding ? 6.0 : (x.paragraphCount > 1 && y.paragraphCount > 1 ? 0.8 : 0)
        // The band follows the diagonal of the two lengths, so it need not cover their
        // difference; it is widened when the best path touches its edge.
        width = max(20, Int(Double(max(x.count, y.count)).squareRoot()))
        common = BandedCounts()
    }

    mutating func run() -> [Bead] {
        let n = x.count
        let m = y.count
        if n == 0 || m == 0 {
            return (0..<n).map {
                Bead(source: $0..<$0 + 1, target: 0..<0, score: 0.2, flagged: true)
            }
                + (0..<m).map {
                    Bead(source: 0..<0, target: $0..<$0 + 1, score: 0.2, flagged: true)
                }
        }
        while true {
            common = BandedCounts(x, y, center: center, width: width + 3)
            let (path, touchedEdge) = solve()
            if !touchedEdge || width >= max(n, m) { return path }
            width = min(max(n, m), width * 2)
        }
    }

    private func center(_ i: Int) -> Int {
        x.count == 0 ? 0 : Int((Double(i) * Double(y.count) / Double(x.count)).rounded())
    }

    private func solve() -> ([Bead], Bool) {
        let n = x.count
        let m = y.count
        var lo = [Int](repeating: 0, count: n + 1)
        var hi = [Int](repeating: 0, count: n + 1)
        for i in 0...n {
            lo[i] = max(0, center(i) - width)
            hi[i] = min(m, center(i) + width)
        }
        lo[0] = 0
        hi[n] = m
        var offsets = [Int](repeating: 0, count: n + 2)
        for i in 0...n { offsets[i + 1] = offsets[i] + (hi[i] - lo[i] + 1) }
        var cost = [Double](repeating: .infinity, count: offsets[n + 1])
        var back = [UInt8](repeating: 255, count: offsets[n + 1])
        cost[0] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] {
                let cell = offsets[i] + j - lo[i]
                if i == 0 && j == 0 { continue }
                var best = Double.infinity
                var bestShape: UInt8 = 255
                for (s, shape) in Self.shapes.enumerated() {
                    let pi = i - shape.di
                    let pj = j - shape.dj
                    guard pi >= 0, pj >= 0, pj >= lo[pi], pj <= hi[pi] else { continue }
                    let previous = cost[offsets[pi] + pj - lo[pi]]
                    guard previous < best else { continue }
                    let total = previous + beadCost(pi..<i, pj..<j, prior: shape.prior)
                    if total < best {
                        best = total
                        bestShape = UInt8(s)
                    }
                }
                cost[cell] = best
                back[cell] = bestShape
            }
        }
        var beads: [Bead] = []
        var i = n
        var j = m
        var touched = false
        while i > 0 || j > 0 {
            let cell = offsets[i] + j - lo[i]
            let shape = Self.shapes[Int(back[cell])]
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched = true }
            let confidence = beadConfidence(i - shape.di..<i, j - shape.dj..<j)
            beads.append(
                Bead(
                    source: i - shape.di..<i, target: j - shape.dj..<j, score: confidence,
                    flagged: confidence < SentenceAligner.flagThreshold))
            i -= shape.di
            j -= shape.dj
        }
        return (beads.reversed(), touched)
    }

    /// What the cost and the confidence of a bead are computed from.
    private struct Evidence {
        var sourceLength: Double
        var targetLength: Double
        var delta: Double
        var similarity: Double
        var missingNumbers: Int
    }

    private func evidence(_ a: Range<Int>, _ b: Range<Int>) -> Evidence {
        let ls = x.lengthSums[a.upperBound] - x.lengthSums[a.lowerBound]
        let lt = y.lengthSums[b.upperBound] - y.lengthSums[b.lowerBound]
        let anchors =
            x.anchorSums[a.upperBound] - x.anchorSums[a.lowerBound] + y.anchorSums[b.upperBound]
            - y.anchorSums[b.lowerBound]
        let numbers =
            x.numberSums[a.upperBound] - x.numberSums[a.lowerBound] + y.numberSums[b.upperBound]
            - y.numberSums[b.lowerBound]
        var shared = 0
        var sharedNumbers = 0
        for i in a {
            for j in b {
                let counts = common.counts(i, j, x, y)
                shared += counts.all
                sharedNumbers += counts.numbers
            }
        }
        // Length: Gale and Church's δ, on the mean of both lengths so the cost is symmetric.
        let mean = max((ls + lt / model.c) / 2, 1)
        let delta = (lt - model.c * ls) / (model.s2 * mean).squareRoot()
        // Anchors: the share of clues both sides have, smoothed so that one shared name in two
        // short sentences counts less than five in two long ones.
        let similarity = Double(2 * shared) / Double(anchors + 2)
        return Evidence(
            sourceLength: ls, targetLength: lt, delta: delta, similarity: similarity,
            missingNumbers: min(3, numbers - 2 * sharedNumbers))
    }

    /// The cost of a bead: lower is better.
    private func beadCost(_ a: Range<Int>, _ b: Range<Int>, prior: Double) -> Double {
        let e = evidence(a, b)
        // A sentence left untranslated costs its prior and a little per character: Gale and
        // Church's length term would make dropping a long sentence dearer than wrongly merging
        // it with a neighbour.
        let lengthCost =
            a.isEmpty || b.isEmpty
            ? 0.02 * (e.sourceLength + e.targetLength) : LengthCost.of(e.delta)
        var cost = prior + lengthCost - 6.0 * e.similarity + 0.8 * Double(e.missingNumbers)
        if x.paragraphEnd[a.upperBound] != y.paragraphEnd[b.upperBound] { cost += paragraphPenalty }
        return cost
    }

    /// The confidence reported for a chosen bead, in 0...1: high for a 1-1 bead whose lengths
    /// fit and whose anchors agree, low for merges, omissions and missing numbers.
    private func beadConfidence(_ a: Range<Int>, _ b: Range<Int>) -> Double {
        let e = evidence(a, b)
        var z =
            2.6 - 0.9 * abs(e.delta) + 3.0 * e.similarity - 0.9 * Double(min(e.missingNumbers, 2))
        if a.isEmpty || b.isEmpty {
            z -= 4.0
        } else if a.count > 1 || b.count > 1 {
            z -= 0.6 * Double(a.count + b.count - 2)
        }
        return 1 / (1 + exp(-z))
    }
}

/// −log P(|Z| ≥ |δ|) for a standard normal Z: the length cost of Gale and Church, read from a
/// table (it is evaluated millions of times per document).
enum LengthCost {
    private static let step = 0.01
    private static let table: [Double] = (0...1000).map { k in
        -log(max(erfc(Double(k) * 0.01 / 2.0.squareRoot()), 1e-300))
    }

    static func of(_ delta: Double) -> Double {
        let d = abs(delta)
        if d >= 10 {
            // The tail: −log erfc(z) ≈ z² + log(z·√π) with z = d/√2.
            let z = d / 2.0.squareRoot()
            return z * z + log(z * Double.pi.squareRoot())
        }
        let position = d / step
        let k = Int(position)
        let fraction = position - Double(k)
        return table[k] + (table[min(k + 1, 1000)] - table[k]) * fraction
    }
}

/// Shared anchor counts of sentence pairs near the diagonal, computed once per band.
struct BandedCounts {
    private var rows: [(lo: Int, all: [Int32], numbers: [Int32])] = []

    init() {}

    init(_ x: PreparedText, _ y: PreparedText, center: (Int) -> Int, width: Int) {
        rows.reserveCapacity(x.count)
        for i in 0..<x.count {
            let lo = max(0, min(center(i), center(i + 1)) - width)
            let hi = min(y.count - 1, max(center(i), center(i + 1)) + width)
            var all: [Int32] = []
            var numbers: [Int32] = []
            if lo <= hi {
                all.reserveCapacity(hi - lo + 1)
                numbers.reserveCapacity(hi - lo + 1)
                for j in lo...hi {
                    all.append(
                        Int32(AlignmentAnchors.common(x.anchors[i].hashes, y.anchors[j].hashes)))
                    numbers.append(
                        Int32(AlignmentAnchors.common(x.anchors[i].numbers, y.anchors[j].numbers)))
                }
            }
            rows.append((lo, all, numbers))
        }
    }

    func counts(
        _ i: Int, _ j: Int, _ x: PreparedText, _ y: PreparedText
    ) -> (all: Int, numbers: Int) {
        let row = rows[i]
        let k = j - row.lo
        if k >= 0 && k < row.all.count { return (Int(row.all[k]), Int(row.numbers[k])) }
        return (
            AlignmentAnchors.common(x.anchors[i].hashes, y.anchors[j].hashes),
            AlignmentAnchors.common(x.anchors[i].numbers, y.anchors[j].numbers)
        )
    }
}

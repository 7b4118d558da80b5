public import Foundation

/// Alignment quality on the shared gold data: NTREX-128 news (en, tr, de, line-aligned) and
/// Text+Berg (de, fr, hand-aligned blocks).
public enum AlignmentEvaluation {
    public struct Score: Sendable, CustomStringConvertible {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0

        public var precision: Double {
            predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
        }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }

        public var description: String {
            String(format: "P %.4f  R %.4f  F1 %.4f", precision, recall, f1)
        }

        static func + (a: Score, b: Score) -> Score {
            Score(
                truePositives: a.truePositives + b.truePositives,
                predicted: a.predicted + b.predicted,
                gold: a.gold + b.gold)
        }
    }

    // MARK: - NTREX running text

    /// The NTREX documents as running text: per document, the first line is the headline
    /// paragraph and the other lines are joined into paragraphs of `linesPerParagraph` lines
    /// (all of them in one paragraph when nil). Returns, per document and language, the text
    /// and the scalar range of each gold line in it.
    public struct NTREXDocument: Sendable {
        public var id: String
        public var texts: [Language: String]
        public var lines: [Language: [Range<Int>]]
    }

    public static func ntrexDocuments(
        directory: URL, linesPerParagraph: Int?
    ) throws -> [NTREXDocument] {
        let files: [(Language, String)] = [
            (.english, "newstest2019-src.eng.txt"), (.turkish, "newstest2019-ref.tur.txt"),
            (.german, "newstest2019-ref.deu.txt"),
        ]
        let ids = try String(
            contentsOf: directory.appendingPathComponent("DOCUMENT_IDS.tsv"), encoding: .utf8
        )
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [Language: [String]] = [:]
        for (language, name) in files {
            lines[language] = try String(
                contentsOf: directory.appendingPathComponent(name), encoding: .utf8
            )
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var documents: [NTREXDocument] = []
        var start = 0
        let count = lines[.english]!.count
        while start < count {
            let id = ids.indices.contains(start) ? ids[start] : ""
            var end = start
            while end < count && (ids.indices.contains(end) ? ids[end] : "") == id { end += 1 }
            guard !id.isEmpty else {
                start = end + 1
                continue
            }
            var document = NTREXDocument(id: id, texts: [:], lines: [:])
            for (language, _) in files {
                var text = ""
                var scalars = 0
                var ranges: [Range<Int>] = []
                for (k, line) in lines[language]![start..<end].enumerated() {
                    if k > 0 {
                        let paragraphBreak =
                            k == 1 || (linesPerParagraph.map { (k - 1) % $0 == 0 } ?? false)
                        let separator = paragraphBreak ? "\n\n" : " "
                        text += separator
                        scalars += separator.unicodeScalars.count
                    }
                    let length = line.unicodeScalars.count
                    ranges.append(scalars..<scalars + length)
                    text += line
                    scalars += length
                }
                document.texts[language] = text
                document.lines[language] = ranges
            }
            documents.append(document)
            start = end
        }
        return documents
    }

    /// Link F1 of `dragoman align`'s pipeline on NTREX running text for one language pair:
    /// each bead links every gold line its source sentences touch with every gold line its
    /// target sentences touch; gold links are line i with line i.
    public static func ntrexLinkF1(
        _ documents: [NTREXDocument], _ a: Language, _ b: Language
    ) throws -> Score {
        let segmenters = [
            a: try SentenceSegmenter(language: a), b: try SentenceSegmenter(language: b),
        ]
        var total = Score()
        for document in documents {
            var docs: [AlignmentDocument] = []
            for language in [a, b] {
                docs.append(
                    paragraphDocument(document.texts[language]!, language, segmenters[language]!))
            }
            let beads = try MultilingualAligner().align(docs)
            var predicted = Set<[Int]>()
            for bead in beads {
                let la = lines(touchedBy: bead.ranges[a], in: docs[0], document.lines[a]!)
                let lb = lines(touchedBy: bead.ranges[b], in: docs[1], document.lines[b]!)
                for x in la { for y in lb { predicted.insert([x, y]) } }
            }
            let gold = Set(document.lines[a]!.indices.map { [$0, $0] })
            total =
                total
                + Score(
                    truePositives: predicted.intersection(gold).count, predicted: predicted.count,
                    gold: gold.count)
        }
        return total
    }

    /// A text whose paragraphs are separated by blank lines, segmented, offsets into the text.
    static func paragraphDocument(
        _ text: String, _ language: Language, _ segmenter: SentenceSegmenter
    )
        -> AlignmentDocument
    {
        var paragraphs: [String] = []
        var starts: [Int] = []
        var offset = 0
        for part in text.components(separatedBy: "\n\n") {
            paragraphs.append(part)
            starts.append(offset)
            offset += part.unicodeScalars.count + 2
        }
        return AlignmentDocument(language: language, paragraphs: paragraphs, segmenter: segmenter) {
            p, k in
            starts[p] + k
        }
    }

    private static func lines(
        touchedBy range: Range<Int>?, in document: AlignmentDocument, _ lines: [Range<Int>]
    )
        -> [Int]
    {
        guard let range else { return [] }
        var result: [Int] = []
        for sentence in document.sentences[range] {
            for (index, line) in lines.enumerated()
            where line.overlaps(sentence.start..<sentence.end) {
                if result.last != index { result.append(index) }
            }
        }
        return Array(Set(result)).sorted()
    }

    // MARK: - Text+Berg

    public struct TextBergDocument: Sendable {
        public var name: String
        public var german: [String]
        public var french: [String]
        /// Gold blocks: German sentence ids with French sentence ids.
        public var gold: [(german: [Int], french: [Int])]
    }

    public static func textBergDocuments(
        directory: URL, names: [String]
    ) throws -> [TextBergDocument] {
        try names.map { name in
            func read(_ ext: String) throws -> [String] {
                try String(
                    contentsOf: directory.appendingPathComponent("\(name).\(ext)"), encoding: .utf8
                )
                .split(separator: "\n", omittingEmptySubsequences: true).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            }
            let blocks = try read("defr").map { line -> (german: [Int], french: [Int]) in
                let sides = line.split(separator: ":", maxSplits: 1).map { side in
                    side.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).split(
                        separator: ","
                    ).compactMap {
                        Int($0.trimmingCharacters(in: .whitespaces))
                    }
                }
                return (sides[0], sides.count > 1 ? sides[1] : [])
            }
            return TextBergDocument(
                name: name, german: try read("de"), french: try read("fr"), gold: blocks)
        }
    }

    /// Strict block F1 (Sennrich and Volk 2011): a predicted block is right only if exactly
    /// the same block is in the gold; precision over all predicted blocks, recall over gold
    /// blocks that pair sentences on both sides. Input is the given sentence split.
    public static func textBergStrict(_ documents: [TextBergDocument]) throws -> Score {
        var total = Score()
        let french = Language(tag: "fr")!
        for document in documents {
            let de = AlignmentDocument(
                language: .german,
                sentences: document.german.enumerated().map {
                    AlignmentSentence(
                        text: $0.element, start: $0.offset, end: $0.offset + 1, paragraph: 0)
                })
            let fr = AlignmentDocument(
                language: french,
                sentences: document.french.enumerated().map {
                    AlignmentSentence(
                        text: $0.element, start: $0.offset, end: $0.offset + 1, paragraph: 0)
                })
            let beads = try MultilingualAligner().align([de, fr])
            let predicted = beads.map { bead in
                [Array(bead.ranges[.german] ?? 0..<0), [-1], Array(bead.ranges[french] ?? 0..<0)]
            }
            let gold = Set(document.gold.map { [$0.german, [-1], $0.french] })
            let goldPairs = document.gold.filter { !$0.german.isEmpty && !$0.french.isEmpty }
            let right = predicted.filter { gold.contains($0) && !$0[0].isEmpty && !$0[2].isEmpty }
                .count
            total =
                total
                + Score(truePositives: right, predicted: predicted.count, gold: goldPairs.count)
        }
        return total
    }

    /// Link F1 on running text: each document's sentences joined into one paragraph,
    /// re-segmented by Dragoman, aligned, and mapped back to the gold sentence ids by offsets.
    /// `splitsClauses` segments at colons and semicolons as well, as the gold split does.
    public static func textBergRunningText(
        _ documents: [TextBergDocument], splitsClauses: Bool = false
    ) throws -> Score {
        var total = Score()
        let french = Language(tag: "fr")!
        let segmenters = [
            Language.german: try SentenceSegmenter(language: .german, splitsClauses: splitsClauses),
            french: try SentenceSegmenter(language: french, splitsClauses: splitsClauses),
        ]
        for document in documents {
            var docs: [AlignmentDocument] = []
            var spans: [[Range<Int>]] = []
            for (language, sentences) in [
                (Language.german, document.german), (french, document.french),
            ] {
                var text = ""
                var ranges: [Range<Int>] = []
                var offset = 0
                for sentence in sentences {
                    if !text.isEmpty {
                        text += " "
                        offset += 1
                    }
                    let length = sentence.unicodeScalars.count
                    ranges.append(offset..<offset + length)
                    text += sentence
                    offset += length
                }
                docs.append(paragraphDocument(text, language, segmenters[language]!))
                spans.append(ranges)
            }
            let beads = try MultilingualAligner().align(docs)
            var predicted = Set<[Int]>()
            for bead in beads {
                let la = lines(touchedBy: bead.ranges[.german], in: docs[0], spans[0])
                let lb = lines(touchedBy: bead.ranges[french], in: docs[1], spans[1])
                for x in la { for y in lb { predicted.insert([x, y]) } }
            }
            var gold = Set<[Int]>()
            for block in document.gold {
                for x in block.german { for y in block.french { gold.insert([x, y]) } }
            }
            total =
                total
                + Score(
                    truePositives: predicted.intersection(gold).count, predicted: predicted.count,
                    gold: gold.count)
        }
        return total
    }
}

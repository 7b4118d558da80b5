import DragomanKit
import Foundation

/// The document `dragoman check` works on, built from the files given: a news item and its
/// translation (read, segmented and aligned on the fly) or a bilingual file.
struct CheckInput {
    var document: CheckDocument
    var sourceFile: String
    var targetFile: String
    /// Whether spans are offsets into two news files (else within each unit's texts).
    var isNews: Bool

    /// A news item in `from` and its translation in `to`: each read with the news reader,
    /// cut into sentences and aligned; each bead becomes a unit whose texts join the bead's
    /// sentences with a space and keep the way back to each file.
    static func news(
        source: InputFile, target: InputFile, from: Language, to: Language
    ) throws -> CheckInput {
        let items = NewsReader().read(pages: [
            NewsPage(text: source.text, fileName: source.name),
            NewsPage(text: target.text, fileName: target.name),
        ])
        let sides = try zip([from, to], items).map { language, item in
            try NewsSide(item: item, segmenter: SentenceSegmenter(language: language))
        }
        let beads = try SentenceAligner(source: from, target: to)
            .align(sides[0].sentences, sides[1].sentences)
        let units = beads.enumerated().map { number, bead in
            let a = sides[0].joined(bead.source)
            let b = sides[1].joined(bead.target)
            return CheckUnit(
                id: String(number + 1),
                pair: SegmentPair(
                    source: a.text, target: b.text, sourceLanguage: from, targetLanguage: to),
                sourceSentences: bead.source.count, targetSentences: bead.target.count,
                sourceOffsets: a.offsets, targetOffsets: b.offsets)
        }
        return CheckInput(
            document: CheckDocument(sourceLanguage: from, targetLanguage: to, units: units),
            sourceFile: source.name, targetFile: target.name, isNews: true)
    }

    /// A bilingual file (TMX, XLIFF 1.2 or 2.0); the pair is `from`/`to`, or what the file
    /// declares.
    static func bilingual(_ path: String, from: Language?, to: Language?) throws -> CheckInput {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("\(path): no such file")
        }
        let file: ParallelFile
        do {
            if Import.isXLIFF(path) {
                let document = try XLIFFReader.read(contentsOf: URL(fileURLWithPath: path))
                file = ParallelFile(xliff: document, file: path)
                guard !file.units.isEmpty else {
                    throw CLIError("\(path): no unit of the file has a translation to check")
                }
            } else {
                file = try ParallelFile.readTMX(path)
            }
        } catch let error as FileError {
            throw CLIError(error.description)  // TMX and XLIFF readers alike
        }
        guard let pair = file.pair(from: from, to: to) else {
            throw CLIError(
                "\(path): cannot tell the two languages to check; give --from and --to")
        }
        let found = Set(file.languages)
        for language in [pair.from, pair.to] where !found.contains(language) {
            throw CLIError(
                "\(path): no unit has text in \(language.code); the file has "
                    + file.languages.map(\.code).joined(separator: ", "))
        }
        return CheckInput(
            document: file.checkDocument(from: pair.from, to: pair.to), sourceFile: path,
            targetFile: path, isNews: false)
    }
}

/// One side of a news item: its sentences, and for each the paragraph it was cut from and
/// where it starts there, so that positions in a sentence map back to the file.
struct NewsSide {
    var sentences: [AlignmentSentence] = []
    var paragraphs: [NewsParagraph]
    var localStarts: [Int] = []

    init(item: NewsItem, segmenter: SentenceSegmenter) {
        paragraphs = (item.title.map { [$0] } ?? []) + item.paragraphs
        for (index, paragraph) in paragraphs.enumerated() {
            for sentence in segmenter.segment(paragraph.text) {
                sentences.append(
                    AlignmentSentence(
                        text: sentence.text, start: paragraph.sourceOffset(sentence.start),
                        end: paragraph.sourceRange(sentence.start..<sentence.end).upperBound,
                        paragraph: index))
                localStarts.append(sentence.start)
            }
        }
    }

    /// The sentences of `range` joined by spaces, with the file offset of every position.
    func joined(_ range: Range<Int>) -> (text: String, offsets: [Int]) {
        var text = ""
        var offsets: [Int] = []
        for index in range {
            let sentence = sentences[index]
            let paragraph = paragraphs[sentence.paragraph]
            let start = localStarts[index]
            let count = sentence.text.unicodeScalars.count
            if !text.isEmpty {
                text += " "
                // The space between two sentences stands at the end of the first.
            }
            for k in 0..<count { offsets.append(paragraph.sourceOffset(start + k)) }
            offsets.append(sentence.end)
            text += sentence.text
        }
        if offsets.isEmpty { offsets = [0] }
        return (text, offsets)
    }
}

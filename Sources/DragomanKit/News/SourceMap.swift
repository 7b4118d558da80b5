/// Maps scalar offsets of a paragraph's text to scalar offsets of the page it was read from.
///
/// A sorted table of runs. In a straight run each text scalar is one source scalar, in order;
/// any other run (an entity, a collapsed stretch of whitespace) maps all its text scalars to
/// the run's first source scalar and ends where its source stretch ends.
///
/// - Complexity: a look-up is a binary search, O(log r) in the number of runs.
struct SourceMap: Sendable, Hashable {
    struct Run: Sendable, Hashable {
        var text: Int
        var source: Int
        var count: Int
        var sourceCount: Int

        var isStraight: Bool { count == sourceCount }
    }

    private(set) var runs: [Run] = []
    /// Number of text scalars mapped.
    var count: Int { runs.last.map { $0.text + $0.count } ?? 0 }

    init() {}

    init(linearFrom start: Int, count: Int) {
        runs = [Run(text: 0, source: start, count: count, sourceCount: count)]
    }

    /// Appends the next text scalar, which stands for `sourceCount` scalars at `source`.
    mutating func append(source: Int, sourceCount: Int) {
        let text = count
        if var last = runs.last, last.isStraight, sourceCount == 1,
            last.source + last.sourceCount == source
        {
            last.count += 1
            last.sourceCount += 1
            runs[runs.count - 1] = last
            return
        }
        runs.append(Run(text: text, source: source, count: 1, sourceCount: sourceCount))
    }

    func sourceOffset(_ offset: Int) -> Int {
        guard let last = runs.last else { return 0 }
        if offset >= count { return last.source + last.sourceCount }
        let run = runs[index(containing: max(offset, 0))]
        return run.isStraight ? run.source + (offset - run.text) : run.source
    }

    /// Where the scalar before `offset` ends in the source.
    func sourceEnd(_ offset: Int) -> Int {
        guard offset > 0, !runs.isEmpty else { return sourceOffset(0) }
        let last = min(offset, count) - 1
        let run = runs[index(containing: last)]
        return run.isStraight ? run.source + (last - run.text) + 1 : run.source + run.sourceCount
    }

    /// The map of the text scalars `range`, counted from 0.
    func slice(_ range: Range<Int>) -> SourceMap {
        var out = SourceMap()
        guard !range.isEmpty, !runs.isEmpty else { return out }
        for run in runs[index(containing: range.lowerBound)...] {
            guard run.text < range.upperBound else { break }
            let lower = max(run.text, range.lowerBound)
            let upper = min(run.text + run.count, range.upperBound)
            if run.isStraight {
                out.runs.append(
                    Run(
                        text: lower - range.lowerBound, source: run.source + (lower - run.text),
                        count: upper - lower, sourceCount: upper - lower))
            } else {
                out.runs.append(
                    Run(
                        text: lower - range.lowerBound, source: run.source, count: upper - lower,
                        sourceCount: run.sourceCount))
            }
        }
        return out
    }

    private func index(containing offset: Int) -> Int {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].text <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

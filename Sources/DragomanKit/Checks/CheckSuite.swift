/// The checks `dragoman check` runs, and the run itself: every pair check on every unit with
/// text on both sides, every document check on the whole document, the configuration applied
/// to what they find.
public struct CheckSuite: Sendable {
    /// The checks that judge one sentence pair on its own (numbers, dates, form). Register a
    /// new ``PairCheck`` here.
    public static let pairChecks: [any PairCheck] = PairChecks.all

    /// The checks that need the glossary, the memory or the document.
    public static let documentChecks: [any DocumentCheck] = [
        TerminologyCheck(), DottedICheck(), NamesCheck(), MemoryConsistencyCheck(),
        SelfConsistencyCheck(), OmissionCheck(), UntranslatedCheck(),
    ]

    public var pairChecks: [any PairCheck]
    public var documentChecks: [any DocumentCheck]
    public var configuration: CheckConfiguration

    public init(
        pairChecks: [any PairCheck] = CheckSuite.pairChecks,
        documentChecks: [any DocumentCheck] = CheckSuite.documentChecks,
        configuration: CheckConfiguration = CheckConfiguration()
    ) {
        self.pairChecks = pairChecks
        self.documentChecks = documentChecks
        self.configuration = configuration
    }

    /// Every id a finding of the registered checks may carry.
    public static var knownIDs: [String] {
        pairChecks.flatMap(\.ids) + documentChecks.flatMap(\.ids)
    }

    /// The findings on `document`, in unit order, then by place (source, then target).
    ///
    /// - Throws: only what the memory lookup throws; findings are returned.
    public func run(_ document: CheckDocument, context: CheckContext) throws -> [LocatedFinding] {
        var found: [LocatedFinding] = []
        for check in documentChecks where check.ids.contains(where: configuration.isEnabled) {
            found += try check.findings(in: document, context: context)
        }
        let pairs = pairChecks.filter { $0.ids.contains(where: configuration.isEnabled) }
        if !pairs.isEmpty {
            for (index, unit) in document.units.enumerated() where unit.isPaired {
                for check in pairs {
                    found += check.findings(in: unit.pair).map {
                        LocatedFinding(unit: index, finding: $0)
                    }
                }
            }
        }
        let configured = found.compactMap { located -> LocatedFinding? in
            configuration.apply(located.finding).map {
                LocatedFinding(unit: located.unit, finding: $0)
            }
        }
        return configured.enumerated().sorted { a, b in
            let x = a.element
            let y = b.element
            if x.unit != y.unit { return x.unit < y.unit }
            let xs = x.finding.source?.lowerBound ?? Int.max
            let ys = y.finding.source?.lowerBound ?? Int.max
            if xs != ys { return xs < ys }
            let xt = x.finding.target?.lowerBound ?? Int.max
            let yt = y.finding.target?.lowerBound ?? Int.max
            if xt != yt { return xt < yt }
            return a.offset < b.offset
        }.map(\.element)
    }
}

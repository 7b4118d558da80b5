/// How serious a check's finding is. `error` findings make `dragoman check` exit with status 1.
public enum CheckSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info
    case warning
    case error

    public static func < (lhs: CheckSeverity, rhs: CheckSeverity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// One aligned sentence pair (or bead) as the checks see it: the texts as read, with their
/// languages.
public struct SegmentPair: Sendable, Hashable {
    public var source: String
    public var target: String
    public var sourceLanguage: Language
    public var targetLanguage: Language

    public init(source: String, target: String, sourceLanguage: Language, targetLanguage: Language)
    {
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }
}

/// A result of a check: what is wrong, how serious it is, and where.
///
/// Findings are returned values, not errors: a check never throws. Spans are 0-based,
/// end-exclusive offsets in Unicode scalars of the texts the check was given (a pair's source
/// and target); the caller maps them into the files they came from.
public struct CheckFinding: Sendable, Hashable {
    /// The id of the check that raised it, such as `numbers` or `form.double-space`.
    public var check: String
    public var severity: CheckSeverity
    /// One sentence that says what is wrong and what to fix.
    public var message: String
    public var source: Range<Int>?
    public var target: Range<Int>?

    public init(
        check: String, severity: CheckSeverity, message: String, source: Range<Int>? = nil,
        target: Range<Int>? = nil
    ) {
        self.check = check
        self.severity = severity
        self.message = message
        self.source = source
        self.target = target
    }
}

/// A check that judges one aligned pair on its own, without a glossary, a memory or the rest of
/// the document: numbers, punctuation, brackets, spacing.
public protocol PairCheck: Sendable {
    /// The id findings carry and the configuration names; a family shares a prefix
    /// (`form.double-space`, `form.brackets`).
    var id: String { get }
    /// Every id the check's findings may carry: its own, or a family (`numbers`,
    /// `numbers.percent`, ...) for a check that reports several kinds from one reading.
    var ids: [String] { get }
    func findings(in pair: SegmentPair) -> [CheckFinding]
}

extension PairCheck {
    public var ids: [String] { [id] }
}

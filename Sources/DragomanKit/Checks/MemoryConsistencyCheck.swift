/// A sentence the memory already holds, translated otherwise here (`memory.inconsistent`,
/// warning).
///
/// The memory is asked for stored sentences equal to the source (after normalization); when
/// it has some and none of their translations matches the target (after normalization), the
/// unit is flagged with the stored translation, so that the reviser keeps one wording or
/// updates the memory.
public struct MemoryConsistencyCheck: DocumentCheck {
    public static let id = "memory.inconsistent"

    public var ids: [String] { [Self.id] }

    public init() {}

    public func findings(
        in document: CheckDocument, context: CheckContext
    ) throws
        -> [LocatedFinding]
    {
        guard let memory = context.memory else { return [] }
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() where unit.isPaired {
            let stored = try memory.translations(
                of: unit.pair.source, from: document.sourceLanguage, to: document.targetLanguage)
            guard let first = stored.first else { continue }
            let target = ConsistencyKey.make(unit.pair.target)
            guard !stored.contains(where: { ConsistencyKey.make($0.target) == target }) else {
                continue
            }
            found.append(
                LocatedFinding(
                    unit: index, covering: unit, check: Self.id, severity: .warning,
                    message:
                        "The memory translates this sentence as “\(first.target)” (unit \(first.unitID)): use that wording or update the memory."
                ))
        }
        return found
    }
}

/// The same source sentence translated two ways within one document
/// (`memory.self-inconsistent`, warning).
///
/// Sentences of fewer than three words are left out: "Yes." or a dateline may rightly be
/// rendered differently in different places.
public struct SelfConsistencyCheck: DocumentCheck {
    public static let id = "memory.self-inconsistent"

    public var ids: [String] { [Self.id] }

    public init() {}

    public func findings(in document: CheckDocument, context: CheckContext) -> [LocatedFinding] {
        var first: [String: Int] = [:]
        var found: [LocatedFinding] = []
        for (index, unit) in document.units.enumerated() where unit.isPaired {
            let words = context.tokens(unit.pair.source, document.sourceLanguage).filter {
                $0.kind == .word
            }
            guard words.count >= 3 else { continue }
            let key = ConsistencyKey.make(unit.pair.source)
            guard let earlier = first[key] else {
                first[key] = index
                continue
            }
            let before = document.units[earlier]
            guard ConsistencyKey.make(before.pair.target) != ConsistencyKey.make(unit.pair.target)
            else { continue }
            found.append(
                LocatedFinding(
                    unit: index, covering: unit, check: Self.id, severity: .warning,
                    message:
                        "This sentence was translated otherwise in unit \(before.id): “\(before.pair.target)”; use one wording."
                ))
        }
        return found
    }
}

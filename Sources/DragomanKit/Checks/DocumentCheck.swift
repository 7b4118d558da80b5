/// A check that needs more than one pair: the glossary, the memory, the other units of the
/// document, or the shape of the alignment.
///
/// Like ``PairCheck`` it returns findings and never throws for what it finds; it may throw
/// only when a resource it reads (the memory) fails, and then the run cannot go on.
public protocol DocumentCheck: Sendable {
    /// The ids its findings carry; the configuration may name them or a prefix of them.
    var ids: [String] { get }
    func findings(in document: CheckDocument, context: CheckContext) throws -> [LocatedFinding]
}

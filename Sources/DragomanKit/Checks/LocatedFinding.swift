/// A finding with the unit it was raised on: spans are within that unit's texts.
public struct LocatedFinding: Sendable, Hashable {
    /// Index of the unit in ``CheckDocument/units``.
    public var unit: Int
    public var finding: CheckFinding

    public init(unit: Int, finding: CheckFinding) {
        self.unit = unit
        self.finding = finding
    }
}

/// A finding with the unit it was raised on: spans are within that unit's texts.
public struct LocatedFinding: Sendable, Hashable {
    /// Index of the unit in ``CheckDocument/units``.
    public var unit: Int
    public var finding: CheckFinding

    public init(unit: Int, finding: CheckFinding) {
        self.unit = unit
        self.finding = finding
    }

    /// A finding on a whole unit: its spans cover all of the source and all of the target.
    public init(
        unit index: Int, covering unit: CheckUnit, check: String, severity: CheckSeverity,
        message: String
    ) {
        self.init(
            unit: index,
            finding: CheckFinding(
                check: check, severity: severity, message: message,
                source: 0..<unit.pair.source.unicodeScalars.count,
                target: 0..<unit.pair.target.unicodeScalars.count))
    }
}

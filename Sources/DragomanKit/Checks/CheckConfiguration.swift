/// Which checks run and how serious their findings are, as a workspace's
/// `dragoman-check.json` sets them:
///
/// ```json
/// {
///   "disable": ["names", "terminology.missing"],
///   "severity": {"memory": "error", "omission": "warning"},
///   "failOn": "warning"
/// }
/// ```
///
/// An id names a check or, before a dot, a family (`terminology` is every `terminology.…`
/// check). Where several severity entries apply, the longest id wins.
public struct CheckConfiguration: Sendable, Hashable {
    public var disabled: [String]
    public var severities: [String: CheckSeverity]
    /// The least severity that makes `dragoman check` exit with status 1, when set.
    public var failOn: CheckSeverity?

    public init(
        disabled: [String] = [], severities: [String: CheckSeverity] = [:],
        failOn: CheckSeverity? = nil
    ) {
        self.disabled = disabled
        self.severities = severities
        self.failOn = failOn
    }

    /// Whether configuration id `rule` covers finding id `check`: the same id, or a family of
    /// it.
    public static func covers(_ rule: String, _ check: String) -> Bool {
        check == rule || check.hasPrefix(rule + ".")
    }

    public func isEnabled(_ check: String) -> Bool {
        !disabled.contains { Self.covers($0, check) }
    }

    /// `finding` as configured: nil when its check is off, with its severity changed when the
    /// configuration says so.
    public func apply(_ finding: CheckFinding) -> CheckFinding? {
        guard isEnabled(finding.check) else { return nil }
        var result = finding
        if let rule = severities.keys.filter({ Self.covers($0, finding.check) })
            .max(by: { $0.count < $1.count })
        {
            result.severity = severities[rule]!
        }
        return result
    }
}

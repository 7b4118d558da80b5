extension CheckConfiguration {
    /// Reads a configuration file's text.
    ///
    /// - Parameter knownIDs: the ids of the checks that exist; an id in the file must be one
    ///   of them or a family of some (`terminology`), so that a typing error does not silently
    ///   leave a check on.
    public static func read(
        _ text: String, file: String, knownIDs: [String]
    ) throws(CheckConfigurationError) -> CheckConfiguration {
        func fail(_ position: PositionedJSON.Position, _ message: String) -> CheckConfigurationError
        {
            CheckConfigurationError(
                file: file, line: position.line, column: position.column, message: message)
        }
        let json: PositionedJSON
        do {
            json = try PositionedJSON.parse(text)
        } catch {
            throw fail(error.position, error.message)
        }
        guard case .object(let members, _) = json else {
            throw fail(json.position, "the configuration must be a JSON object, not \(json.kind)")
        }
        func checkID(_ value: PositionedJSON) throws(CheckConfigurationError) -> String {
            guard case .string(let id, let position) = value else {
                throw fail(value.position, "a check id must be a string, not \(value.kind)")
            }
            guard knownIDs.contains(where: { covers(id, $0) || covers($0, id) }) else {
                throw fail(
                    position,
                    "unknown check “\(id)”; known checks: \(knownIDs.joined(separator: ", "))")
            }
            return id
        }
        func severity(_ value: PositionedJSON) throws(CheckConfigurationError) -> CheckSeverity {
            guard case .string(let name, _) = value, let severity = CheckSeverity(rawValue: name)
            else {
                throw fail(value.position, "a severity must be \"error\", \"warning\" or \"info\"")
            }
            return severity
        }
        var configuration = CheckConfiguration()
        for member in members {
            switch member.key {
            case "disable":
                guard case .array(let items, _) = member.value else {
                    throw fail(
                        member.value.position,
                        "\"disable\" must be an array of check ids, not \(member.value.kind)")
                }
                for item in items { configuration.disabled.append(try checkID(item)) }
            case "severity":
                guard case .object(let entries, _) = member.value else {
                    throw fail(
                        member.value.position,
                        "\"severity\" must be an object of check ids and severities, not \(member.value.kind)"
                    )
                }
                for entry in entries {
                    let id = try checkID(.string(entry.key, entry.keyPosition))
                    configuration.severities[id] = try severity(entry.value)
                }
            case "failOn":
                configuration.failOn = try severity(member.value)
            default:
                throw fail(
                    member.keyPosition,
                    "unknown setting “\(member.key)”; use \"disable\", \"severity\" or \"failOn\"")
            }
        }
        return configuration
    }
}

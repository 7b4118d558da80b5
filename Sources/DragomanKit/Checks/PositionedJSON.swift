/// A JSON value with the line and column where it starts, for configuration files whose
/// errors must point at the place to fix.
///
/// A small strict reader (RFC 8259: no comments, no trailing commas), because a configuration
/// error must say where it is, also for a value that parses but means nothing, such as an
/// unknown check id.
indirect enum PositionedJSON: Sendable, Hashable {
    case object([Member], Position)
    case array([PositionedJSON], Position)
    case string(String, Position)
    case number(Double, Position)
    case bool(Bool, Position)
    case null(Position)

    struct Member: Sendable, Hashable {
        var key: String
        var keyPosition: Position
        var value: PositionedJSON
    }

    /// 1-based line and column (in Unicode scalars).
    struct Position: Sendable, Hashable {
        var line: Int
        var column: Int
    }

    struct SyntaxError: Error, Sendable {
        var position: Position
        var message: String
    }

    var position: Position {
        switch self {
        case .object(_, let p), .array(_, let p), .string(_, let p), .number(_, let p),
            .bool(_, let p), .null(let p):
            p
        }
    }

    /// What the value is, for messages: "an object", "a string".
    var kind: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    static func parse(_ text: String) throws(SyntaxError) -> PositionedJSON {
        var reader = Reader(Array(text.unicodeScalars))
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.atEnd else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            if scalars.first == "\u{FEFF}" { index = 1 }
        }

        var atEnd: Bool { index >= scalars.count }
        var here: Position { Position(line: line, column: column) }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(position: here, message: message)
        }

        mutating func advance() {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        mutating func skipSpace() {
            while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws(SyntaxError) {
            guard current == scalar else {
                throw error(
                    current.map { "expected “\(scalar)”, found “\($0)”" }
                        ?? "expected “\(scalar)”, found the end of the file")
            }
            advance()
        }

        mutating func value(depth: Int) throws(SyntaxError) -> PositionedJSON {
            guard depth < 64 else { throw error("the JSON is nested too deeply") }
            let start = here
            guard let c = current else {
                throw error("expected a value, found the end of the file")
            }
            switch c {
            case "{":
                advance()
                var members: [Member] = []
                skipSpace()
                if current == "}" {
                    advance()
                    return .object(members, start)
                }
                while true {
                    skipSpace()
                    let keyPosition = here
                    guard current == "\"" else { throw error("expected a quoted key") }
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    members.append(
                        Member(
                            key: key, keyPosition: keyPosition, value: try value(depth: depth + 1)))
                    skipSpace()
                    if current == "," {
                        advance()
                        continue
                    }
                    try expect("}")
                    return .object(members, start)
                }
            case "[":
                advance()
                var items: [PositionedJSON] = []
                skipSpace()
                if current == "]" {
                    advance()
                    return .array(items, start)
                }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if current == "," {
                        advance()
                        continue
                    }
                    try expect("]")
                    return .array(items, start)
                }
            case "\"":
                return .string(try string(), start)
            case "t":
                try word("true")
                return .bool(true, start)
            case "f":
                try word("false")
                return .bool(false, start)
            case "n":
                try word("null")
                return .null(start)
            case "-", "0"..."9":
                var text = ""
                while let d = current, "0123456789+-.eE".unicodeScalars.contains(d) {
                    text.unicodeScalars.append(d)
                    advance()
                }
                guard let number = Double(text) else {
                    throw SyntaxError(position: start, message: "“\(text)” is not a number")
                }
                return .number(number, start)
            default:
                throw error("unexpected “\(c)”")
            }
        }

        mutating func word(_ text: String) throws(SyntaxError) {
            for scalar in text.unicodeScalars {
                guard current == scalar else { throw error("expected “\(text)”") }
                advance()
            }
        }

        mutating func string() throws(SyntaxError) -> String {
            advance()
            var out = String.UnicodeScalarView()
            while true {
                guard let c = current else { throw error("the string is not closed") }
                if c == "\"" {
                    advance()
                    return String(out)
                }
                if c.value < 0x20 { throw error("a control character in a string") }
                if c == "\\" {
                    advance()
                    guard let e = current else { throw error("the string is not closed") }
                    advance()
                    switch e {
                    case "\"": out.append("\"")
                    case "\\": out.append("\\")
                    case "/": out.append("/")
                    case "b": out.append("\u{8}")
                    case "f": out.append("\u{C}")
                    case "n": out.append("\n")
                    case "r": out.append("\r")
                    case "t": out.append("\t")
                    case "u":
                        var hex = ""
                        for _ in 0..<4 {
                            guard let h = current, h.properties.isASCIIHexDigit else {
                                throw error("expected four hex digits after \\u")
                            }
                            hex.unicodeScalars.append(h)
                            advance()
                        }
                        out.append(Unicode.Scalar(UInt32(hex, radix: 16)!) ?? "\u{FFFD}")
                    default: throw error("unknown escape \\\(e)")
                    }
                    continue
                }
                out.append(c)
                advance()
            }
        }
    }
}

extension GlossaryTable {
    /// The fields of one table row and where each starts, for error messages.
    struct Row {
        var fields: [String] = []
        /// 1-based line of the row's start.
        var line: Int
        /// 1-based column (in characters) of each field's start.
        var columns: [Int] = []
        /// The column just after the row's last character.
        var endColumn = 1
    }

    /// Tab-separated rows: one per line, blank lines skipped, fields taken literally.
    static func tsvRows(_ text: String) -> [Row] {
        var rows: [Row] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so line breaks are split as characters.
        let lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for line in lines {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            var row = Row(line: lineNumber)
            var column = 1
            var fieldStart = 1
            var field = ""
            for character in line {
                if character == "\t" {
                    row.fields.append(field)
                    row.columns.append(fieldStart)
                    field = ""
                    fieldStart = column + 1
                } else {
                    field.append(character)
                }
                column += 1
            }
            row.fields.append(field)
            row.columns.append(fieldStart)
            row.endColumn = column
            rows.append(row)
        }
        return rows
    }

    /// RFC 4180 rows: quoted fields may hold separators, quotes (doubled) and line breaks.
    static func csvRows(_ text: String, file: String?) throws(GlossaryError) -> [Row] {
        let firstLine = text.prefix { $0 != "\n" }
        let separator: Character =
            !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
        var rows: [Row] = []
        var line = 1
        var column = 1
        var row = Row(line: 1)
        var field = ""
        var fieldStart = 1
        var quoted = false
        var inQuotes = false
        var afterQuote = false
        var rowHasContent = false

        func endField() {
            row.fields.append(field)
            row.columns.append(fieldStart)
            field = ""
            quoted = false
            afterQuote = false
        }
        func endRow() {
            endField()
            row.endColumn = column
            if rowHasContent || row.fields.count > 1 { rows.append(row) }
            row = Row(line: line + 1)
            rowHasContent = false
        }

        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                    pending = next
                    continue
                }
                field.append(character)
                if character.isNewline {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
                rowHasContent = true
                column += 1
            case separator:
                endField()
                column += 1
                fieldStart = column
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                column = 1
                fieldStart = 1
            default:
                if afterQuote && !character.isWhitespace {
                    throw GlossaryError(
                        file: file, line: line, column: column,
                        message: "text after a closing quote; double a quote inside a quoted field")
                }
                if !character.isWhitespace { rowHasContent = true }
                if !afterQuote { field.append(character) }
                column += 1
            }
        }
        if inQuotes {
            throw GlossaryError(
                file: file, line: row.line, column: fieldStart,
                message: "a quoted field is not closed")
        }
        if rowHasContent || !row.fields.isEmpty { endRow() }
        return rows
    }
}

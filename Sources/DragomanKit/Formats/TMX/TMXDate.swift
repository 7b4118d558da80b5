public import Foundation

/// TMX dates: `YYYYMMDDThhmmssZ`, always UTC.
///
/// Converted with civil-calendar arithmetic rather than a `DateFormatter`, which costs more
/// than the rest of writing a unit.
public enum TMXDate {
    /// The TMX form of `date`, to the second (milliseconds are dropped).
    public static func string(_ date: Date) -> String {
        let (year, month, day, time) = fields(date)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var yearText = String(year)
        while yearText.count < 4 { yearText = "0" + yearText }
        return yearText + two(month) + two(day) + "T" + two(time / 3600) + two(time / 60 % 60)
            + two(time % 60) + "Z"
    }

    /// Appends ``string(_:)`` of `date` to `output`; the digits of the years 0 to 9999 are
    /// written in place, as an export writes two dates a unit.
    static func append(_ date: Date, to output: TMXByteBuffer) {
        let (year, month, day, time) = fields(date)
        guard (0...9999).contains(year) else { return output.append(contentsOf: string(date)) }
        let target = output.reserve(16)
        @inline(__always) func put(_ value: Int64, _ at: Int, _ width: Int) {
            var value = value
            for index in stride(from: at + width - 1, through: at, by: -1) {
                target[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
                value /= 10
            }
        }
        put(year, 0, 4)
        put(month, 4, 2)
        put(day, 6, 2)
        target[8] = UInt8(ascii: "T")
        put(time / 3600, 9, 2)
        put(time / 60 % 60, 11, 2)
        put(time % 60, 13, 2)
        target[15] = UInt8(ascii: "Z")
        output.commit(16)
    }

    /// The civil date of `date` (UTC) and the seconds of its day.
    private static func fields(_ date: Date) -> (Int64, Int64, Int64, time: Int64) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (year, month, day) = civil(fromDays: days)
        return (year, month, day, seconds - days * 86_400)
    }

    /// The date of a TMX date string, or nil when it is not in `YYYYMMDDThhmmssZ` form.
    public static func date(_ text: String) -> Date? {
        var text = text
        return text.withUTF8(date)
    }

    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte &- 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13),
            let second = number(13..<15), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let days = days(fromCivil: year, month, day)
        return Date(
            timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    // Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian calendar).
    private static func days(fromCivil y: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

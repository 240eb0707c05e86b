// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads ISO 8601 / RFC 3339 dates byte by byte: `YYYY-MM-DD`, an optional `T` or space and
/// `hh:mm[:ss[.fff]]`, and an optional `Z`, `±hh:mm`, `±hhmm` or `±hh`.
enum ISODateScanner {
    static func scan(_ bytes: [UInt8], allowingTrailingText: Bool) -> PublicationDate? {
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<width {
                let byte = bytes[index + offset]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += width
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        func zone() -> Int? {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
            let zoneStart = index
            let sign: Int
            if take(UInt8(ascii: "+")) {
                sign = 1
            } else if take(UInt8(ascii: "-")) {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(2), hours <= 14 else {
                index = zoneStart
                return nil
            }
            var minutes = 0
            if take(UInt8(ascii: ":")) {
                guard let parsed = number(2) else {
                    index = zoneStart
                    return nil
                }
                minutes = parsed
            } else if let parsed = number(2) {
                minutes = parsed
            }
            return sign * (hours * 3600 + minutes * 60)
        }
        guard let year = number(4) else { return nil }
        let separator: UInt8 = take(UInt8(ascii: "-")) ? UInt8(ascii: "-") : UInt8(ascii: "/")
        guard separator == UInt8(ascii: "-") || take(UInt8(ascii: "/")) else { return nil }
        guard let month = number(2), take(separator), let day = number(2) else { return nil }
        guard CivilTime.isValid(year: year, month: month, day: day) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset: Int?
        let timeStart = index
        if take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(0x20) {
            if let parsedHour = number(2), take(UInt8(ascii: ":")), let parsedMinute = number(2) {
                hour = parsedHour
                minute = parsedMinute
                if take(UInt8(ascii: ":")) {
                    guard let parsedSecond = number(2) else { return nil }
                    second = parsedSecond
                    if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                        var scale = 0.1
                        while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                            fraction += Double(bytes[index] - 0x30) * scale
                            scale /= 10
                            index += 1
                        }
                    }
                }
                guard hour < 24 || (hour == 24 && minute == 0 && second == 0), minute < 60, second <= 60 else {
                    return nil
                }
                _ = take(0x20)
                offset = zone()
            } else {
                index = timeStart
            }
        }
        if index < bytes.count {
            guard allowingTrailingText else { return nil }
            // A date glued to more digits or letters ("2025-03-251") is not a date.
            let next = bytes[index]
            let isAlphanumeric = (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
            guard !isAlphanumeric else { return nil }
        }
        let instant = CivilTime.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: fraction,
            offsetSeconds: offset ?? 0
        )
        return PublicationDate(instant: instant, utcOffsetSeconds: offset)
    }
}

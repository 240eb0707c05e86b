// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Matches tokens of a date written with month names or slashes, then an optional time and zone.
///
/// Month and zone names are English only: those are what RFC 2822 and English-language pages
/// use, and a guessed reading of another language's abbreviations could give a wrong date.
enum WordyDateGrammar {
    static func match(_ tokens: inout [DateToken], allowingTrailingText: Bool) -> PublicationDate? {
        var cursor = 0
        func peek() -> DateToken? { cursor < tokens.count ? tokens[cursor] : nil }
        func word() -> String? {
            guard case .word(let text) = peek() else { return nil }
            return text
        }
        func number(maxDigits: Int = 9) -> (value: Int, digits: Int)? {
            guard case .number(let value, let digits) = peek(), digits <= maxDigits else { return nil }
            cursor += 1
            return (value, digits)
        }
        func skip(_ symbols: [UInt8]) -> Bool {
            guard case .symbol(let byte) = peek(), symbols.contains(byte) else { return false }
            cursor += 1
            return true
        }

        func zone() -> Int? {
            if let name = word(), let known = zoneNames[name] {
                cursor += 1
                // "GMT+2" / "UTC-05:00"
                if let extra = numericZone() { return known + extra }
                return known
            }
            return numericZone()
        }
        func numericZone() -> Int? {
            let start = cursor
            let sign: Int
            if skip([UInt8(ascii: "+")]) {
                sign = 1
            } else if skip([UInt8(ascii: "-")]) {
                sign = -1
            } else {
                return nil
            }
            guard let first = number(maxDigits: 4) else {
                cursor = start
                return nil
            }
            var hours = first.value
            var minutes = 0
            if first.digits == 4 {
                (hours, minutes) = (first.value / 100, first.value % 100)
            } else if skip([UInt8(ascii: ":")]), let parsed = number(maxDigits: 2) {
                minutes = parsed.value
            }
            guard hours <= 14, minutes < 60 else {
                cursor = start
                return nil
            }
            return sign * (hours * 3600 + minutes * 60)
        }
        if let name = word(), weekdays.contains(name) {
            cursor += 1
            _ = skip([UInt8(ascii: ".")])
        }
        var year = 0
        var month = 0
        var day = 0
        if let name = word(), let named = months[name] {
            // March 25, 2025
            cursor += 1
            _ = skip([UInt8(ascii: ".")])
            guard let parsedDay = number(maxDigits: 2) else { return nil }
            guard let parsedYear = number(maxDigits: 4), parsedYear.digits == 4 else { return nil }
            (year, month, day) = (parsedYear.value, named, parsedDay.value)
        } else if let first = number(maxDigits: 2) {
            let dashes: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")]
            let firstSeparator = peek()
            _ = skip(dashes)
            if let name = word(), let named = months[name] {
                // 25 March 2025, 25-Mar-2025
                cursor += 1
                _ = skip(dashes)
                guard let parsedYear = number(maxDigits: 4), parsedYear.digits == 4 else { return nil }
                (year, month, day) = (parsedYear.value, named, first.value)
            } else if case .symbol(let separator) = firstSeparator, let second = number(maxDigits: 2),
                skip([separator]), let parsedYear = number(maxDigits: 4), parsedYear.digits == 4
            {
                // 25/03/2025 or 03/25/2025: only when the reading is forced.
                let (a, b) = (first.value, second.value)
                if a > 12 && b <= 12 {
                    (day, month) = (a, b)
                } else if b > 12 && a <= 12 {
                    (day, month) = (b, a)
                } else if a == b {
                    (day, month) = (a, a)
                } else {
                    return nil
                }
                year = parsedYear.value
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard CivilTime.isValid(year: year, month: month, day: day) else { return nil }

        var hour = 0
        var minute = 0
        var second = 0
        var offset: Int?
        let timeStart = cursor
        if word() == "at" { cursor += 1 }
        _ = skip([UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: "@")])
        if let parsedHour = number(maxDigits: 2), skip([UInt8(ascii: ":")]), let parsedMinute = number(maxDigits: 2) {
            (hour, minute) = (parsedHour.value, parsedMinute.value)
            if skip([UInt8(ascii: ":")]) {
                guard let parsedSecond = number(maxDigits: 2) else { return nil }
                second = parsedSecond.value
            }
            if let meridiem = word(), meridiem == "am" || meridiem == "pm" {
                cursor += 1
                guard (1...12).contains(hour) else { return nil }
                hour = hour % 12 + (meridiem == "pm" ? 12 : 0)
            } else if word() == "a" || word() == "p" {
                // "a.m." / "p.m."
                let isAfternoon = word() == "p"
                cursor += 1
                guard skip([UInt8(ascii: ".")]), word() == "m", (1...12).contains(hour) else { return nil }
                cursor += 1
                _ = skip([UInt8(ascii: ".")])
                hour = hour % 12 + (isAfternoon ? 12 : 0)
            }
            guard hour < 24, minute < 60, second <= 60 else { return nil }
            offset = zone()
        } else {
            cursor = timeStart
        }
        // An RFC 2822 comment such as "(UTC)" or "(PST)" repeats the zone.
        if offset != nil, peek() == .symbol(UInt8(ascii: "(")), tokens.count - cursor == 3 {
            cursor = tokens.count
        }
        guard cursor == tokens.count || allowingTrailingText else { return nil }
        let instant = CivilTime.instant(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: 0,
            offsetSeconds: offset ?? 0
        )
        return PublicationDate(instant: instant, utcOffsetSeconds: offset)
    }

    private static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    private static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
        "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    /// RFC 2822 §4.3 names, plus UTC and the central European names common in European feeds.
    private static let zoneNames: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0,
        "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
        "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
        "cet": 3600, "cest": 7200,
    ]
}

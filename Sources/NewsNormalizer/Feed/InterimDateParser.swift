// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Parses the date formats feeds, pages and scrapers write: ISO 8601 / RFC 3339 and RFC 822.
///
/// Interim: the shared date parser in `Metadata/` will replace it. Until then it is kept small
/// and allocation-free (no `DateFormatter`, which is slow and locale-sensitive), and it returns
/// `nil` rather than guessing, because a wrong date is worse than none in a date filter.
enum InterimDateParser {
    static func parse(_ text: String) -> PublicationDate? {
        let scalars = Array(text.unicodeScalars.drop { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard let first = scalars.first else { return nil }
        if (0x30...0x39).contains(first.value), let date = parseISO(scalars) { return date }
        return parseRFC822(scalars)
    }

    // MARK: ISO 8601

    private static func parseISO(_ s: [Unicode.Scalar]) -> PublicationDate? {
        var cursor = Cursor(s)
        guard let year = cursor.number(digits: 4), cursor.skip("-"), let month = cursor.number(digits: 2),
            cursor.skip("-"), let day = cursor.number(digits: 2)
        else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset: Int?
        if cursor.skip("T") || cursor.skip("t") || cursor.skip(" ") {
            guard let h = cursor.number(digits: 2), cursor.skip(":"), let m = cursor.number(digits: 2) else {
                return make(year, month, day, 0, 0, 0, nil)
            }
            hour = h
            minute = m
            if cursor.skip(":"), let sec = cursor.number(digits: 2) { second = sec }
            if cursor.skip(".") || cursor.skip(",") { while cursor.digit() != nil {} }
            _ = cursor.skip(" ")
            offset = cursor.zone()
        }
        return make(year, month, day, hour, minute, second, offset)
    }

    // MARK: RFC 822 / RFC 1123

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func parseRFC822(_ s: [Unicode.Scalar]) -> PublicationDate? {
        // "Tue, 10 Jun 2003 04:00:00 GMT" — the weekday is optional and ignored.
        let words = String(String.UnicodeScalarView(s)).split { $0 == " " || $0 == "," }.map(String.init)
        var index = 0
        if index < words.count, words[index].first?.isLetter == true { index += 1 }
        guard index + 2 < words.count, let day = Int(words[index]),
            let month = months.firstIndex(of: String(words[index + 1].lowercased().prefix(3))),
            var year = Int(words[index + 2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        index += 3
        var hour = 0
        var minute = 0
        var second = 0
        var offset: Int?
        if index < words.count {
            let parts = words[index].split(separator: ":").compactMap { Int($0) }
            if parts.count >= 2 {
                hour = parts[0]
                minute = parts[1]
                second = parts.count > 2 ? parts[2] : 0
                index += 1
                if index < words.count {
                    var cursor = Cursor(Array(words[index].unicodeScalars))
                    offset = cursor.zone()
                }
            }
        }
        return make(year, month + 1, day, hour, minute, second, offset)
    }

    private static let namedZones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
        "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "BST": 1,
    ]

    // MARK: Building the instant

    private static func make(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ offset: Int?
    ) -> PublicationDate? {
        guard (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour), (0...59).contains(minute),
            (0...60).contains(second), (1000...9999).contains(year)
        else { return nil }
        let days = daysFromCivil(year, month, day)
        let local = Double(days * 86_400 + hour * 3600 + minute * 60 + second)
        let instant = local - Double(offset ?? 0)
        return PublicationDate(instant: .init(timeIntervalSince1970: instant), utcOffsetSeconds: offset)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < scalars.count, (0x30...0x39).contains(scalars[index].value) else { return nil }
            index += 1
            return Int(scalars[index - 1].value - 0x30)
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        /// `Z`, `±HH:MM`, `±HHMM`, `±HH` or a named zone; `nil` when absent.
        mutating func zone() -> Int? {
            guard index < scalars.count else { return nil }
            let sign = scalars[index]
            if sign == "+" || sign == "-" {
                index += 1
                guard let hours = number(digits: 2) else { return nil }
                _ = skip(":")
                let minutes = number(digits: 2) ?? 0
                let seconds = (hours * 60 + minutes) * 60
                return sign == "-" ? -seconds : seconds
            }
            let rest = String(String.UnicodeScalarView(scalars[index...])).uppercased()
            return InterimDateParser.namedZones[rest].map { $0 * 3600 }
        }
    }
}

// SPDX-License-Identifier: Apache-2.0

/// Reads the values of `since:`, `until:` and `date:` into ``DateRange``s.
///
/// Day, month and year boundaries are UTC midnights. Articles carry a UTC instant and the daemon may serve
/// people in several zones, so one fixed rule is easier to explain than the server's local zone; a day's articles
/// near midnight may land on the neighbouring day for readers far from UTC. Arithmetic is done on day numbers
/// (https://howardhinnant.github.io/date_algorithms.html) rather than with `Calendar`, so it is exact, fast and
/// independent of the process's locale and zone.
enum QueryDate {
    /// Which filter the value belongs to; it decides which side of a day or month the bound takes.
    enum Role {
        case since, until, date
    }

    /// The range a value selects, or `nil` when the value is not a date we read.
    ///
    /// - Parameter now: Unix seconds that relative values (`7d`, `today`) count back from.
    static func range(_ value: Substring, role: Role, now: Double) -> DateRange? {
        if role == .date, let dots = value.range(of: "..") {
            let start = value[..<dots.lowerBound]
            let end = value[dots.upperBound...]
            if start.isEmpty && end.isEmpty { return nil }
            var range = DateRange()
            if !start.isEmpty {
                guard let span = span(start, now: now) else { return nil }
                range.lowerBound = span.start
            }
            if !end.isEmpty {
                guard let span = span(end, now: now) else { return nil }
                range.upperBound = span.end
            }
            return range
        }
        guard let span = span(value, now: now) else { return nil }
        switch role {
        case .since: return DateRange(lowerBound: span.start)
        case .until: return DateRange(upperBound: span.end)
        case .date:
            return span.isInstant
                ? DateRange(lowerBound: span.start) : DateRange(lowerBound: span.start, upperBound: span.end)
        }
    }

    /// A stretch of time named by one value: a calendar day, month or year, or a single instant for `7d`.
    private struct Span {
        var start: Double
        var end: Double
        var isInstant: Bool { start == end }
    }

    private static let secondsPerDay = 86_400.0

    private static func span(_ value: Substring, now: Double) -> Span? {
        switch value.lowercased() {
        case "today":
            let day = (now / secondsPerDay).rounded(.down)
            return Span(start: day * secondsPerDay, end: (day + 1) * secondsPerDay)
        case "yesterday":
            let day = (now / secondsPerDay).rounded(.down) - 1
            return Span(start: day * secondsPerDay, end: (day + 1) * secondsPerDay)
        default:
            return absoluteSpan(value) ?? relativeInstant(value, now: now).map { Span(start: $0, end: $0) }
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    private static func absoluteSpan(_ value: Substring) -> Span? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = digits(parts[0]), year >= 1 else {
            return nil
        }
        if parts.count == 1 {
            return Span(start: seconds(year, 1, 1), end: seconds(year + 1, 1, 1))
        }
        guard parts[1].count == 2, let month = digits(parts[1]), (1...12).contains(month) else { return nil }
        let next = month == 12 ? (year + 1, 1) : (year, month + 1)
        if parts.count == 2 {
            return Span(start: seconds(year, month, 1), end: seconds(next.0, next.1, 1))
        }
        guard parts[2].count == 2, let day = digits(parts[2]), (1...daysIn(year, month)).contains(day) else {
            return nil
        }
        let start = seconds(year, month, day)
        return Span(start: start, end: start + secondsPerDay)
    }

    /// `12h`, `7d`, `2w`, `3m` (calendar months), `1y` (calendar years) before `now`.
    private static func relativeInstant(_ value: Substring, now: Double) -> Double? {
        guard let unit = value.last, value.count >= 2, let count = digits(value.dropLast()), count <= 100_000 else {
            return nil
        }
        switch unit {
        case "h", "H": return now - Double(count) * 3_600
        case "d", "D": return now - Double(count) * secondsPerDay
        case "w", "W": return now - Double(count) * 7 * secondsPerDay
        case "m", "M": return monthsBefore(now, months: count)
        case "y", "Y": return monthsBefore(now, months: count * 12)
        default: return nil
        }
    }

    /// The same day of month and time of day `months` calendar months earlier, the day clamped to the month's
    /// length (31 March minus one month is 28 or 29 February).
    private static func monthsBefore(_ now: Double, months: Int) -> Double {
        let dayNumber = Int((now / secondsPerDay).rounded(.down))
        let timeOfDay = now - Double(dayNumber) * secondsPerDay
        let (year, month, day) = civil(fromDays: dayNumber)
        let monthIndex = year * 12 + (month - 1) - months
        let newYear = Int((Double(monthIndex) / 12).rounded(.down))
        let newMonth = monthIndex - newYear * 12 + 1
        let newDay = min(day, daysIn(newYear, newMonth))
        return Double(days(fromCivil: newYear, newMonth, newDay)) * secondsPerDay + timeOfDay
    }

    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func seconds(_ year: Int, _ month: Int, _ day: Int) -> Double {
        Double(days(fromCivil: year, month, day)) * secondsPerDay
    }

    private static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's `days_from_civil`).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``days(fromCivil:_:_:)`` (Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

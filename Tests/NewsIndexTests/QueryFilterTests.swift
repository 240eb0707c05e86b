// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// Dates, languages and sort orders, and the SQL they turn into.
@Suite struct QueryFilterTests {
    /// 2025-03-25T12:00:00Z, mid-day so that relative dates are not on a day boundary.
    static let now = Date(timeIntervalSince1970: 1_742_904_000)
    static let day = 86_400.0

    /// Unix seconds of a UTC midnight.
    static func midnight(_ year: Int, _ month: Int, _ day: Int) -> Double {
        Double(QueryDate.days(fromCivil: year, month, day)) * Self.day
    }

    static func range(_ text: String) throws -> DateRange? {
        try ParsedQuery(text, now: now).filters.published
    }

    @Test func civilDaysRoundTrip() {
        #expect(QueryDate.days(fromCivil: 1970, 1, 1) == 0)
        #expect(QueryDate.days(fromCivil: 2025, 3, 25) == 20_172)
        #expect(QueryDate.days(fromCivil: 2000, 2, 29) == 11_016)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = QueryDate.civil(fromDays: days)
            #expect(QueryDate.days(fromCivil: y, m, d) == days)
        }
    }

    @Test func absoluteDates() throws {
        #expect(try Self.range("since:2025-03-01") == DateRange(lowerBound: Self.midnight(2025, 3, 1)))
        #expect(try Self.range("until:2025-03-31") == DateRange(upperBound: Self.midnight(2025, 4, 1)))
        #expect(try Self.range("since:2025-03") == DateRange(lowerBound: Self.midnight(2025, 3, 1)))
        #expect(try Self.range("until:2025-12") == DateRange(upperBound: Self.midnight(2026, 1, 1)))
        #expect(try Self.range("until:2024") == DateRange(upperBound: Self.midnight(2025, 1, 1)))
        #expect(
            try Self.range("date:2025-03")
                == DateRange(lowerBound: Self.midnight(2025, 3, 1), upperBound: Self.midnight(2025, 4, 1)))
        #expect(
            try Self.range("date:2024")
                == DateRange(lowerBound: Self.midnight(2024, 1, 1), upperBound: Self.midnight(2025, 1, 1)))
        #expect(
            try Self.range("date:2024-02-29")
                == DateRange(lowerBound: Self.midnight(2024, 2, 29), upperBound: Self.midnight(2024, 3, 1)))
        #expect(
            try Self.range("date:2025-03-20..2025-03-27")
                == DateRange(lowerBound: Self.midnight(2025, 3, 20), upperBound: Self.midnight(2025, 3, 28)))
        #expect(
            try Self.range("date:2025-01..2025-02")
                == DateRange(lowerBound: Self.midnight(2025, 1, 1), upperBound: Self.midnight(2025, 3, 1)))
        #expect(try Self.range("date:2025-03-20..") == DateRange(lowerBound: Self.midnight(2025, 3, 20)))
        #expect(try Self.range("date:..2025-03-20") == DateRange(upperBound: Self.midnight(2025, 3, 21)))
    }

    @Test func relativeDates() throws {
        let now = Self.now.timeIntervalSince1970
        #expect(try Self.range("since:7d") == DateRange(lowerBound: now - 7 * Self.day))
        #expect(try Self.range("since:2w") == DateRange(lowerBound: now - 14 * Self.day))
        #expect(try Self.range("since:12h") == DateRange(lowerBound: now - 12 * 3_600))
        #expect(try Self.range("since:3m") == DateRange(lowerBound: Self.midnight(2024, 12, 25) + Self.day / 2))
        #expect(try Self.range("since:1y") == DateRange(lowerBound: Self.midnight(2024, 3, 25) + Self.day / 2))
        #expect(try Self.range("since:0d") == DateRange(lowerBound: now))
        #expect(try Self.range("until:7d") == DateRange(upperBound: now - 7 * Self.day))
        #expect(try Self.range("date:7d") == DateRange(lowerBound: now - 7 * Self.day))
        #expect(
            try Self.range("date:30d..7d")
                == DateRange(lowerBound: now - 30 * Self.day, upperBound: now - 7 * Self.day))
        #expect(
            try Self.range("date:today")
                == DateRange(lowerBound: Self.midnight(2025, 3, 25), upperBound: Self.midnight(2025, 3, 26)))
        #expect(
            try Self.range("date:yesterday")
                == DateRange(lowerBound: Self.midnight(2025, 3, 24), upperBound: Self.midnight(2025, 3, 25)))
        #expect(try Self.range("since:today") == DateRange(lowerBound: Self.midnight(2025, 3, 25)))
    }

    @Test func monthArithmeticClampsTheDay() throws {
        let may31 = Date(timeIntervalSince1970: Self.midnight(2025, 5, 31))
        let range = try ParsedQuery("since:3m", now: may31).filters.published
        #expect(range == DateRange(lowerBound: Self.midnight(2025, 2, 28)))
        let leap = try ParsedQuery("since:1y", now: Date(timeIntervalSince1970: Self.midnight(2024, 2, 29)))
        #expect(leap.filters.published == DateRange(lowerBound: Self.midnight(2023, 2, 28)))
        let january = try ParsedQuery("since:13m", now: Date(timeIntervalSince1970: Self.midnight(2025, 1, 15)))
        #expect(january.filters.published == DateRange(lowerBound: Self.midnight(2023, 12, 15)))
    }

    @Test func severalDateFiltersIntersect() throws {
        let parsed = try ParsedQuery("date:2025-03 since:2025-03-10 until:2025-04-30 x", now: Self.now)
        #expect(
            parsed.filters.published
                == DateRange(lowerBound: Self.midnight(2025, 3, 10), upperBound: Self.midnight(2025, 4, 1)))
        #expect(parsed.notes.isEmpty)
        let disjoint = try ParsedQuery("since:2025-04 until:2025-03 x", now: Self.now)
        #expect(disjoint.filters.published?.isEmpty == true)
        #expect(disjoint.notes == ["the date filters leave no time between them, so nothing can match"])
    }

    @Test(arguments: [
        "since:notadate", "since:2025-13", "since:2025-02-30", "since:2025-2-3", "since:25-03-01", "since:7x",
        "since:d", "since:-7d", "since:2025-03-01..2025-03-02", "date:..", "date:2025..x", "until:0000",
        "since:99999999999d", "since:2025-03-01T10:00",
    ])
    func invalidDates(query: String) {
        #expect(throws: QuerySyntaxError.self) { try ParsedQuery(query, now: Self.now) }
        do {
            _ = try ParsedQuery(query, now: Self.now)
        } catch {
            #expect(error.code == .invalidDate)
            #expect(error.column == query.distance(from: query.startIndex, to: query.firstIndex(of: ":")!) + 2)
        }
    }

    @Test func languages() throws {
        #expect(try ParsedQuery("lang:en x", now: Self.now).filters.languages == ["en"])
        #expect(try ParsedQuery("lang:pt-BR x", now: Self.now).filters.languages == ["pt-br"])
        #expect(try ParsedQuery("lang:en lang:DE lang:en", now: Self.now).filters.languages == ["en", "de"])
        #expect(try ParsedQuery("language:fr", now: Self.now).filters.languages == ["fr"])
        for bad in ["lang:e", "lang:en_US", "lang:en%", "lang:'en'", "lang:en-", "lang:1en", "lang:abcdefghi"] {
            #expect(throws: QuerySyntaxError.self) { try ParsedQuery(bad, now: Self.now) }
        }
    }

    @Test func sortOrders() throws {
        #expect(try ParsedQuery("x", now: Self.now).sort == nil)
        #expect(try ParsedQuery("x sort:newest", now: Self.now).sort == .newest)
        #expect(try ParsedQuery("x sort:oldest", now: Self.now).sort == .oldest)
        #expect(try ParsedQuery("x sort:relevance", now: Self.now).sort == .relevance)
        #expect(try ParsedQuery("x sort:Date", now: Self.now).sort == .newest)
        let twice = try ParsedQuery("x sort:newest sort:oldest", now: Self.now)
        #expect(twice.sort == .oldest)
        #expect(twice.notes == ["sort:oldest at column 20 replaces sort:newest"])
        do {
            _ = try ParsedQuery("x sort:random", now: Self.now)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidSort)
            #expect(error.column == 8)
        }
    }

    @Test func filtersOnlyHaveNoMatch() throws {
        let parsed = try ParsedQuery("since:7d lang:de sort:newest", now: Self.now)
        #expect(parsed.match == nil)
        #expect(parsed.positiveTerms.isEmpty)
        #expect(parsed.filters.languages == ["de"])
    }

    @Test func filtersMayStandAnywhere() throws {
        let parsed = try ParsedQuery("(a lang:en) OR b since:2025", now: Self.now)
        #expect(parsed.match == #"("a" OR "b")"# || parsed.match == #""a" OR "b""#)
        #expect(parsed.filters.languages == ["en"])
        #expect(parsed.filters.published?.lowerBound == Self.midnight(2025, 1, 1))
    }

    @Test func sqlCondition() throws {
        let parsed = try ParsedQuery("x since:2025-03-01 until:2025-03-31 lang:en lang:de", now: Self.now)
        let condition = try #require(parsed.filters.sqlCondition())
        #expect(
            condition.sql
                == "articles.published_at >= ? AND articles.published_at < ? AND "
                + "(articles.language LIKE ? OR articles.language LIKE ? OR articles.language LIKE ? "
                + "OR articles.language LIKE ?)")
        #expect(
            condition.arguments == [
                .real(Self.midnight(2025, 3, 1)), .real(Self.midnight(2025, 4, 1)), .text("en"), .text("en-%"),
                .text("de"), .text("de-%"),
            ])
        #expect(try ParsedQuery("x", now: Self.now).filters.sqlCondition() == nil)
        let aliased = try #require(try ParsedQuery("x since:7d", now: Self.now).filters.sqlCondition(table: "a"))
        #expect(aliased.sql == "a.published_at >= ?")
    }
}

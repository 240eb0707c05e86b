// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// Errors name the place; slips in structure fall back to a literal search with a note instead.
@Suite struct QueryErrorTests {
    static let now = Date(timeIntervalSince1970: 1_742_860_800)

    static func error(_ text: String) -> QuerySyntaxError? {
        do {
            _ = try ParsedQuery(text, now: now)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("", QuerySyntaxError.Code.emptyQuery, 1),
        ("   ", .emptyQuery, 1),
        (#""""#, .emptyQuery, 1),
        ("... ---", .emptyQuery, 1),
        ("-foo", .onlyExclusions, 1),
        ("-foo -bar", .onlyExclusions, 1),
        (#"-"foo bar""#, .onlyExclusions, 1),
        ("NOT foo", .onlyExclusions, 1),
        ("-foo since:7d", .onlyExclusions, 1),
        ("a OR -b", .onlyExclusions, 6),
        ("-a OR b", .onlyExclusions, 1),
        ("x (-a)", .onlyExclusions, 4),
        ("x title:(-a)", .onlyExclusions, 10),
        ("title:", .missingFieldValue, 1),
        ("x title: y", .missingFieldValue, 3),
        ("x author:", .missingFieldValue, 3),
        ("title:-x", .missingFieldValue, 1),
        ("x since:", .missingFieldValue, 3),
        ("since:notadate", .invalidDate, 7),
        ("x until:2025-02-30", .invalidDate, 9),
        ("date:2025-03-20...2025-03-27", .invalidDate, 6),
        ("lang:english_uk", .invalidLanguage, 6),
        ("sort:random x", .invalidSort, 6),
        ("NEAR(a b, x)", .invalidNear, 11),
        ("NEAR(a b, -1)", .invalidNear, 11),
        ("NEAR(a b, 5000)", .invalidNear, 11),
        ("NEAR(a b,)", .invalidNear, 10),
        ("NEAR(a b, 5 6)", .invalidNear, 13),
        ("NEAR(a)", .invalidNear, 1),
        ("NEAR(a (b))", .invalidNear, 8),
        ("NEAR(a -b)", .invalidNear, 8),
        ("NEAR(a title:b)", .invalidNear, 8),
        ("a NEAR/x b", .invalidNear, 8),
        ("a NEAR/ b", .invalidNear, 8),
        ("a NEAR/5 (b c)", .invalidNear, 10),
        ("-since:7d x", .misplacedFilter, 2),
        ("x OR since:7d", .misplacedFilter, 6),
        ("title:since:7d x", .misplacedFilter, 7),
    ])
    func errors(query: String, code: QuerySyntaxError.Code, column: Int) throws {
        let error = try #require(Self.error(query), "expected an error for \(query)")
        #expect(error.code == code)
        #expect(error.column == column)
        #expect(!error.message.isEmpty)
    }

    @Test func messagesReadWell() throws {
        #expect(
            Self.error("-foo")?.message == "a query needs at least one word to look for besides exclusions")
        #expect(Self.error("title:")?.message == #"title: needs a word, a "phrase" or a (group) right after the colon"#)
        #expect(Self.error("since:x")?.description.hasPrefix("invalidDate at column 7: since: takes a date") == true)
    }

    @Test(arguments: [
        (#"sanctions "central bank"#, #""sanctions" AND "central" AND "bank""#, "unbalanced quote at column 11"),
        (#""a" "b" "c"#, #""a" AND "b" AND "c""#, "unbalanced quote at column 9"),
        ("cats AND AND dogs", #""cats" AND "dogs""#, "stray AND at column 6"),
        ("AND cats", #""cats""#, "stray AND at column 1"),
        ("cats AND", #""cats""#, "stray AND at column 6"),
        ("cats OR", #""cats""#, "stray OR at column 6"),
        ("OR cats", #""cats""#, "stray OR at column 1"),
        ("cats OR OR dogs", #""cats" AND "dogs""#, "stray OR at column 6"),
        ("cats | | dogs", #""cats" AND "dogs""#, "stray OR at column 6"),
        ("cats OR )", #""cats""#, "stray OR at column 6"),
        ("(cats dogs", #""cats" AND "dogs""#, "unmatched ( at column 1"),
        ("cats dogs)", #""cats" AND "dogs""#, "unmatched ) at column 10"),
        ("((cats) dogs", #""cats" AND "dogs""#, "unmatched ( at column 1"),
        ("NEAR(cats dogs", #""cats" AND "dogs""#, "unmatched NEAR( at column 1"),
        ("cats NOT", #""cats""#, "stray NOT at column 6"),
        ("cats -NOT dogs", #""cats" AND "dogs""#, "stray - at column 6"),
        ("cats NEAR/3", #""cats""#, "stray NEAR/3 at column 6"),
        ("NEAR cats", #""cats""#, "stray NEAR/10 at column 1"),
        ("cats -(dogs", #""cats" AND "dogs""#, "unmatched ( at column 7"),
        (#"title:"oil price"#, #""oil" AND "price""#, "unbalanced quote at column 7"),
        (#"title:econ* "x"#, #"title:"econ"* AND "x""#, "unbalanced quote at column 13"),
        (#"(a OR b "c"#, #""a" AND "b" AND "c""#, "unbalanced quote at column 9"),
        (#"since:2025 "x"#, #""x""#, "unbalanced quote at column 12"),
    ])
    func slipsFallBackToLiteralWords(query: String, expected: String, slip: String) throws {
        let parsed = try ParsedQuery(query, now: Self.now)
        #expect(parsed.match == expected)
        #expect(parsed.isLiteralFallback)
        #expect(parsed.notes.first == slip + ": searched the words literally")
    }

    @Test func fallbackKeepsFilters() throws {
        let parsed = try ParsedQuery(#"lang:en "oops since:7d sort:oldest"#, now: Self.now)
        #expect(parsed.match == #""oops""#)
        #expect(parsed.filters.languages == ["en"])
        #expect(parsed.filters.published != nil)
        #expect(parsed.sort == .oldest)
    }

    @Test func fallbackStillRefusesOnlyExclusions() {
        #expect(Self.error(#"-foo ""#)?.code == .onlyExclusions)
    }

    @Test func fallbackStillRefusesBadDates() {
        #expect(Self.error(#"x "y since:later"#)?.code == .invalidDate)
    }
}

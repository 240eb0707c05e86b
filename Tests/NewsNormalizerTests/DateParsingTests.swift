// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsNormalizer

@Suite struct DateParsingTests {
    @Test(arguments: [
        ("2025-03-25T14:03:00Z", "2025-03-25T14:03:00Z", 0),
        ("2025-03-25T14:03:00+02:00", "2025-03-25T14:03:00+02:00", 7200),
        ("2025-03-25T14:03:00.250-0500", "2025-03-25T14:03:00-05:00", -18000),
        ("Tue, 25 Mar 2025 14:03:00 +0000", "2025-03-25T14:03:00Z", 0),
        ("Tue, 25 Mar 2025 14:03:00 GMT", "2025-03-25T14:03:00Z", 0),
        ("Tue, 25 Mar 2025 09:03 EST", "2025-03-25T09:03:00-05:00", -18000),
    ])
    func zonedForms(text: String, rfc3339: String, offset: Int) throws {
        let date = try #require(DateParser.parse(text))
        #expect(date.rfc3339 == rfc3339)
        #expect(date.utcOffsetSeconds == offset)
    }

    @Test(arguments: [
        "2025-03-25", "2025-03-25T14:03:00", "March 25, 2025", "25 March 2025", "Tuesday, March 25, 2025",
        "25/03/2025", "03/25/2025", "Mar 25th, 2025",
    ])
    func unzonedFormsHaveNoOffset(text: String) throws {
        let date = try #require(DateParser.parse(text))
        #expect(date.utcOffsetSeconds == nil)
        #expect(date.rfc3339.hasPrefix("2025-03-25"))
    }

    @Test(arguments: ["04/03/2025", "2025-02-30", "32 March 2025", "March 2025", "yesterday", "25.03.25", ""])
    func ambiguousOrInvalidGiveNil(text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test func leadingDateIgnoresTrailingText() throws {
        let date = try #require(DateParser.parseLeading("November 20, 2019 - 11:28 AMT"))
        #expect(date.rfc3339 == "2019-11-20T11:28:00Z")
        #expect(DateParser.parse("November 20, 2019 - 11:28 AMT") == nil)
    }

    @Test func twelveHourClock() throws {
        let date = try #require(DateParser.parse("March 25, 2025 2:03 pm"))
        #expect(date.rfc3339 == "2025-03-25T14:03:00Z")
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

/// The term list (for highlighting and did-you-mean) and the relaxed MATCH for the partial-match fallback.
@Suite struct QueryTermsTests {
    static let now = Date(timeIntervalSince1970: 1_742_860_800)

    @Test func termsCarryKindFieldExclusionAndColumn() throws {
        let parsed = try ParsedQuery(#"oil title:"gas price" -palm econ* author:(smith OR jones)"#, now: Self.now)
        let terms = parsed.terms
        #expect(terms.map(\.text) == ["oil", "gas price", "palm", "econ", "smith", "jones"])
        #expect(terms.map(\.id) == [0, 1, 2, 3, 4, 5])
        #expect(terms.map(\.column) == [1, 11, 24, 29, 43, 52])
        #expect(terms.map(\.isPhrase) == [false, true, false, false, false, false])
        #expect(terms.map(\.isPrefix) == [false, false, false, true, false, false])
        #expect(terms.map(\.field) == [nil, .title, nil, nil, .authors, .authors])
        #expect(terms.map(\.isExcluded) == [false, false, true, false, false, false])
        #expect(parsed.positiveTerms.map(\.text) == ["oil", "gas price", "econ", "smith", "jones"])
    }

    @Test func termsOfNearAndGroups() throws {
        let parsed = try ParsedQuery("x -(a b) NEAR(c d, 3) e NEAR/2 f", now: Self.now)
        #expect(parsed.terms.map(\.text) == ["x", "a", "b", "c", "d", "e", "f"])
        #expect(parsed.positiveTerms.map(\.text) == ["x", "c", "d", "e", "f"])
    }

    @Test func relaxedMatch() throws {
        let parsed = try ParsedQuery("sanctions rosselkhozbank (oil OR gas) -palm NEAR(a b c, 4)", now: Self.now)
        #expect(
            parsed.match
                == #"("sanctions" AND "rosselkhozbank" AND ("oil" OR "gas") AND NEAR("a" "b" "c", 4)) NOT "palm""#)
        #expect(
            parsed.match(droppingTerms: [1])
                == #"("sanctions" AND ("oil" OR "gas") AND NEAR("a" "b" "c", 4)) NOT "palm""#)
        #expect(
            parsed.match(droppingTerms: [2, 5])
                == #"("sanctions" AND "rosselkhozbank" AND "gas" AND NEAR("b" "c", 4)) NOT "palm""#)
        #expect(
            parsed.match(droppingTerms: [0, 1, 2, 3, 5, 6])
                == #""c" NOT "palm""#)
        #expect(parsed.match(droppingTerms: [0, 1, 2, 3, 5, 6, 7]) == nil)
        // Dropping an exclusion keeps the rest.
        #expect(
            parsed.match(droppingTerms: [4])
                == #""sanctions" AND "rosselkhozbank" AND ("oil" OR "gas") AND NEAR("a" "b" "c", 4)"#)
        #expect(parsed.match(droppingTerms: []) == parsed.match)
    }

    @Test func relaxedMatchKeepsFields() throws {
        let parsed = try ParsedQuery("title:(a b) c", now: Self.now)
        #expect(parsed.match(droppingTerms: [0]) == #"title:"b" AND "c""#)
        #expect(parsed.match(droppingTerms: [0, 1]) == #""c""#)
    }

    @Test func anyTermMatch() throws {
        let parsed = try ParsedQuery(#"a title:"b c" -d e*"#, now: Self.now)
        #expect(parsed.matchAnyTerm == #""a" OR title:"b c" OR "e"*"#)
        #expect(try ParsedQuery("a", now: Self.now).matchAnyTerm == #""a""#)
        #expect(try ParsedQuery("since:7d", now: Self.now).matchAnyTerm == nil)
    }

    @Test func helpExamplesParse() throws {
        // Every example line in the help text must itself be a valid query.
        let lines = ParsedQuery.helpExamples.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") }
        #expect(lines.count >= 10)
        for line in lines {
            let example = line.trimmingCharacters(in: .whitespaces).components(separatedBy: "   ")[0]
            let parsed = try ParsedQuery(example, now: Self.now)
            #expect(!parsed.isLiteralFallback, "\(example)")
        }
        #expect(ParsedQuery.helpExamples.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }
}

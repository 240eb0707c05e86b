// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsIndex

@Suite struct PassagePickerTests {
    func patterns(_ query: String) throws -> [HighlightPattern] {
        HighlightPattern.patterns(for: try ParsedQuery(query, now: Date(timeIntervalSince1970: 0)))
    }

    @Test func marksStemmedFormsAndLeavesOtherWordsAlone() throws {
        let body = "The EU sanctioned Rosselkhozbank. New sanctions followed; the sanctuary was spared."
        let passage = try #require(PassagePicker().passage(of: body, patterns: try patterns("sanction rosselkhozbank")))
        #expect(
            passage
                == "The EU <mark>sanctioned</mark> <mark>Rosselkhozbank</mark>. New <mark>sanctions</mark> followed; the sanctuary was spared."
        )
    }

    @Test func marksAPhraseAsOneSpanOnlyWhereItsWordsFollowEachOther() throws {
        let body = "Interest was low. Rates rose. Then interest rates fell again."
        let passage = try #require(PassagePicker().passage(of: body, patterns: try patterns("\"interest rates\"")))
        #expect(passage == "Interest was low. Rates rose. Then <mark>interest rates</mark> fell again.")
    }

    @Test func marksPrefixesAndFoldsCaseAndDiacritics() throws {
        let body = "Economists in São Paulo said the ECONOMY slowed."
        let passage = try #require(PassagePicker().passage(of: body, patterns: try patterns("econom* sao")))
        #expect(passage == "<mark>Economists</mark> in <mark>São</mark> Paulo said the <mark>ECONOMY</mark> slowed.")
    }

    @Test func skipsExcludedTermsAndOtherFields() throws {
        let body = "Banks and markets and titles."
        #expect(PassagePicker().passage(of: body, patterns: try patterns("-banks title:markets")) == nil)
    }

    @Test func choosesTheWindowWithTheMostDistinctTermsAndFitsTheLimit() throws {
        let filler = Array(repeating: "filler words here", count: 40).joined(separator: " ")
        let body = "Oil prices rose. \(filler) Oil and gas prices fell in Norway. \(filler) The end."
        let passage = try #require(PassagePicker().passage(of: body, patterns: try patterns("oil gas norway")))
        #expect(passage.hasPrefix("…"))
        #expect(passage.hasSuffix("…"))
        #expect(passage.contains("<mark>Oil</mark> and <mark>gas</mark> prices fell in <mark>Norway</mark>"))
        let visible = passage.replacingOccurrences(of: "<mark>", with: "").replacingOccurrences(of: "</mark>", with: "")
        #expect(visible.count <= PassagePicker().maximumCharacters + 2)
    }

    @Test func findsNothingWhenNoWordMatches() throws {
        #expect(PassagePicker().passage(of: "Nothing to see.", patterns: try patterns("elephant")) == nil)
    }

    @Test func aSnippetIsOneLine() {
        #expect(SnippetMaker.flattened("\n a\r\n\nb\u{2028}c\u{85}d\n") == " a b c d")
        #expect(SnippetMaker.flattened("one line") == "one line")
        #expect(SnippetMaker.flattened("café — Київ\u{2029}x") == "café — Київ x")
    }
}

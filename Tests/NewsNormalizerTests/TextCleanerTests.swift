// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsNormalizer

@Suite struct TextCleanerTests {
    @Test func invisibleCharactersNoLongerSplitWords() {
        #expect(TextCleaner.cleanInline("sanc\u{AD}tions Rossel\u{200B}khozbank") == "sanctions Rosselkhozbank")
    }

    @Test func whiteSpaceCollapsesAndTrims() {
        #expect(TextCleaner.cleanInline("  a\t\tb \u{00A0} c  ") == "a b c")
    }

    @Test func textIsComposedToNFC() {
        #expect(TextCleaner.cleanInline("Cafe\u{301}").unicodeScalars.count == 4)
    }

    @Test func paragraphsSplitAtBlankLines() {
        #expect(TextCleaner.paragraphs("one\nstill one\n\n  \ntwo\n") == ["one still one", "two"])
    }
}

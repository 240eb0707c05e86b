// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

@Suite struct TextDecoderTests {
    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try TextDecoder.decode(Data("Kyiv – Київ".utf8)) == "Kyiv – Київ")
        #expect(try TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("é".utf8))) == "é")
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        // "café €5" in Windows-1252: é is 0xE9, € is 0x80.
        let bytes = Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x35])
        #expect(try TextDecoder.decode(bytes) == "café €5")
    }

    @Test func utf16WithBOM() throws {
        let little = Data([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00])
        #expect(try TextDecoder.decode(little) == "hi")
    }

    @Test func binaryIsRefused() {
        #expect(throws: NormalizationError.self) { try TextDecoder.decode(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 1])) }
    }

    @Test func theBBCCorpusLatin1FileDecodes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/corpus/bbc/sport/199.txt")
        let text = try TextDecoder.decode(Data(contentsOf: url))
        #expect(!text.contains("\u{FFFD}"))
    }
}

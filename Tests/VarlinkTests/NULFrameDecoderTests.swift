// SPDX-License-Identifier: Apache-2.0
import NIOCore
import NIOTestUtils
import Testing

@testable import VarlinkNIO
import Varlink

@Suite struct NULFrameDecoderTests {
    @Test func splitsFramesAtNULWhateverTheChunking() throws {
        // The verifier drip-feeds the bytes in every split, so a frame cut anywhere still decodes.
        var input = ByteBuffer(string: "{\"a\":1}\0{\"b\":2}\0")
        let expected = [ByteBuffer(string: "{\"a\":1}"), ByteBuffer(string: "{\"b\":2}")]
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [(input, expected)],
            decoderFactory: { NULFrameDecoder(maximumFrameSize: 64) }
        )
        input.clear()
    }

    @Test func refusesAFrameOverTheLimit() {
        var decoder = NULFrameDecoder(maximumFrameSize: 8)
        var buffer = ByteBuffer(string: "0123456789")
        #expect(throws: NULFrameDecoder.FrameTooLarge.self) { _ = try decoder.decode(buffer: &buffer) }
    }

    @Test func waitsForTheTerminator() throws {
        var decoder = NULFrameDecoder(maximumFrameSize: 64)
        var buffer = ByteBuffer(string: "{\"partial\"")
        #expect(try decoder.decode(buffer: &buffer) == nil)
    }
}

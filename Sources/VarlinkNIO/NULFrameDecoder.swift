// SPDX-License-Identifier: Apache-2.0
public import NIOCore

/// Splits the byte stream into varlink messages, each terminated by a NUL byte.
///
/// The maximum frame size bounds what an untrusted peer can make the daemon buffer: a
/// message that grows past it closes the connection with an error.
public struct NULFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    /// Thrown when a peer sends more than `maximumFrameSize` bytes without a terminator.
    public struct FrameTooLarge: Error, Hashable {
        public var limit: Int
    }

    public let maximumFrameSize: Int

    public init(maximumFrameSize: Int) {
        self.maximumFrameSize = maximumFrameSize
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> ByteBuffer? {
        guard let end = buffer.readableBytesView.firstIndex(of: 0) else {
            if buffer.readableBytes > maximumFrameSize { throw FrameTooLarge(limit: maximumFrameSize) }
            return nil
        }
        let length = end - buffer.readerIndex
        if length > maximumFrameSize { throw FrameTooLarge(limit: maximumFrameSize) }
        let frame = buffer.readSlice(length: length)
        buffer.moveReaderIndex(forwardBy: 1)
        return frame
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ByteBuffer? {
        try decode(buffer: &buffer)
    }
}

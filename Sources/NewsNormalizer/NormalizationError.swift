// SPDX-License-Identifier: Apache-2.0

/// Why a file gave no article. Recorded in the ledger next to the file, so the message is
/// written for the person who dropped the file.
///
/// A struct with a private enum inside, so that new codes can be added without breaking
/// callers that switch over them.
public struct NormalizationError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Value: String, Sendable, Hashable {
            case empty, binary, tooLarge, malformed, noContent, unsupported
        }
        fileprivate let value: Value

        /// The file has no bytes.
        public static let empty = Code(value: .empty)
        /// The bytes are not text in any encoding newsd reads.
        public static let binary = Code(value: .binary)
        /// The file is over the configured size limit.
        public static let tooLarge = Code(value: .tooLarge)
        /// The file claims a format but breaks it beyond repair.
        public static let malformed = Code(value: .malformed)
        /// The file parsed, but held no article text.
        public static let noContent = Code(value: .noContent)
        /// The file's format is recognised but not read.
        public static let unsupported = Code(value: .unsupported)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

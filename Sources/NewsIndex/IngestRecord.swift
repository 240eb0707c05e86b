// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsNormalizer

/// What ingest learned about one inbox file, ready to be committed by the writer.
public struct IngestRecord: Sendable {
    /// The file's identity on disk, compared at the next reconciliation.
    public struct FileIdentity: Sendable, Hashable {
        /// Path relative to the inbox.
        public var path: String
        public var size: Int64
        public var modificationTimeNanoseconds: Int64
        public var inode: UInt64
        public var sha256: String

        public init(path: String, size: Int64, modificationTimeNanoseconds: Int64, inode: UInt64, sha256: String) {
            self.path = path
            self.size = size
            self.modificationTimeNanoseconds = modificationTimeNanoseconds
            self.inode = inode
            self.sha256 = sha256
        }
    }

    public enum Outcome: Sendable {
        /// The file gave these articles.
        case articles([PreparedArticle])
        /// The file gave nothing; the reason is kept for `newsq failures`.
        case failed(reason: String)
    }

    public var file: FileIdentity
    public var outcome: Outcome

    public init(file: FileIdentity, outcome: Outcome) {
        self.file = file
        self.outcome = outcome
    }
}

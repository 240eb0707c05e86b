// SPDX-License-Identifier: Apache-2.0
import Foundation

enum FeedReader {
    static func read(_ bytes: Data, fileName: String) throws(NormalizationError) -> [Article] {
        throw NormalizationError(.unsupported, "todo")
    }
}

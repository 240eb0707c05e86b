// SPDX-License-Identifier: Apache-2.0
import Foundation
import NewsNormalizer

/// Renders stored dates the way they were published: RFC 3339 in the source's own offset.
enum PublicationDateText {
    static func rfc3339(seconds: Double, offset: Int?) -> String {
        PublicationDate(instant: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: offset).rfc3339
    }
}

// SPDX-License-Identifier: Apache-2.0
public import Foundation

/// When an article was published, with the UTC offset the source gave.
///
/// The offset is kept because "published at 09:00 in Kyiv" is what a reader expects to see,
/// while the instant is what sorting and date filters need.
public struct PublicationDate: Sendable, Hashable, Codable {
    /// The instant, for sorting and filtering.
    public var instant: Date
    /// Seconds east of UTC as written by the source, or `nil` when the source gave no zone.
    public var utcOffsetSeconds: Int?

    public init(instant: Date, utcOffsetSeconds: Int?) {
        self.instant = instant
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// RFC 3339 text in the source's own offset (`Z` when the zone was unknown).
    public var rfc3339: String {
        let offset = utcOffsetSeconds ?? 0
        let local = instant.addingTimeInterval(TimeInterval(offset))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
        let date = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d",
            parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0
        )
        guard let zoneOffset = utcOffsetSeconds, zoneOffset != 0 else { return date + "Z" }
        let sign = zoneOffset < 0 ? "-" : "+"
        let minutes = abs(zoneOffset) / 60
        return date + String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }
}

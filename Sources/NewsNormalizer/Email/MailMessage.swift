// SPDX-License-Identifier: Apache-2.0

/// What newsd reads from an e-mail message, already decoded: headers free of RFC 2047 words,
/// bodies free of transfer encodings and converted to UTF-8.
///
/// A plain value, so that `EmailReader`'s choices (which body, which name is the source) can be
/// tested without GMime, and GMime's objects never outlive the parse.
struct MailMessage: Sendable, Hashable {
    /// One address of the `From` header.
    struct Mailbox: Sendable, Hashable {
        var name: String?
        var address: String?
    }

    var subject: String?
    var from: [Mailbox] = []
    /// Unix seconds and the zone the `Date` header gave.
    var date: (seconds: Int64, utcOffsetSeconds: Int)?
    var listID: String?
    /// The first `text/html` body that is not an attachment (the rich side of multipart/alternative).
    var html: String?
    /// The first `text/plain` body that is not an attachment.
    var text: String?

    static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.subject == rhs.subject && lhs.from == rhs.from && lhs.date?.seconds == rhs.date?.seconds
            && lhs.date?.utcOffsetSeconds == rhs.date?.utcOffsetSeconds && lhs.listID == rhs.listID
            && lhs.html == rhs.html && lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(from)
        hasher.combine(date?.seconds)
        hasher.combine(html)
        hasher.combine(text)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads an e-mail newsletter (`.eml`, or any file that opens with mail headers).
///
/// GMime does the mail: MIME structure, quoted-printable and base64, RFC 2047 headers and
/// charsets. The body then goes through the reader of its kind: the HTML side of a
/// multipart/alternative through the HTML extractor (newsletters put the story in the HTML and a
/// link dump in the text), else the plain text through the page-text extractor. The headers
/// state the metadata, so they win over what either extractor infers.
enum EmailReader {
    static func read(_ bytes: Data, fileName: String) throws(NormalizationError) -> [Article] {
        guard let message = MailMessage(parsing: [UInt8](bytes)) else {
            throw NormalizationError(.malformed, "GMime found no e-mail message in the file")
        }
        return [try article(from: message, fileName: fileName)]
    }

    static func article(from message: MailMessage, fileName: String) throws(NormalizationError) -> Article {
        let subject = message.subject.map(TextCleaner.cleanInline).flatMap { $0.isEmpty ? nil : $0 }
        var article: Article
        if let html = message.html,
            let fromHTML = try? HTMLReader.read(Data([0xEF, 0xBB, 0xBF] + html.utf8), fileName: fileName).first,
            !fromHTML.paragraphs.isEmpty
        {
            article = fromHTML
        } else if let text = message.text {
            let extracted = PageTextExtractor.extract(Substring(text), knownTitle: subject)
            article = Article(
                title: extracted.title ?? "",
                subtitle: extracted.subtitle,
                authors: extracted.authors,
                publishedAt: extracted.publishedAt,
                section: extracted.section,
                paragraphs: extracted.paragraphs,
                format: .email
            )
        } else {
            article = Article(title: "", paragraphs: [], format: .email)
        }
        article.format = .email
        if let subject { article.title = subject }
        if article.title.isEmpty { article.title = StatedMetadata.title(fromFileName: fileName) }
        let authors = message.from.compactMap { mailbox in
            (mailbox.name.map(TextCleaner.cleanInline).flatMap { $0.isEmpty ? nil : $0 }) ?? mailbox.address
        }
        if !authors.isEmpty { article.authors = authors }
        if let date = message.date {
            article.publishedAt = PublicationDate(
                instant: Date(timeIntervalSince1970: TimeInterval(date.seconds)),
                utcOffsetSeconds: date.utcOffsetSeconds)
        }
        article.source = source(of: message) ?? article.source
        guard !article.paragraphs.isEmpty || subject != nil else {
            throw NormalizationError(.noContent, "the message has neither a subject nor a readable text or HTML body")
        }
        return article
    }

    /// The newsletter's name: the `List-Id` phrase ("Morning Briefing <briefing.example.com>"),
    /// else its id, else the sender's display name, else the sender's domain.
    static func source(of message: MailMessage) -> String? {
        if let listID = message.listID.map(TextCleaner.cleanInline), !listID.isEmpty {
            if let open = listID.firstIndex(of: "<") {
                let phrase = listID[..<open].trimmingCharacters(
                    in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
                if !phrase.isEmpty { return phrase }
                let id = listID[listID.index(after: open)...].prefix { $0 != ">" }
                if !id.isEmpty { return String(id) }
            } else {
                return listID
            }
        }
        guard let sender = message.from.first else { return nil }
        if let name = sender.name.map(TextCleaner.cleanInline), !name.isEmpty { return name }
        if let address = sender.address, let at = address.lastIndex(of: "@") {
            let domain = address[address.index(after: at)...]
            if !domain.isEmpty { return String(domain) }
        }
        return nil
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import NewsNormalizer

/// Hand-made newsletters: each exercises one thing GMime decodes and one choice the reader makes.
@Suite struct EmailReaderTests {
    private func normalize(_ message: String, fileName: String = "letter.eml") throws -> Article {
        let data = Data(message.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        return try #require(try Normalizer().normalize(data, fileName: fileName).first)
    }

    @Test func multipartAlternativeReadsTheQuotedPrintableHTMLPart() throws {
        let message = """
            Return-Path: <bounce@briefing.example.com>
            From: "Morning Briefing" <news@briefing.example.com>
            To: reader@example.org
            Subject: Sanctions on Rosselkhozbank eased
            Date: Thu, 27 Mar 2025 09:40:00 +0200
            List-Id: Morning Briefing <briefing.example.com>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: 7bit

            View in browser: https://briefing.example.com/1

            --b1
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <html><body><table><tr><td><h1>Sanctions on Rosselkhozbank eased</h1>
            <p>The European Union agreed on Wednesday to reconnect Rosselkhozbank to the =
            SWIFT network, a concession Moscow had demanded as a condition for the Black =
            Sea ceasefire talks to go ahead in Riyadh.</p>
            <p>Diplomats said the decision was taken after a long night of negotiations =
            in Br=C3=BCssel, where several member states had resisted the move.</p>
            <p>Unsubscribe</p></td></tr></table></body></html>
            --b1--
            """
        let article = try normalize(message, fileName: "inbox-item")
        #expect(article.format == .email)
        #expect(article.title == "Sanctions on Rosselkhozbank eased")
        #expect(article.authors == ["Morning Briefing"])
        #expect(article.source == "Morning Briefing")
        #expect(article.publishedAt?.rfc3339 == "2025-03-27T09:40:00+02:00")
        #expect(article.body.contains("reconnect Rosselkhozbank to the SWIFT network, a concession"))
        #expect(article.body.contains("in Brüssel, where"))
        #expect(!article.body.contains("View in browser"))
        #expect(!article.body.contains("=C3"))
    }

    @Test func base64PlainTextInLatin1IsDecoded() throws {
        let message = """
            From: =?ISO-8859-1?Q?Agence_Fran=E7aise?= <depeches@afp.example.fr>
            Subject: =?ISO-8859-1?Q?R=E9forme_des_retraites_=E0_Gen=E8ve?=
            Date: Mon, 3 Feb 2025 07:15:00 -0500
            MIME-Version: 1.0
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: base64

            TGUgbWluaXN0cmUgYSBhbm5vbmPpIHVuZSBy6WZvcm1lIGRlcyByZXRyYWl0ZXMg4CBHZW7odmUu
            CgpMZXMgc3luZGljYXRzIG9udCBy6WFnaSBhdmVjIGNvbOhyZSBldCBwculwYXJlbnQgdW5lIGdy
            6HZlIGfpbulyYWxlIHBvdXIgbGEgc2VtYWluZSBwcm9jaGFpbmUuCg==
            """
        let article = try normalize(message)
        #expect(article.title == "Réforme des retraites à Genève")
        #expect(article.authors == ["Agence Française"])
        #expect(article.source == "Agence Française")
        #expect(article.publishedAt?.rfc3339 == "2025-02-03T07:15:00-05:00")
        #expect(article.paragraphs.first == "Le ministre a annoncé une réforme des retraites à Genève.")
        #expect(article.body.contains("préparent une grève générale"))
    }

    @Test func rfc2047EncodedWordsInTheSubject() throws {
        let utf8 = """
            From: news@zeitung.example.de
            Subject: =?UTF-8?B?U2Fua3Rpb25lbiBnZWdlbiBSb3NzZWxraG96YmFuazogQnLDvHNzZWwgbGVua3QgZWlu?=
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Die EU hat am Mittwoch zugestimmt, die Rosselkhozbank wieder an SWIFT anzuschliessen.
            """
        let article = try normalize(utf8)
        #expect(article.title == "Sanktionen gegen Rosselkhozbank: Brüssel lenkt ein")
        #expect(article.authors == ["news@zeitung.example.de"])
        #expect(article.source == "zeitung.example.de")
        #expect(article.body.hasPrefix("Die EU hat am Mittwoch zugestimmt"))

        let latin1 = """
            From: Redaktion <r@example.de>
            Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_M=FCnchen?= und mehr
            MIME-Version: 1.0

            Ein kurzer Gruss aus der Redaktion, mit den Nachrichten des Tages.
            """
        #expect(try normalize(latin1).title == "Grüße aus München und mehr")
    }

    @Test func aPlainNonMIMEMessageIsReadAsText() throws {
        let message = """
            Received: from mx.example.net by mail.example.org; Tue, 1 Apr 2025 10:00:00 +0000
            From: Wire Desk <desk@wire.example.net>
            To: editors@example.org
            Subject: Storm closes ports along the coast
            Date: Tue, 1 Apr 2025 10:00:00 +0000
            Message-ID: <123@wire.example.net>

            Storm closes ports along the coast

            Three ports along the northern coast were closed on Tuesday as a storm brought
            winds of up to 120 km/h, the harbour authority said in a statement issued at dawn.

            Ferries were cancelled and fishing boats were told to stay in harbour until the
            weather improves, which forecasters expect by Thursday evening at the earliest.
            """
        // No .eml extension: the headers alone make it mail.
        let article = try normalize(message, fileName: "storm.txt")
        #expect(article.format == .email)
        #expect(article.title == "Storm closes ports along the coast")
        #expect(article.authors == ["Wire Desk"])
        #expect(article.publishedAt?.rfc3339 == "2025-04-01T10:00:00Z")
        #expect(article.paragraphs.count == 2)
        #expect(article.paragraphs.first?.hasPrefix("Three ports along the northern coast were closed") == true)
        #expect(article.body.contains("brought winds of up to"))
    }

    @Test func aTruncatedMessageGivesAnArticleOrSaysWhy() throws {
        let withSubject = "From: Desk <desk@example.net>\nSubject: Markets open higher\nDate: Tue, 1 Apr 2"
        let article = try normalize(withSubject)
        #expect(article.title == "Markets open higher")
        #expect(article.paragraphs.isEmpty)

        let headerless = Data("From: Desk <desk@exa".utf8)
        #expect {
            try Normalizer().normalize(headerless, fileName: "cut.eml")
        } throws: { error in
            let code = (error as? NormalizationError)?.code
            return code == .noContent || code == .malformed
        }
    }

    @Test func textArticlesWithKeyValueHeadersAreNotMail() {
        let text = Data("Title: Brexit: what now\nDate: 2025-01-01\n\nThe talks resumed.".utf8)
        #expect(FormatDetector.detect(text, fileName: "a.txt") == .text)
        let mail = Data("Subject: Hello\nFrom: a@b.c\n\nBody".utf8)
        #expect(FormatDetector.detect(mail, fileName: "a.txt") == .email)
        let html = Data("\u{FEFF}  <!DOCTYPE HTML><html></html>".utf8)
        #expect(FormatDetector.detect(html, fileName: "a.txt") == .html)
        let xhtml = Data("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC><html/>".utf8)
        #expect(FormatDetector.detect(xhtml, fileName: "a.xml") == .html)
    }
}

// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsDaemon

/// Names sent with io.newsd.Ingest never leave the inbox root, hide, or get ignored.
struct InboxFileNameTests {
    @Test(arguments: [
        ("report.html", "report.html"),
        ("../../etc/x", "x"),
        ("/etc/passwd", "passwd"),
        ("..\\..\\win.txt", "win.txt"),
        ("..", "article"),
        ("", "article"),
        (".bashrc", "bashrc"),
        ("...hidden.txt", "hidden.txt"),
        ("draft.part", "draft.part.txt"),
        ("notes~", "notes~.txt"),
        ("tab\tand\nnewline.txt", "tabandnewline.txt"),
        ("  spaced.txt  ", "spaced.txt"),
    ])
    func sanitizes(_ name: String, _ expected: String) {
        #expect(InboxFileName.sanitize(name) == expected)
    }

    @Test func longNamesKeepTheirExtensionAndFitTheLimit() {
        let name = InboxFileName.sanitize(String(repeating: "é", count: 300) + ".html")
        #expect(name.utf8.count <= InboxFileName.maximumStemBytes)
        #expect(name.hasSuffix(".html"))
    }

    @Test func candidatesNumberTheStem() {
        #expect(InboxFileName.candidates(for: "a.txt", count: 3) == ["a.txt", "a-2.txt", "a-3.txt"])
        #expect(InboxFileName.candidates(for: "README", count: 2) == ["README", "README-2"])
    }
}

// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A daemon holding two articles, for the tests of newsq's output: the real scraped page of the
/// samples, and a Markdown article with every stated field, a title longer than a narrow
/// terminal and a long file name.
enum ClientFixtures {
    static let sample = Binaries.shared.appendingPathComponent("samples/diplomacy-watch-scrape.txt")

    static let longTitle = "Grain corridor talks stall as Black Sea insurers raise war-risk premiums again"
    static let longFileName = "black-sea-grain-corridor-insurance-premiums-report-2025-03-14.md"

    static let markdown = """
        ---
        title: \(longTitle)
        subtitle: Shipowners say cover now costs more than the cargo margin on a Panamax of wheat
        source: Harbour and Shipping Gazette International Edition
        date: 2025-03-14T09:30:00+02:00
        author: Jane Doe
        section: Markets
        tags: [shipping, grain, insurance]
        language: en
        url: https://gazette.example/markets/2025/03/14/black-sea-grain-corridor-insurance-premiums-report
        ---

        War-risk insurers in London raised premiums for voyages to Odesa for the third time this month, \
        and brokers expect the premiums to rise again before the talks resume.

        Several insurers now quote premiums above one percent of hull value, which shipowners say wipes out \
        the margin on a cargo of wheat; some insurers have stopped quoting altogether.

        Port officials said traffic through the corridor fell by a fifth while the talks stalled, and that \
        premiums, not mines, were the main reason given by the owners who stayed away.
        """

    /// Starts newsd with both articles and waits until each is searchable; returns the harness
    /// and the two ids (sample, Markdown).
    static func start() throws -> (DaemonHarness, sample: String, markdown: String) {
        let harness = try DaemonHarness()
        try harness.start()
        try FileManager.default.copyItem(at: sample, to: harness.inbox.appendingPathComponent("diplomacy.txt"))
        try Data(markdown.utf8).write(to: harness.inbox.appendingPathComponent(longFileName))
        let sampleID = try ArticleCommandsTests.firstHitID(harness, ["sanctions", "Rosselkhozbank"])
        let markdownID = try ArticleCommandsTests.firstHitID(harness, ["insurers", "premiums"])
        return (harness, sampleID, markdownID)
    }
}

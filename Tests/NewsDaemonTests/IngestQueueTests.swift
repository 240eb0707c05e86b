// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import NewsDaemon

@Suite struct IngestQueueTests {
    @Test func repeatedEventsForOnePathCollapse() async {
        let queue = IngestQueue()
        for _ in 0..<5 { await queue.add(.changed("a.txt")) }
        await queue.add(.changed("b.txt"))
        let work = await queue.next(limit: 10)
        #expect(work.paths == ["a.txt", "b.txt"])
        #expect(!work.rescan)
    }

    @Test func batchesAreCappedAndKeepArrivalOrder() async {
        let queue = IngestQueue()
        for index in 0..<5 { await queue.add(.changed("\(index)")) }
        #expect(await queue.next(limit: 2).paths == ["0", "1"])
        #expect(await queue.next(limit: 2).paths == ["2", "3"])
        #expect(await queue.next(limit: 2).paths == ["4"])
    }

    @Test func aWaitingConsumerWakesOnTheFirstEvent() async {
        let queue = IngestQueue()
        async let work = queue.next(limit: 10)
        await queue.add(.rescan)
        #expect(await work.rescan)
    }

    @Test func cancellationEndsTheWait() async {
        let queue = IngestQueue()
        let task = Task { await queue.next(limit: 10) }
        task.cancel()
        #expect(await task.value.isEmpty)
    }

    @Test(arguments: [".hidden", "a.part", "b.crdownload", "c.tmp", "d.txt~", ".#lock"])
    func temporaryNamesAreIgnored(_ name: String) {
        #expect(IgnoredNames.contains(name))
    }

    @Test(arguments: ["article.txt", "feed.xml", "page.html.gz"])
    func articleNamesAreNotIgnored(_ name: String) {
        #expect(!IgnoredNames.contains(name))
    }
}

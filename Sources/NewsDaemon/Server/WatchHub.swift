// SPDX-License-Identifier: Apache-2.0
import Logging
import NewsAPI
import NewsIndex

/// The standing queries of `io.newsd.Watch`, and the fan-out of each commit to them.
///
/// The pipeline calls `publish` after each batch; every watcher's query is matched against
/// that batch's new rows only, and matches go into the watcher's own bounded stream, so a slow
/// client can never hold up ingest or another client.
actor WatchHub {
    /// At most this many watches at once: each costs one MATCH per commit.
    static let maximumWatchers = 256
    /// Matches a slow client may fall behind by; older ones are dropped first.
    static let bufferedMatches = 1000

    private struct Watcher {
        var matcher: WatchMatcher
        var sink: AsyncStream<ArticleSummary>.Continuation
    }

    private var watchers: [Int: Watcher] = [:]
    private var nextID = 0
    private let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    /// Adds a watcher; `nil` when there are too many already.
    func register(_ matcher: WatchMatcher) -> (id: Int, matches: AsyncStream<ArticleSummary>)? {
        guard watchers.count < Self.maximumWatchers else { return nil }
        let (stream, sink) = AsyncStream<ArticleSummary>.makeStream(
            bufferingPolicy: .bufferingNewest(Self.bufferedMatches))
        nextID += 1
        watchers[nextID] = Watcher(matcher: matcher, sink: sink)
        logger.debug("watch registered", metadata: ["watch": "\(nextID)", "watchers": "\(watchers.count)"])
        return (nextID, stream)
    }

    /// Drops a watcher whose client went away or whose call ended.
    func unregister(_ id: Int) {
        guard let watcher = watchers.removeValue(forKey: id) else { return }
        watcher.sink.finish()
        logger.debug("watch dropped", metadata: ["watch": "\(id)", "watchers": "\(watchers.count)"])
    }

    var count: Int { watchers.count }

    /// Matches the articles of one commit against every watcher.
    func publish(_ publicIDs: [String]) async {
        guard !publicIDs.isEmpty, !watchers.isEmpty else { return }
        for (id, watcher) in watchers {
            do {
                for summary in try await watcher.matcher.matches(among: publicIDs) {
                    // Unregistered while we awaited: its stream is finished, and yield is a no-op.
                    watcher.sink.yield(summary)
                }
            } catch {
                logger.error("watch match failed", metadata: ["watch": "\(id)", "error": "\(error)"])
            }
        }
    }
}

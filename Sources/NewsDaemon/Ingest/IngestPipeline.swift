// SPDX-License-Identifier: Apache-2.0
import Foundation
import Logging
import NewsIndex
import NewsNormalizer

/// Turns queued inbox paths into committed articles: look at each file, skip what the ledger
/// already has, normalise the rest in parallel, and commit the batch in one transaction.
struct IngestPipeline: Sendable {
    let queue: IngestQueue
    let reader: InboxFileReader
    let filter: InboxFilter
    /// Whether articles of a file that leaves the inbox leave the index too.
    let removeArticlesOfDeletedFiles: Bool
    let normalizer: Normalizer
    let ledger: FileLedger
    let writer: IndexWriter
    let batchSize: Int
    let workers: Int
    let logger: Logger
    let progress: IngestProgress
    /// Called after each committed batch with the public ids of the new articles.
    var onCommit: @Sendable ([String]) async -> Void = { _ in }
    /// Told of each committed batch: its size, and each indexed file's arrival-to-commit lag.
    var metrics: IngestMetrics?
    /// How long a batch that found the database full waits before it is tried again.
    var storageRetryInterval: Duration = .seconds(2)
    /// `after_ingest: archive`: move each ingested file into the inbox's archive folder.
    var archiveAfterIngest = false

    private var archive: InboxArchive { InboxArchive(inbox: reader.inbox) }

    func run() async throws {
        // At most one commit in flight: the next batch is read and normalised on every core
        // while the previous one is written by the single writer, so the two overlap instead of
        // taking turns.
        try await withThrowingTaskGroup(of: Void.self) { commits in
            while true {
                let work = await queue.next(limit: batchSize)
                if work.isEmpty { break }
                let step = await progress.started()
                if work.rescan {
                    // The comparison must see every earlier commit in the ledger.
                    try await commits.next()
                    try await reconcile()
                }
                if !work.paths.isEmpty {
                    let batch = try await prepareBatch(
                        work.paths, arrivals: work.arrivals, refusals: work.refusals)
                    try await commits.next()
                    commits.addTask { try await commit(batch) }
                }
                await progress.finished(step)
            }
            try await commits.waitForAll()
        }
    }

    /// Compares the whole inbox with the ledger and queues what differs: new and changed files,
    /// and files that vanished. Unchanged files cost one `lstat` each.
    func reconcile() async throws {
        let started = ContinuousClock.now
        let known = try await ledger.allIdentities()
        finishInterruptedArchiving(known)
        var seen = Set<String>()
        var queued = 0
        for found in InboxWalker(inbox: reader.inbox, filter: filter).files() {
            let path = found.path
            seen.insert(path)
            if case .refused(_, let reason) = found {
                // Already recorded: nothing about it can have changed that newsd could read.
                if known[path] == nil {
                    await queue.add(.refused(path, reason: reason))
                    queued += 1
                }
                continue
            }
            let snapshot = try? reader.snapshot(of: path)
            if let snapshot, let identity = known[path], snapshot.matches(identity) { continue }
            await queue.add(.changed(path))
            queued += 1
        }
        // The walker skips the archive (a hidden folder): its files are looked up one by one.
        let vanished = known.keys.filter { path in
            !seen.contains(path) && !(InboxArchive.isArchived(path) && reader.exists(path))
        }
        for path in vanished { await queue.add(.removed(path)) }
        logger.info(
            "reconciled inbox with ledger",
            metadata: [
                "files": "\(seen.count)", "queued": "\(queued)", "vanished": "\(vanished.count)",
                "seconds": "\(String(format: "%.3f", (ContinuousClock.now - started).seconds))",
            ])
    }

    /// Finishes moves into the archive that a crash interrupted: the ledger already names the
    /// archived path, and the file, unchanged, is still at the path it came from.
    private func finishInterruptedArchiving(_ known: [String: IngestRecord.FileIdentity]) {
        for (path, identity) in known where InboxArchive.isArchived(path) && !reader.exists(path) {
            guard let original = InboxArchive.originalPath(of: path),
                let snapshot = try? reader.snapshot(of: original), snapshot.matches(identity)
            else { continue }
            do {
                try archive.move(from: original, to: path)
                logger.info("finished an interrupted move into the archive", metadata: ["file": "\(path)"])
            } catch {
                logger.warning("cannot archive", metadata: ["file": "\(original)", "error": "\(error)"])
            }
        }
    }

    /// Moves the batch's ingested files into the archive: the ledger first, then the files,
    /// so that a crash in between is finished by the next reconciliation.
    private func archiveIngested(_ records: [IngestRecord], results: [IndexWriter.Result]) async throws {
        let now = Date()
        let moves = zip(records, results).compactMap { record, result -> (from: String, to: String)? in
            guard case .failed = result else {
                let path = record.file.path
                return InboxArchive.isArchived(path) ? nil : (path, InboxArchive.archivedPath(for: path, on: now))
            }
            return nil
        }
        guard !moves.isEmpty else { return }
        // A name the archive already holds today (the same name dropped again, or one file
        // read twice before its first move) stays where it is: renaming over it would lose the
        // archived file, and the ledger keeps one row per path.
        let free = moves.filter { !reader.exists($0.to) }
        let made = try await writer.moveFiles(free)
        for move in moves where !made.contains(where: { $0.from == move.from }) && reader.exists(move.from) {
            logger.notice(
                "not archived: the archive has a file of that name from today", metadata: ["file": "\(move.from)"])
        }
        for move in made {
            do {
                try archive.move(from: move.from, to: move.to)
            } catch {
                logger.warning("cannot archive", metadata: ["file": "\(move.from)", "error": "\(error)"])
            }
        }
    }

    /// A batch read and normalised, waiting for its commit.
    struct PreparedBatch: Sendable {
        var records: [IngestRecord]
        var removals: [String]
        var arrivals: [String: ContinuousClock.Instant]
    }

    private func prepareBatch(
        _ paths: [String], arrivals: [String: ContinuousClock.Instant], refusals: [String: String]
    ) async throws -> PreparedBatch {
        let known = try await ledger.identities(of: paths)
        var removed: [String] = []
        var candidates: [String] = []
        var refused: [IngestRecord] = []
        for path in paths {
            if let reason = refusals[path] {
                refused.append(Self.failure(path, reason: reason))
            } else if reader.exists(path) {
                candidates.append(path)
            } else {
                removed.append(path)
            }
        }
        var removals: [String] = []
        for path in removed {
            // A vanished folder stands for every file the ledger has below it.
            removals.append(contentsOf: try await ledger.paths(under: path))
        }
        let prepared = await withTaskGroup(of: IngestRecord?.self) { group in
            var records: [IngestRecord] = []
            var iterator = candidates.makeIterator()
            func addNext() -> Bool {
                guard let path = iterator.next() else { return false }
                let identity = known[path]
                group.addTask { prepare(path, known: identity) }
                return true
            }
            for _ in 0..<max(workers, 1) where !addNext() { break }
            for await record in group {
                if let record { records.append(record) }
                _ = addNext()
            }
            return records
        }
        return PreparedBatch(records: prepared + refused, removals: removals, arrivals: arrivals)
    }

    /// Writes a batch, tracked as one step so that a commit that hangs stops the watchdog.
    ///
    /// When the database or the disk is full the batch waits and is tried again, holding up the
    /// queue behind it (at most one commit is in flight), until there is room: nothing is
    /// dropped, queries go on, and a stop meanwhile leaves the files in the inbox for the
    /// catch-up at the next start. Each attempt is its own step, so that waiting for room does
    /// not look like a hang to the watchdog.
    private func commit(_ batch: PreparedBatch) async throws {
        var paused = false
        while true {
            let step = await progress.started()
            do {
                try await write(batch)
                await progress.finished(step)
                break
            } catch  where isStorageFull(error) {
                await progress.finished(step)
                if !paused {
                    paused = true
                    let reason = "the database is full (the disk, or max_database_size): \(error)"
                    logger.error(
                        "ingest paused: no room to commit; queries still work, and ingest resumes when there is room",
                        metadata: ["files": "\(batch.records.count)", "error": "\(error)"])
                    await metrics?.pause(reason: reason)
                }
                try await Task.sleep(for: storageRetryInterval)
            } catch {
                await progress.finished(step)
                throw error
            }
        }
        if paused {
            logger.notice("ingest resumed: the batch that waited for room is committed")
            await metrics?.resume()
        }
    }

    private func write(_ batch: PreparedBatch) async throws {
        let (records, removals, arrivals) = (batch.records, batch.removals, batch.arrivals)
        if !removals.isEmpty && removeArticlesOfDeletedFiles {
            try await writer.removeFiles(atPaths: removals)
            logger.info("removed files that left the inbox", metadata: ["count": "\(removals.count)"])
        }
        guard !records.isEmpty else { return }
        let results = try await writer.write(records)
        let committedAt = ContinuousClock.now
        var newArticles: [String] = []
        var lags: [Duration] = []
        for (record, result) in zip(records, results) {
            switch result {
            case .indexed(let ids):
                newArticles += ids
                if let arrival = arrivals[record.file.path] { lags.append(committedAt - arrival) }
                logger.debug("indexed", metadata: ["file": "\(record.file.path)", "articles": "\(ids.count)"])
            case .duplicate(let original):
                logger.info("duplicate", metadata: ["file": "\(record.file.path)", "of": "\(original)"])
            case .failed:
                if case .failed(let reason) = record.outcome {
                    logger.warning("cannot ingest", metadata: ["file": "\(record.file.path)", "reason": "\(reason)"])
                }
            }
        }
        await metrics?.recordCommit(files: records.count, lags: lags, at: committedAt)
        await onCommit(newArticles)
        if archiveAfterIngest { try await archiveIngested(records, results: results) }
    }

    /// Reads and normalises one file; `nil` when the ledger already has it as it is.
    private func prepare(_ path: String, known: IngestRecord.FileIdentity?) -> IngestRecord? {
        let data: Data
        let snapshot: InboxFileReader.Snapshot
        do {
            guard let current = try reader.snapshot(of: path) else { return nil }
            if let known, current.matches(known) { return nil }
            (snapshot, data) = try reader.read(path)
        } catch {
            return Self.failure(path, reason: error.description)
        }
        let hash = SHA256.hexDigest(of: data)
        let identity = IngestRecord.FileIdentity(
            path: path, size: snapshot.size, modificationTimeNanoseconds: snapshot.modificationTimeNanoseconds,
            inode: snapshot.inode, sha256: hash)
        let outcome: IngestRecord.Outcome
        do {
            let name = (path as NSString).lastPathComponent
            outcome = .articles(try normalizer.normalize(data, fileName: name).map(PreparedArticle.init))
        } catch {
            outcome = .failed(reason: error.description)
        }
        return IngestRecord(file: identity, outcome: outcome)
    }

    /// A failure record for a path that was not read: it has no size, time or hash to keep.
    private static func failure(_ path: String, reason: String) -> IngestRecord {
        let placeholder = IngestRecord.FileIdentity(
            path: path, size: 0, modificationTimeNanoseconds: 0, inode: 0, sha256: "")
        return IngestRecord(file: placeholder, outcome: .failed(reason: reason))
    }
}

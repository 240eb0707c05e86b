// SPDX-License-Identifier: Apache-2.0

extension NewsInterface {
    /// The IDL of everything beside searching: reading one article, the ledger, handing in
    /// files, maintenance and live alerts. Kept apart from the search part so that the two can
    /// change independently; `definition` joins them into the one interface.
    static let operationsDefinition = """
        # One article in full, as the index stores it.
        type Article (
          id: string,
          title: string,
          subtitle: ?string,
          authors: []string,
          source: ?string,
          section: ?string,
          tags: []string,
          url: ?string,
          # BCP 47, when the source said.
          language: ?string,
          # RFC 3339, in the source's own time zone.
          published_at: ?string,
          # RFC 3339, UTC: when newsd indexed it.
          ingested_at: string,
          format: string,
          word_count: int,
          # The inbox file it came from, relative to the inbox.
          file: ?string,
          # Plain text, paragraphs separated by a blank line.
          body: string
        )

        # One article by the id a hit gave.
        method Get(id: string) -> (article: Article)

        # An inbox file that gave no article.
        type FailedFile (
          # Relative to the inbox.
          path: string,
          reason: string,
          # RFC 3339, UTC.
          failed_at: string
        )

        # The inbox files in state failed, newest first.
        method Failures() -> (files: []FailedFile)

        # Hands the daemon a file, which it writes into the inbox under a safe, unused name
        # derived from `name`; it is then ingested like any dropped file.
        method Ingest(name: string, content_base64: string) -> (path: string)

        # SQLite's integrity check and FTS5's index check.
        method Check() -> (ok: bool, messages: []string)

        # A consistent copy of the database, made while serving, at an absolute path that
        # must not exist yet.
        method Backup(path: string) -> (path: string, bytes: int, took_ms: float)

        # Rebuilds the full-text index from the stored articles.
        method Reindex() -> (articles: int, took_ms: float)

        # A newly indexed article, short form.
        type ArticleSummary (
          id: string,
          title: string,
          file: ?string,
          source: ?string,
          url: ?string,
          published_at: ?string
        )

        # Call with more: true. The first reply (event: watching) says the watch is in place;
        # then one reply (event: match) per newly indexed article matching `query`.
        method Watch(query: string) -> (event: (watching, match), article: ?ArticleSummary)

        # No article has this id.
        error NotFound (id: string)

        # The file is over the daemon's max_file_size.
        error TooLarge (limit: int)

        # The backup was not written.
        error BackupFailed (path: string, message: string)
        """
}

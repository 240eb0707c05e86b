// SPDX-License-Identifier: Apache-2.0

/// The `io.newsd` varlink interface: the contract between the daemon and every client.
///
/// The IDL below is the truth; the Codable types in this module mirror it field by field,
/// with the snake_case names that go on the wire.
public enum NewsInterface {
    public static let name = "io.newsd"

    /// Where `newsd` listens when neither the configuration nor `NEWSD_SOCKET` say otherwise.
    public static let defaultSocketPath = "/run/newsd/newsd.sock"

    /// The environment variable naming the socket, for both the daemon and its clients.
    public static let socketEnvironmentVariable = "NEWSD_SOCKET"

    public static let definition = """
        # newsd: a search daemon for news articles.
        interface io.newsd

        # One search result.
        type Hit (
          # The article's stable public id.
          id: string,
          title: string,
          # The inbox file the article came from, relative to the inbox.
          file: ?string,
          source: ?string,
          url: ?string,
          # RFC 3339, in the source's own time zone.
          published_at: ?string,
          # Higher is better; only comparable within one reply.
          score: float,
          # The best passage, with each matched term between <mark> and </mark>.
          snippet: string,
          # Matches only some of the query's words (the long-query fallback).
          partial: ?bool,
          # Ids of near-duplicates folded into this hit.
          similar: ?[]string,
          score_parts: ?ScoreParts
        )

        type ScoreParts (bm25: float, recency: float, age_days: ?float)

        type Suggestion (term: string, suggestion: string, articles: int)

        type FacetCount (value: string, count: int)

        type Facets (sources: []FacetCount, months: []FacetCount, sections: []FacetCount)

        type Explanation (match: ?string, filter: ?string, sort: string, expansions: []string, half_life_days: float)

        # Ranked search. `query` is newsd's query language (see docs/QUERY.md).
        method Search(
          query: string,
          limit: ?int,
          offset: ?int,
          # relevance (default), newest or oldest
          sort: ?string,
          since: ?string,
          until: ?string,
          half_life_days: ?float,
          # do not fold near-duplicates
          all: ?bool,
          facets: ?bool,
          explain: ?bool
        ) -> (
          total: int,
          hits: []Hit,
          took_ms: float,
          notes: []string,
          suggestions: []Suggestion,
          corrected_query: ?string,
          facets: ?Facets,
          explanation: ?Explanation
        )

        # Counts and sizes, for monitoring and `newsq status`.
        method Status() -> (
          version: string,
          articles: int,
          files: int,
          failed_files: int,
          database_bytes: int,
          uptime_seconds: float,
          # Files by state; `failed_files` above is the third.
          indexed_files: int,
          duplicate_files: int,
          # Paths waiting for the indexer.
          queue_length: int,
          # Files taken per second over the last minute.
          ingest_rate: float,
          # Seconds from arrival in the inbox to searchable: the last file, and the
          # 95th percentile of the last 1000. Absent until a file has been indexed.
          lag_last_seconds: ?float,
          lag_p95_seconds: ?float,
          # Open Watch calls.
          watchers: int,
          # Why ingest is paused (the database or the disk is full); absent while it runs.
          ingest_paused: ?string
        )

        # The query could not be parsed; `column` is 1-based.
        error QuerySyntax (message: string, column: int)

        # A parameter is outside what the daemon accepts.
        error InvalidRequest (message: string)

        # The search ran past the daemon's time budget (search.time_budget_ms) and was stopped.
        error QueryTooExpensive (message: string, budget_ms: int)
        """ + "\n\n" + operationsDefinition
}

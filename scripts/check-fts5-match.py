#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs MATCH expressions and filter SQL from the query compiler against a real SQLite FTS5 table.

Reads JSON lines on stdin, each {"match": str or null, "sql": str or null, "args": [number or string ...]},
and executes them on an in-memory copy of the schema's shape: `articles` plus `articles_fts` (external content,
same columns in the same order, same tokenizer). Prints one JSON line per statement SQLite rejected, with the
error, and exits 1 if there was any; prints a summary on stderr.

Used by Tests/NewsIndexTests/QueryFTS5AcceptanceTests.swift, which generates the queries; also handy by hand:
    printf '%s\n' '{"match": "\\"a\\" AND \\"b\\"", "sql": null, "args": []}' | scripts/check-fts5-match.py
Needs only Python's standard sqlite3 module built with FTS5 (Debian's is).
"""
import json
import sqlite3
import sys

COLUMNS = ["title", "subtitle", "body", "authors", "source", "section", "tags", "url"]
ROWS = [
    ("Sanctions hit Rosselkhozbank", "EU widens list", "The central bank said oil and gas exports fell.",
     "Jane Smith", "Reuters", "world", "sanctions, russia", "https://reuters.com/a/1", 1742515200.0, "en"),
    ("Ceasefire talks resume", "", "Talks on a ceasefire in Gaza resumed near Cairo; économie.",
     "Ali Hassan", "BBC", "middle-east", "gaza", "https://bbc.co.uk/news/2", 1742860800.0, "en-GB"),
    ("Pipeline deal", "Gas", "Die Pipeline wurde 2025 fertig.", "Max Müller", "Spiegel", "wirtschaft", "energie",
     "https://spiegel.de/3", None, "de"),
]


def main() -> int:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, " + ", ".join(f"{c} TEXT" for c in COLUMNS)
        + ", published_at REAL, language TEXT, ingested_at REAL)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(" + ", ".join(COLUMNS)
        + ", content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
    )
    for row in ROWS:
        cursor = db.execute(
            "INSERT INTO articles (" + ", ".join(COLUMNS) + ", published_at, language, ingested_at) "
            "VALUES (" + ", ".join("?" * (len(COLUMNS) + 2)) + ", 0)", row)
        db.execute(
            "INSERT INTO articles_fts (rowid, " + ", ".join(COLUMNS) + ") VALUES (?, " + ", ".join("?" * len(COLUMNS))
            + ")", (cursor.lastrowid, *row[: len(COLUMNS)]))

    checked = failed = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        match, sql, args = item.get("match"), item.get("sql"), item.get("args") or []
        clauses, params = [], []
        if match is not None:
            clauses.append("articles_fts MATCH ?")
            params.append(match)
        if sql is not None:
            clauses.append(sql)
            params.extend(args)
        if not clauses:
            continue
        statement = ("SELECT articles.id FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid WHERE "
                     + " AND ".join(clauses) + " ORDER BY bm25(articles_fts, 10, 5, 1)")
        checked += 1
        try:
            db.execute(statement, params).fetchall()
        except sqlite3.Error as error:
            failed += 1
            print(json.dumps({"match": match, "sql": sql, "error": str(error)}, ensure_ascii=False))
    print(f"checked {checked} statements, {failed} rejected", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

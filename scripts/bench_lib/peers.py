# SPDX-License-Identifier: Apache-2.0
"""The peers newsd is measured against, each indexing the same (title, body) texts.

Every indexer reads the files itself inside the timed region (as newsd does) and stores the
title and body (newsd stores both, to show titles and snippets), with English stemming.
Each searcher returns the top 10 for a query of words, all of which must match, and fetches
the stored title of each hit.
"""

import os
import shutil
import sqlite3
import subprocess
import importlib
import sys
import time

from .corpus import read_article
from .stats import tree_bytes

TOKENIZER = "porter unicode61 remove_diacritics 2"


def fts5_match(query):
    """The words of a query as an FTS5 MATCH of quoted strings (implicitly ANDed)."""
    words = [w for w in query.replace('"', " ").split() if any(c.isalnum() for c in w)]
    return " ".join('"' + w + '"' for w in words)


# --- SQLite FTS5: the engine's floor --------------------------------------------------------

FTS5_SCHEMA = f"""
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE articles(id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id',
    tokenize='{TOKENIZER}');
"""
FTS5_SEARCH = ("SELECT a.id, a.title, snippet(articles_fts, 1, '<mark>', '</mark>', '…', 12) "
               "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT 10")


def fts5_index(paths, db_path):
    """Bulk insert into an external-content FTS5 table like newsd's (one transaction)."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)
    start = time.perf_counter()
    db = sqlite3.connect(db_path, isolation_level=None)
    db.executescript(FTS5_SCHEMA)
    db.execute("BEGIN")
    for number, path in enumerate(paths, 1):
        title, body = read_article(path)
        db.execute("INSERT INTO articles(id, title, body) VALUES (?, ?, ?)", (number, title, body))
        db.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)", (number, title, body))
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": sum(tree_bytes(db_path + s) for s in ("", "-wal") if os.path.exists(db_path + s))}


class FTS5Searcher:
    def __init__(self, db_path):
        self.db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def search(self, query):
        return len(self.db.execute(FTS5_SEARCH, (fts5_match(query),)).fetchall())


def sqlite_cli_command(db_path, query):
    match = fts5_match(query).replace("'", "''")
    return ["sqlite3", "-readonly", db_path, FTS5_SEARCH.replace("?", f"'{match}'")]


# --- Xapian ---------------------------------------------------------------------------------

def xapian_index(paths, db_dir):
    import xapian
    shutil.rmtree(db_dir, ignore_errors=True)
    start = time.perf_counter()
    db = xapian.WritableDatabase(db_dir, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("en"))
    for path in paths:
        title, body = read_article(path)
        doc = xapian.Document()
        generator.set_document(doc)
        generator.index_text(title, 10)  # title weighted as newsd's bm25 weights do
        generator.increase_termpos()
        generator.index_text(body)
        doc.set_data(title + "\n" + body)
        db.add_document(doc)
    db.commit()
    db.close()
    return {"seconds": time.perf_counter() - start, "bytes": tree_bytes(db_dir)}


class XapianSearcher:
    def __init__(self, db_dir):
        import xapian
        self.xapian = xapian
        self.db = xapian.Database(db_dir)
        self.parser = xapian.QueryParser()
        self.parser.set_stemmer(xapian.Stem("en"))
        self.parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        self.parser.set_default_op(xapian.Query.OP_AND)
        self.parser.set_database(self.db)
        self.enquire = xapian.Enquire(self.db)

    def search(self, query):
        self.enquire.set_query(self.parser.parse_query(query))
        mset = self.enquire.get_mset(0, 10)
        return len([m.document.get_data().split(b"\n", 1)[0] for m in mset])


# --- tantivy --------------------------------------------------------------------------------

def tantivy_module(py_dir):
    if py_dir not in sys.path:
        sys.path.insert(0, py_dir)
    # A failed import earlier in the run cached the folder's listing, from before pip filled it.
    importlib.invalidate_caches()
    import tantivy
    return tantivy


def tantivy_schema(tantivy):
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
    builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
    return builder.build()


def tantivy_index(paths, index_dir, py_dir):
    tantivy = tantivy_module(py_dir)
    shutil.rmtree(index_dir, ignore_errors=True)
    os.makedirs(index_dir)
    start = time.perf_counter()
    index = tantivy.Index(tantivy_schema(tantivy), path=index_dir)
    writer = index.writer()  # default heap, threads chosen by tantivy
    for path in paths:
        title, body = read_article(path)
        writer.add_document(tantivy.Document(title=title, body=body))
    writer.commit()
    writer.wait_merging_threads()
    return {"seconds": time.perf_counter() - start, "bytes": tree_bytes(index_dir)}


class TantivySearcher:
    def __init__(self, index_dir, py_dir):
        tantivy = tantivy_module(py_dir)
        self.index = tantivy.Index.open(index_dir)
        self.index.reload()
        self.searcher = self.index.searcher()

    def search(self, query):
        parsed = self.index.parse_query(query.replace('"', " ").replace("'", " "), ["title", "body"],
                                        field_boosts={"title": 10.0}, conjunction_by_default=True)
        hits = self.searcher.search(parsed, 10).hits
        return len([self.searcher.doc(address)["title"] for _, address in hits])


# --- recoll ---------------------------------------------------------------------------------

def recoll_config(conf_dir, topdir, monitor=False):
    """A recoll configuration indexing only topdir, spelling suggestions off (the other
    engines build none), English stemming; for the monitor, every delay at its minimum."""
    os.makedirs(conf_dir, exist_ok=True)
    lines = [
        f"topdirs = {topdir}",
        "noaspell = 1",
        "indexStemmingLanguages = english",
        "loglevel = 2",
        f"logfilename = {conf_dir}/recoll.log",
        "skippedNames = .* *.tmp",
        # recollindex runs at nice 19 by default; the other engines run at 0, so does it here.
        "idxniceprio = 0",
    ]
    if monitor:
        # monixinterval: seconds between index flushes in real-time mode (default 30);
        # mondelaypatterns: none, so no file is held back.
        lines += ["monixinterval = 0", "mondelaypatterns = ", "monauxinterval = 3600"]
    with open(os.path.join(conf_dir, "recoll.conf"), "w") as handle:
        handle.write("\n".join(lines) + "\n")


def recoll_index(corpus_dir, conf_dir):
    shutil.rmtree(conf_dir, ignore_errors=True)
    recoll_config(conf_dir, corpus_dir)
    command = ["recollindex", "-c", conf_dir, "-z"]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"recollindex failed: {done.stderr[-500:]}")
    return {"seconds": seconds, "bytes": tree_bytes(os.path.join(conf_dir, "xapiandb"))}


def recollq_command(conf_dir, query):
    return ["recollq", "-c", conf_dir, "-n", "10", query]

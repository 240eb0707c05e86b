# SPDX-License-Identifier: Apache-2.0
"""Reading a corpus of plain .txt files the way newsd reads them: title = first line, body = the rest."""

import os


def list_files(root):
    """Every .txt file under root, sorted (README.TXT and the like are skipped, as newsd would
    index them as articles but they are not news)."""
    paths = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                paths.append(os.path.join(folder, name))
    return paths


def read_article(path):
    """(title, body) of one plain-text article."""
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    title, _, body = text.replace("\r\n", "\n").partition("\n")
    return title.strip(), body.strip()


def text_bytes(paths):
    """UTF-8 bytes of title + body over all files: the 'MB of text' that index sizes are divided by."""
    total = 0
    for path in paths:
        title, body = read_article(path)
        total += len(title.encode()) + len(body.encode())
    return total

# SPDX-License-Identifier: Apache-2.0
"""Drafts benchmarks/queries.txt from the BBC vocabulary (run once; the list is committed).

    /usr/bin/python3 -m scripts.bench_lib.make_queries ../shared/corpus/bbc > benchmarks/queries.txt

Picks, with a fixed seed, 200 queries every engine should answer alike: 70 single words
(names and topic words), 80 two-word phrases that occur in the text (unquoted, so all words
must match), and 50 three-word queries (a frequent pair plus a topic word common in the articles holding it).
Every query matches at least two BBC articles. Words only: no operators, so each engine's
default AND-of-words reading is the same query.
"""

import collections
import os
import random
import re
import sys

STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves said says say mr mrs ms one two
three four five six also new last first year years told added would could may might us uk bbc people time made
make get got going go well much many like back still even since way around however including next week weeks
told week month months day days just already says another world good take made see end us told make set""".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+[A-Za-z]")


def main(source):
    docs = []
    for category in sorted(os.listdir(source)):
        folder = os.path.join(source, category)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                    docs.append(handle.read())
    doc_words = []
    unigrams, capitals, bigrams = collections.Counter(), collections.Counter(), collections.Counter()
    for text in docs:
        tokens = WORD.findall(text)
        lowered = [t.lower() for t in tokens]
        doc_words.append(set(lowered))
        for i, token in enumerate(tokens):
            low = lowered[i]
            if low in STOP or len(low) < 4:
                continue
            unigrams[low] += 1
            if token[0].isupper() and i > 0 and not tokens[i - 1].endswith("."):
                capitals[token] += 1
            if i + 1 < len(tokens) and lowered[i + 1] not in STOP and len(lowered[i + 1]) >= 3:
                bigrams[(tokens[i], tokens[i + 1])] += 1

    def hits(words):
        return sum(1 for s in doc_words if all(w.lower() in s for w in words))

    rng = random.Random(2005)
    names = [w for w, c in capitals.most_common(600) if c >= 8 and w.lower() not in STOP]
    topics = [w for w, c in unigrams.most_common(1500)[100:] if w.isalpha()]
    pairs = [p for p, c in bigrams.most_common(1500) if c >= 6 and p[0].lower() != p[1].lower()]
    topic_set = set(topics)
    out, seen = [], set()

    def add(words):
        key = " ".join(words)
        if key.lower() not in seen and hits(words) >= 2:
            seen.add(key.lower())
            out.append(key)
            return True
        return False

    for pool, want in ((names, 35), (topics, 35)):
        rng.shuffle(pool)
        got = 0
        for word in pool:
            if got == want:
                break
            got += add([word])
    rng.shuffle(pairs)
    got = 0
    for pair in pairs:
        if got == 80:
            break
        got += add(list(pair))
    got = 0
    for pair in pairs:
        if got == 50:
            break
        # the third word: a topic word common in the articles holding the pair
        near = collections.Counter()
        for words in doc_words:
            if pair[0].lower() in words and pair[1].lower() in words:
                near.update(w for w in words if w in topic_set)
        choices = [w for w, _ in near.most_common(12) if not any(p.lower().startswith(w) for p in pair)]
        if not choices:
            continue
        extra = rng.choice(choices)
        got += add([pair[0], pair[1], extra])
    assert len(out) == 200, len(out)
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])

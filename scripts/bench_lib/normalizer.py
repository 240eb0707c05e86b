# SPDX-License-Identifier: Apache-2.0
"""Normaliser speed per format on one core: `newsd inspect --summary` over the BBC texts, the
181 scrapinghub HTML pages and the same pages' whole visible text, timed by the CPU time of the
inspect process (single-threaded, one per set; the best of three after a warm-up pass), so the
figure is MB/s of input on one core: reading and normalising, process start-up included, no
bodies written out."""
import gzip
import json
import os
import resource
import subprocess
import tempfile



def _cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time_inspect(newsd, files, runs=3):
    # One process per set, names on stdin: start-up (~30 ms) is paid once, and thousands of
    # positional arguments would time the argument parser rather than the normaliser. The best
    # of `runs`, after a first pass that warms the page cache and the binary: the first pass
    # reads the files from disk and varied by half on this shared machine.
    def once():
        before = _cpu_seconds()
        subprocess.run([newsd, "inspect", "--summary", "--files-from", "-"], input="\n".join(files).encode(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return _cpu_seconds() - before
    once()
    return min(once() for _ in range(runs))


def measure(newsd, shared):
    bbc = os.path.join(shared, "corpus", "bbc")
    scrapinghub = os.path.join(shared, "corpus", "scrapinghub")
    sets = {}
    texts = sorted(os.path.join(folder, name) for folder, _, names in os.walk(bbc)
                   for name in names if name.endswith(".txt") and name != "README.TXT")
    sets["text (BBC, 2,225 files)"] = (texts, sum(os.path.getsize(p) for p in texts))
    with tempfile.TemporaryDirectory() as scratch:
        pages = sorted(os.path.join(scrapinghub, "html", n) for n in os.listdir(os.path.join(scrapinghub, "html")))
        html_bytes = 0
        for page in pages:
            with gzip.open(page, "rb") as handle:
                html_bytes += len(handle.read())
        sets["HTML (181 pages, .html.gz; MB of inflated HTML)"] = (pages, html_bytes)
        with open(os.path.join(scrapinghub, "page-text.json"), encoding="utf-8") as handle:
            page_text = json.load(handle)
        written = []
        for key, value in page_text.items():
            path = os.path.join(scratch, f"{key}.txt")
            with open(path, "w", encoding="utf-8") as out:
                out.write(value["text"])
            written.append(path)
        sets["page text (181 whole-page .txt)"] = (written, sum(os.path.getsize(p) for p in written))
        results = {}
        for name, (files, size) in sets.items():
            cpu = _time_inspect(newsd, files)
            results[name] = {"files": len(files), "mb": size / 1e6, "cpu_s": cpu, "mb_per_s": size / 1e6 / cpu if cpu else None}
    return results


def table(results):
    lines = ["| format | files | MB | CPU s | MB/s on one core |", "|---|--:|--:|--:|--:|"]
    for name, r in results.items():
        rate = f"{r['mb_per_s']:.1f}" if r["mb_per_s"] else "n/a"
        lines.append(f"| {name} | {r['files']} | {r['mb']:.1f} | {r['cpu_s']:.2f} | {rate} |")
    return "\n".join(lines)

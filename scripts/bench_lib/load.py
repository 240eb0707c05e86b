# SPDX-License-Identifier: Apache-2.0
"""Queries under ingest: many clients search while files keep arriving (issue 9's load test).

64 client processes query for a fixed time while a dropper renames pre-written files into the
inbox at a steady rate; then the run waits until every dropped file is indexed. Reported: query
count, errors, p50/p99, files dropped and indexed, and newsd's RSS before, during and after."""
import multiprocessing
import os
import threading
import time

from .stats import summary_ms
from .varlink import VarlinkClient, VarlinkError

SEPARATE = "zqload"


def load_client(socket_path, queries, offset, start_at, duration, results):
    client = VarlinkClient(socket_path)
    count = errors = 0
    latencies = []
    index = offset
    while time.time() < start_at:
        time.sleep(0.001)
    end = start_at + duration
    while True:
        begin = time.perf_counter()
        if time.time() >= end:
            break
        try:
            client.search(queries[index % len(queries)])
            count += 1
        except (VarlinkError, OSError):
            errors += 1
            try:
                client.close()
                client = VarlinkClient(socket_path)
            except OSError:
                pass
        latencies.append(time.perf_counter() - begin)
        index += 1
    results.put((count, errors, latencies[:: max(1, len(latencies) // 2000)]))


def throughput(daemon, queries, clients, duration):
    """Queries/s with `clients` processes, each on its own connection, for `duration` seconds."""
    queue = multiprocessing.Queue()
    start_at = time.time() + 0.5 + clients * 0.02
    workers = [multiprocessing.Process(target=load_client,
                                       args=(daemon.socket, queries, i * 37, start_at, duration, queue))
               for i in range(clients)]
    for worker in workers:
        worker.start()
    rss_max = 0
    while time.time() < start_at + duration:
        rss_max = max(rss_max, daemon.rss_kb() or 0)
        time.sleep(0.05)
    collected = [queue.get(timeout=duration + 60) for _ in workers]
    for worker in workers:
        worker.join()
    count = sum(c for c, _, _ in collected)
    latencies = [t for _, _, ts in collected for t in ts]
    result = {"clients": clients, "seconds": duration, "queries": count, "qps": count / duration,
              "errors": sum(e for _, e, _ in collected), "rss_max_kb": rss_max}
    if latencies:
        result.update({k: v for k, v in summary_ms(latencies).items() if k in ("p50", "p99")})
    return result


def stage(paths, staging, count):
    """Writes `count` distinct articles (corpus texts, each with a unique first line) to `staging`."""
    os.makedirs(staging, exist_ok=True)
    staged = []
    for i in range(count):
        with open(paths[i % len(paths)], encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        target = os.path.join(staging, f"load-{i:06d}.txt")
        with open(target, "w", encoding="utf-8") as out:
            out.write(f"Load article {i} {SEPARATE}{i}\n\n{text}")
        staged.append(target)
    return staged


def drop(staged, inbox, rate, stop_at, dropped, folder_name="load"):
    """Renames staged files into `inbox`/`folder_name` at `rate` per second until `stop_at` (time.time())."""
    folder = os.path.join(inbox, folder_name)
    os.makedirs(folder, exist_ok=True)
    start = time.time()
    for i, path in enumerate(staged):
        due = start + i / rate
        if due >= stop_at:
            break
        pause = due - time.time()
        if pause > 0:
            time.sleep(pause)
        os.rename(path, os.path.join(folder, os.path.basename(path)))
        dropped.append(i)


def measure(daemon, client, paths, queries, clients, seconds, rate, work, folder_name="load"):
    """Runs `throughput(daemon, queries, clients, seconds)` while files arrive at `rate`/s into
    `folder_name` below the inbox (a new name for each run on the same daemon)."""
    staged = stage(paths, os.path.join(work, "load-staging"), int(rate * seconds * 1.1) + 10)
    before = client.status()
    rss_before = daemon.rss_kb()
    dropped = []
    stop_at = time.time() + 0.5 + clients * 0.02 + seconds
    dropper = threading.Thread(target=drop, args=(staged, daemon.inbox, rate, stop_at, dropped, folder_name))
    dropper.start()
    result = throughput(daemon, queries, clients, seconds)
    dropper.join()
    status, client, _ = daemon.wait_files(client, before["files"] + len(dropped), timeout=600)
    time.sleep(2)
    result.update({
        "files_per_second": rate, "files_dropped": len(dropped),
        "files_indexed": status["files"] - before["files"], "failed_files": status["failed_files"] - before["failed_files"],
        "rss_before_kb": rss_before, "rss_after_kb": daemon.rss_kb(),
        "command": f"{clients} Python clients, `io.newsd.Search` in a loop for {seconds} s, "
                   f"while a thread renames {rate} files/s into the inbox",
    })
    return result, client


def table(entry):
    if not entry:
        return ["Not measured."]
    if "error" in entry:
        return [f"**not measured**: {entry['error']}"]
    mb = lambda kb: f"{kb / 1024:.1f}" if kb else "n/a"  # noqa: E731
    return [
        "| clients | seconds | queries/s | errors | p50 ms | p99 ms | files dropped | indexed | failed | RSS before MB | max MB | after MB |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        f"| {entry['clients']} | {entry['seconds']} | {entry['qps']:,.0f} | {entry['errors']} | {entry.get('p50', 0):.2f} | "
        f"{entry.get('p99', 0):.2f} | {entry['files_dropped']:,} | {entry['files_indexed']:,} | {entry['failed_files']} | "
        f"{mb(entry['rss_before_kb'])} | {mb(entry['rss_max_kb'])} | {mb(entry['rss_after_kb'])} |",
        "", entry["command"] + ".",
    ]

# SPDX-License-Identifier: Apache-2.0
"""Percentiles and small measuring helpers."""

import os
import time


def percentile(values, p):
    """Nearest-rank percentile of a list (p in 0..100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil
    return ordered[int(rank) - 1]


def summary_ms(seconds):
    """p50/p95/p99/mean in milliseconds of a list of durations in seconds."""
    return {
        "n": len(seconds),
        "p50": percentile(seconds, 50) * 1000,
        "p95": percentile(seconds, 95) * 1000,
        "p99": percentile(seconds, 99) * 1000,
        "mean": sum(seconds) / len(seconds) * 1000,
    }


def proc_status(pid, key):
    """A /proc/PID/status field in kB (VmRSS, VmHWM), or None."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def proc_cpu_seconds(pid):
    """User + system CPU seconds of a process (and its waited-for children)."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def tree_bytes(path):
    """Bytes on disk (allocated blocks) under a file or folder."""
    if os.path.isfile(path):
        return os.stat(path).st_blocks * 512
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_blocks * 512
            except OSError:
                pass
    return total


class Stopwatch:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start

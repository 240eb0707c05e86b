# SPDX-License-Identifier: Apache-2.0
"""Starting newsd on a scratch inbox, database and socket, and talking to it."""

import os
import signal
import subprocess
import time

from .stats import proc_cpu_seconds, proc_status
from .varlink import VarlinkClient


class Newsd:
    def __init__(self, bin_dir, work_dir, config):
        self.bin_dir = bin_dir
        self.work_dir = work_dir
        self.inbox = os.path.join(work_dir, "inbox")
        self.database = os.path.join(work_dir, "newsd.sqlite")
        self.socket = os.path.join(work_dir, "newsd.sock")
        self.log_path = os.path.join(work_dir, "newsd.log")
        self.config = config
        self.process = None

    @property
    def newsd(self):
        return os.path.join(self.bin_dir, "newsd")

    @property
    def newsq(self):
        return os.path.join(self.bin_dir, "newsq")

    def env(self):
        env = dict(os.environ)
        env.update(NEWSD_INBOX=self.inbox, NEWSD_DATABASE=self.database, NEWSD_SOCKET=self.socket)
        return env

    def command(self):
        return [self.newsd, "run", "--config", self.config]

    def start(self, timeout=60):
        os.makedirs(self.inbox, exist_ok=True)
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.command(), env=self.env(), stdout=self.log, stderr=self.log,
                                        stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"newsd exited with {self.process.returncode}; see {self.log_path}")
            try:
                client = VarlinkClient(self.socket)
                client.status()
                return client
            except OSError:
                time.sleep(0.01)
        raise RuntimeError(f"newsd did not answer on {self.socket} within {timeout} s")

    def wait_files(self, client, count, timeout, interval=0.02):
        """Polls Status until the ledger holds `count` files; returns (last status, client,
        connections the daemon dropped). A dropped connection is reopened and counted: the
        report shows the count, since a monitoring client should never lose its connection."""
        deadline = time.monotonic() + timeout
        dropped = 0
        while True:
            try:
                status = client.status()
            except OSError:
                dropped += 1
                client.close()
                client = VarlinkClient(self.socket)
                continue
            if status["files"] >= count:
                return status, client, dropped
            if time.monotonic() > deadline:
                raise RuntimeError(f"newsd took over {timeout} s: {status['files']} of {count} files")
            if self.process.poll() is not None:
                raise RuntimeError(f"newsd exited with {self.process.returncode}; see {self.log_path}")
            time.sleep(interval)

    def wait_quiet(self, timeout=180, window=1.0, busy=0.05):
        """Waits until the daemon uses under `busy` of a core over `window` seconds (its idle
        merge after a burst is done); returns the seconds waited, or None after `timeout`."""
        start = time.monotonic()
        last = self.cpu_seconds()
        while time.monotonic() - start < timeout:
            time.sleep(window)
            now = self.cpu_seconds()
            if now - last < busy * window:
                return time.monotonic() - start
            last = now
        return None

    def rss_kb(self):
        return proc_status(self.process.pid, "VmRSS")

    def hwm_kb(self):
        return proc_status(self.process.pid, "VmHWM")

    def cpu_seconds(self):
        return proc_cpu_seconds(self.process.pid)

    def database_bytes(self):
        from .stats import tree_bytes
        return sum(tree_bytes(self.database + s) for s in ("", "-wal", "-shm") if os.path.exists(self.database + s))

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None):
            self.log.close()

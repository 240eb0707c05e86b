#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Runs a command with its stdout on a pseudo-terminal or on a pipe, and copies what it wrote
to this script's stdout, byte for byte; exits with the command's status.

Usage: run-attached.py --pty COLUMNS -- COMMAND ARGS...
       run-attached.py --pipe -- COMMAND ARGS...

On a pty, the terminal is COLUMNS wide and 24 rows high, and output post-processing (\\n to
\\r\\n) is off, so the bytes are the ones the command wrote. stdin is /dev/null and stderr is
inherited in both modes: only stdout is under test.
"""
import errno
import fcntl
import os
import struct
import subprocess
import sys
import termios


def run_on_pty(columns, command):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    attributes = termios.tcgetattr(slave)
    attributes[1] &= ~termios.OPOST  # oflag: write the command's bytes as they are
    termios.tcsetattr(slave, termios.TCSANOW, attributes)
    with open(os.devnull, "rb") as devnull:
        child = subprocess.Popen(command, stdin=devnull, stdout=slave, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError as error:  # EIO: every holder of the slave side has closed it
            if error.errno != errno.EIO:
                raise
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return child.wait(), b"".join(chunks)


def run_on_pipe(command):
    with open(os.devnull, "rb") as devnull:
        completed = subprocess.run(command, stdin=devnull, stdout=subprocess.PIPE)
    return completed.returncode, completed.stdout


def main(arguments):
    if "--" not in arguments:
        sys.exit(__doc__)
    split = arguments.index("--")
    mode, command = arguments[:split], arguments[split + 1:]
    if mode[:1] == ["--pty"] and len(mode) == 2:
        status, output = run_on_pty(int(mode[1]), command)
    elif mode == ["--pipe"]:
        status, output = run_on_pipe(command)
    else:
        sys.exit(__doc__)
    sys.stdout.buffer.write(output)
    sys.stdout.flush()
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main(sys.argv[1:])

# SPDX-License-Identifier: Apache-2.0
"""A minimal blocking varlink client: one Unix socket, NUL-terminated JSON messages."""

import json
import socket


class VarlinkError(Exception):
    def __init__(self, error, parameters):
        super().__init__(f"{error}: {parameters}")
        self.error = error
        self.parameters = parameters


class VarlinkClient:
    def __init__(self, path, timeout=30.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buffer = b""

    def call(self, method, parameters=None):
        """Sends one call and returns the reply's parameters; raises VarlinkError on an error reply."""
        message = {"method": method}
        if parameters is not None:
            message["parameters"] = parameters
        self.sock.sendall(json.dumps(message).encode() + b"\0")
        while b"\0" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("varlink peer closed the connection")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        reply = json.loads(raw)
        if "error" in reply:
            raise VarlinkError(reply["error"], reply.get("parameters"))
        return reply.get("parameters", {})

    def search(self, query, limit=10, facets=False):
        parameters = {"query": query, "limit": limit}
        if facets:
            parameters["facets"] = True
        return self.call("io.newsd.Search", parameters)

    def status(self):
        return self.call("io.newsd.Status")

    def close(self):
        self.sock.close()

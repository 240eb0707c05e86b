#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Talks to newsd with an independent varlink client, the `varlink` package from PyPI.

Usage: varlink-interop.py SOCKET QUERY

1. org.varlink.service.GetInfo lists io.newsd;
2. GetInterfaceDescription("io.newsd") parses with the package's own parser
   (varlink.Interface), and declares Search, Get, Status and Watch;
3. io.newsd.Search(query=QUERY, limit=5) through the package's generated method;
4. the same call on a plain socket, NUL-framed JSON as the varlink spec says, whose raw reply
   must match the parsed IDL exactly: no undeclared field, every non-optional field present,
   every value of its declared type (the package's own reply filter drops unknown fields
   silently, so it cannot catch an IDL that lags behind the code);
5. io.newsd.Search with a query syntax error gets the io.newsd.QuerySyntax error.

Prints a JSON summary on stdout and exits 0, or names the first failure and exits 1.
"""
import json
import socket
import sys

import varlink
from varlink import scanner


def fail(message):
    print(f"varlink-interop: {message}", file=sys.stderr)
    sys.exit(1)


def raw_call(path, method, parameters):
    """One call on a fresh connection, without the package: the bytes the spec describes."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(path)
        connection.sendall(json.dumps({"method": method, "parameters": parameters}).encode() + b"\0")
        data = b""
        while not data.endswith(b"\0"):
            chunk = connection.recv(65536)
            if not chunk:
                fail(f"{method}: the connection closed before a whole reply")
            data += chunk
    return json.loads(data[:-1])


def conforms(interface, declared, value, where):
    """Checks a raw JSON value against a type parsed by varlink.Interface; returns problems."""
    if isinstance(declared, scanner._Maybe):
        return [] if value is None else conforms(interface, declared.element_type, value, where)
    if isinstance(declared, scanner._CustomType):
        return conforms(interface, interface.members[declared.name], value, where)
    if isinstance(declared, scanner._Alias):
        return conforms(interface, declared.type, value, where)
    if isinstance(declared, scanner._Array):
        if not isinstance(value, list):
            return [f"{where}: expected an array, got {value!r}"]
        return [p for i, item in enumerate(value) for p in conforms(interface, declared.element_type, item, f"{where}[{i}]")]
    if isinstance(declared, scanner._Enum):
        return [] if value in declared.fields else [f"{where}: {value!r} is not one of {list(declared.fields)}"]
    if isinstance(declared, scanner._Struct):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {value!r}"]
        problems = [f"{where}.{name}: not declared in the IDL" for name in value if name not in declared.fields]
        for name, field_type in declared.fields.items():
            if name not in value:
                if not isinstance(field_type, scanner._Maybe):
                    problems.append(f"{where}.{name}: declared non-optional, missing")
                continue
            problems += conforms(interface, field_type, value[name], f"{where}.{name}")
        return problems
    if isinstance(declared, bool):
        return [] if isinstance(value, bool) else [f"{where}: expected bool, got {value!r}"]
    if isinstance(declared, int):
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{where}: expected int, got {value!r}"]
    if isinstance(declared, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return [] if ok else [f"{where}: expected float, got {value!r}"]
    if isinstance(declared, str):
        return [] if isinstance(value, str) else [f"{where}: expected string, got {value!r}"]
    return [f"{where}: a type this checker does not know: {declared!r}"]


def main(arguments):
    if len(arguments) != 2:
        sys.exit(__doc__)
    path, query = arguments
    summary = {}
    with varlink.Client(address=f"unix:{path}") as client:
        with client.open("org.varlink.service") as service:
            info = service.GetInfo()
            if "io.newsd" not in info["interfaces"]:
                fail(f"GetInfo does not list io.newsd: {info}")
            summary["interfaces"] = info["interfaces"]
            summary["vendor"] = info.get("vendor")
            description = service.GetInterfaceDescription("io.newsd")["description"]
        try:
            interface = varlink.Interface(description)
        except SyntaxError as error:
            fail(f"the varlink package cannot parse io.newsd's IDL: {error}\n{description}")
        if interface.name != "io.newsd":
            fail(f"the IDL names interface {interface.name}")
        methods = sorted(n for n, m in interface.members.items() if isinstance(m, scanner._Method))
        for needed in ("Search", "Get", "Status", "Watch"):
            if needed not in methods:
                fail(f"the parsed IDL has no method {needed}: {methods}")
        summary["methods"] = methods

        with client.open("io.newsd") as news:
            reply = news.Search(query=query, limit=5)
            if reply["total"] < 1 or not reply["hits"]:
                fail(f"Search({query!r}) found nothing: {reply}")
            summary["total"] = reply["total"]
            summary["hits"] = [{"id": hit["id"], "title": hit["title"], "snippet": hit["snippet"]} for hit in reply["hits"]]

        with client.open("io.newsd") as news:
            try:
                news.Search(query="title:")
                fail("Search('title:') succeeded")
            except varlink.VarlinkError as error:
                if error.error() != "io.newsd.QuerySyntax":
                    fail(f"Search('title:') failed with {error.error()}, not io.newsd.QuerySyntax")
                summary["syntax_error"] = {"error": error.error(), "parameters": error.parameters()}

    raw = raw_call(path, "io.newsd.Search", {"query": query, "limit": 5})
    if raw.get("error"):
        fail(f"raw Search failed: {raw}")
    problems = conforms(interface, interface.get_method("Search").out_type, raw.get("parameters", {}), "Search")
    raw_status = raw_call(path, "io.newsd.Status", {})
    problems += conforms(interface, interface.get_method("Status").out_type, raw_status.get("parameters", {}), "Status")
    if problems:
        fail("replies do not match the IDL:\n  " + "\n  ".join(problems))
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1:])

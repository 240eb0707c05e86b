#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validates newsq's JSON output against the JSON Schemas (draft 2020-12) in docs/schema.

Usage: validate-json.py SCHEMA_FOLDER (--document SCHEMA FILE | --lines SCHEMA FILE)...

--document: FILE holds one JSON document. --lines: FILE holds JSON Lines, each validated
(an empty file is an error: the test meant to check something). SCHEMA is a file name in
SCHEMA_FOLDER; the schemas there may refer to each other by file name.

Prints every violation and exits 1 if there is any; exits 0 when all are valid.
Works with jsonschema 4.10 (Debian 12's python3-jsonschema) and with 4.18 and later.
"""
import json
import os
import sys

import jsonschema
from jsonschema import Draft202012Validator


def load_schemas(folder):
    schemas = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                schema = json.load(file)
            Draft202012Validator.check_schema(schema)
            schemas[name] = schema
    return schemas


def make_validator(schemas, name):
    schema = schemas[name]
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18
    except ImportError:
        store = {each["$id"]: each for each in schemas.values()}
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        return Draft202012Validator(schema, resolver=resolver)
    registry = Registry().with_resources(
        (each["$id"], Resource.from_contents(each)) for each in schemas.values())
    return Draft202012Validator(schema, registry=registry)


def main(arguments):
    if len(arguments) < 4 or (len(arguments) - 1) % 3:
        sys.exit(__doc__)
    schemas = load_schemas(arguments[0])
    problems = []
    checked = 0
    rest = arguments[1:]
    while rest:
        mode, schema_name, path = rest[:3]
        rest = rest[3:]
        if mode not in ("--document", "--lines") or schema_name not in schemas:
            sys.exit(f"unknown mode {mode} or schema {schema_name}\n{__doc__}")
        validator = make_validator(schemas, schema_name)
        with open(path, encoding="utf-8") as file:
            text = file.read()
        if mode == "--document":
            documents = [("", text)]
        else:
            documents = [(f" line {number}", line) for number, line in enumerate(text.splitlines(), 1)]
            if not documents:
                problems.append(f"{path}: no lines to validate")
        for where, document in documents:
            try:
                instance = json.loads(document)
            except json.JSONDecodeError as error:
                problems.append(f"{path}{where}: not JSON: {error}")
                continue
            checked += 1
            for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.path)):
                location = "/".join(str(part) for part in error.absolute_path) or "(root)"
                problems.append(f"{path}{where}: {schema_name}: at {location}: {error.message}")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print(f"valid: {checked} documents")


if __name__ == "__main__":
    main(sys.argv[1:])

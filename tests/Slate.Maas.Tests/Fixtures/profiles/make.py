#!/usr/bin/env python3
"""Regenerates the committed maas CLI profile databases (python3's sqlite3; CI does not run this).

Rows are written the way maascli's ProfileConfig writes them: json.dumps(profile) into
profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB).
Run from this directory: python3 make.py
"""

import json
import os
import sqlite3
import struct

SCHEMA = "CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, data BLOB)"
DESCRIPTION_SIZE = 200_000

PROFILES = {
    "admin": ("http://10.0.0.2:5240/MAAS/api/2.0/", ["adminCK", "adminTK", "admin-s3cret-do-not-print"]),
    "ops": ("http://maas.example:5240/MAAS/api/2.0/", ["opsCK", "opsTK", "ops-s3cret-do-not-print"]),
}


def description(size):
    """A deterministic stand-in for the API description maascli stores (100+ KB in real life)."""
    resources, i = [], 0
    while len(json.dumps(resources)) < size:
        resources.append({
            "name": f"Resource{i}Handler",
            "doc": f"Manage resource {i}. " * 8,
            "auth": {"uri": f"http://maas/MAAS/api/2.0/resource{i}/", "actions": [
                {"name": op, "method": "GET" if op == "read" else "POST", "op": op, "restful": op == "read"}
                for op in ("read", "create", "update", "delete")]},
        })
        i += 1
    return {"doc": "MAAS API", "hash": "0" * 40, "resources": resources}


def varint_len(n):
    return next(k for k in range(1, 10) if n < 1 << (7 * k))


def payload_size(name, data):
    """Bytes of the record (NULL id, name TEXT, data TEXT) SQLite stores for a profiles row."""
    name_b, data_b = name.encode(), data.encode()
    types = [1, varint_len(13 + 2 * len(name_b)), varint_len(13 + 2 * len(data_b))]
    return 1 + sum(types) + len(name_b) + len(data_b)


def profile_json(name, url, credentials, usable):
    """The profile's JSON, padded so its cell keeps ~usable-85 bytes on the leaf page: two such cells cannot
    share a page, so the table needs two leaves under an interior root, and the rest goes to overflow pages."""
    maximum, minimum = usable - 35, (usable - 12) * 32 // 255 - 23
    target_local = maximum - 50
    profile = {"credentials": credentials, "description": description(DESCRIPTION_SIZE), "name": name, "url": url}
    profile["description"]["doc"] = ""
    size = payload_size(name, json.dumps(profile))
    pad = (target_local - minimum - (size - minimum)) % (usable - 4)
    profile["description"]["doc"] = "x" * pad
    data = json.dumps(profile)
    assert minimum + (payload_size(name, data) - minimum) % (usable - 4) == target_local
    return data


def create(path, page_size=None, encoding=None):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    if page_size:
        db.execute(f"PRAGMA page_size = {page_size}")
    if encoding:
        db.execute(f"PRAGMA encoding = '{encoding}'")
    db.execute(SCHEMA)
    return db


def insert(db, name, data):
    db.execute("INSERT OR REPLACE INTO profiles (name, data) VALUES (?, ?)", (name, data))


def page_type(path, number):
    with open(path, "rb") as f:
        page_size = struct.unpack(">H", f.read(18)[16:18])[0]
        page_size = 65536 if page_size == 1 else page_size
        f.seek((number - 1) * page_size + (100 if number == 1 else 0))
        header = f.read(12)
        return header[0], struct.unpack(">I", header[8:12])[0], page_size


def root_page(path, table):
    with sqlite3.connect(path) as db:
        return db.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)).fetchone()[0]


def two_profiles(path, page_size):
    db = create(path, page_size)
    for name, (url, credentials) in PROFILES.items():
        insert(db, name, profile_json(name, url, credentials, usable=page_size))
    db.commit()
    db.close()
    kind, _, actual_page_size = page_type(path, root_page(path, "profiles"))
    assert actual_page_size == page_size and kind == 0x05, (path, actual_page_size, kind)


def variants(path):
    db = create(path)
    insert(db, "string-creds", json.dumps({
        "credentials": "strCK:strTK:str-s3cret-do-not-print", "description": {}, "name": "string-creds",
        "url": "http://10.0.0.3:5240/MAAS/api/2.0/"}))
    insert(db, "blob-data", json.dumps({
        "credentials": ["blobCK", "blobTK", "blob-s3cret-do-not-print"], "description": {}, "name": "blob-data",
        "url": "http://10.0.0.4:5240/MAAS/"}).encode())
    insert(db, "anonymous", json.dumps({
        "credentials": None, "description": {}, "name": "anonymous", "url": "http://10.0.0.5:5240/MAAS/api/2.0/"}))
    insert(db, "not-json", '{"credentials": ["badCK", "badTK", "bad-s3cret-do-not-print"], "url": ')
    insert(db, "two-part-key", json.dumps({
        "credentials": "keyCK:key-s3cret-do-not-print", "description": {}, "name": "two-part-key",
        "url": "http://10.0.0.6:5240/MAAS/api/2.0/"}))
    insert(db, "api-1.0", json.dumps({
        "credentials": ["oldCK", "oldTK", "old-s3cret-do-not-print"], "description": {}, "name": "api-1.0",
        "url": "http://10.0.0.7:5240/MAAS/api/1.0/"}))
    db.commit()
    db.close()


def many_rows(path):
    db = create(path, 512)
    for i in range(300):
        name = f"node-{i:03}"
        insert(db, name, json.dumps({
            "credentials": [f"ck{i}", f"tk{i}", f"secret{i}"], "description": {"doc": "MAAS API"}, "name": name,
            "url": f"http://maas-{i}.example:5240/MAAS/api/2.0/"}))
    db.commit()
    db.close()
    kind, rightmost_child, _ = page_type(path, root_page(path, "profiles"))
    child_kind, _, _ = page_type(path, rightmost_child)
    assert kind == 0x05 and child_kind == 0x05, "expected a b-tree at least three levels deep"


def utf16(path):
    db = create(path, encoding="UTF-16le")
    insert(db, "admin", json.dumps({
        "credentials": ["ck", "tk", "secret"], "description": {}, "name": "admin", "url": "http://h/MAAS/"}))
    db.commit()
    db.close()


def serial_types(path):
    """One value per SQLite serial type, for the reader's own tests."""
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE samples (id INTEGER PRIMARY KEY, value)")
    values = [None, 0, 1, -2, 300, 70_000, 2**31 - 1, 2**40, -(2**62), 3.5, "tëxt", b"\x00\xff"]
    db.executemany("INSERT INTO samples (id, value) VALUES (?, ?)", enumerate(values, start=1))
    db.commit()
    db.close()


# Payload sizes (record bytes) around the leaf-local limits for 4096-byte pages: max local 4061, min local 489,
# 4092 bytes per overflow page. Each sits at an edge of the spec's local-size formula.
SPILL_PAYLOADS = [4060, 4061, 4062, 4100, 4580, 4581, 4681, 8153, 8154, 20000]


def spill_pattern(payload):
    """The blob of the row whose record is `payload` bytes: header (size, NULL id, blob type) then the blob."""
    length = payload - 4 if payload - 4 < 8186 else payload - 5
    return bytes((i * 7 + payload) % 256 for i in range(length))


def payload_sizes(path):
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE spill (id INTEGER PRIMARY KEY, value BLOB)")
    db.executemany("INSERT INTO spill (id, value) VALUES (?, ?)",
                   [(i, spill_pattern(p)) for i, p in enumerate(SPILL_PAYLOADS, start=1)])
    db.commit()
    db.close()


if __name__ == "__main__":
    two_profiles("two-profiles.db", 4096)
    two_profiles("page-1024.db", 1024)
    two_profiles("page-65536.db", 65536)
    variants("variants.db")
    many_rows("many-rows.db")
    utf16("utf16.db")
    serial_types("serial-types.db")
    payload_sizes("payload-sizes.db")

#!/usr/bin/env python3
"""Checks annotations against their texts: every string occurs (anchors and section texts once), hashes match.
`python3 eval/check.py TEXTS.jsonl ANNOTATIONS.jsonl`"""
import json
import sys

from fnv import fnv

texts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    texts[fnv(row["text"])] = row
problems = 0


def say(note, message):
    global problems
    problems += 1
    print(f"{note}: {message}")


for n, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
    a = json.loads(line)
    where = f"line {n} ({a.get('date')})"
    row = texts.get(a.get("fnv"))
    if row is None:
        say(where, "no text has this hash")
        continue
    t = row["text"]
    for key in ("date", "fnv", "genre", "speech", "title", "salutation", "chrome", "sections", "lists", "alarms", "paragraphs"):
        if key not in a:
            say(where, f"missing {key}")
    first, last = a.get("speech", ["", ""])
    for anchor in (first, last):
        if t.count(anchor) != 1:
            say(where, f"speech anchor {anchor!r} occurs {t.count(anchor)} times")
    for key in ("title", "salutation"):
        if a.get(key) and a[key] not in t:
            say(where, f"{key} {a[key]!r} not in the text")
    at = 0
    for kind, s in a.get("chrome", []):
        found = t.find(s, at)
        if found < 0:
            say(where, f"chrome {kind} {s!r} not found after offset {at}")
        else:
            at = found + len(s)
    for level, s in a.get("sections", []):
        if t.count(s) != 1:
            say(where, f"section {s!r} occurs {t.count(s)} times")
    for kind, s in a.get("alarms", []):
        if s not in t:
            say(where, f"alarm {s!r} not in the text")
print(f"{problems} problems")
sys.exit(1 if problems else 0)

#!/usr/bin/env python3
"""Prints date, FNV-1a 64 hash and length of each text of a JSONL file: `python3 eval/fnv.py FILE`."""
import json
import sys


def fnv(text: str) -> str:
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


if __name__ == "__main__":
    for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
        row = json.loads(line)
        print(i, row.get("date"), fnv(row["text"]), len(row["text"]))

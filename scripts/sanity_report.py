#!/usr/bin/env python3
"""The corpus sanity report: the lines of the whole-corpus graph most likely to be wrong.

    scripts/sanity_report.py --vnkg build/app/vnkg --corpus CORPUS --db DIR [--facts FILE] [--top 15]

Ingests CORPUS into a new database DIR (`ingest --bulk`; skipped when --facts
gives an export already made), exports its facts and prints:
  - the people with the most distinct offices (one person holding a king's and
    a UN post shows up here);
  - the events with the most source documents (unrelated gatherings merged);
  - offices dated before 1990 or more than five years from their record's date;
  - organizations and event names over 12 words (a mention that swallowed its clause);
  - person names whose offices name several provinces (two officials of one name,
    or a province that is not theirs).
Each line is a thing to read, not a verdict.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys

PROVINCE_WORDS = ("tỉnh ", "thành phố ", "tp ")


def load_provinces(data_dir):
    names = set()
    for file in ("provinces.tsv", "provinces_2025.tsv"):
        path = os.path.join(data_dir, file)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(cells) < 2 or cells[0] == "code":
                    continue
                names.add(cells[1].strip())
    return names


def record_dates(corpus):
    """doc id -> YYYY-MM-DD for the records that carry a date."""
    reader = ["zstdcat", corpus] if corpus.endswith(".zst") else ["cat", corpus]
    dates = {}
    with subprocess.Popen(reader, stdout=subprocess.PIPE) as proc:
        for line in proc.stdout:
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            if r.get("date"):
                dates[r["id"]] = r["date"]
    return dates


def docs_of(fact):
    return fact.get("docs") or [fact.get("doc", "")]


def position_text(e):
    org = e.get("organization")
    return e.get("title", "") + (" | " + org if org else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vnkg", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--db", required=True, help="a database to (re)build from the corpus")
    ap.add_argument("--facts", help="an export of the corpus graph already made: skip the ingest")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()

    facts_path = args.facts
    if not facts_path:
        shutil.rmtree(args.db, ignore_errors=True)
        r = subprocess.run([args.vnkg, "ingest", "-q", "--bulk", "--db", args.db, args.corpus],
                           stdout=subprocess.DEVNULL)
        if r.returncode not in (0, 3):
            sys.exit(f"ingest failed with exit status {r.returncode}")
        facts_path = args.db + ".facts.jsonl"
        with open(facts_path, "w", encoding="utf-8") as out:
            subprocess.run([args.vnkg, "export", "--db", args.db, "--format", "facts"], stdout=out, check=True)

    provinces = load_provinces(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "extract", "data"))
    dates = record_dates(args.corpus)
    offices = collections.defaultdict(set)
    office_provinces = collections.defaultdict(set)
    event_docs = collections.defaultdict(set)
    event_names = {}
    misdated, long_names = [], []
    with open(facts_path, encoding="utf-8") as f:
        for line in f:
            fact = json.loads(line)
            s, p, o = fact["subject"], fact["predicate"], fact["object"]
            if p == "holds_position":
                offices[s["name"]].add(position_text(o))
                for name in provinces:
                    if name in position_text(o):
                        office_provinces[s["name"]].add(name)
                when = fact.get("date") or ""
                m = re.match(r"(\d{4})", when)
                if m:
                    year = int(m.group(1))
                    for doc in docs_of(fact):
                        record = dates.get(doc, "")
                        far = record and abs(int(record[:4]) - year) > 5
                        if year < 1990 or far:
                            misdated.append((when, record or "-", s["name"], position_text(o), doc))
            for e in (s, o):
                if e.get("type") == "Event":
                    key = e.get("id") or (e.get("date"), e.get("name"))
                    event_docs[key].update(docs_of(fact))
                    event_names[key] = f"{e.get('date')}  {e.get('name')}"
                if e.get("type") in ("Organization", "Event") and len((e.get("name") or "").split()) > 12:
                    long_names.append((e["type"], e["name"]))

    top = args.top
    print(f"== people with the most distinct offices (top {top})")
    for name, held in sorted(offices.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        print(f"{len(held):4}  {name}: " + "; ".join(sorted(held))[:400])
    print(f"\n== events with the most source documents (top {top})")
    for key, docs in sorted(event_docs.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))[:top]:
        print(f"{len(docs):4}  {event_names[key][:160]}")
    print(f"\n== offices dated before 1990 or over five years from their record's date: {len(misdated)}")
    for row in sorted(set(misdated))[:top]:
        print("      " + "  ".join(row)[:200])
    long_names = sorted(set(long_names))
    print(f"\n== organization and event names over 12 words: {len(long_names)}")
    for kind, name in long_names[:top]:
        print(f"      {kind}: {name[:200]}")
    spread = {n: p for n, p in office_provinces.items() if len(p) > 1}
    print(f"\n== person names whose offices name several provinces: {len(spread)}")
    for name, where in sorted(spread.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        print(f"{len(where):4}  {name}: {', '.join(sorted(where))}")


if __name__ == "__main__":
    main()

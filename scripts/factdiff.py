#!/usr/bin/env python3
"""The fact diff: what a change to the extractor adds and removes across a corpus.

    scripts/factdiff.py --base OLD --new NEW [--sample 8] [--seed 1] [--predicate P]

OLD and NEW are each either a fact file (JSON Lines, docs/facts.md) or a vnkg
binary; a binary is run as `vnkg extract CORPUS` (--corpus, default
../shared/corpus/news.jsonl.zst). Prints, per predicate, the facts gained and
lost (a fact is its subject, predicate, object and document; confidence and
evidence do not make a fact new), then a random sample of each with its
evidence, so that a rule is judged by what it does everywhere, not by one gold
line. `make factdiff BASE=<git revision>` builds that revision beside the
working tree and compares it with the current build.
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile


def entity_key(e):
    """The identifying fields of an entity, without ids and extras."""
    if not e:
        return ()
    t = e.get("type", "")
    if t == "Position":
        return (t, e.get("title") or "", e.get("organization") or "")
    if t == "BridgePoint":
        return (t, e.get("province") or "", e.get("event_date") or "")
    if t == "Event":
        return (t, e.get("name") or "", e.get("date") or "")
    return (t, e.get("name") or "")


def show_entity(e):
    t = e.get("type", "")
    if t == "Position":
        org = e.get("organization")
        return f"Position[{e.get('title')}{' | ' + org if org else ''}]"
    if t == "BridgePoint":
        return f"BridgePoint[{e.get('province')} @ {e.get('event_date')}]"
    if t == "Event":
        return f"Event[{e.get('name')} @ {e.get('date')}]"
    return f"{t}[{e.get('name')}]"


def read_facts(path):
    """fact key -> one evidence sentence."""
    facts = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                fact = json.loads(line)
            except json.JSONDecodeError as err:
                sys.exit(f"{path}:{n}: not JSON: {err}")
            docs = fact.get("docs") or [fact.get("doc", "")]
            for doc in docs:
                key = (fact.get("predicate", ""), entity_key(fact.get("subject")), entity_key(fact.get("object")), doc)
                if key not in facts:
                    facts[key] = (fact.get("subject") or {}, fact.get("object") or {}, fact.get("evidence", ""))
    return facts


def is_binary(spec):
    return os.path.isfile(spec) and os.access(spec, os.X_OK) and not spec.endswith((".jsonl", ".json"))


def extract_all(specs, corpus, scratch):
    """Each spec's fact file; binaries run side by side (one core each), each
    with its own gazetteer directory when one is given (VNKG_DATA)."""
    paths, running = {}, []
    for label, spec, data in specs:
        if not is_binary(spec):
            paths[label] = spec
            continue
        out = os.path.join(scratch, label + ".jsonl")
        f = open(out, "w", encoding="utf-8")
        env = dict(os.environ, VNKG_DATA=data) if data else None
        running.append((label, spec, f, subprocess.Popen([spec, "extract", corpus], stdout=f, stderr=subprocess.DEVNULL,
                                                         env=env)))
        paths[label] = out
    for label, spec, f, proc in running:
        code = proc.wait()
        f.close()
        if code not in (0, 3):  # 3: some input records were skipped, named on stderr
            sys.exit(f"{spec} extract {corpus}: exit status {code}")
    return {label: read_facts(path) for label, path in paths.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", required=True, help="fact file or vnkg binary before the change")
    ap.add_argument("--new", required=True, help="fact file or vnkg binary after the change")
    ap.add_argument("--base-data", help="the gazetteer directory of the base binary (extract/data of its tree)")
    ap.add_argument("--new-data", help="the gazetteer directory of the new binary")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus",
                                                     "news.jsonl.zst"))
    ap.add_argument("--sample", type=int, default=8, help="facts shown per predicate and side")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--predicate", action="append", help="only these predicates (repeatable)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="factdiff-") as scratch:
        got = extract_all([("base", args.base, args.base_data), ("new", args.new, args.new_data)], args.corpus, scratch)
    base, new = got["base"], got["new"]
    gained = collections.defaultdict(list)
    lost = collections.defaultdict(list)
    for key in new.keys() - base.keys():
        gained[key[0]].append(key)
    for key in base.keys() - new.keys():
        lost[key[0]].append(key)
    predicates = sorted(set(k[0] for k in base) | set(k[0] for k in new))
    if args.predicate:
        predicates = [p for p in predicates if p in args.predicate]
    count = lambda facts, p: sum(1 for k in facts if k[0] == p)
    print(f"{'predicate':<18} {'before':>8} {'after':>8} {'gained':>8} {'lost':>8}")
    for p in predicates:
        print(f"{p:<18} {count(base, p):>8} {count(new, p):>8} {len(gained[p]):>8} {len(lost[p]):>8}")
    print(f"{'all':<18} {len(base):>8} {len(new):>8} {sum(map(len, gained.values())):>8} "
          f"{sum(map(len, lost.values())):>8}")
    rng = random.Random(args.seed)
    for p in predicates:
        for label, keys, facts in (("GAINED", gained[p], new), ("LOST", lost[p], base)):
            if not keys:
                continue
            keys = sorted(keys)
            shown = rng.sample(keys, min(args.sample, len(keys)))
            print(f"\n== {label} {p}: {len(keys)} (showing {len(shown)})")
            for key in shown:
                subject, obj, evidence = facts[key]
                print(f"  {show_entity(subject)} -> {show_entity(obj)}   [{key[3]}]")
                print(f"      {evidence[:300]}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Precision of the extractor by confidence band, on a hand-annotated gold.

    scripts/confidence_table.py --gold GOLD --pred FACTS [--docs IDS] [--scorer score.py]

Each predicted fact (one per subject-predicate-object key, at the highest
confidence it was given) is right when it matches a required gold fact (or one
of its alternatives), wrong when it matches nothing in gold; facts that match
an optional gold fact are neither. Facts are judged exactly as the scorer
judges them (its own key functions are used), so the bands add up to its
precision. This is the table in docs/extraction.md: what `--min-confidence`
keeps and what it costs.
"""
import argparse
import importlib.util
import json
import os

BANDS = [(0.85, 1.01, "0.85 - 1    (body)"), (0.6, 0.85, "0.60 - 0.85 (captions; derived facts)"),
         (0.0, 0.6, "0    - 0.60 (teasers of other articles)")]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--docs")
    ap.add_argument("--scorer", default=os.path.join(here, "..", "..", "shared", "eval", "score.py"))
    args = ap.parse_args()
    score = load_scorer(args.scorer)

    required_keys, optional_keys = set(), set()
    for fact in score.load(args.gold):
        (optional_keys if fact.get("optional") else required_keys).update(score.fact_keys(fact))
    only = None
    if args.docs:
        only = {line.strip() for line in open(args.docs, encoding="utf-8") if line.strip()}
    best = {}
    for fact in score.load(args.pred):
        if only is not None and not (({fact.get("doc")} | set(fact.get("docs") or [])) & only):
            continue
        key = score.fact_key(fact)
        best[key] = max(best.get(key, 0.0), float(fact.get("confidence", 1.0)))

    print(f"{'confidence':<40} {'facts':>6} {'right':>6} {'wrong':>6} {'precision':>9}  kept by --min-confidence")
    for low, high, label in BANDS:
        right = wrong = 0
        kept_right = kept_wrong = 0
        for key, confidence in best.items():
            judged = "right" if key in required_keys else None if key in optional_keys else "wrong"
            if judged is None:
                continue
            if low <= confidence < high:
                right += judged == "right"
                wrong += judged == "wrong"
            if confidence >= low:
                kept_right += judged == "right"
                kept_wrong += judged == "wrong"
        judged_n = right + wrong
        precision = f"{right / judged_n:.3f}" if judged_n else "-"
        kept = kept_right + kept_wrong
        kept_p = f"{kept_right / kept:.3f}" if kept else "-"
        print(f"{label:<40} {judged_n:>6} {right:>6} {wrong:>6} {precision:>9}  "
              f"{low:.2f}: {kept} facts, precision {kept_p}")


if __name__ == "__main__":
    main()

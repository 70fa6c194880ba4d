#!/usr/bin/env python3
"""vnkg benchmarks: `make bench` runs this.

On the corpus (../shared/corpus/news.jsonl.zst) and on 10 %, 25 %, 50 % slices
of it, measures: ingest throughput (MB/s of article text, documents/s,
facts/s), extraction-only throughput (one core), peak RSS, database size
against input size, export speed, and query latencies (p50, p99, in-process,
by `vnkg bench-queries`). Baselines in the same run: rapper parsing the
exported N-Triples, sqlite3 loading the facts as CSV into an indexed table.
Each figure is the median of --runs runs. Prints one table and writes JSON.

    python3 bench/run.py --vnkg build/app/vnkg [--runs 3] [--slices 10,25,50,100]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_measured(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak RSS in MiB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}): {err[-500:]}")
    return seconds, usage.ru_maxrss / 1024.0, code


def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def text_bytes(path):
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            n += len((rec.get("title") or "").encode()) + len(rec["text"].encode())
    return n


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vnkg", required=True)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "news.jsonl.zst"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slices", default="10,25,50,100")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", default="build/bench/results.json")
    a = ap.parse_args()
    vnkg = os.path.abspath(a.vnkg)
    work = tempfile.mkdtemp(prefix="vnkg-bench-")
    results = {"runs": a.runs, "jobs": a.jobs, "slices": []}
    try:
        full = os.path.join(work, "all.jsonl")
        with open(full, "wb") as out:
            subprocess.run(["zstd", "-dc", a.corpus], stdout=out, check=True)
        with open(full, encoding="utf-8") as fh:
            lines = fh.readlines()
        for pct in [int(p) for p in a.slices.split(",")]:
            path = os.path.join(work, f"slice{pct}.jsonl")
            with open(path, "w", encoding="utf-8") as out:
                out.writelines(lines[: max(1, len(lines) * pct // 100)])
            docs = max(1, len(lines) * pct // 100)
            tbytes = text_bytes(path)
            in_bytes = os.path.getsize(path)
            row = {"slice_pct": pct, "documents": docs, "input_bytes": in_bytes, "text_bytes": tbytes}

            ingest_s, ingest_rss, facts, db_bytes = [], [], 0, 0
            for r in range(a.runs):
                db = os.path.join(work, f"db{pct}-{r}")
                s, rss, _ = run_measured([vnkg, "ingest", "-q", "--jobs", str(a.jobs), "--db", db, path])
                ingest_s.append(s)
                ingest_rss.append(rss)
                if r == 0:
                    db_bytes = dir_bytes(db)
                    keep_db = db
                else:
                    shutil.rmtree(db, ignore_errors=True)
            with open(os.path.join(work, "facts.jsonl"), "wb") as out:
                s_export, _, _ = run_measured([vnkg, "export", "--db", keep_db, "--format", "facts"], stdout=out)
            facts = sum(1 for _ in open(os.path.join(work, "facts.jsonl"), encoding="utf-8"))

            extract_s = []
            for _ in range(a.runs):
                with open(path, "rb") as inp:
                    s, _, _ = run_measured([vnkg, "extract"], stdin=inp)
                extract_s.append(s)

            nt = os.path.join(work, "g.nt")
            with open(nt, "wb") as out:
                s_nt, _, _ = run_measured([vnkg, "export", "--db", keep_db, "--format", "ntriples"], stdout=out)
            triples = sum(1 for _ in open(nt, "rb"))
            rapper_s = None
            if shutil.which("rapper"):
                rapper_s = median([run_measured(["rapper", "-q", "-i", "ntriples", "-c", nt])[0] for _ in range(a.runs)])

            t = median(ingest_s)
            row.update({
                "ingest_seconds": t,
                "ingest_mb_s": tbytes / 1e6 / t,
                "ingest_docs_s": docs / t,
                "ingest_facts_s": facts / t,
                "peak_rss_mib": max(ingest_rss),
                "db_bytes": db_bytes,
                "db_to_input": db_bytes / in_bytes,
                "facts": facts,
                "extract_mb_s_one_core": tbytes / 1e6 / median(extract_s),
                "export_facts_seconds": s_export,
                "export_ntriples_triples_s": triples / s_nt,
                "rapper_triples_s": triples / rapper_s if rapper_s else None,
            })
            if pct == 100 or pct == max(int(p) for p in a.slices.split(",")):
                bq = os.path.join(os.path.dirname(os.path.dirname(vnkg)), "bench", "vnkg_bench_queries")
                q = subprocess.run([bq, keep_db, "300"], capture_output=True, text=True)
                if q.returncode == 0:
                    row["queries"] = json.loads(q.stdout)
                else:
                    print(f"bench: queries: {q.stderr.strip()}", file=sys.stderr)
            results["slices"].append(row)
            shutil.rmtree(keep_db, ignore_errors=True)
            print(f"slice {pct}%: done", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as fh:
        json.dump(results, fh, indent=2)
    head = ["slice", "docs", "text MB", "ingest s", "MB/s", "docs/s", "facts/s", "RSS MiB", "db/input", "extract MB/s/core", "nt triples/s", "rapper triples/s"]
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in results["slices"]:
        print(" | ".join(str(x) for x in [
            f"{r['slice_pct']}%", r["documents"], f"{r['text_bytes']/1e6:.1f}", f"{r['ingest_seconds']:.2f}",
            f"{r['ingest_mb_s']:.1f}", f"{r['ingest_docs_s']:.0f}", f"{r['ingest_facts_s']:.0f}",
            f"{r['peak_rss_mib']:.0f}", f"{r['db_to_input']:.3f}", f"{r['extract_mb_s_one_core']:.1f}",
            f"{r['export_ntriples_triples_s']:.0f}",
            f"{r['rapper_triples_s']:.0f}" if r["rapper_triples_s"] else "-"]))
    for r in results["slices"]:
        if "queries" in r:
            print("\nquery latencies (ms), whole slice", r["slice_pct"], "%:")
            q = r["queries"]
            print(f"  graph load {q['graph_load_ms']:.0f} ms ({q['graph_vertices']} vertices), once per process")
            for name in ("bridges", "who", "neighbors_2hop", "path"):
                print(f"  {name:<15} p50 {q[name]['p50_ms']:.3f}  p99 {q[name]['p99_ms']:.3f}  (n={q[name]['n']})")
    print(f"\nwritten: {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

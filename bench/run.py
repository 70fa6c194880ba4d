#!/usr/bin/env python3
"""vnkg benchmarks: `make bench` runs this.

On the corpus (../shared/corpus/news.jsonl.zst) and on 10 %, 25 %, 50 % slices
of it, measures: ingest throughput (MB/s of article text, documents/s,
facts/s), extraction-only throughput (one core), peak RSS, database size
against input size, export speed, and query latencies (p50, p99, in-process,
by `vnkg_bench_queries`), `ingest --bulk`, and loading facts computed
elsewhere (`ingest --facts`, with and without --bulk). Scale-out: the
extraction of scripts/distributed_extract.py on a local Dask cluster of 1
and 2 workers beside one `vnkg extract`, on the first 20,000 articles.
Baselines in the same run: rapper parsing the exported N-Triples, sqlite3 loading the same facts as
CSV into a table indexed three ways. A gnuplot chart of time and memory
against corpus size goes beside the JSON (scaling.png).
Each figure is the median of --runs runs. Prints one table and writes JSON.

    python3 bench/run.py --vnkg build/app/vnkg [--runs 3] [--slices 10,25,50,100] [--facts-only]

--facts-only measures extraction and the facts loads against sqlite3 alone
(minutes instead of an hour: for work on `ingest --facts`).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_measured(cmd, stdin=None, stdout=subprocess.DEVNULL, cpu=None):
    """Runs cmd; returns (seconds, peak RSS in MiB, exit status). When `cpu`
    is a list, the CPU seconds of the process (user + system) go into it."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}): {err[-500:]}")
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    return seconds, usage.ru_maxrss / 1024.0, code


def run_cpu(cmd, stdin=None, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, CPU seconds: user + system). On a
    shared machine CPU time is the figure per core: waiting for a core is
    not counted."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        sys.exit(f"bench: {' '.join(cmd)} failed ({code})")
    return wall, usage.ru_utime + usage.ru_stime


def bench_extract(vnkg, baseline, path, facts_file, runs):
    """`vnkg extract` alone on one core, `runs` times, alternating with the
    baseline binary when one is given (so that load on the machine hits both
    alike). Returns medians of wall and CPU seconds for each."""
    got = {"wall": [], "cpu": [], "base_wall": [], "base_cpu": []}
    for _ in range(runs):
        with open(path, "rb") as inp, open(facts_file, "wb") as out:
            wall, cpu = run_cpu([vnkg, "extract"], stdin=inp, stdout=out)
        got["wall"].append(wall)
        got["cpu"].append(cpu)
        if baseline:
            with open(path, "rb") as inp:
                wall, cpu = run_cpu([baseline, "extract"], stdin=inp)
            got["base_wall"].append(wall)
            got["base_cpu"].append(cpu)
    return {k: median(v) if v else None for k, v in got.items()}


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


def facts_to_csv(facts_path, csv_path):
    """The facts as CSV rows for the sqlite3 baseline (not timed)."""
    import csv

    def entity(e):
        return "|".join(str(e.get(k) or "") for k in ("type", "name", "date", "province", "title", "organization"))

    with open(facts_path, encoding="utf-8") as fh, open(csv_path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        for line in fh:
            f = json.loads(line)
            w.writerow([entity(f["subject"]), f["predicate"], entity(f["object"]), f.get("doc", ""),
                        f.get("sentence_offset", 0), f.get("evidence", "")])


def chart(results, png):
    """Time and peak memory against corpus size, with gnuplot (if installed)."""
    if not shutil.which("gnuplot"):
        print("bench: gnuplot not installed; no chart", file=sys.stderr)
        return None
    data = png + ".dat"
    with open(data, "w") as fh:
        for r in results["slices"]:
            fh.write(f"{r['text_bytes']/1e6:.1f} {r['ingest_seconds']:.3f} {r['bulk_ingest_seconds']:.3f} "
                     f"{r['extract_seconds']:.3f} {r['peak_rss_mib']:.1f} {r['bulk_peak_rss_mib']:.1f}\n")
    script = f"""
set terminal pngcairo size 900,520 font ",11"
set output '{png}'
set title 'vnkg on slices of the corpus (medians of {results["runs"]} runs, {results["jobs"]} jobs)'
set xlabel 'article text (MB)'
set ylabel 'seconds'
set y2label 'peak RSS (MiB)'
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:1024]
set key top left
set arrow from graph 0, second 1000 to graph 1, second 1000 nohead dt 4 lc rgb 'gray40'
set label 'RSS target (1 GiB)' at graph 0.75, second 960 tc rgb 'gray40'
set grid
plot '{data}' using 1:2 with linespoints lw 2 title 'ingest (s)', \
     '' using 1:3 with linespoints lw 2 title 'ingest --bulk (s)', \
     '' using 1:4 with linespoints lw 2 title 'extract, one core (s)', \
     '' using 1:5 axes x1y2 with linespoints dt 2 lw 2 title 'ingest peak RSS (MiB)', \
     '' using 1:6 axes x1y2 with linespoints dt 3 lw 2 title 'bulk peak RSS (MiB)'
"""
    subprocess.run(["gnuplot"], input=script.encode(), check=True)
    return png


def python_with_distributed():
    """An interpreter that can import Dask distributed (Debian's is /usr/bin/python3), or None."""
    for candidate in (sys.executable, "/usr/bin/python3", "python3"):
        if candidate and subprocess.run([candidate, "-c", "import distributed"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL).returncode == 0:
            return candidate
    return None


def bench_distributed(vnkg, lines, work, runs, articles):
    """scripts/distributed_extract.py on a local Dask cluster of 1 and 2
    workers beside one `vnkg extract`, on the first `articles` articles:
    wall seconds of each whole command (the cluster's start included),
    medians of `runs`. Its output is checked to be the direct one's bytes."""
    python = python_with_distributed()
    if python is None:
        print("bench: distributed: no python3 here imports distributed (python3-distributed); skipped",
              file=sys.stderr)
        return None
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts", "distributed_extract.py")
    path = os.path.join(work, "distributed.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(lines[:articles])
    docs = min(articles, len(lines))
    tbytes = text_bytes(path)
    direct_facts = os.path.join(work, "distributed-direct.facts")
    rows = []
    times = []
    for _ in range(runs):
        with open(path, "rb") as inp, open(direct_facts, "wb") as out:
            times.append(run_measured([vnkg, "extract"], stdin=inp, stdout=out)[0])
    rows.append({"how": "vnkg extract", "workers": None, "seconds": median(times)})
    for workers in (1, 2):
        facts = os.path.join(work, f"distributed-{workers}.facts")
        times = [run_measured([python, script, "-q", "--workers", str(workers), "--vnkg", vnkg, path, facts])[0]
                 for _ in range(runs)]
        if subprocess.run(["cmp", "-s", facts, direct_facts]).returncode != 0:
            sys.exit(f"bench: distributed_extract on {workers} workers wrote other facts than vnkg extract")
        rows.append({"how": "distributed_extract", "workers": workers, "seconds": median(times)})
    for row in rows:
        row["mb_s"] = tbytes / 1e6 / row["seconds"]
        row["articles_s"] = docs / row["seconds"]
        row["vs_direct"] = rows[0]["seconds"] / row["seconds"]
    return {"documents": docs, "text_bytes": tbytes, "input_bytes": os.path.getsize(path), "rows": rows}
SOURCE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BRIDGES_QUERY = os.path.join(SOURCE, "tests", "sparql", "32_bridge_points.rq")
WHO_NAME = "Nguyễn Xuân Phúc"
SPARQL_QUERIES = sorted(glob.glob(os.path.join(SOURCE, "bench", "queries", "*.rq")))


def cold_start(vnkg, db, runs=5):
    """Wall time of whole processes (median of `runs`, after one warm-up for
    the page cache): the bridges SPARQL query, `who`, and `stats` (opening
    the database and printing its counts: the floor)."""
    commands = {
        "query_bridges": [vnkg, "query", "--db", db, "--file", BRIDGES_QUERY, "--format", "tsv"],
        "who": [vnkg, "who", "--db", db, WHO_NAME],
        "stats": [vnkg, "stats", "--db", db],
    }
    out = {}
    for name, cmd in commands.items():
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            times.append((time.perf_counter() - start) * 1000)
        out[name + "_ms"] = median(times)
    return out


def oxigraph_modules(build_dir):
    """node_modules holding the npm package oxigraph, installed under the build
    directory the way tests/e2e/sparql_oracle_full.sh does; None without node."""
    if not shutil.which("node") or not shutil.which("npm"):
        return None
    oracle = os.environ.get("VNKG_ORACLE_DIR", os.path.join(build_dir, "oracle"))
    if not os.path.exists(os.path.join(oracle, "node_modules", "oxigraph", "package.json")):
        os.makedirs(oracle, exist_ok=True)
        r = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "oxigraph"], cwd=oracle,
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(f"bench: npm install oxigraph failed: {r.stderr.strip()[-500:]}", file=sys.stderr)
            return None
    return os.path.join(oracle, "node_modules")


def sparql_vs_oxigraph(vnkg, db, nt, runs=7):
    """bench/queries/*.rq in vnkg in-process (vnkg_bench_sparql: engine made
    once, warm medians of `runs`, with the general path beside) and in
    Oxigraph in memory over the N-Triples export of the same database."""
    build_dir = os.path.dirname(os.path.dirname(vnkg))
    bench = os.path.join(build_dir, "bench", "vnkg_bench_sparql")
    r = subprocess.run([bench, db, str(runs)] + SPARQL_QUERIES, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"bench: sparql: {r.stderr.strip()}", file=sys.stderr)
        return None
    out = {"vnkg": json.loads(r.stdout)}
    modules = oxigraph_modules(build_dir)
    if modules:
        env = dict(os.environ, NODE_PATH=modules)
        script = os.path.join(SOURCE, "bench", "oxigraph_bench.js")
        r = subprocess.run(["node", script, nt, str(runs)] + SPARQL_QUERIES, capture_output=True, text=True, env=env)
        if r.returncode == 0:
            out["oxigraph"] = json.loads(r.stdout)
        else:
            print(f"bench: oxigraph: {r.stderr.strip()[-500:]}", file=sys.stderr)
    return out


def print_sparql(row):
    c = row.get("cold_start")
    if c:
        print(f"\ncold start, whole processes on the {row['slice_pct']}% slice (median of 5, ms):")
        print(f"  vnkg query (bridges) {c['query_bridges_ms']:.0f}   vnkg who {c['who_ms']:.0f}   vnkg stats {c['stats_ms']:.0f}")
    s = row.get("sparql_vs_oxigraph")
    if not s:
        return
    v = s["vnkg"]
    print(f"\nSPARQL, warm medians of 7 (ms), {row['slice_pct']}% slice; vnkg in-process "
          f"(open {v['open_ms']:.0f} ms, engine {v['engine_ms']:.0f} ms, names {v['names_ms']:.0f} ms once)")
    ox = s.get("oxigraph", {}).get("queries", {})
    head = ["query", "rows", "vnkg ms", "vnkg general path ms", "oxigraph ms", "oxigraph / vnkg"]
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for name, q in v["queries"].items():
        o = ox.get(name)
        rows = str(q["rows"]) if not o or o["rows"] == q["rows"] else f"{q['rows']} (oxigraph {o['rows']})"
        print(" | ".join([name, rows, f"{q['median_ms']:.3f}", f"{q['general_median_ms']:.3f}",
                          f"{o['median_ms']:.3f}" if o else "-",
                          f"{o['median_ms'] / max(q['median_ms'], 1e-6):.1f}" if o else "-"]))


# Issue 15's targets, each read from this run's results on its largest slice
# (the whole corpus in `make bench`). A target this run did not measure (an
# option left it out, a tool is missing) is said so, never counted as met.
COLD_START_MS = 150
FACTS_OVER_SQLITE = 2.0
EXTRACT_MB_S_CORE = 20.0


def targets(results):
    """Rows of (target, measured, verdict) for the targets of issue 15."""
    slices = results["slices"]
    if not slices:
        return []
    last = slices[-1]
    where = f"{last['slice_pct']}% slice"

    def verdict(ok):
        return "met" if ok else "missed"

    rows = [(f"extraction >= {EXTRACT_MB_S_CORE:.0f} MB/s/core ({where}, CPU time)",
             f"{last['extract_mb_s_core_cpu']:.1f} MB/s/core",
             verdict(last["extract_mb_s_core_cpu"] >= EXTRACT_MB_S_CORE))]
    if last.get("sqlite_csv_rows_s"):
        for key, name in (("facts_load_lines_s", "--facts"), ("facts_bulk_load_lines_s", "--facts --bulk")):
            ratio = last[key] / last["sqlite_csv_rows_s"]
            rows.append((f"ingest {name} >= {FACTS_OVER_SQLITE:.0f} x sqlite3's indexed CSV import ({where}, wall)",
                         f"{ratio:.2f} x", verdict(ratio >= FACTS_OVER_SQLITE)))
    elif "fact_lines" in last:
        rows.append(("ingest --facts against sqlite3", "sqlite3 not installed", "not measured"))
    cold = last.get("cold_start")
    if cold:
        for key, name in (("query_bridges_ms", "cold vnkg query (bridges)"), ("who_ms", "cold vnkg who")):
            rows.append((f"{name} < {COLD_START_MS} ms ({where}, median of 5)", f"{cold[key]:.0f} ms",
                         verdict(cold[key] < COLD_START_MS)))
    sparql = last.get("sparql_vs_oxigraph")
    if sparql and sparql.get("oxigraph"):
        ox = sparql["oxigraph"]["queries"]
        for name, q in sparql["vnkg"]["queries"].items():
            if name in ox:
                ratio = ox[name]["median_ms"] / max(q["median_ms"], 1e-6)
                rows.append((f"SPARQL {name}: at least as fast as Oxigraph", f"{ratio:.1f} x Oxigraph's speed",
                             verdict(ratio >= 1.0)))
    elif cold:
        rows.append(("SPARQL against Oxigraph", "node or its oxigraph package missing", "not measured"))
    d = results.get("distributed")
    if d:
        by_workers = {r["workers"]: r for r in d["rows"]}
        if 1 in by_workers and 2 in by_workers:
            rows.append(("scale-out on Dask (facts checked equal to `vnkg extract`'s)",
                         f"{by_workers[1]['mb_s']:.1f} MB/s on 1 worker, {by_workers[2]['mb_s']:.1f} on 2",
                         "measured"))
    return rows


def print_targets(results):
    rows = targets(results)
    if rows:
        print("\nissue 15's targets in this run:")
        print("target | measured | verdict")
        print("--- | --- | ---")
        for row in rows:
            print(" | ".join(row))

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
    ap.add_argument("--extract-baseline", default=None,
                    help="another vnkg binary whose `extract` runs alternately with ours: its MB/s/core and the ratio")
    ap.add_argument("--extract-only", action="store_true",
                    help="measure only extraction (no ingest, load, export, queries, scale-out)")
    ap.add_argument("--distributed-articles", type=int, default=20000,
                    help="articles for the scale-out figures (scripts/distributed_extract.py); 0: none")
    ap.add_argument("--facts-only", action="store_true", help="only extraction and the facts loads against sqlite3")
    a = ap.parse_args()
    vnkg = os.path.abspath(a.vnkg)
    baseline = os.path.abspath(a.extract_baseline) if a.extract_baseline else None
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
            row["extract"] = ex = bench_extract(vnkg, baseline, path, os.path.join(work, "extracted.jsonl"), a.runs)
            row["extract_mb_s_core_cpu"] = tbytes / 1e6 / ex["cpu"]
            if baseline:
                row["extract_baseline_mb_s_core_cpu"] = tbytes / 1e6 / ex["base_cpu"]
            if a.extract_only:
                results["slices"].append(row)
                print(f"slice {pct}%: done", file=sys.stderr)
                continue

            ingest_s, ingest_rss, facts, db_bytes = [], [], 0, 0
            for r in range(0 if a.facts_only else a.runs):
                db = os.path.join(work, f"db{pct}-{r}")
                s, rss, _ = run_measured([vnkg, "ingest", "-q", "--jobs", str(a.jobs), "--db", db, path])
                ingest_s.append(s)
                ingest_rss.append(rss)
                if r == 0:
                    db_bytes = dir_bytes(db)
                    keep_db = db
                else:
                    shutil.rmtree(db, ignore_errors=True)
            if not a.facts_only:
                with open(os.path.join(work, "facts.jsonl"), "wb") as out:
                    s_export, _, _ = run_measured([vnkg, "export", "--db", keep_db, "--format", "facts"], stdout=out)
                facts = sum(1 for _ in open(os.path.join(work, "facts.jsonl"), encoding="utf-8"))

            bulk_s, bulk_rss = [], []
            for r in range(0 if a.facts_only else a.runs):
                db = os.path.join(work, f"bulk{pct}-{r}")
                s, rss, _ = run_measured([vnkg, "ingest", "-q", "--bulk", "--jobs", str(a.jobs), "--db", db, path])
                bulk_s.append(s)
                bulk_rss.append(rss)
                shutil.rmtree(db, ignore_errors=True)

            # Extraction alone (one process, one core) was measured first
            # (bench_extract): its output is the facts file the load figures below read.
            facts_file = os.path.join(work, "extracted.jsonl")
            extract_s = [row["extract"]["wall"]]
            fact_lines = sum(1 for _ in open(facts_file, "rb"))

            # Loading facts computed elsewhere (--facts, per-document and
            # bulk) against sqlite3 loading the same facts as CSV into a
            # table with the three orderings vnkg keeps (SPO, POS, OSP) as
            # indexes, in one transaction. Each run measures the three one
            # after the other, so that the ratios compare runs made under
            # the same load (this machine is shared); CPU seconds (user +
            # system, of the process and its threads) are kept beside the
            # wall-clock ones.
            load_s, load_bulk_s, sqlite_times = [], [], []
            load_cpu, load_bulk_cpu, sqlite_cpu = [], [], []
            have_sqlite = shutil.which("sqlite3") is not None
            if have_sqlite:
                csv_path = os.path.join(work, "facts.csv")
                facts_to_csv(facts_file, csv_path)
                script_path = os.path.join(work, "import.sql")
                with open(script_path, "w") as fh:
                    fh.write("BEGIN;\n"
                             "CREATE TABLE facts(subject TEXT, predicate TEXT, object TEXT, doc TEXT, sentence INTEGER, evidence TEXT);\n"
                             ".mode csv\n"
                             f".import '{csv_path}' facts\n"
                             "CREATE INDEX spo ON facts(subject, predicate, object);\n"
                             "CREATE INDEX pos ON facts(predicate, object, subject);\n"
                             "CREATE INDEX osp ON facts(object, subject, predicate);\n"
                             "COMMIT;\n")
            for r in range(a.runs):
                for bulk, times, cpu in ((False, load_s, load_cpu), (True, load_bulk_s, load_bulk_cpu)):
                    db = os.path.join(work, f"facts{pct}-{r}")
                    cmd = [vnkg, "ingest", "-q", "--facts", "--jobs", str(a.jobs), "--db", db, facts_file]
                    times.append(run_measured(cmd[:3] + ["--bulk"] + cmd[3:] if bulk else cmd, cpu=cpu)[0])
                    shutil.rmtree(db, ignore_errors=True)
                if have_sqlite:
                    db = os.path.join(work, f"sqlite{pct}-{r}.db")
                    with open(script_path, "rb") as script:
                        sqlite_times.append(run_measured(["sqlite3", "-bail", db], stdin=script, cpu=sqlite_cpu)[0])
                    os.remove(db)
            sqlite_s = median(sqlite_times) if have_sqlite else None

            row.update({
                "fact_lines": fact_lines,
                "facts_load_lines_s": fact_lines / median(load_s),
                "facts_bulk_load_lines_s": fact_lines / median(load_bulk_s),
                "sqlite_csv_rows_s": fact_lines / sqlite_s if sqlite_s else None,
                "facts_load_cpu_s": median(load_cpu),
                "facts_bulk_load_cpu_s": median(load_bulk_cpu),
                "sqlite_csv_cpu_s": median(sqlite_cpu) if sqlite_cpu else None,
                "extract_seconds": median(extract_s),
                "extract_mb_s_one_core": tbytes / 1e6 / median(extract_s),
            })
            if a.facts_only:
                results["slices"].append(row)
                print(f"slice {pct}%: done", file=sys.stderr)
                continue

            nt = os.path.join(work, "g.nt")
            with open(nt, "wb") as out:
                s_nt, _, _ = run_measured([vnkg, "export", "--db", keep_db, "--format", "ntriples"], stdout=out)
            triples = sum(1 for _ in open(nt, "rb"))
            rapper_s = None
            if shutil.which("rapper"):
                rapper_s = median([run_measured(["rapper", "-q", "-i", "ntriples", "-c", nt])[0] for _ in range(a.runs)])

            t = median(ingest_s)
            tb = median(bulk_s)
            row.update({
                "bulk_ingest_seconds": tb,
                "bulk_ingest_mb_s": tbytes / 1e6 / tb,
                "bulk_peak_rss_mib": max(bulk_rss),
                "bulk_speedup": t / tb,
                "ingest_seconds": t,
                "ingest_mb_s": tbytes / 1e6 / t,
                "ingest_docs_s": docs / t,
                "ingest_facts_s": facts / t,
                "peak_rss_mib": max(ingest_rss),
                "db_bytes": db_bytes,
                "db_to_input": db_bytes / in_bytes,
                "facts": facts,
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
                row["cold_start"] = cold_start(vnkg, keep_db)
                row["sparql_vs_oxigraph"] = sparql_vs_oxigraph(vnkg, keep_db, nt)
            results["slices"].append(row)
            shutil.rmtree(keep_db, ignore_errors=True)
            print(f"slice {pct}%: done", file=sys.stderr)
        if a.distributed_articles > 0 and not (a.facts_only or a.extract_only):
            results["distributed"] = bench_distributed(vnkg, lines, work, a.runs, a.distributed_articles)
            print("distributed: done", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as fh:
        json.dump(results, fh, indent=2)
    base_head = ["baseline MB/s/core", "x baseline"] if baseline else []
    head = ["slice", "docs", "text MB", "extract MB/s/core (CPU)", "extract MB/s (wall)"] + base_head
    print(f"extraction, `vnkg extract` on one core: text MB over the median of {a.runs} runs' CPU time "
          f"(user + system){', alternating with ' + baseline if baseline else ''}")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in results["slices"]:
        ex = r["extract"]
        cells = [f"{r['slice_pct']}%", r["documents"], f"{r['text_bytes']/1e6:.1f}",
                 f"{r['extract_mb_s_core_cpu']:.1f}", f"{r['text_bytes']/1e6/ex['wall']:.1f}"]
        if baseline:
            cells += [f"{r['extract_baseline_mb_s_core_cpu']:.1f}",
                      f"{r['extract_mb_s_core_cpu'] / r['extract_baseline_mb_s_core_cpu']:.2f}"]
        print(" | ".join(str(x) for x in cells))
    if a.extract_only:
        print_targets(results)
        return
    print()
    head = ["slice", "docs", "text MB", "ingest s", "MB/s", "docs/s", "facts/s", "RSS MiB", "db/input",
            "bulk s", "bulk MB/s", "bulk x", "extract MB/s wall", "nt triples/s", "rapper triples/s"]
    if not a.facts_only:
        print(" | ".join(head))
        print(" | ".join("---" for _ in head))
    for r in ([] if a.facts_only else results["slices"]):
        print(" | ".join(str(x) for x in [
            f"{r['slice_pct']}%", r["documents"], f"{r['text_bytes']/1e6:.1f}", f"{r['ingest_seconds']:.2f}",
            f"{r['ingest_mb_s']:.1f}", f"{r['ingest_docs_s']:.0f}", f"{r['ingest_facts_s']:.0f}",
            f"{r['peak_rss_mib']:.0f}", f"{r['db_to_input']:.3f}",
            f"{r['bulk_ingest_seconds']:.2f}", f"{r['bulk_ingest_mb_s']:.1f}", f"{r['bulk_speedup']:.2f}",
            f"{r['extract_mb_s_one_core']:.1f}",
            f"{r['export_ntriples_triples_s']:.0f}",
            f"{r['rapper_triples_s']:.0f}" if r["rapper_triples_s"] else "-"]))
    # Ratios are speeds: above 1, vnkg is faster than sqlite3. "cpu" ratios
    # compare CPU seconds, which a loaded machine disturbs less.
    head = ["slice", "fact lines", "--facts lines/s", "--facts --bulk lines/s", "sqlite3 CSV rows/s",
            "--facts / sqlite3", "bulk / sqlite3", "--facts / sqlite3 cpu", "bulk / sqlite3 cpu"]
    print()
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for r in results["slices"]:
        sq = r["sqlite_csv_rows_s"]
        sq_cpu = r["sqlite_csv_cpu_s"]
        print(" | ".join(str(x) for x in [
            f"{r['slice_pct']}%", r["fact_lines"], f"{r['facts_load_lines_s']:.0f}", f"{r['facts_bulk_load_lines_s']:.0f}",
            f"{sq:.0f}" if sq else "-",
            f"{r['facts_load_lines_s']/sq:.2f}" if sq else "-",
            f"{r['facts_bulk_load_lines_s']/sq:.2f}" if sq else "-",
            f"{sq_cpu/r['facts_load_cpu_s']:.2f}" if sq_cpu else "-",
            f"{sq_cpu/r['facts_bulk_load_cpu_s']:.2f}" if sq_cpu else "-"]))
    png = None if a.facts_only else chart(results, os.path.join(os.path.dirname(os.path.abspath(a.out)), "scaling.png"))
    if png:
        print(f"chart: {png}", file=sys.stderr)
    for r in results["slices"]:
        if "queries" in r:
            print("\nquery latencies (ms), whole slice", r["slice_pct"], "%:")
            q = r["queries"]
            print(f"  graph load {q['graph_load_ms']:.0f} ms ({q['graph_vertices']} vertices), once per process")
            for name in ("bridges", "who", "neighbors_2hop", "path"):
                print(f"  {name:<15} p50 {q[name]['p50_ms']:.3f}  p99 {q[name]['p99_ms']:.3f}  (n={q[name]['n']})")
    d = results.get("distributed")
    if d:
        print(f"\nscale-out: scripts/distributed_extract.py on a local Dask cluster, {d['documents']} articles, "
              f"{d['text_bytes'] / 1e6:.1f} MB of text; wall time of the whole command, the cluster's start included")
        head = ["how", "workers", "s", "MB/s", "articles/s", "x vnkg extract"]
        print(" | ".join(head))
        print(" | ".join("---" for _ in head))
        for r in d["rows"]:
            print(" | ".join([r["how"], str(r["workers"] or "-"), f"{r['seconds']:.2f}", f"{r['mb_s']:.1f}",
                              f"{r['articles_s']:.0f}", f"{r['vs_direct']:.2f}"]))
    for r in results["slices"]:
        print_sparql(r)
    print_targets(results)
    print(f"\nwritten: {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

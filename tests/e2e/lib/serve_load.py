"""A bounded load test of `vnkg serve` on loopback: CLIENTS clients send one
query each at the same moment, then the same clients send TOTAL queries in
all (the oracle queries in turn). Every answer must be 200 with a result;
prints the counts and p50/p99 latencies. Exit status 1 when any failed.

usage: serve_load.py URL QUERY_DIR [--clients 40] [--total 1000]
"""
import argparse
import glob
import http.client
import statistics
import sys
import threading
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("queries")
    ap.add_argument("--clients", type=int, default=40)
    ap.add_argument("--total", type=int, default=1000)
    args = ap.parse_args()
    parts = urllib.parse.urlsplit(args.url)
    assert parts.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
    queries = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(args.queries + "/*.rq"))]
    assert queries, "no queries"

    lock = threading.Lock()
    failures = []

    def ask(conn, query):
        body = urllib.parse.urlencode({"query": query})
        start = time.perf_counter()
        conn.request("POST", "/sparql", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200 or b'"head"' not in data:
            raise RuntimeError("status %d: %r" % (response.status, data[:200]))
        return elapsed

    def phase(per_client, barrier):
        latencies = []

        def client(index):
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            mine = []
            try:
                if barrier:
                    barrier.wait(timeout=60)
                for k in range(per_client[index]):
                    q = queries[(index * 7 + k) % len(queries)]
                    try:
                        mine.append(ask(conn, q))
                    except Exception as e:  # noqa: BLE001 - every failure is reported
                        with lock:
                            failures.append("client %d query %d: %s" % (index, k, e))
                        conn.close()
                        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
            finally:
                conn.close()
                with lock:
                    latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        return latencies, time.perf_counter() - start

    def report(name, latencies, wall):
        if not latencies:
            print("%s: no answers" % name)
            return
        lat = sorted(latencies)
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))] * 1000
        print("%s: %d answered in %.2f s (%.0f/s); p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (
            name, len(lat), wall, len(lat) / wall, p50, p99, lat[-1] * 1000))

    burst, wall = phase([1] * args.clients, threading.Barrier(args.clients))
    report("%d concurrent clients" % args.clients, burst, wall)
    per = [args.total // args.clients + (1 if i < args.total % args.clients else 0) for i in range(args.clients)]
    load, wall = phase(per, None)
    report("%d queries by %d clients" % (args.total, args.clients), load, wall)
    for f in failures[:10]:
        print("FAIL", f, file=sys.stderr)
    expected = args.clients + args.total
    if failures or len(burst) + len(load) != expected:
        print("FAIL: %d of %d answered, %d failures" % (len(burst) + len(load), expected, len(failures)),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

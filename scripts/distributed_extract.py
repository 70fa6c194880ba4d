#!/usr/bin/python3
"""Runs `vnkg extract` over partitions of a JSON Lines corpus on Dask workers.

    scripts/distributed_extract.py [--scheduler ADDRESS] [--workers N]
        [--partitions P] [--retries R] [--data DIR] [-q] --vnkg PATH INPUT OUTPUT

INPUT is JSON Lines of articles (`.jsonl`, or `.jsonl.zst`, decompressed with
the `zstd` tool into a temporary file first). It is cut at line boundaries
into P partitions of about equal size; each partition is one Dask task that
pipes its lines through `vnkg extract` on a worker. The facts are written to
OUTPUT in input order, so OUTPUT is byte for byte what one `vnkg extract
INPUT` prints, whatever P and the number of workers; `vnkg ingest --facts
OUTPUT` loads it. OUTPUT is written to a temporary file beside it and renamed
into place only when every partition succeeded.

With --scheduler the tasks go to that Dask scheduler (`dask-scheduler`, with
`dask-worker`s on other machines; docs/scaling.md). The vnkg binary named by
--vnkg and its gazetteers (VNKG_DATA, or --data) must then exist at the same
paths on every worker; the partitions themselves travel with the tasks, so
the workers need no shared file system. Without --scheduler, a LocalCluster
of N worker processes (one thread each) runs on this machine.

A task that fails (vnkg missing on a worker, vnkg killed, a worker lost) is
retried R times (Dask `retries=`); each failed attempt is reported on stderr
with its partition, its lines of INPUT, the worker and the error. A partition
that still fails ends the run with status 1 and no OUTPUT.

Exit status, as `vnkg extract`'s: 0 all good; 1 an error stopped the run
(nothing written); 2 bad usage; 3 OUTPUT written, but some records were
skipped (each named on stderr as INPUT:LINE, the line in INPUT itself);
130 interrupted (Ctrl-C; nothing written).

Testing hook: VNKG_DISTRIBUTED_FAULT=K:once makes the task of partition K
(counted from 0) raise on its first attempt only; K:always on every attempt;
K:crash ends the worker process running its first attempt (the nanny starts
a new one and the scheduler runs the task again); several are separated by
commas (1:crash,3:once). "once" and "crash" remember the first attempt in a
file of the run's temporary directory, so they work on a LocalCluster (or
workers sharing that file system). The hook exists for
tests/e2e/distributed_extract.sh; do not set it otherwise.
"""
import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

EVENT_TOPIC = "vnkg-distributed-extract"
# How `vnkg extract` names a record read from standard input: "vnkg: stdin:LINE: ...".
STDIN_LOCATION = re.compile(rb"^vnkg: stdin:(\d+):(.*)$")


def fail(message, status=1):
    print(f"distributed_extract: {message}", file=sys.stderr)
    sys.exit(status)


# ------------------------------------------------------------------ the task
def extract_partition(index, data, first_line, vnkg, data_dir, run_id, fault):
    """Runs on a worker: `vnkg extract` on one partition's lines.

    Returns a dict with the facts (bytes), the issues vnkg reported as
    (line in INPUT, message) pairs, its exit status (0 or 3) and counts.
    Raises RuntimeError, after logging the failure to the scheduler's event
    log (so the client can report attempts that Dask then retries)."""
    import os
    import subprocess
    import tempfile
    import time

    try:
        if fault is not None:
            mode, marker = fault
            if mode == "always":
                raise RuntimeError(f"injected fault (VNKG_DISTRIBUTED_FAULT={index}:always)")
            try:
                os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                pass  # the injected fault already happened: run normally
            else:
                if mode == "crash":
                    os._exit(70)  # the worker process dies, as if killed
                raise RuntimeError(f"injected fault (VNKG_DISTRIBUTED_FAULT={index}:once)")
        env = dict(os.environ)
        # Dask's nanny sets this for the Python worker (distributed.yaml,
        # pre-spawn-environ); in vnkg it makes glibc give memory back on every
        # free of 64 KiB, which cost 20-30 % more CPU here.
        env.pop("MALLOC_TRIM_THRESHOLD_", None)
        if data_dir:
            env["VNKG_DATA"] = data_dir
        # Files rather than pipes for vnkg's input and output, so that os.wait4
        # can give vnkg's own CPU time (the figure docs/scaling.md reports).
        with tempfile.TemporaryFile() as stdin, tempfile.TemporaryFile() as stdout, \
                tempfile.TemporaryFile() as stderr:
            stdin.write(data)
            stdin.seek(0)
            start = time.perf_counter()
            try:
                proc = subprocess.Popen([vnkg, "extract"], stdin=stdin, stdout=stdout, stderr=stderr, env=env)
            except OSError as e:
                raise RuntimeError(f"cannot run {vnkg}: {e.strerror or e}") from None
            _, wait_status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(wait_status)
            seconds = time.perf_counter() - start
            stdout.seek(0)
            facts = stdout.read()
            stderr.seek(0)
            messages = stderr.read()
        if proc.returncode not in (0, 3):
            how = (f"was killed by signal {-proc.returncode}" if proc.returncode < 0
                   else f"exited with status {proc.returncode}")
            tail = messages.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"{vnkg} extract {how}" + (": " + " | ".join(tail) if tail else ""))
        issues = []
        for raw in messages.splitlines():
            m = STDIN_LOCATION.match(raw)
            if m:
                issues.append((first_line - 1 + int(m.group(1)), m.group(2).decode("utf-8", "replace")))
            elif raw.strip():
                issues.append((None, raw.decode("utf-8", "replace")))
        return {"facts": facts, "issues": issues, "status": proc.returncode,
                "articles": sum(1 for line in data.split(b"\n") if line.strip()),
                "bytes": len(data), "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime}
    except BaseException as e:
        try:
            from distributed import get_worker
            worker = get_worker()
            worker.log_event(EVENT_TOPIC, {"run": run_id, "partition": index,
                                           "worker": worker.address, "error": str(e) or type(e).__name__})
        except Exception:
            pass
        raise


def ignore_interrupts():
    """Runs on each local worker process, in its main thread."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# ------------------------------------------------------------- partitioning
def decompress(path, scratch):
    """A .zst INPUT as a plain file in scratch, by the zstd tool."""
    if shutil.which("zstd") is None:
        fail(f"{path}: needs the zstd tool to read .zst (Debian package zstd)")
    plain = os.path.join(scratch, "input.jsonl")
    proc = subprocess.run(["zstd", "-q", "-d", "-c", path], stdout=open(plain, "wb"), stderr=subprocess.PIPE)
    if proc.returncode != 0:
        fail(f"{path}: cannot decompress: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return plain


def cut(path, partitions):
    """Byte ranges [start, end) of about equal size, each ending after a newline."""
    size = os.path.getsize(path)
    bounds = [0]
    with open(path, "rb") as fh:
        for i in range(1, partitions):
            target = size * i // partitions
            if target <= bounds[-1]:
                continue
            fh.seek(target - 1)
            fh.readline()  # to the end of the line that holds byte target-1
            at = fh.tell()
            if bounds[-1] < at < size:
                bounds.append(at)
    bounds.append(size)
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]


# ------------------------------------------------------------------ progress
class Progress:
    """One line per finished partition on stderr; rewritten in place on a terminal."""

    def __init__(self, total_partitions, total_bytes, quiet):
        self.total_partitions, self.total_bytes, self.quiet = total_partitions, total_bytes, quiet
        self.tty = sys.stderr.isatty()
        self.start = time.perf_counter()
        self.partitions = self.articles = self.bytes = 0
        self.vnkg_seconds = self.vnkg_cpu_seconds = 0.0
        self.line = None  # the progress line on a terminal, to draw again after a message

    def done(self, result):
        self.partitions += 1
        self.articles += result["articles"]
        self.bytes += result["bytes"]
        self.vnkg_seconds += result["seconds"]
        self.vnkg_cpu_seconds += result["cpu_seconds"]
        if self.quiet:
            return
        seconds = time.perf_counter() - self.start
        line = (f"partitions {self.partitions}/{self.total_partitions}  "
                f"{self.articles:,} articles  {self.bytes / 1e6:.1f}/{self.total_bytes / 1e6:.1f} MB  "
                f"{seconds:.1f} s  {self.bytes / 1e6 / max(seconds, 1e-9):.1f} MB/s")
        if self.tty:
            self.line = line
            print("\r" + line + "\x1b[K", end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    def say(self, message):
        """A message between progress lines; on a terminal the progress line is drawn again below it."""
        if self.line:
            print("\r\x1b[K", end="", file=sys.stderr)
        print(message, file=sys.stderr, flush=True)
        if self.line:
            print(self.line, end="", file=sys.stderr, flush=True)

    def finish(self):
        if self.line:
            print(file=sys.stderr)
            self.line = None


# ---------------------------------------------------------------------- main
def parse_args():
    parser = argparse.ArgumentParser(
        description="Run `vnkg extract` over partitions of INPUT on Dask distributed workers; "
                    "write the facts to OUTPUT in input order.",
        epilog="Example: scripts/distributed_extract.py --workers 2 --vnkg build/app/vnkg "
               "../shared/corpus/news.jsonl.zst facts.jsonl && vnkg ingest --facts facts.jsonl")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a running Dask scheduler, e.g. tcp://10.0.0.1:8786 (default: a local cluster)")
    parser.add_argument("--workers", type=int, metavar="N", default=os.cpu_count() or 1,
                        help="worker processes of the local cluster (default: the number of cores); "
                             "ignored with --scheduler")
    parser.add_argument("--partitions", type=int, metavar="P",
                        help="partitions of INPUT (default: 4 per worker, at most 32 MB each)")
    parser.add_argument("--retries", type=int, metavar="R", default=2,
                        help="times a failed partition is tried again (default 2)")
    parser.add_argument("--vnkg", required=True, metavar="PATH",
                        help="the vnkg binary, at this path on every worker")
    parser.add_argument("--data", metavar="DIR",
                        help="the gazetteer directory (extract/data) on every worker; sets VNKG_DATA for vnkg")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display")
    parser.add_argument("input", metavar="INPUT", help="JSON Lines of articles (.jsonl or .jsonl.zst)")
    parser.add_argument("output", metavar="OUTPUT", help="the facts, JSON Lines (docs/facts.md)")
    args = parser.parse_args()
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    if args.retries < 0:
        parser.error("--retries must be 0 or more")
    return args


def parse_faults(scratch):
    """VNKG_DISTRIBUTED_FAULT=K:MODE[,K:MODE...], MODE once|always|crash (a testing
    hook), as {K: (MODE, marker path)}."""
    spec = os.environ.get("VNKG_DISTRIBUTED_FAULT")
    faults = {}
    for item in (spec.split(",") if spec else []):
        m = re.fullmatch(r"(\d+):(once|always|crash)", item.strip())
        if not m:
            fail(f"VNKG_DISTRIBUTED_FAULT={spec!r}: expected PARTITION:once, PARTITION:always or "
                 f"PARTITION:crash, separated by commas", 2)
        faults[int(m.group(1))] = (m.group(2), os.path.join(scratch, f"fault-{m.group(1)}"))
    return faults


def main():
    args = parse_args()
    if not os.path.isfile(args.input):
        fail(f"{args.input}: no such file")
    # The path every worker runs: absolute when it names a file here, so that a
    # worker's working directory does not matter; a bare name is looked up in PATH.
    vnkg = os.path.abspath(args.vnkg) if os.sep in args.vnkg else args.vnkg
    if os.sep in args.vnkg and not os.access(vnkg, os.X_OK):
        fail(f"{args.vnkg}: not an executable file")
    data_dir = os.path.abspath(args.data) if args.data else None
    output_dir = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(output_dir):
        fail(f"{args.output}: no such directory {output_dir}")

    import warnings
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        fail(f"needs Dask distributed for {sys.executable} (Debian package python3-distributed): {e}")
    # A partition travels inside its task (so that a retry on another worker
    # still has it); Dask warns about large task arguments, which these are by design.
    warnings.filterwarnings("ignore", message="Large object of size")

    scratch = tempfile.mkdtemp(prefix="vnkg-distributed-")
    temp_output = None
    cluster = client = None
    try:
        input_path = decompress(args.input, scratch) if args.input.endswith(".zst") else args.input
        faults = parse_faults(scratch)

        started = time.perf_counter()
        if args.scheduler:
            try:
                client = Client(args.scheduler, timeout="30s")
            except (OSError, TimeoutError, ValueError) as e:
                fail(f"cannot connect to the Dask scheduler {args.scheduler}: {e}")
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, local_directory=scratch,
                                   silence_logs=logging.CRITICAL)
            client = Client(cluster)
            # Ctrl-C reaches the whole process group: the local workers ignore
            # it, and the client alone stops the run and closes the cluster,
            # instead of every worker printing a traceback.
            client.run(ignore_interrupts)
        workers = len(client.scheduler_info()["workers"])
        if workers == 0:
            try:
                client.wait_for_workers(1, timeout=60)
            except (OSError, TimeoutError) as e:
                fail(f"no worker joined the Dask scheduler {args.scheduler} within 60 s ({e})")
            workers = len(client.scheduler_info()["workers"])
        cluster_seconds = time.perf_counter() - started

        size = os.path.getsize(input_path)
        partitions = args.partitions or max(4 * workers, -(-size // (32 << 20)))
        ranges = cut(input_path, partitions)
        run_id = uuid.uuid4().hex
        if not args.quiet:
            print(f"distributed_extract: {args.input}: {size / 1e6:.1f} MB in {len(ranges)} partitions "
                  f"on {workers} worker{'s' if workers != 1 else ''} "
                  f"({args.scheduler or 'local cluster'}, ready in {cluster_seconds:.1f} s)",
                  file=sys.stderr)

        progress = Progress(len(ranges), size, args.quiet)

        # Partitions are read and submitted a window at a time, so that the
        # client holds at most a few partitions of INPUT in memory.
        window = 2 * workers
        lines_of = {}  # partition -> (first line, last line) of INPUT
        pending = as_completed()
        next_partition = 0
        next_line = 1
        input_file = open(input_path, "rb")

        def submit_next():
            nonlocal next_partition, next_line
            index = next_partition
            start, end = ranges[index]
            input_file.seek(start)
            data = input_file.read(end - start)
            lines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
            lines_of[index] = (next_line, next_line + lines - 1)
            future = client.submit(extract_partition, index, data, next_line, vnkg, data_dir, run_id,
                                   faults.get(index),
                                   key=f"vnkg-extract-{run_id}-{index}", pure=False, retries=args.retries)
            future.partition = index
            pending.add(future)
            next_line += lines
            next_partition += 1

        while next_partition < len(ranges) and next_partition < window:
            submit_next()

        temp_output = tempfile.NamedTemporaryFile(dir=output_dir, prefix="." + os.path.basename(args.output) + ".",
                                                  suffix=".partial", delete=False)
        finished = {}  # partition -> result, until all before it are written
        next_to_write = 0
        facts = 0
        failures = []
        skipped_status = False
        printed_events = set()
        attempts = {}  # partition -> failed attempts reported

        def print_attempt_failures():
            """Reports each failed attempt once: those the task logged before raising,
            and workers lost (killed, crashed) while running one of this run's tasks."""
            events = []
            for when, e in client.get_events(EVENT_TOPIC):
                if isinstance(e, dict) and e.get("run") == run_id:
                    events.append((when, e["partition"], e["worker"], e["error"]))
            for when, e in client.get_events("all"):
                if isinstance(e, dict) and e.get("action") == "remove-worker":
                    for key in e.get("processing-tasks", ()):
                        if isinstance(key, str) and key.startswith(f"vnkg-extract-{run_id}-"):
                            events.append((when, int(key.rsplit("-", 1)[1]), e.get("worker", "?"),
                                           "the worker was lost while the task was assigned to it"))
            for event in sorted(events, key=lambda e: (e[0], e[1])):
                if event in printed_events:
                    continue
                printed_events.add(event)
                _, index, worker, error = event
                attempts[index] = attempts.get(index, 0) + 1
                first, last = lines_of[index]
                progress.say(f"distributed_extract: partition {index} ({args.input} lines {first}-{last}), "
                             f"attempt {attempts[index]}, failed on worker {worker}: {error}; Dask runs it again "
                             f"unless its retries are spent")

        for future in pending:
            index = future.partition
            if future.status == "error":
                error = future.exception()
                first, last = lines_of[index]
                failures.append(f"partition {index} ({args.input} lines {first}-{last}) failed after "
                                f"{args.retries + 1} attempt{'s' if args.retries else ''}: "
                                f"{type(error).__name__}: {error}")
            else:
                result = future.result()
                finished[index] = result
                progress.done(result)
            future.release()
            print_attempt_failures()
            if not failures and next_partition < len(ranges):
                submit_next()  # after a final failure nothing new starts; what runs ends
            while next_to_write in finished:
                result = finished.pop(next_to_write)
                temp_output.write(result["facts"])
                facts += result["facts"].count(b"\n")
                for line, message in result["issues"]:
                    progress.say(f"{args.input}:{line}:{message}" if line is not None
                                 else f"partition {next_to_write}: {message}")
                skipped_status = skipped_status or result["status"] == 3
                next_to_write += 1
        input_file.close()
        progress.finish()
        print_attempt_failures()

        if failures:
            for failure in failures:
                print(f"distributed_extract: {failure}", file=sys.stderr)
            not_started = len(ranges) - next_partition
            fail(f"{len(failures)} of {len(ranges)} partitions failed"
                 + (f" ({not_started} not started after the first failure)" if not_started else "")
                 + f"; {args.output} not written")
        temp_output.flush()
        os.fsync(temp_output.fileno())
        temp_output.close()
        os.chmod(temp_output.name, 0o666 & ~current_umask())
        os.replace(temp_output.name, args.output)
        temp_output = None
        seconds = time.perf_counter() - started - cluster_seconds
        if not args.quiet:
            print(f"distributed_extract: {progress.articles:,} articles, {size / 1e6:.1f} MB in {seconds:.2f} s "
                  f"on {workers} worker{'s' if workers != 1 else ''}: {size / 1e6 / max(seconds, 1e-9):.2f} MB/s, "
                  f"{progress.articles / max(seconds, 1e-9):,.0f} articles/s; {facts:,} facts to {args.output}",
                  file=sys.stderr)
            print(f"distributed_extract: vnkg extract ran {progress.vnkg_seconds:.2f} s in all on the workers, "
                  f"{progress.vnkg_cpu_seconds:.2f} s of CPU: {size / 1e6 / max(progress.vnkg_cpu_seconds, 1e-9):.2f} MB "
                  f"per CPU-second", file=sys.stderr)
        return 3 if skipped_status else 0
    except KeyboardInterrupt:
        print("\ndistributed_extract: interrupted; nothing written", file=sys.stderr)
        return 130
    finally:
        if temp_output is not None:
            temp_output.close()
            os.unlink(temp_output.name)
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        shutil.rmtree(scratch, ignore_errors=True)


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


if __name__ == "__main__":
    sys.exit(main())

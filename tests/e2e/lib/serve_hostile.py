"""Hostile requests against `vnkg serve` on loopback, over raw sockets so that
nothing normalises them on the way. Each prints what it got; any unexpected
answer fails. Every wait is bounded.

usage: serve_hostile.py PORT REQUEST_TIMEOUT
"""
import socket
import sys
import time

PORT = int(sys.argv[1])
REQUEST_TIMEOUT = float(sys.argv[2])
failures = []


def connect():
    return socket.create_connection(("127.0.0.1", PORT), timeout=15)


def exchange(raw, read_limit=1 << 20):
    """Sends raw bytes, returns everything read until the server closes or 15 s pass."""
    s = connect()
    try:
        s.sendall(raw)
        data = b""
        while len(data) < read_limit:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
        return data
    finally:
        s.close()


def status_of(data):
    try:
        return int(data.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def check(name, raw, want, forbid=b"root:"):
    data = exchange(raw)
    got = status_of(data)
    body = data.split(b"\r\n\r\n", 1)[-1][:120].decode("utf-8", "replace").replace("\n", " ")
    ok = got in want and forbid not in data
    print("%-48s -> %s %s" % (name, got, body.strip()))
    if not ok:
        failures.append("%s: got %s, want %s" % (name, got, want))


def get(target, extra=b""):
    return b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra + b"\r\n"


# Path traversal: there are no static files; nothing but the routes answers.
for target in [b"/../../../../etc/passwd", b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd", b"/..%2f..%2f..%2fetc%2fpasswd",
               b"//etc/passwd", b"/etc/passwd", b"/static/../../../etc/passwd", b"/who/../../../etc/passwd",
               b"/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd", b"http://127.0.0.1/../../etc/passwd",
               b"../../etc/passwd", b"/sparql/../../etc/passwd"]:
    check("GET " + target.decode(), get(target), {400, 404})

# A bad query: 400 with the parser's message.
data = exchange(get(b"/sparql?query=SELECT+%3Fx+WHERE+%7B+%3Fx+%3Fy"))
print("%-48s -> %s %s" % ("bad query", status_of(data), data.split(b"\r\n\r\n", 1)[-1][:80]))
if status_of(data) != 400 or b"line 1, column" not in data:
    failures.append("bad query: %r" % data[:300])

# Bodies and headers over the limits.
check("Content-Length: 10^12, no body sent", b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
      b"Content-Length: 1000000000000\r\n\r\n", {413})
chunked = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
chunk = b"x" * 65536
chunked += (b"%x\r\n" % len(chunk) + chunk + b"\r\n") * 20 + b"0\r\n\r\n"
check("chunked body of 1.25 MiB", chunked, {413})
check("a 64 KiB header", b"GET / HTTP/1.1\r\nHost: x\r\nX-Junk: " + b"a" * 65536 + b"\r\n\r\n", {431})
check("a 64 KiB URL", get(b"/who?name=" + b"a" * 65536), {431, 414})
check("garbage instead of HTTP", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64 + b"\r\n\r\n", {400})
check("a bad request line", b"GET\r\n\r\n", {400})
check("NUL bytes and bad UTF-8 in a query", get(b"/sparql?query=SELECT%00%FF%FE+*"), {400})
check("method TRACE", b"TRACE / HTTP/1.1\r\nHost: x\r\n\r\n", {405})

# Slowloris: a header sent a byte at a time is cut off after the request timeout,
# and meanwhile the server answers others.
s = connect()
start = time.monotonic()
partial = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
s.sendall(partial)
closed_after = None
others_ok = 0
while time.monotonic() - start < REQUEST_TIMEOUT + 8:
    try:
        s.sendall(b"a")
        s.settimeout(0.5)
        if s.recv(1024) == b"":
            closed_after = time.monotonic() - start
            break
    except socket.timeout:
        pass
    except (ConnectionResetError, BrokenPipeError):
        closed_after = time.monotonic() - start
        break
    if status_of(exchange(get(b"/"))) == 200:
        others_ok += 1
s.close()
print("%-48s -> closed after %s s; %d other requests answered meanwhile" % (
    "slowloris (1 header byte per 0.5 s)", "%.1f" % closed_after if closed_after else "never", others_ok))
if closed_after is None or closed_after > REQUEST_TIMEOUT + 3:
    failures.append("slowloris: the connection was not closed by the request timeout")
if others_ok == 0:
    failures.append("slowloris: no other request was answered meanwhile")

# Many idle connections hold no worker: a request still gets through.
idle = [connect() for _ in range(60)]
for c in idle:
    c.sendall(b"GET / HTTP/1.1\r\n")
t0 = time.monotonic()
got = status_of(exchange(get(b"/sparql?query=SELECT+*+WHERE+%7B%3Fs+%3Fp+%3Fo%7D+LIMIT+1")))
print("%-48s -> %s in %.2f s" % ("a query beside 60 idle half-requests", got, time.monotonic() - t0))
if got != 200:
    failures.append("a query beside idle connections got %s" % got)
for c in idle:
    c.close()

for f in failures:
    print("FAIL", f, file=sys.stderr)
sys.exit(1 if failures else 0)

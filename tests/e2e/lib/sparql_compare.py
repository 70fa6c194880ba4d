#!/usr/bin/env python3
"""Compares two SPARQL TSV results (W3C SPARQL 1.1 Query Results TSV).

Usage: sparql_compare.py [--ordered] [--graph] [--sorted-concat VAR] EXPECTED ACTUAL
       sparql_compare.py --batch MANIFEST

(--batch: each line of MANIFEST is a label and the arguments of one
comparison, tab-separated; prints "FAIL label" and the differences for each
that differs, and exits 1 if any did.)

Rows are compared as multisets (as lists with --ordered), columns matched by
variable name. With --graph both files are N-Triples (CONSTRUCT, DESCRIBE;
comment lines ignored), compared as sets of triples. A file holding only
`true` or `false` is an ASK result. --sorted-concat VAR: the values of ?VAR
are GROUP_CONCATs with " " whose order SPARQL leaves open; their parts are
sorted before comparing.

Rows are compared as multisets (as lists with --ordered), columns matched by
variable name. Each cell is parsed as an RDF term and normalised first, so
that equal terms written differently compare equal: \\u escapes decoded
(roqet writes non-ASCII that way), xsd:string dropped, bare numbers and
booleans read as typed literals. An empty file, or a blank line alone, is a
result with no rows (roqet prints no header then).
Exit 0 when equal; 1 with the differences on stderr.
"""
import collections
import decimal
import re
import sys

XSD = "http://www.w3.org/2001/XMLSchema#"
ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in "uU":
            n = 4 if e == "u" else 8
            out.append(chr(int(body[i + 2:i + 2 + n], 16)))
            i += 2 + n
        else:
            out.append(ESCAPES.get(e, e))
            i += 2
    return "".join(out)


def parse_term(cell):
    cell = cell.strip()
    if cell == "":
        return None
    if cell.startswith("<") and cell.endswith(">"):
        return ("iri", unescape(cell[1:-1]))
    if cell.startswith("_:"):
        return ("bnode", cell)
    if cell.startswith('"'):
        m = re.match(r'^"((?:[^"\\]|\\.)*)"(.*)$', cell, re.S)
        if not m:
            raise ValueError("bad literal: %r" % cell)
        value, rest = unescape(m.group(1)), m.group(2)
        if rest.startswith("@"):
            return ("lit", value, "", rest[1:].lower())
        if rest.startswith("^^<") and rest.endswith(">"):
            dt = unescape(rest[3:-1])
            if dt == XSD + "string":
                dt = ""
            if dt == XSD + "integer":
                value = str(int(value))
            elif dt == XSD + "decimal":  # 1.0 and 1 are the same decimal; 10 places suffice
                value = decimal.Decimal(value).quantize(decimal.Decimal("1e-10"))
            elif dt in (XSD + "double", XSD + "float"):
                value = float(value)
            return ("lit", value, dt, "")
        if rest:
            raise ValueError("bad literal suffix: %r" % cell)
        return ("lit", value, "", "")
    if cell in ("true", "false"):
        return ("lit", cell, XSD + "boolean", "")
    if re.match(r"^[+-]?\d+$", cell):
        return ("lit", str(int(cell)), XSD + "integer", "")
    if re.match(r"^[+-]?\d*\.\d+$", cell):
        return ("lit", decimal.Decimal(cell).quantize(decimal.Decimal("1e-10")), XSD + "decimal", "")
    if re.match(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$", cell):
        return ("lit", float(cell), XSD + "double", "")
    raise ValueError("unreadable TSV cell: %r" % cell)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [l[:-1] if l.endswith("\r") else l for l in lines]
    if not lines or (len(lines) == 1 and lines[0].strip() == ""):
        return None, []
    header = [h.strip().lstrip("?$") for h in lines[0].split("\t")]
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError("%s:%d: %d cells for %d variables" % (path, n, len(cells), len(header)))
        rows.append(dict(zip(header, (parse_term(c) for c in cells))))
    return header, rows


TERM = re.compile(r'\s*(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)')


def read_graph(path):
    triples = set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            terms, rest = [], line
            for _ in range(3):
                m = TERM.match(rest)
                if not m:
                    raise ValueError("%s:%d: not N-Triples: %r" % (path, n, line))
                terms.append(parse_term(m.group(1)))
                rest = rest[m.end():]
            if rest.strip() != ".":
                raise ValueError("%s:%d: not N-Triples: %r" % (path, n, line))
            triples.add(tuple(terms))
    return triples


def read_boolean(path):
    with open(path, encoding="utf-8") as f:
        text = f.read().strip()
    return text if text in ("true", "false") else None


def main(argv):
    ordered = "--ordered" in argv
    graph = "--graph" in argv
    concat = []
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--sorted-concat":
            concat.append(argv[i + 1])
            i += 2
            continue
        if argv[i] not in ("--ordered", "--graph"):
            args.append(argv[i])
        i += 1
    paths = args
    if len(paths) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if graph:
        g1, g2 = read_graph(paths[0]), read_graph(paths[1])
        if g1 == g2:
            return 0
        print("%d triples vs %d triples" % (len(g1), len(g2)), file=sys.stderr)
        for t in sorted(g1 - g2, key=str)[:5]:
            print("  only in %s: %s" % (paths[0], t), file=sys.stderr)
        for t in sorted(g2 - g1, key=str)[:5]:
            print("  only in %s: %s" % (paths[1], t), file=sys.stderr)
        return 1
    b1, b2 = read_boolean(paths[0]), read_boolean(paths[1])
    if b1 is not None or b2 is not None:
        if b1 == b2:
            return 0
        print("ASK: %s vs %s" % (b1, b2), file=sys.stderr)
        return 1
    (h1, r1), (h2, r2) = read(paths[0]), read(paths[1])
    for rows in (r1, r2):
        for r in rows:
            for v in concat:
                if r.get(v) is not None and r[v][0] == "lit":
                    r[v] = ("lit", " ".join(sorted(r[v][1].split(" "))), r[v][2], r[v][3])
    if h1 is not None and h2 is not None and sorted(h1) != sorted(h2):
        print("different variables: %s vs %s" % (h1, h2), file=sys.stderr)
        return 1
    names = h1 or h2 or []
    t1 = [tuple(r.get(n) for n in names) for r in r1]
    t2 = [tuple(r.get(n) for n in names) for r in r2]
    if ordered:
        if t1 == t2:
            return 0
        for i, (a, b) in enumerate(zip(t1, t2)):
            if a != b:
                print("row %d differs:\n  %s\n  %s" % (i + 1, a, b), file=sys.stderr)
                break
        if len(t1) != len(t2):
            print("%d rows vs %d rows" % (len(t1), len(t2)), file=sys.stderr)
        return 1
    c1, c2 = collections.Counter(t1), collections.Counter(t2)
    if c1 == c2:
        return 0
    print("%d rows vs %d rows" % (len(t1), len(t2)), file=sys.stderr)
    for row in list((c1 - c2).elements())[:5]:
        print("  only in %s: %s" % (paths[0], row), file=sys.stderr)
    for row in list((c2 - c1).elements())[:5]:
        print("  only in %s: %s" % (paths[1], row), file=sys.stderr)
    return 1


def batch(manifest):
    import contextlib
    import io
    failed = 0
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            report = io.StringIO()
            with contextlib.redirect_stderr(report):
                try:
                    code = main(fields[1:])
                except (OSError, ValueError) as e:
                    print(e, file=sys.stderr)
                    code = 1
            if code != 0:
                failed += 1
                print("FAIL %s (vnkg first, oracle second):\n%s" % (fields[0], report.getvalue()), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--batch":
        sys.exit(batch(sys.argv[2]))
    sys.exit(main(sys.argv[1:]))

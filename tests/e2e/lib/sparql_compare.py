#!/usr/bin/env python3
"""Compares two SPARQL TSV results (W3C SPARQL 1.1 Query Results TSV).

Usage: sparql_compare.py [--ordered] EXPECTED.tsv ACTUAL.tsv

Rows are compared as multisets (as lists with --ordered), columns matched by
variable name. Each cell is parsed as an RDF term and normalised first, so
that equal terms written differently compare equal: \\u escapes decoded
(roqet writes non-ASCII that way), xsd:string dropped, bare numbers and
booleans read as typed literals. An empty file, or a blank line alone, is a
result with no rows (roqet prints no header then).
Exit 0 when equal; 1 with the differences on stderr.
"""
import collections
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
            return ("lit", value, dt, "")
        if rest:
            raise ValueError("bad literal suffix: %r" % cell)
        return ("lit", value, "", "")
    if cell in ("true", "false"):
        return ("lit", cell, XSD + "boolean", "")
    if re.match(r"^[+-]?\d+$", cell):
        return ("lit", str(int(cell)), XSD + "integer", "")
    if re.match(r"^[+-]?\d*\.\d+$", cell):
        return ("lit", cell, XSD + "decimal", "")
    if re.match(r"^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$", cell):
        return ("lit", cell, XSD + "double", "")
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


def main(argv):
    ordered = "--ordered" in argv
    paths = [a for a in argv if a != "--ordered"]
    if len(paths) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    (h1, r1), (h2, r2) = read(paths[0]), read(paths[1])
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

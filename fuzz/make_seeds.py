#!/usr/bin/env python3
"""Builds the seed corpora and dictionaries of the fuzz targets.

    fuzz/make_seeds.py OUT_DIR

writes OUT_DIR/<target>/ (one input a file) and OUT_DIR/<target>.dict for
fuzz_document_reader, fuzz_jsonl and fuzz_sparql, from material already in
the tree: examples/articles, fuzz/seeds/<target>/ (small hand-written inputs),
tests/sparql/*.rq and the gazetteers in extract/data; plus, when ../shared
sits beside the checkout, a few real JSON Lines records and gold facts.
Nothing generated is committed. Files already in a corpus directory (inputs
libFuzzer found on earlier runs) are kept: seeds are only added.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def write(directory, name, data):
    directory.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (directory / name).write_bytes(data)


def dict_entry(token):
    # libFuzzer dictionary syntax: a quoted string, non-printable and
    # non-ASCII bytes as \xNN so no byte of UTF-8 depends on the parser.
    out = []
    for b in token.encode("utf-8"):
        if 0x20 <= b < 0x7F and b not in (ord('"'), ord("\\")):
            out.append(chr(b))
        else:
            out.append("\\x%02X" % b)
    return '"' + "".join(out) + '"'


def write_dict(path, tokens):
    seen = sorted({t for t in tokens if t and len(t.encode("utf-8")) <= 64})
    path.write_text("".join(dict_entry(t) + "\n" for t in seen))


def tsv_column(name, column):
    """The values of one column of an extract/data TSV (aliases split on '|')."""
    rows = (ROOT / "extract" / "data" / name).read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        cells = row.split("\t")
        if column < len(cells):
            yield from (v for v in cells[column].split("|") if v)


def shared_lines(relative, limit, max_bytes):
    path = SHARED / relative
    if not path.exists():
        return []
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if 0 < len(l.encode("utf-8")) <= max_bytes]
    return lines[:limit]


def zstd_frame(data):
    """A zstd frame of raw blocks (no compression needed): the reader's .zst
    path without requiring the zstd module or binary."""
    frame = bytearray(b"\x28\xB5\x2F\xFD")
    # Frame header: single segment, 4-byte content size, no checksum.
    frame.append(0xA0)
    frame += len(data).to_bytes(4, "little")
    block_max = 128 * 1024
    chunks = [data[i:i + block_max] for i in range(0, len(data), block_max)] or [b""]
    for i, chunk in enumerate(chunks):
        last = 1 if i == len(chunks) - 1 else 0
        header = (len(chunk) << 3) | (0 << 1) | last  # block type 0: raw
        frame += header.to_bytes(3, "little") + chunk
    return bytes(frame)


def sparql_functions():
    """The names in the SPARQL engine's function table (query/src/sparql_functions.cc)."""
    import re
    text = (ROOT / "query" / "src" / "sparql_functions.cc").read_text(encoding="utf-8")
    table = text[text.index("const Function kFunctions[]"):]
    names = re.findall(r'(?:Scalar|Aggregate)\("([A-Z_]+)"', table)
    names += ["xsd:" + n for n in re.findall(r'Scalar\(XSD "(\w+)"', table)]
    return names


def sparql_keywords():
    """The keywords of SparqlKeywords() (query/src/sparql_functions.cc)."""
    import re
    text = (ROOT / "query" / "src" / "sparql_functions.cc").read_text(encoding="utf-8")
    block = text[text.index("SparqlKeywords()"):]
    block = block[:block.index("};")]
    return re.findall(r'"([A-Z_ ]+)"', block)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_seeds.py OUT_DIR")
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    articles = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    hand = ROOT / "fuzz" / "seeds"

    # JSON Lines records: the seed articles as records, real ones from
    # ../shared, and the hand-written ones (malformed lines included).
    records = [json.dumps({"id": a.stem, "title": a.read_text(encoding="utf-8").split("\n", 1)[0],
                           "date": "2025-01-06", "text": a.read_text(encoding="utf-8")}, ensure_ascii=False)
               for a in articles]
    real_records = shared_lines("corpus/dev.jsonl", 3, 6000)
    gold_facts = shared_lines("eval/seeds.gold.jsonl", 40, 2000)

    # fuzz_document_reader: whole articles as .txt, JSON Lines, a zstd stream,
    # UTF-16 with a byte order mark.
    reader = out / "fuzz_document_reader"
    for a in articles:
        write(reader, a.name, a.read_bytes())
    first = articles[0].read_text(encoding="utf-8")
    write(reader, "utf16le.txt", b"\xFF\xFE" + first[:1500].encode("utf-16-le"))
    write(reader, "records.jsonl", "\n".join(records[:2]) + "\n")
    write(reader, "records.jsonl.zst", zstd_frame(("\n".join(records[2:4]) + "\n").encode("utf-8")))
    for i, line in enumerate(real_records):
        write(reader, "dev_%d.jsonl" % i, line + "\n")
    for f in sorted((hand / "fuzz_document_reader").glob("*")):
        write(reader, f.name, f.read_bytes())

    # fuzz_jsonl: records (short ones: this target is about the parser) and facts.
    jsonl = out / "fuzz_jsonl"
    for i, line in enumerate(real_records):
        write(jsonl, "dev_%d.jsonl" % i, line + "\n")
    for i in range(0, len(gold_facts), 8):
        write(jsonl, "gold_%d.jsonl" % (i // 8), "\n".join(gold_facts[i:i + 8]) + "\n")
    for f in sorted((hand / "fuzz_jsonl").glob("*")):
        write(jsonl, f.name, f.read_bytes())

    # fuzz_sparql: the oracle queries of the test suite and the hand-written ones.
    sparql = out / "fuzz_sparql"
    for folder in ("sparql", "sparql_full"):
        for q in sorted((ROOT / "tests" / folder).glob("*.rq")):
            write(sparql, folder + "_" + q.name, q.read_bytes())
    for f in sorted((hand / "fuzz_sparql").glob("*")):
        write(sparql, f.name, f.read_bytes())

    # Dictionaries: the words the code branches on, so mutations find them.
    vocabulary = []
    for name, column in [("cues.tsv", 1), ("event_heads.tsv", 0), ("titles.tsv", 0), ("titles.tsv", 3),
                         ("org_heads.tsv", 0), ("abbreviations.tsv", 0), ("provinces.tsv", 1),
                         ("ministries.tsv", 0), ("countries.tsv", 0)]:
        vocabulary += tsv_column(name, column)
    vocabulary += ["\n", ". ", ", ", "; ", " - ", "(", ")", "Ngày 6/1", "ngày 12/5/2025", "năm 2024",
                   "điểm cầu", "Đồng chí ", "ông ", "bà ", "\xEF\xBB\xBF", "\uFFFD", '{"id":"', '","text":"']
    write_dict(out / "fuzz_document_reader.dict", vocabulary)
    write_dict(out / "fuzz_jsonl.dict",
               ['{', '}', '[', ']', ':', ',', '"', 'null', 'true', 'false', '\\u00e0', '\\ud83d\\ude00', '\\"',
                '"id"', '"text"', '"title"', '"date"', '"url"', '"subject"', '"object"', '"predicate"',
                '"type"', '"name"', '"province"', '"event_date"', '"organization"', '"doc"', '"docs"',
                '"evidence"', '"confidence"', '"by"', '"Person"', '"Organization"', '"Province"', '"Place"',
                '"Event"', '"BridgePoint"', '"Position"', '"Award"', '"holds_position"', '"chaired"',
                '"attended"', '"spoke_at"', '"organized"', '"has_bridge_point"', '"located_in"',
                '"received_award"', '"cooperates_with"', '"borders"', '"part_of"', '1e308', '-0', '0.5',
                '"2025-01-06"'])
    write_dict(out / "fuzz_sparql.dict", sparql_keywords() + sparql_functions() +
               ["a", "?x", "?y", "*", "{", "}", "(", ")", ".", ";", ",", "=", "!=", "<", ">", "<=", ">=", "&&",
                "||", "!", "/", "|", "^", "+", "?", "\"i\"", "\"\"", "@vi", "^^", "vn:", "rdfs:label", "<urn:vnkg:>",
                "vn:Person", "vn:chaired", "vn:has_bridge_point", "vn:part_of", "vn:part_of+", "(vn:part_of|^vn:part_of)*",
                "xsd:integer", "xsd:date", "true", "false", "1.5", "-7", "#", "SEPARATOR=\",\"",
                "PREFIX vn: <urn:vnkg:>\n", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"])
    print("seeds in %s: %s" % (out, ", ".join("%s %d" % (d.name, len(list(d.iterdir())))
                                               for d in sorted(out.iterdir()) if d.is_dir())))


if __name__ == "__main__":
    main()

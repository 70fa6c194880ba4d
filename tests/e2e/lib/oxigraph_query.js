// Answers a SPARQL query with Oxigraph (the npm package `oxigraph`), the
// oracle of tests/e2e/sparql_oracle_full.sh.
// Usage: node oxigraph_query.js DATA.nt OUT_DIR QUERY.rq...
// Loads the data once, and writes each query's answer to
// OUT_DIR/<query name>.oxigraph: SELECT results as W3C TSV, ASK as
// true/false, CONSTRUCT and DESCRIBE as N-Triples; a query Oxigraph rejects
// to OUT_DIR/<query name>.oxigraph.err. The package is found through NODE_PATH.
"use strict";
const fs = require("fs");
const oxigraph = require("oxigraph");

const path = require("path");
const [data, outDir, ...queryFiles] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(fs.readFileSync(data, "utf8"), { format: "application/n-triples" });

function escape(s) {
  return s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}
function term(t) {
  if (!t) return "";
  if (t.termType === "NamedNode") return "<" + t.value + ">";
  if (t.termType === "BlankNode") return "_:" + t.value;
  let out = '"' + escape(t.value) + '"';
  if (t.language) return out + "@" + t.language;
  if (t.datatype && t.datatype.value !== "http://www.w3.org/2001/XMLSchema#string") out += "^^<" + t.datatype.value + ">";
  return out;
}

for (const queryFile of queryFiles) {
  const query = fs.readFileSync(queryFile, "utf8");
  const base = path.join(outDir, path.basename(queryFile, ".rq"));
  const write = (text) => fs.writeFileSync(base + ".oxigraph", text);
  try {
    answer(query, write);
  } catch (e) {
    fs.writeFileSync(base + ".oxigraph.err", String(e) + "\n");
  }
}

function answer(query, write) {
  // SELECT and ASK through the W3C JSON results format (it names the variables
  // even when no row binds them); graphs as Oxigraph's term objects.
  const form = query.replace(/^\s*#[^\n]*/gm, "").replace(/PREFIX\s+\S*\s*<[^>]*>/gi, "").trim().split(/\s+/)[0].toUpperCase();
  if (form === "CONSTRUCT" || form === "DESCRIBE") {
    const quads = store.query(query);
    write(quads.map((q) => term(q.subject) + " " + term(q.predicate) + " " + term(q.object) + " .\n").join(""));
  } else {
    const json = JSON.parse(store.query(query, { results_format: "application/sparql-results+json" }));
    if (typeof json.boolean === "boolean") {
      write(json.boolean + "\n");
    } else {
      const vars = json.head.vars || [];
      const lines = [vars.map((v) => "?" + v).join("\t")];
      const jterm = (b) => {
        if (!b) return "";
        if (b.type === "uri") return "<" + b.value + ">";
        if (b.type === "bnode") return "_:" + b.value;
        let out = '"' + escape(b.value) + '"';
        if (b["xml:lang"]) return out + "@" + b["xml:lang"];
        if (b.datatype && b.datatype !== "http://www.w3.org/2001/XMLSchema#string") out += "^^<" + b.datatype + ">";
        return out;
      };
      for (const row of json.results.bindings) lines.push(vars.map((v) => jterm(row[v])).join("\t"));
      write(lines.join("\n") + "\n");
    }
  }
}

// node oxigraph_bench.js DATA.nt RUNS QUERY.rq...: Oxigraph (the npm package
// `oxigraph`, the oracle of tests/e2e/sparql_oracle_full.sh) in memory: loads
// the data once, runs each query once to warm up and RUNS times more, and
// prints JSON {"load_ms": .., "queries": {"NAME": {"rows": .., "median_ms": ..}}}.
// Results are read whole (as W3C JSON) so that each run does the whole work.
"use strict";
const fs = require("fs");
const path = require("path");
const oxigraph = require("oxigraph");

const [data, runsArg, ...queryFiles] = process.argv.slice(2);
const runs = Math.max(1, parseInt(runsArg, 10) || 7);
let start = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(fs.readFileSync(data, "utf8"), { format: "application/n-triples" });
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const out = { load_ms: ms(start), queries: {} };
for (const file of queryFiles) {
  const query = fs.readFileSync(file, "utf8");
  const times = [];
  let rows = 0;
  for (let r = 0; r <= runs; ++r) {
    start = process.hrtime.bigint();
    const json = JSON.parse(store.query(query, { results_format: "application/sparql-results+json" }));
    const t = ms(start);
    rows = json.results.bindings.length;
    if (r > 0) times.push(t);
  }
  times.sort((a, b) => a - b);
  out.queries[path.basename(file, ".rq")] = { rows, median_ms: times[Math.floor(times.length / 2)] };
}
console.log(JSON.stringify(out));

#include "query_command.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "vnkg/query/sparql.h"
#include "vnkg/store/store.h"

namespace vnkg::app {
namespace {

struct QueryArgs {
  std::string db;
  std::string file;
  std::string query;
  std::string format = "table";
  std::size_t max_rows = SparqlOptions{}.max_rows;
};

// Returns an error message, or empty when the query ran and printed.
std::string RunQuery(const QueryArgs& args) {
  if (args.file.empty() == args.query.empty()) return "give the query as an argument or with --file, not both";
  std::string text = args.query;
  if (!args.file.empty()) {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return "cannot read " + args.file;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  SparqlFormat format = SparqlFormat::kTable;
  if (args.format == "tsv") format = SparqlFormat::kTsv;
  else if (args.format == "csv") format = SparqlFormat::kCsv;
  else if (args.format == "json") format = SparqlFormat::kJson;
  // A malformed query is reported before the database is opened.
  if (Status parsed = ParseSparql(text); !parsed.ok())
    return (args.file.empty() ? "" : args.file + ": ") + parsed.message();
  auto store = Store::Open(args.db.empty() ? DefaultDatabasePath() : args.db, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status().message();
  SparqlOptions options;
  options.max_rows = args.max_rows;
  auto result = RunSparql(*store.value(), text, options);
  if (!result.ok()) return result.status().message();
  WriteSparqlResult(std::cout, *result, format);
  std::cout.flush();
  if (!std::cout) return "writing the results failed";
  if (format == SparqlFormat::kTable)
    std::cerr << result->rows.size() << (result->rows.size() == 1 ? " row\n" : " rows\n");
  return "";
}

}  // namespace

void RegisterQueryCommand(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* query = app.add_subcommand("query", "Answer a SPARQL query (a SELECT subset) over the graph");
  query->add_option("--db", args->db, "database directory, opened read-only (default: " + DefaultDatabasePath() + ")");
  query->add_option("--file", args->file, "read the query from this file");
  query->add_option("query", args->query, "the query text");
  query->add_option("--format", args->format, "table (default), tsv, csv or json (the W3C SPARQL results formats)")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json"}));
  query->add_option("--max-rows", args->max_rows, "stop when an intermediate result exceeds this many solutions")
      ->capture_default_str();
  query->footer(
      "The graph is the RDF of `vnkg export --format ntriples` (see docs/facts.md, \"The RDF view\");\n"
      "prefixes vn: <urn:vnkg:>, rdf:, rdfs: and xsd: are predeclared.\n"
      "Supported: SELECT [DISTINCT], basic graph patterns, FILTER (= != < > <= >= && || ! regex\n"
      "CONTAINS STRSTARTS STRENDS LCASE UCASE STR BOUND), OPTIONAL, UNION, BIND, GROUP BY with COUNT,\n"
      "ORDER BY, LIMIT, OFFSET.\n"
      "Example:\n"
      "  vnkg query 'PREFIX vn: <urn:vnkg:>\n"
      "    SELECT ?name (COUNT(?event) AS ?n) WHERE { ?p a vn:Person ; rdfs:label ?name ; vn:attended ?event }\n"
      "    GROUP BY ?name ORDER BY DESC(?n) LIMIT 10'\n"
      "  vnkg query --format tsv --file q.rq");
  query->callback([args] {
    const std::string error = RunQuery(*args);
    if (!error.empty()) {
      std::cout.flush();
      std::cerr << "vnkg: " << error << '\n';
      std::exit(1);
    }
  });
}

}  // namespace vnkg::app

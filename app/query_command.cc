#include "query_command.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "vnkg/deadline.h"
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
  double timeout = kDefaultTimeoutSeconds;
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
  else if (args.format == "ntriples") format = SparqlFormat::kNTriples;
  else if (args.format == "turtle") format = SparqlFormat::kTurtle;
  // A malformed query is reported before the database is opened.
  if (Status parsed = ParseSparql(text); !parsed.ok())
    return (args.file.empty() ? "" : args.file + ": ") + parsed.message();
  // The clock starts before the store opens: --timeout bounds what the user waits for.
  CancelOnInterrupt();
  SparqlOptions options;
  options.deadline = Deadline::Seconds(args.timeout).CancelledBy(&InterruptFlag());
  auto store = Store::Open(args.db.empty() ? DefaultDatabasePath() : args.db, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status().message();
  options.max_rows = args.max_rows;
  auto result = RunSparql(*store.value(), text, options);
  if (!result.ok()) return result.status().message();
  WriteSparqlResult(std::cout, *result, format);
  std::cout.flush();
  if (!std::cout) return "writing the results failed";
  if (format == SparqlFormat::kTable && result->form == SparqlResult::Form::kSolutions)
    std::cerr << result->rows.size() << (result->rows.size() == 1 ? " row\n" : " rows\n");
  if (format == SparqlFormat::kTable && result->form == SparqlResult::Form::kGraph)
    std::cerr << result->triples.size() << (result->triples.size() == 1 ? " triple\n" : " triples\n");
  return "";
}

}  // namespace

void RegisterQueryCommand(CLI::App& app) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* query = app.add_subcommand("query", "Answer a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the graph");
  query->add_option("--db", args->db, "database directory, opened read-only (default: " + DefaultDatabasePath() + ")");
  query->add_option("--file", args->file, "read the query from this file");
  query->add_option("query", args->query, "the query text");
  query->add_option("--format", args->format,
                    "table (default), tsv, csv or json (the W3C SPARQL results formats); for CONSTRUCT and "
                    "DESCRIBE: turtle (what table prints) or ntriples (what tsv, csv and json print)")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json", "ntriples", "turtle"}));
  query->add_option("--max-rows", args->max_rows, "stop when an intermediate result exceeds this many solutions")
      ->capture_default_str();
  query->add_option("--timeout", args->timeout, "stop after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  std::string functions;
  for (const SparqlFunctionInfo& f : SparqlFunctions()) {
    if (!functions.empty()) functions += ", ";
    functions += f.name.find(':') == std::string::npos ? f.name : "xsd:" + f.name.substr(f.name.find('#') + 1);
  }
  query->footer(
      "The graph is the RDF of `vnkg export --format ntriples` (see docs/facts.md, \"The RDF view\");\n"
      "prefixes vn: <urn:vnkg:>, rdf:, rdfs: and xsd: are predeclared. docs/sparql.md lists what is supported.\n"
      "Forms: SELECT [DISTINCT], ASK, CONSTRUCT, DESCRIBE. Patterns: triples, property paths (/ | ^ * + ?),\n"
      "FILTER, [NOT] EXISTS, OPTIONAL, UNION, MINUS, BIND, VALUES, subqueries. Modifiers: GROUP BY, HAVING,\n"
      "ORDER BY, LIMIT, OFFSET, trailing VALUES. Operators: = != < > <= >= && || ! IN, NOT IN.\n"
      "Functions and aggregates: " + functions + ".\n"
      "Example:\n"
      "  vnkg query 'PREFIX vn: <urn:vnkg:>\n"
      "    SELECT ?name (COUNT(?event) AS ?n) WHERE { ?p a vn:Person ; rdfs:label ?name ; vn:attended ?event }\n"
      "    GROUP BY ?name ORDER BY DESC(?n) LIMIT 10'\n"
      "  vnkg query --format tsv --file q.rq --timeout 120\n"
      "A query stops, saying how far it got and printing no rows, when one step holds more than\n"
      "--max-rows solutions or --timeout passes (exit status 1), or at Ctrl-C (exit status 130).");
  query->callback([args] {
    const std::string error = RunQuery(*args);
    if (!error.empty()) {
      std::cout.flush();
      std::cerr << "vnkg: " << error << '\n';
      // 128 + SIGINT, what a shell reports for a process Ctrl-C ended.
      std::exit(InterruptFlag().load() ? 130 : 1);
    }
  });
}

}  // namespace vnkg::app

// SPARQL in the REPL: the engine of query/sparql.h behind the REPL's
// SparqlEngineFactory, its solutions turned into a ResultTable so that every
// .mode, the row count, .timer and Ctrl-C work as for the questions.
//
// REGISTRATION POINT. sparql.h was written alongside the REPL; when this file
// was, its implementation (query/src/sparql*.cc) was not in the tree yet, so
// the wiring below is compiled only with VNKG_REPL_HAS_SPARQL set to 1. Set it
// once the engine links; nothing else in the REPL changes.
#define VNKG_REPL_HAS_SPARQL 0

#include "vnkg/query/repl.h"

#if VNKG_REPL_HAS_SPARQL
#include <memory>

#include "vnkg/query/sparql.h"
#endif

namespace vnkg {

#if VNKG_REPL_HAS_SPARQL
namespace {

// A cell as a person reads it: the vn: short form of the graph's own IRIs,
// other IRIs in <>, literals as their text, unbound as empty.
std::string Cell(const SparqlTerm& term) {
  constexpr std::string_view kVn = "urn:vnkg:";
  switch (term.kind) {
    case SparqlTerm::Kind::kUnbound: return "";
    case SparqlTerm::Kind::kLiteral: return term.value;
    case SparqlTerm::Kind::kIri:
      if (term.value.rfind(kVn, 0) == 0) return "vn:" + term.value.substr(kVn.size());
      return "<" + term.value + ">";
  }
  return term.value;
}

}  // namespace

SparqlEngineFactory DefaultSparqlEngine() {
  return [](const Store& store) -> Result<SparqlRunner> {
    auto created = SparqlEngine::Create(store);
    if (!created.ok()) return created.status();
    std::shared_ptr<const SparqlEngine> engine(std::move(created.value()));
    return SparqlRunner([engine](const std::string& query) -> Result<ResultTable> {
      SparqlOptions options;
      options.interrupted = [] { return ReplInterrupted(); };
      auto result = engine->Run(query, options);
      if (!result.ok()) return result.status();
      ResultTable table;
      table.header = result->variables;
      table.rows.reserve(result->rows.size());
      for (const auto& row : result->rows) {
        std::vector<std::string> cells;
        cells.reserve(row.size());
        for (const SparqlTerm& term : row) cells.push_back(Cell(term));
        table.rows.push_back(std::move(cells));
      }
      return table;
    });
  };
}
#else
SparqlEngineFactory DefaultSparqlEngine() {
  return {};  // empty: the REPL answers "SPARQL is not available in this build yet"
}
#endif

}  // namespace vnkg

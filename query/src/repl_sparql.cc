// SPARQL in the REPL: the engine of query/sparql.h behind the REPL's
// SparqlEngineFactory, its solutions turned into a ResultTable so that every
// .mode, the row count, .timer and Ctrl-C work as for the questions. One
// engine per open store: it indexes the store's entities once.
#include "vnkg/query/repl.h"

#include <memory>

#include "vnkg/query/export.h"
#include "vnkg/query/sparql.h"

namespace vnkg {
namespace {

// A cell as a person reads it: the vn: short form of the graph's own IRIs,
// other IRIs in <>, literals as their text, unbound as empty.
std::string Cell(const SparqlTerm& term) {
  switch (term.kind) {
    case SparqlTerm::Kind::kUnbound: return "";
    case SparqlTerm::Kind::kLiteral: return term.value;
    case SparqlTerm::Kind::kIri:
      if (term.value.rfind(kVnNamespace, 0) == 0) return "vn:" + term.value.substr(kVnNamespace.size());
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
    return SparqlRunner([engine](const std::string& query, const Deadline& deadline) -> Result<ResultTable> {
      SparqlOptions options;
      options.deadline = deadline;  // .timeout and Ctrl-C
      auto result = engine->Run(query, options);
      if (!result.ok()) return result.status();
      ResultTable table;
      if (result->form == SparqlResult::Form::kBoolean) {  // ASK: one cell, true or false
        table.header = {"boolean"};
        table.rows.push_back({result->boolean ? "true" : "false"});
        return table;
      }
      if (result->form == SparqlResult::Form::kGraph) {  // CONSTRUCT, DESCRIBE: a row per triple
        table.header = {"subject", "predicate", "object"};
        for (const SparqlTriple& t : result->triples)
          table.rows.push_back({Cell(t.subject), Cell(t.predicate), Cell(t.object)});
        return table;
      }
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

}  // namespace vnkg

// SPARQL in the REPL: the engine of query/sparql.h behind the REPL's
// SparqlEngineFactory, its solutions turned into a ResultTable so that every
// .mode, the row count, .timer and Ctrl-C work as for the questions. One
// engine per open store: it indexes the store's entities once.
#include "vnkg/shell/repl.h"

#include <memory>

#include "vnkg/query/sparql.h"
#include "vnkg/query/sparql_cell.h"

namespace vnkg {
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
      table.header = result->variables;
      table.rows.reserve(result->rows.size());
      for (const auto& row : result->rows) {
        std::vector<std::string> cells;
        cells.reserve(row.size());
        for (const SparqlTerm& term : row) cells.push_back(SparqlTermToCell(term));  // the cells of `vnkg query --format table`
        table.rows.push_back(std::move(cells));
      }
      return table;
    });
  };
}

}  // namespace vnkg

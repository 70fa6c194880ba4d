// A SPARQL result term as a person reads it in a table: the graph's own IRIs
// in their vn: short form, other IRIs in <>, literals as their text with
// "@lang" when tagged, unbound as empty. The one renderer of `vnkg query
// --format table` and of the REPL's SPARQL results. (sparql_format.cc)
#pragma once

#include <string>

#include "vnkg/query/sparql.h"

namespace vnkg {

std::string SparqlTermToCell(const SparqlTerm& term);

}  // namespace vnkg

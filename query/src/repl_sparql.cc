// REGISTRATION POINT for SPARQL in the REPL.
//
// The SPARQL subset (query/include/vnkg/query/sparql.h) is being written
// alongside the REPL and did not exist when this file was. To wire it, make
// DefaultSparqlRunner return a function that runs the query and turns its
// solutions into a ResultTable (header: the projected variables; rows: one per
// solution), polling ReplInterrupted() in long loops if the engine can. Nothing
// else in the REPL changes: statements are already collected over several
// lines up to ';', timed, printed in every .mode and cancelled by Ctrl-C.
#include "vnkg/query/repl.h"

namespace vnkg {

SparqlRunner DefaultSparqlRunner() {
  return {};  // empty: the REPL answers "SPARQL is not available in this build yet"
}

}  // namespace vnkg

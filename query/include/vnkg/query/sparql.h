// A SPARQL 1.1 subset over the fact store.
//
// The data is the RDF view of docs/facts.md, exactly the triples that
// `vnkg export --format ntriples` writes: every stored fact as
// `subject vn:PREDICATE object`, plus each entity's rdf:type, rdfs:label and
// attributes (EntityRdfTriples in export.h).
//
// Supported (docs/sparql.md has the details and an example of each): PREFIX;
// SELECT [DISTINCT] with `*`, variables and `(expr AS ?v)`; ASK; CONSTRUCT
// (a template, or CONSTRUCT WHERE); DESCRIBE (IRIs or variables); basic graph
// patterns; property paths (/ | ^ * + ? and parentheses); FILTER, OPTIONAL,
// UNION, MINUS, BIND, VALUES (inline and trailing), nested groups and
// subqueries; FILTER [NOT] EXISTS; IN / NOT IN; GROUP BY variables, HAVING,
// and the aggregates and built-in functions of the function table
// (SparqlFunctions below); ORDER BY [ASC|DESC]; LIMIT; OFFSET. Semantics follow
// the SPARQL 1.1 Recommendation (an aggregate with no GROUP BY gives one row
// even over no solutions).
//
// Errors (as values, never exceptions):
//  - kInvalidArgument for a malformed query: the message gives line and
//    column, the offending line, and a caret under the place;
//  - kUnsupported for a recognised SPARQL feature outside the subset (SPARQL
//    Update, named graphs, SERVICE, arithmetic, negated property sets, ...),
//    naming it;
//  - kAborted when an intermediate result grows past max_rows, when
//    `interrupted` returns true, or when Ctrl-C sets the deadline's flag;
//  - kDeadlineExceeded when the deadline passes ("query stopped after 1.0 s
//    (--timeout); N intermediate solutions computed").
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/deadline.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

// One RDF term of a result.
struct SparqlTerm {
  enum class Kind { kUnbound, kIri, kLiteral };
  Kind kind = Kind::kUnbound;
  std::string value;     // the IRI, or the literal's lexical form
  std::string datatype;  // literals: full datatype IRI; empty for a simple literal
  std::string lang;      // literals: language tag, else empty

  bool operator==(const SparqlTerm& other) const = default;
};

// One triple of a CONSTRUCT or DESCRIBE result.
struct SparqlTriple {
  SparqlTerm subject, predicate, object;
  std::vector<std::string> comments;  // DESCRIBE: the fact's provenance, one line each
};

struct SparqlResult {
  enum class Form { kSolutions, kBoolean, kGraph };
  Form form = Form::kSolutions;                // SELECT; ASK; CONSTRUCT and DESCRIBE
  std::vector<std::string> variables;          // projected, without '?', in order
  std::vector<std::vector<SparqlTerm>> rows;   // each as wide as variables
  bool boolean = false;                        // ASK
  std::vector<SparqlTriple> triples;           // CONSTRUCT, DESCRIBE: distinct, in order of production
};

struct SparqlOptions {
  // Most solutions any step may hold (a join, an OPTIONAL, a UNION, ...).
  std::size_t max_rows = 1'000'000;
  // Polled in long loops; returning true stops the query with kAborted.
  std::function<bool()> interrupted;
  // Polled in the same loops (cheaply, see Deadline::Poll); none by default.
  Deadline deadline;
  // COUNT over one triple pattern grouped by one of its variables is answered
  // from the view's counts and one range or prefix scan, without rows
  // (sparql_eval_query.cc has the rule). true: always make the rows and group
  // them, the general path; the answer is the same (tests compare both).
  bool general_aggregates = false;
};

// Checks the syntax and the supported subset without running anything.
Status ParseSparql(std::string_view query);

// An engine over one store: builds the in-memory part of the RDF view (entity
// IRIs, types, labels, attributes) once, then answers any number of queries.
// Facts stay in the store and are read with Store::Match. The store must
// outlive the engine and not change while it is used.
class SparqlEngine {
 public:
  static Result<std::unique_ptr<SparqlEngine>> Create(const Store& store);
  virtual ~SparqlEngine() = default;
  virtual Result<SparqlResult> Run(std::string_view query, const SparqlOptions& options = {}) const = 0;
};

// Create + Run, for one query.
Result<SparqlResult> RunSparql(const Store& store, std::string_view query, const SparqlOptions& options = {});

enum class SparqlFormat {
  kTable,  // aligned columns for terminals (IRIs in <urn:vnkg:...> shortened to vn:)
  kTsv,    // W3C SPARQL 1.1 Query Results TSV
  kCsv,    // W3C SPARQL 1.1 Query Results CSV (CRLF line ends)
  kJson,   // W3C SPARQL 1.1 Query Results JSON
  kNTriples,  // graphs: N-Triples
  kTurtle,    // graphs: Turtle with the vn:, rdf:, rdfs: and xsd: prefixes
};

// Writes `result` in `format`. ASK: `true`/`false` (JSON: {"head":{},"boolean":..});
// a graph in kTable or kTurtle is Turtle, in any other format N-Triples;
// solutions in kNTriples or kTurtle are written as TSV.
void WriteSparqlResult(std::ostream& out, const SparqlResult& result, SparqlFormat format);

// A term in Turtle / TSV syntax: <iri>, "literal" with escapes, "x"@lang,
// "x"^^<datatype>; integers and booleans bare. Empty for unbound.
std::string SparqlTermToTsv(const SparqlTerm& term);

// The built-in functions and aggregates, from the engine's function table:
// what completion, help and the fuzz dictionary list.
struct SparqlFunctionInfo {
  std::string name;       // upper case, as in the SPARQL grammar
  std::string signature;  // e.g. "SUBSTR(str, start [, length])"
  std::string help;       // one line
  bool aggregate = false;
};
std::vector<SparqlFunctionInfo> SparqlFunctions();
// The keywords of the supported grammar (SELECT, ASK, VALUES, ...).
const std::vector<std::string>& SparqlKeywords();

}  // namespace vnkg

// Exports of the whole graph. The RDF vocabulary they share with SPARQL
// (EntityIri, vn:, the triples of an entity) is vnkg/model/rdf.h.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/model/rdf.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct FactsExportOptions {
  float min_confidence = 0.0f;  // facts whose best occurrence is below this are left out
};

// The fact export of docs/facts.md: one JSON line per stored fact, "doc" and
// "evidence" from its most confident occurrence, "docs" listing every
// document that states it, "confidence" the best occurrence's.
// Returns the number of lines written.
Result<std::uint64_t> ExportFacts(const Store& store, const FactsExportOptions& options, std::ostream& out);


enum class RdfSyntax { kNTriples, kTurtle };

// The RDF view of docs/facts.md: every entity with rdf:type, rdfs:label and
// its attributes (vn:date, vn:eventDate, vn:province, vn:event, vn:title,
// vn:organization), then every fact as `subject vn:PREDICATE object`.
// Entities a BridgePoint or Position points to are written even when no fact
// names them. Returns the number of triples written.
Result<std::uint64_t> ExportRdf(const Store& store, RdfSyntax syntax, std::ostream& out);

// Neo4j `neo4j-admin database import` files: `<prefix>nodes.csv`
// (id:ID, name, date, province, title, organization, :LABEL) and
// `<prefix>relationships.csv` (:START_ID, :END_ID, :TYPE, doc, evidence,
// confidence:float). Returns the number of rows written (nodes + relationships).
Result<std::uint64_t> ExportNeo4jCsv(const Store& store, const std::string& prefix);


struct DotOptions {
  // Draw only facts whose both ends are in this set (a focus, an event, a
  // province); unset: the whole graph.
  std::optional<std::set<TermId>> only;
  // Above this many entities the export refuses (a drawing that size is
  // unreadable) and says to narrow it with --focus, --event or --province.
  std::size_t max_entities = 300;
};

// Graphviz DOT: node shape and colour by entity type, edges labelled with the
// predicate, each event drawn as a cluster with its bridge points, a legend.
// Labels are the entities' Vietnamese display forms. Returns the number of
// entities drawn.
Result<std::uint64_t> ExportDot(const Store& store, const DotOptions& options, std::ostream& out);

// ---------------------------------------------------------------------------
// The formats by name: the one list `vnkg export` and the REPL's .export read.

struct ExportSettings {
  float min_confidence = 0.0f;  // facts: leave out facts below it
  DotOptions dot;               // dot: what to draw
};

struct ExportFormat {
  std::string_view name;  // "facts", "ntriples", "turtle", "csv", "dot"
  std::string_view help;  // a few words for --help, may be empty ("Graphviz")
  std::string_view unit;  // what the returned count counts: "facts", "triples", "rows", "entities"
  // true: the format writes files of its own under a path prefix (csv:
  // <prefix>nodes.csv and <prefix>relationships.csv), not to a stream.
  bool writes_files = false;
  // Writes the export of `store` to `out`, or under `prefix` when
  // writes_files. Returns the count of `unit` written.
  Result<std::uint64_t> (*write)(const Store& store, const ExportSettings& settings, std::ostream& out,
                                 const std::string& prefix);
};

// Every format, in the order help lists them.
std::span<const ExportFormat> ExportFormats();
// The format named `name` (exact, lower case), or null.
const ExportFormat* FindExportFormat(std::string_view name);
// The names joined by `separator`: "facts|ntriples|turtle|csv|dot".
std::string ExportFormatNames(std::string_view separator);

// The entities a drawing centred on one thing shows: the stored entities
// within `depth` hops of the entity named `focus`, else of the event of date
// (or with words) `event`, else of the province `province`; for
// DotOptions::only. Errors: kNotFound saying what names nothing (or is
// ambiguous); the store's.
Result<std::set<TermId>> DotNeighbourhood(const Store& store, const std::string& focus, const std::string& event,
                                          const std::string& province, int depth);

}  // namespace vnkg

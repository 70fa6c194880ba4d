// The RDF view of docs/facts.md ("The RDF view"): how an entity is named and
// described in RDF. The one vocabulary of the exports and of SPARQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vnkg/model/fact.h"

namespace vnkg {

// The IRI of an entity in the RDF view: <urn:vnkg:TYPE-HASH>, where HASH is a
// 64-bit hash of EntityKey, so it is stable across runs and re-ingests.
std::string EntityIri(const Entity& entity);

// The vocabulary of the RDF view (docs/facts.md, "The RDF view").
inline constexpr std::string_view kVnNamespace = "urn:vnkg:";
inline constexpr std::string_view kRdfTypeIri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfsLabelIri = "http://www.w3.org/2000/01/rdf-schema#label";

// One triple that an entity's own fields give in the RDF view: its rdf:type,
// rdfs:label, attributes (plain literals) and links to other entities.
struct EntityTriple {
  std::string predicate;  // full IRI
  std::string object;     // an IRI when object_is_iri, else a literal's lexical form
  bool object_is_iri = false;
};

// The triples `entity` is the subject of in the RDF view, besides facts, in
// the order the export writes them. The one mapping from entities to RDF:
// the export and the SPARQL engine both use it, so they see the same graph.
std::vector<EntityTriple> EntityRdfTriples(const Entity& entity);

// The entities `entity` links to through its fields (a BridgePoint's Province
// and Event, a Position's Organization). They belong to the RDF view (with
// their own EntityRdfTriples) even when the store holds no term for them.
std::vector<Entity> EntityRdfLinks(const Entity& entity);

// The body of an RDF string literal: `"` `\` and control characters escaped
// (`\n`, `\t`, `\uXXXX`), valid in N-Triples, Turtle and SPARQL TSV results.
std::string EscapeRdfString(std::string_view text);

}  // namespace vnkg

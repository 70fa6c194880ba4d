#pragma once

#include <string>

#include "vnkg/query/sparql.h"

namespace vnkg::serve {

// W3C SPARQL Query Results XML.
std::string SparqlXml(const SparqlResult& result);
// A <table> of the rows (IRIs in urn:vnkg: shortened to vn:), escaped.
std::string SparqlHtmlTable(const SparqlResult& result);
// JSON, TSV or CSV from the engine's writer.
std::string SparqlText(const SparqlResult& result, SparqlFormat format);
// A term for people: vn:Person-..., <iri>, the literal's text.
std::string ShortTerm(const SparqlTerm& term);

}  // namespace vnkg::serve

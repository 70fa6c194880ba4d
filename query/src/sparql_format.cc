// Result formats: the W3C SPARQL 1.1 Query Results TSV, CSV and JSON
// formats, and an aligned table for terminals.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "sparql_internal.h"
#include "vnkg/query/sparql_cell.h"
#include "vnkg/model/rdf.h"
#include "vnkg/model/table.h"

namespace vnkg {
namespace {

bool AllDigits(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}


std::string CsvCell(const SparqlTerm& t) {
  if (t.kind == SparqlTerm::Kind::kUnbound) return "";
  const std::string& v = t.value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

// The one table cell of a term (sparql_cell.h): `vnkg query --format table`
// and the REPL both show a tagged literal with its @lang.
std::string SparqlTermToCell(const SparqlTerm& t) {
  switch (t.kind) {
    case SparqlTerm::Kind::kUnbound: return "";
    case SparqlTerm::Kind::kIri:
      if (t.value.rfind(kVnNamespace, 0) == 0) return "vn:" + t.value.substr(kVnNamespace.size());
      return "<" + t.value + ">";
    case SparqlTerm::Kind::kLiteral: return t.lang.empty() ? t.value : t.value + "@" + t.lang;
  }
  return "";
}

namespace {

// A literal in full: "x", "x"@lang or "x"^^<datatype> (N-Triples, and TSV but
// for its bare numbers and booleans).
std::string FullLiteral(const SparqlTerm& t) {
  // Built with += rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
  std::string out(1, '"');
  out += EscapeRdfString(t.value);
  out += '"';
  if (!t.lang.empty()) {
    out += '@';
    out += t.lang;
  } else if (!t.datatype.empty()) {
    out += "^^<";
    out += t.datatype;
    out += '>';
  }
  return out;
}

}  // namespace

std::string SparqlTermToTsv(const SparqlTerm& t) {
  switch (t.kind) {
    case SparqlTerm::Kind::kUnbound: return "";
    case SparqlTerm::Kind::kIri: return "<" + t.value + ">";
    case SparqlTerm::Kind::kLiteral: break;
  }
  if (t.datatype == sparql::kXsdInteger && AllDigits(t.value)) return t.value;
  if (t.datatype == sparql::kXsdBoolean && (t.value == "true" || t.value == "false")) return t.value;
  return FullLiteral(t);
}

namespace {

// Turtle's short form of an IRI under the four predeclared prefixes, when the
// local part is a plain name; else <iri>.
std::string TurtleIri(const std::string& iri) {
  static const std::pair<const char*, const char*> kPrefixes[] = {
      {"vn:", "urn:vnkg:"},
      {"rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
      {"rdfs:", "http://www.w3.org/2000/01/rdf-schema#"},
      {"xsd:", "http://www.w3.org/2001/XMLSchema#"}};
  for (const auto& [prefix, ns] : kPrefixes) {
    const std::string_view n(ns);
    if (iri.size() <= n.size() || iri.compare(0, n.size(), n) != 0) continue;
    const std::string local = iri.substr(n.size());
    const bool plain = std::all_of(local.begin(), local.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    }) && local[0] != '-';
    if (plain) return prefix + local;
  }
  return "<" + iri + ">";
}

std::string TurtleTerm(const SparqlTerm& t) {
  if (t.kind == SparqlTerm::Kind::kIri) return TurtleIri(t.value);
  std::string out = SparqlTermToTsv(t);
  if (!t.datatype.empty() && t.lang.empty() && out.back() == '>') {  // "x"^^<dt> -> "x"^^xsd:dt
    const std::size_t at = out.rfind("^^<");
    if (at != std::string::npos) out = out.substr(0, at + 2) + TurtleIri(t.datatype);
  }
  return out;
}

// N-Triples: every term in full; no bare numbers.
std::string NTriplesTerm(const SparqlTerm& t) {
  if (t.kind == SparqlTerm::Kind::kIri) return "<" + t.value + ">";
  return FullLiteral(t);
}

void WriteGraph(std::ostream& out, const SparqlResult& result, bool turtle) {
  if (turtle) {
    out << "@prefix vn: <urn:vnkg:> .\n"
        << "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        << "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        << "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";
  }
  const SparqlTerm* subject = nullptr;
  for (const SparqlTriple& t : result.triples) {
    for (const std::string& c : t.comments) out << "# " << c << '\n';
    if (!turtle) {
      out << NTriplesTerm(t.subject) << ' ' << NTriplesTerm(t.predicate) << ' ' << NTriplesTerm(t.object) << " .\n";
      continue;
    }
    if (subject && *subject == t.subject && t.comments.empty()) {
      out << " ;\n    " << TurtleTerm(t.predicate) << ' ' << TurtleTerm(t.object);
    } else {
      if (subject) out << " .\n";
      if (!subject || !(*subject == t.subject)) out << '\n';
      out << TurtleTerm(t.subject) << ' ' << TurtleTerm(t.predicate) << ' ' << TurtleTerm(t.object);
    }
    subject = &t.subject;
  }
  if (subject) out << " .\n";
}

}  // namespace

void WriteSparqlResult(std::ostream& out, const SparqlResult& result, SparqlFormat format) {
  if (result.form == SparqlResult::Form::kBoolean) {
    if (format == SparqlFormat::kJson) out << "{\"head\":{},\"boolean\":" << (result.boolean ? "true" : "false") << "}\n";
    else out << (result.boolean ? "true" : "false") << (format == SparqlFormat::kCsv ? "\r\n" : "\n");
    return;
  }
  if (result.form == SparqlResult::Form::kGraph) {
    WriteGraph(out, result, format == SparqlFormat::kTable || format == SparqlFormat::kTurtle);
    return;
  }
  switch (format) {
    case SparqlFormat::kNTriples:
    case SparqlFormat::kTurtle:
    case SparqlFormat::kTsv: {
      for (std::size_t i = 0; i < result.variables.size(); ++i) out << (i ? "\t?" : "?") << result.variables[i];
      out << '\n';
      for (const auto& row : result.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "\t" : "") << SparqlTermToTsv(row[i]);
        out << '\n';
      }
      return;
    }
    case SparqlFormat::kCsv: {  // RFC 4180 line ends, as the W3C note asks
      for (std::size_t i = 0; i < result.variables.size(); ++i) out << (i ? "," : "") << result.variables[i];
      out << "\r\n";
      for (const auto& row : result.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvCell(row[i]);
        out << "\r\n";
      }
      return;
    }
    case SparqlFormat::kJson: {
      nlohmann::ordered_json doc;
      doc["head"]["vars"] = result.variables;
      auto bindings = nlohmann::ordered_json::array();
      for (const auto& row : result.rows) {
        auto b = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < row.size(); ++i) {
          const SparqlTerm& t = row[i];
          if (t.kind == SparqlTerm::Kind::kUnbound) continue;
          nlohmann::ordered_json v;
          v["type"] = t.kind == SparqlTerm::Kind::kIri ? "uri" : "literal";
          v["value"] = t.value;
          if (!t.lang.empty()) v["xml:lang"] = t.lang;
          else if (!t.datatype.empty()) v["datatype"] = t.datatype;
          b[result.variables[i]] = std::move(v);
        }
        bindings.push_back(std::move(b));
      }
      doc["results"]["bindings"] = std::move(bindings);
      // Invalid UTF-8 cannot come from the store (it is repaired at ingest); replace rather than throw.
      out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return;
    }
    case SparqlFormat::kTable: {
      std::vector<std::string> header;
      for (const auto& v : result.variables) header.push_back("?" + v);
      std::vector<std::vector<std::string>> rows;
      for (const auto& row : result.rows) {
        std::vector<std::string> cells;
        for (const auto& t : row) cells.push_back(SparqlTermToCell(t));
        rows.push_back(std::move(cells));
      }
      PrintTable(out, header, rows);
      return;
    }
  }
}

}  // namespace vnkg

// SPARQL results on the wire: JSON, TSV and CSV from the engine's writer;
// the XML format and an HTML table here.
#include "results.h"

#include <initializer_list>
#include <sstream>
#include <string_view>

#include "vnkg/serve/server.h"

namespace vnkg::serve {
namespace {

// XML 1.0 allows no control characters but tab, newline and carriage return.
std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string ShortTerm(const SparqlTerm& term) {
  static constexpr std::string_view kVn = "urn:vnkg:";
  switch (term.kind) {
    case SparqlTerm::Kind::kUnbound: return "";
    case SparqlTerm::Kind::kIri:
      if (term.value.rfind(kVn, 0) == 0) return "vn:" + term.value.substr(kVn.size());
      return "<" + term.value + ">";
    case SparqlTerm::Kind::kLiteral: return term.lang.empty() ? term.value : term.value + "@" + term.lang;
  }
  return "";
}

std::string SparqlXml(const SparqlResult& result) {
  if (result.form == SparqlResult::Form::kBoolean)  // ASK
    return std::string("<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
                       "  <head/>\n  <boolean>") +
           (result.boolean ? "true" : "false") + "</boolean>\n</sparql>\n";
  std::string out =
      "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n";
  auto add = [&out](std::initializer_list<std::string_view> parts) {
    for (std::string_view part : parts) out.append(part);
  };
  for (const std::string& v : result.variables) add({"    <variable name=\"", XmlEscape(v), "\"/>\n"});
  out += "  </head>\n  <results>\n";
  for (const auto& row : result.rows) {
    out += "    <result>\n";
    for (std::size_t i = 0; i < row.size() && i < result.variables.size(); ++i) {
      const SparqlTerm& t = row[i];
      if (t.kind == SparqlTerm::Kind::kUnbound) continue;
      add({"      <binding name=\"", XmlEscape(result.variables[i]), "\">"});
      if (t.kind == SparqlTerm::Kind::kIri) {
        add({"<uri>", XmlEscape(t.value), "</uri>"});
      } else {
        out += "<literal";
        if (!t.lang.empty()) add({" xml:lang=\"", XmlEscape(t.lang), "\""});
        else if (!t.datatype.empty()) add({" datatype=\"", XmlEscape(t.datatype), "\""});
        add({">", XmlEscape(t.value), "</literal>"});
      }
      out += "</binding>\n";
    }
    out += "    </result>\n";
  }
  out += "  </results>\n</sparql>\n";
  return out;
}

std::string SparqlHtmlTable(const SparqlResult& result) {
  std::string out = "<table class=\"results\"><thead><tr>";
  for (const std::string& v : result.variables) out += "<th>?" + HtmlEscape(v) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const auto& row : result.rows) {
    out += "<tr>";
    for (const SparqlTerm& t : row) out += "<td>" + HtmlEscape(ShortTerm(t)) + "</td>";
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";
  return out;
}

std::string SparqlText(const SparqlResult& result, SparqlFormat format) {
  std::ostringstream out;
  WriteSparqlResult(out, result, format);
  return out.str();
}

}  // namespace vnkg::serve

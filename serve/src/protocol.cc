// URL and form decoding, content negotiation, escaping.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>

#include "vnkg/serve/server.h"

namespace vnkg {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string UrlDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = HexValue(text[i + 1]), lo = HexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (c == '+' && plus_is_space) ? ' ' : c;
  }
  return out;
}

std::multimap<std::string, std::string> ParseForm(std::string_view text) {
  std::multimap<std::string, std::string> out;
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string name = UrlDecode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : UrlDecode(pair.substr(eq + 1));
    out.emplace(std::move(name), std::move(value));
  }
  return out;
}

ResultMedia NegotiateResultMedia(std::string_view accept) {
  struct Candidate {
    ResultMedia media;
    std::array<std::string_view, 2> types;  // the media type and an alias
  };
  // In the server's order of preference, for ties.
  static constexpr Candidate kCandidates[] = {
      {ResultMedia::kJson, {"application/sparql-results+json", "application/json"}},
      {ResultMedia::kXml, {"application/sparql-results+xml", "application/xml"}},
      {ResultMedia::kTsv, {"text/tab-separated-values", ""}},
      {ResultMedia::kCsv, {"text/csv", ""}},
      {ResultMedia::kHtml, {"text/html", "application/xhtml+xml"}},
  };
  if (Trim(accept).empty()) return ResultMedia::kJson;
  // For each candidate: the q of the most specific range that matches it.
  double best_q = 0;
  ResultMedia best = ResultMedia::kNone;
  for (const Candidate& candidate : kCandidates) {
    int specificity = -1;
    double q = 0;
    std::string_view rest = accept;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      std::string_view range = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      double range_q = 1;
      const std::size_t semi = range.find(';');
      std::string_view params = semi == std::string_view::npos ? std::string_view() : range.substr(semi + 1);
      const std::string type = Lower(Trim(range.substr(0, semi)));
      while (!params.empty()) {
        const std::size_t next = params.find(';');
        const std::string_view param = Trim(params.substr(0, next));
        params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
        if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=')
          range_q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      }
      for (std::string_view name : candidate.types) {
        if (name.empty()) continue;
        int s = -1;
        if (type == name) s = 2;
        else if (type == "*/*") s = 0;
        else if (type.size() > 2 && type.ends_with("/*") && name.starts_with(type.substr(0, type.size() - 1))) s = 1;
        // An alias matches a little less specifically than the type itself.
        if (s >= 0 && (s > specificity || (s == specificity && range_q > q))) {
          specificity = s;
          q = range_q;
        }
      }
    }
    if (specificity >= 0 && q > best_q) {
      best_q = q;
      best = candidate.media;
    }
  }
  return best;
}

RdfMedia NegotiateRdfMedia(std::string_view accept) {
  const std::string lower = Lower(accept);
  const std::size_t ntriples = lower.find("application/n-triples");
  const std::size_t turtle = lower.find("text/turtle");
  if (ntriples != std::string::npos && (turtle == std::string::npos || ntriples < turtle)) return RdfMedia::kNTriples;
  if (turtle != std::string::npos || Trim(accept).empty() || NegotiateResultMedia(accept) != ResultMedia::kNone)
    return RdfMedia::kTurtle;
  return RdfMedia::kNone;
}

std::string_view ResultMediaType(ResultMedia media) {
  switch (media) {
    case ResultMedia::kJson: return "application/sparql-results+json";
    case ResultMedia::kXml: return "application/sparql-results+xml";
    case ResultMedia::kTsv: return "text/tab-separated-values; charset=utf-8";
    case ResultMedia::kCsv: return "text/csv; charset=utf-8";
    case ResultMedia::kHtml: return "text/html; charset=utf-8";
    case ResultMedia::kNone: break;
  }
  return "";
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace vnkg

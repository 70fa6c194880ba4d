// The function table (sparql_functions.h) and the evaluation of each entry.
#include "sparql_functions.h"

#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <initializer_list>
#include <limits>
#include <random>
#include <set>
#include <unordered_set>

namespace vnkg::sparql {

// ------------------------------------------------------------------ values

Val Bool(bool b) { return Term({SparqlTerm::Kind::kLiteral, b ? "true" : "false", std::string(kXsdBoolean), ""}); }
Val Str(std::string s, std::string lang) { return Term({SparqlTerm::Kind::kLiteral, std::move(s), "", std::move(lang)}); }
Val Typed(std::string lexical, std::string_view datatype) {
  return Term({SparqlTerm::Kind::kLiteral, std::move(lexical), std::string(datatype), ""});
}

bool IsLiteral(const SparqlTerm& t) { return t.kind == SparqlTerm::Kind::kLiteral; }
bool IsStringLike(const SparqlTerm& t) { return IsLiteral(t) && t.datatype.empty(); }
bool IsSimple(const SparqlTerm& t) { return IsStringLike(t) && t.lang.empty(); }
bool IsBoolean(const SparqlTerm& t) { return IsLiteral(t) && t.datatype == kXsdBoolean; }

bool IsNumeric(const SparqlTerm& t) {
  if (!IsLiteral(t) || t.datatype.rfind(kXsd, 0) != 0) return false;
  static const std::unordered_set<std::string> kNumeric = {
      "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger",
      "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong",
      "unsignedShort", "unsignedByte"};
  return kNumeric.count(t.datatype.substr(kXsd.size())) > 0;
}
std::optional<double> Number(const SparqlTerm& t) {
  if (!IsNumeric(t)) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(t.value.c_str(), &end);
  if (end == t.value.c_str() || *end != '\0') return std::nullopt;
  return d;
}

std::optional<int> CompareValues(const SparqlTerm& a, const SparqlTerm& b) {
  if (IsNumeric(a) && IsNumeric(b)) {
    auto x = Number(a), y = Number(b);
    if (!x || !y || std::isnan(*x) || std::isnan(*y)) return std::nullopt;
    return *x < *y ? -1 : (*x > *y ? 1 : 0);
  }
  const bool same_typed = IsLiteral(a) && IsLiteral(b) && a.datatype == b.datatype &&
                          (a.datatype == kXsdDate || a.datatype == kXsdDateTime);
  if ((IsSimple(a) && IsSimple(b)) || same_typed) {  // code point order: UTF-8 byte order
    const int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (IsBoolean(a) && IsBoolean(b)) {
    const bool x = a.value == "true" || a.value == "1", y = b.value == "true" || b.value == "1";
    return int(x) - int(y);
  }
  return std::nullopt;
}

std::optional<bool> Equal(const SparqlTerm& a, const SparqlTerm& b) {
  if (!IsLiteral(a) || !IsLiteral(b)) return a == b;
  if (auto c = CompareValues(a, b)) return *c == 0;
  if (a == b) return true;
  if (IsStringLike(a) && IsStringLike(b)) return false;  // differ in text or language
  return std::nullopt;                                    // e.g. "3" = 3: a type error
}

std::optional<bool> Ebv(const Val& v) {
  if (!v.ok) return std::nullopt;
  const SparqlTerm& t = v.t;
  if (IsBoolean(t)) return t.value == "true" || t.value == "1";
  if (IsSimple(t)) return !t.value.empty();
  if (IsNumeric(t)) {
    auto n = Number(t);
    if (!n) return false;  // an ill-formed numeric is false
    return *n != 0 && !std::isnan(*n);
  }
  return std::nullopt;
}

// Unbound, blank nodes, IRIs, then literals (numbers, strings, booleans,
// others), each by value.
int OrderCompare(const Val& a, const Val& b) {
  auto rank = [](const Val& v) {
    if (!v.ok) return 0;
    if (v.t.kind == SparqlTerm::Kind::kIri) return 1;
    if (IsNumeric(v.t)) return 2;
    if (IsStringLike(v.t)) return 3;
    if (IsBoolean(v.t)) return 4;
    return 5;
  };
  const int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  if (auto c = CompareValues(a.t, b.t)) return *c;
  auto tie = [](const SparqlTerm& t) { return std::tie(t.value, t.lang, t.datatype); };
  return tie(a.t) < tie(b.t) ? -1 : (tie(b.t) < tie(a.t) ? 1 : 0);
}

namespace {

// ------------------------------------------------------------------ helpers

bool ArgCompatible(const SparqlTerm& a, const SparqlTerm& b) {
  return IsStringLike(a) && IsStringLike(b) && (b.lang.empty() || a.lang == b.lang);
}

std::string ChangeCase(const std::string& s, bool lower) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (lower) u.toLower(icu::Locale::getRoot());
  else u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool IsInteger(const SparqlTerm& t) {
  return IsNumeric(t) && t.datatype != kXsdDecimal && t.datatype != kXsdDouble &&
         t.datatype != std::string(kXsd) + "float";
}

// Code points of a UTF-8 string, as byte offsets of their starts (and the end).
std::vector<std::size_t> CodePointStarts(const std::string& s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(s.size());
  return starts;
}

std::string FormatDecimal(double d) {
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", d);
    return buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}
// The shortest form (up to 17 digits) that reads back as this double: 0.1, not 0.10000000000000001.
std::string FormatDouble(double d) {
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of("eEn") == std::string::npos) s += "E0";
  return s;
}

// The numeric type of a sum: integer, decimal or double (float counts as double).
enum class NumType { kInteger, kDecimal, kDouble };
NumType TypeOf(const SparqlTerm& t) {
  if (t.datatype == kXsdDouble || t.datatype == std::string(kXsd) + "float") return NumType::kDouble;
  if (t.datatype == kXsdDecimal) return NumType::kDecimal;
  return NumType::kInteger;
}
Val MakeNumber(double d, NumType type) {
  switch (type) {
    case NumType::kInteger: return Typed(std::to_string(static_cast<long long>(d)), kXsdInteger);
    case NumType::kDecimal: return Typed(FormatDecimal(d), kXsdDecimal);
    case NumType::kDouble: return Typed(FormatDouble(d), kXsdDouble);
  }
  return Error();
}

// A double's SPARQL lexical form, INF and NaN included.
Val DoubleValue(double d) {
  if (std::isnan(d)) return Typed("NaN", kXsdDouble);
  if (std::isinf(d)) return Typed(d > 0 ? "INF" : "-INF", kXsdDouble);
  return Typed(FormatDouble(d), kXsdDouble);
}

// An integer literal's value, when it fits in 64 bits.
std::optional<long long> IntegerValue(const SparqlTerm& t) {
  const std::string& v = t.value;
  std::size_t i = (!v.empty() && (v[0] == '+' || v[0] == '-')) ? 1 : 0;
  if (i == v.size() || v.find_first_not_of("0123456789", i) != std::string::npos) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const long long n = std::strtoll(v.c_str(), &end, 10);
  if (errno == ERANGE || *end != '\0') return std::nullopt;
  return n;
}

// The parts of an xsd:date or xsd:dateTime: year, month, day; nullopt if ill-formed.
std::optional<std::array<long, 3>> DateParts(const SparqlTerm& t) {
  if (!IsLiteral(t) || (t.datatype != kXsdDate && t.datatype != kXsdDateTime)) return std::nullopt;
  long y = 0;
  unsigned m = 0, d = 0;
  int used = 0;
  if (std::sscanf(t.value.c_str(), "%ld-%2u-%2u%n", &y, &m, &d, &used) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  return std::array<long, 3>{y, long(m), long(d)};
}

bool ValidDate(const std::string& s, bool with_time) {
  std::size_t i = s[0] == '-' ? 1 : 0, digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (digits < 4 || i + 6 > s.size() || s[i] != '-' || s[i + 3] != '-') return false;
  for (std::size_t k : {i + 1, i + 2, i + 4, i + 5})
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
  const int m = std::stoi(s.substr(i + 1, 2)), d = std::stoi(s.substr(i + 4, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  auto digits_at = [](const std::string& r, std::initializer_list<std::size_t> at) {
    for (std::size_t k : at)
      if (k >= r.size() || !std::isdigit(static_cast<unsigned char>(r[k]))) return false;
    return true;
  };
  std::string rest = s.substr(i + 6);
  if (with_time) {  // Thh:mm:ss, then an optional fraction of at least one digit
    if (rest.size() < 9 || rest[0] != 'T' || rest[3] != ':' || rest[6] != ':' || !digits_at(rest, {1, 2, 4, 5, 7, 8}))
      return false;
    rest = rest.substr(9);
    if (!rest.empty() && rest[0] == '.') {
      std::size_t k = 1;
      while (k < rest.size() && std::isdigit(static_cast<unsigned char>(rest[k]))) ++k;
      if (k == 1) return false;
      rest = rest.substr(k);
    }
  }
  return rest.empty() || rest == "Z" ||
         (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' && digits_at(rest, {1, 2, 4, 5}));
}

// ------------------------------------------------------------------ scalars

Val FnStr(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (v.t.kind != SparqlTerm::Kind::kIri && !IsLiteral(v.t)) return Error();
  return Str(v.t.value);
}
Val FnLang(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  return IsLiteral(v.t) ? Str(v.t.lang) : Error();
}
Val FnDatatype(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (!IsLiteral(v.t)) return Error();
  std::string dt = !v.t.lang.empty() ? "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
                   : v.t.datatype.empty() ? std::string(kXsdString) : v.t.datatype;
  return Term({SparqlTerm::Kind::kIri, std::move(dt), "", ""});
}
Val FnLcase(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  return IsStringLike(v.t) ? Str(ChangeCase(v.t.value, true), v.t.lang) : Error();
}
Val FnUcase(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  return IsStringLike(v.t) ? Str(ChangeCase(v.t.value, false), v.t.lang) : Error();
}
Val FnStrlen(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (!IsStringLike(v.t)) return Error();
  return Typed(std::to_string(CodePointStarts(v.t.value).size() - 1), kXsdInteger);
}
Val FnContains(CallArgs& a, FunctionContext&) {
  Val s = a[0], x = a[1];
  if (!ArgCompatible(s.t, x.t)) return Error();
  return Bool(s.t.value.find(x.t.value) != std::string::npos);
}
Val FnStrStarts(CallArgs& a, FunctionContext&) {
  Val s = a[0], x = a[1];
  if (!ArgCompatible(s.t, x.t)) return Error();
  return Bool(s.t.value.rfind(x.t.value, 0) == 0);
}
Val FnStrEnds(CallArgs& a, FunctionContext&) {
  Val s = a[0], x = a[1];
  if (!ArgCompatible(s.t, x.t)) return Error();
  const std::string &v = s.t.value, &e = x.t.value;
  return Bool(v.size() >= e.size() && v.compare(v.size() - e.size(), e.size(), e) == 0);
}
Val StrBeforeAfter(CallArgs& a, bool before) {
  Val s = a[0], x = a[1];
  if (!ArgCompatible(s.t, x.t)) return Error();
  const std::size_t at = s.t.value.find(x.t.value);
  if (at == std::string::npos) return Str("");
  // The result keeps the argument's language, unless it is empty (17.4.3.7).
  std::string out = before ? s.t.value.substr(0, at) : s.t.value.substr(at + x.t.value.size());
  std::string lang = (out.empty() && x.t.value.empty()) || !out.empty() ? s.t.lang : "";
  return Str(std::move(out), std::move(lang));
}
Val FnStrBefore(CallArgs& a, FunctionContext&) { return StrBeforeAfter(a, true); }
Val FnStrAfter(CallArgs& a, FunctionContext&) { return StrBeforeAfter(a, false); }

// SUBSTR(str, start [, length]): code points, 1-based (17.4.3.3), integer arguments.
Val FnSubstr(CallArgs& a, FunctionContext&) {
  Val s = a[0], start = a[1];
  auto st = Number(start.t);
  if (!IsStringLike(s.t) || !st || !IsInteger(start.t)) return Error();  // xsd:integer arguments, as Oxigraph
  const auto starts = CodePointStarts(s.t.value);
  const double n = static_cast<double>(starts.size() - 1);
  double from = std::round(*st), to = n + 1;
  if (a.size() == 3) {
    Val len = a[2];
    auto l = Number(len.t);
    if (!l || !IsInteger(len.t)) return Error();
    to = from + std::round(*l);
  }
  if (std::isnan(from) || std::isnan(to)) return Str("", s.t.lang);
  const double first = std::max(from, 1.0), last = std::min(to, n + 1);  // [first, last)
  if (last <= first) return Str("", s.t.lang);
  const auto b = starts[static_cast<std::size_t>(first) - 1], e = starts[static_cast<std::size_t>(last) - 1];
  return Str(s.t.value.substr(b, e - b), s.t.lang);
}

Val FnConcat(CallArgs& a, FunctionContext&) {
  std::string out, lang;
  bool same_lang = true;
  for (std::size_t i = 0; i < a.size(); ++i) {
    Val v = a[i];
    if (!IsStringLike(v.t)) return Error();
    if (i == 0) lang = v.t.lang;
    else if (v.t.lang != lang) same_lang = false;
    out += v.t.value;
  }
  return Str(std::move(out), same_lang ? lang : "");
}

// The compiled pattern a[1] with the optional flags argument a[flags_at], and a
// matcher of it on `text` (REGEX, REPLACE); a null matcher on a bad argument.
struct TextMatcher {
  const icu::RegexPattern* pattern = nullptr;
  icu::UnicodeString text;  // the matcher reads it: kept alive here
  std::unique_ptr<icu::RegexMatcher> matcher;
};
TextMatcher MatcherOn(CallArgs& a, std::size_t flags_at, const std::string& text, FunctionContext& context) {
  TextMatcher out;
  Val pattern = a[1];
  if (!IsSimple(pattern.t)) return out;
  std::string flags;
  if (a.size() > flags_at) {
    Val f = a[flags_at];
    if (!IsSimple(f.t)) return out;
    flags = f.t.value;
  }
  out.pattern = context.Regex(pattern.t.value, flags);
  if (!out.pattern) return out;
  UErrorCode status = U_ZERO_ERROR;
  out.text = icu::UnicodeString::fromUTF8(text);
  out.matcher.reset(out.pattern->matcher(out.text, status));
  if (U_FAILURE(status)) out.matcher.reset();
  return out;
}

Val FnRegex(CallArgs& a, FunctionContext& context) {
  Val text = a[0];
  if (!IsStringLike(text.t)) return Error();
  TextMatcher tm = MatcherOn(a, 2, text.t.value, context);
  if (!tm.matcher) return Error();
  std::unique_ptr<icu::RegexMatcher>& m = tm.matcher;
  UErrorCode status = U_ZERO_ERROR;
  const bool found = m->find(0, status);
  if (U_FAILURE(status)) return Error();
  return Bool(found);
}

// ENCODE_FOR_URI(str): every byte but A-Z a-z 0-9 - _ . ~ as %XX (of its UTF-8).
Val FnEncodeForUri(CallArgs& a, FunctionContext&) {
  Val s = a[0];
  if (!IsStringLike(s.t)) return Error();
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s.t.value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return Str(std::move(out));
}

// REPLACE(str, pattern, replacement [, flags]): $1.. name groups, as in XPath.
Val FnReplace(CallArgs& a, FunctionContext& context) {
  Val text = a[0], replacement = a[2];
  if (!IsStringLike(text.t) || !IsSimple(replacement.t)) return Error();
  TextMatcher tm = MatcherOn(a, 3, text.t.value, context);
  if (!tm.matcher) return Error();
  const icu::RegexPattern* re = tm.pattern;
  std::unique_ptr<icu::RegexMatcher>& m = tm.matcher;
  UErrorCode status = U_ZERO_ERROR;
  {
    const icu::UnicodeString empty;
    std::unique_ptr<icu::RegexMatcher> e(re->matcher(empty, status));
    if (U_FAILURE(status)) return Error();
    if (e->matches(status) && U_SUCCESS(status)) return Error();  // a pattern matching "": an error in XPath
    status = U_ZERO_ERROR;
  }
  icu::UnicodeString out = m->replaceAll(icu::UnicodeString::fromUTF8(replacement.t.value), status);
  if (U_FAILURE(status)) return Error();
  std::string result;
  out.toUTF8String(result);
  return Str(std::move(result), text.t.lang);
}

Val FnYear(CallArgs& a, FunctionContext&) {
  auto p = DateParts(a[0].t);
  return p ? Typed(std::to_string((*p)[0]), kXsdInteger) : Error();
}
Val FnMonth(CallArgs& a, FunctionContext&) {
  auto p = DateParts(a[0].t);
  return p ? Typed(std::to_string((*p)[1]), kXsdInteger) : Error();
}
Val FnDay(CallArgs& a, FunctionContext&) {
  auto p = DateParts(a[0].t);
  return p ? Typed(std::to_string((*p)[2]), kXsdInteger) : Error();
}
Val FnNow(CallArgs&, FunctionContext& context) { return Typed(context.Now(), kXsdDateTime); }

Val FnBound(CallArgs& a, FunctionContext&) { return Bool(a[0].ok); }
// COALESCE: the first argument without an error.
Val FnCoalesce(CallArgs& a, FunctionContext&) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (Val v = a[i]; v.ok) return v;
  return Error();
}
// IF(cond, then, else): only the branch taken is evaluated.
Val FnIf(CallArgs& a, FunctionContext&) {
  auto c = Ebv(a[0]);
  if (!c) return Error();
  return *c ? a[1] : a[2];
}
Val FnIsIri(CallArgs& a, FunctionContext&) { return Bool(a[0].t.kind == SparqlTerm::Kind::kIri); }
Val FnIsLiteral(CallArgs& a, FunctionContext&) { return Bool(IsLiteral(a[0].t)); }
Val FnIsNumeric(CallArgs& a, FunctionContext&) { return Bool(Number(a[0].t).has_value()); }
Val FnSameTerm(CallArgs& a, FunctionContext&) { return Bool(a[0].t == a[1].t); }
Val FnStrDt(CallArgs& a, FunctionContext&) {
  Val s = a[0], dt = a[1];
  if (!IsSimple(s.t) || dt.t.kind != SparqlTerm::Kind::kIri) return Error();
  if (dt.t.value == kXsdString) return Str(s.t.value);
  return Typed(s.t.value, dt.t.value);
}

// Casts (17.5) of the xsd: types users need for the graph's plain literals.
Val FnCastString(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (!IsLiteral(v.t) && v.t.kind != SparqlTerm::Kind::kIri) return Error();
  return Str(v.t.value);
}
Val CastDate(CallArgs& a, std::string_view type) {
  Val v = a[0];
  if (!IsLiteral(v.t) || !(IsSimple(v.t) || v.t.datatype == type)) return Error();
  if (!ValidDate(v.t.value, type == kXsdDateTime)) return Error();
  return Typed(v.t.value, type);
}
Val FnCastDate(CallArgs& a, FunctionContext&) { return CastDate(a, kXsdDate); }
Val FnCastDateTime(CallArgs& a, FunctionContext&) { return CastDate(a, kXsdDateTime); }
Val FnCastInteger(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (IsNumeric(v.t)) {
    auto n = Number(v.t);
    if (!n || std::isnan(*n) || std::isinf(*n)) return Error();
    return Typed(std::to_string(static_cast<long long>(std::trunc(*n))), kXsdInteger);
  }
  if (!IsSimple(v.t)) return Error();
  std::string s = v.t.value;
  std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i == s.size() || s.find_first_not_of("0123456789", i) != std::string::npos) return Error();
  if (s[0] == '+') s.erase(0, 1);
  std::size_t z = s[0] == '-' ? 1 : 0;
  while (z + 1 < s.size() && s[z] == '0') s.erase(z, 1);
  if (s == "-0") s = "0";
  return Typed(std::move(s), kXsdInteger);
}

// Casts to the other numeric types and to boolean (17.5: from numbers,
// booleans and strings in the target's lexical space; anything else is an error).
bool DecimalLexical(const std::string& v) {
  std::size_t i = (!v.empty() && (v[0] == '+' || v[0] == '-')) ? 1 : 0, digits = 0;
  while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
  if (i < v.size() && v[i] == '.') {
    ++i;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
  }
  return digits > 0 && i == v.size();
}
bool DoubleLexical(const std::string& v) {
  if (v == "INF" || v == "-INF" || v == "+INF" || v == "NaN") return true;
  const std::size_t e = v.find_first_of("eE");
  if (e == std::string::npos) return DecimalLexical(v);
  const std::string exponent = v.substr(e + 1);
  std::size_t i = (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) ? 1 : 0;
  return DecimalLexical(v.substr(0, e)) && i < exponent.size() &&
         exponent.find_first_not_of("0123456789", i) == std::string::npos;
}
std::optional<double> CastableNumber(const SparqlTerm& t) {
  if (IsNumeric(t)) return Number(t);
  if (IsBoolean(t)) return (t.value == "true" || t.value == "1") ? 1.0 : 0.0;
  if (IsStringLike(t) && t.lang.empty() && DoubleLexical(t.value)) {
    if (t.value == "NaN") return std::nan("");
    if (t.value.find("INF") != std::string::npos) return t.value[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    return std::strtod(t.value.c_str(), nullptr);
  }
  return std::nullopt;
}
Val FnCastDecimal(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (IsStringLike(v.t) && v.t.lang.empty()) {  // a string: only the decimal lexical space (no exponent)
    if (!DecimalLexical(v.t.value)) return Error();
    return Typed(v.t.value[0] == '+' ? v.t.value.substr(1) : v.t.value, kXsdDecimal);
  }
  if (IsNumeric(v.t) && TypeOf(v.t) != NumType::kDouble && DecimalLexical(v.t.value))
    return Typed(v.t.value[0] == '+' ? v.t.value.substr(1) : v.t.value, kXsdDecimal);  // exact
  auto n = CastableNumber(v.t);
  if (!n || !std::isfinite(*n)) return Error();
  return Typed(FormatDecimal(*n), kXsdDecimal);
}
Val FnCastDouble(CallArgs& a, FunctionContext&) {
  auto n = CastableNumber(a[0].t);
  return n ? DoubleValue(*n) : Error();
}
Val FnCastFloat(CallArgs& a, FunctionContext&) {
  auto n = CastableNumber(a[0].t);
  if (!n) return Error();
  const float f = static_cast<float>(*n);
  Val v = DoubleValue(f);
  if (std::isfinite(f)) {  // the shortest form that reads back as this float, not the double's 17 digits
    char buf[40];
    for (int digits = 1; digits <= 9; ++digits) {
      std::snprintf(buf, sizeof buf, "%.*g", digits, static_cast<double>(f));
      if (std::strtof(buf, nullptr) == f) break;
    }
    v.t.value = buf;
    if (v.t.value.find_first_of("eE") == std::string::npos) v.t.value += "E0";
  }
  v.t.datatype = std::string(kXsd) + "float";
  return v;
}
Val FnCastBoolean(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (IsBoolean(v.t)) return Bool(v.t.value == "true" || v.t.value == "1");
  if (IsNumeric(v.t)) {
    auto n = Number(v.t);
    if (!n) return Error();
    return Bool(*n != 0 && !std::isnan(*n));
  }
  if (IsStringLike(v.t) && v.t.lang.empty()) {
    if (v.t.value == "true" || v.t.value == "1") return Bool(true);
    if (v.t.value == "false" || v.t.value == "0") return Bool(false);
  }
  return Error();
}

// The time of an xsd:dateTime: hours, minutes, seconds (as written), and
// the time zone as written ("", "Z", "+07:00"); nullopt if ill-formed.
struct TimeParts {
  int hours = 0, minutes = 0;
  std::string seconds, zone;
};
std::optional<TimeParts> TimeOf(const SparqlTerm& t) {
  if (!IsLiteral(t) || t.datatype != kXsdDateTime || !ValidDate(t.value, true)) return std::nullopt;
  const std::size_t at = t.value.find('T');
  if (at == std::string::npos) return std::nullopt;
  // ValidDate has checked every digit: hh:mm:ss(.fff)?(Z|+hh:mm)? after the T.
  TimeParts p;
  p.hours = std::stoi(t.value.substr(at + 1, 2));
  p.minutes = std::stoi(t.value.substr(at + 4, 2));
  std::size_t end = at + 7;
  while (end < t.value.size() && (std::isdigit(static_cast<unsigned char>(t.value[end])) || t.value[end] == '.')) ++end;
  p.seconds = t.value.substr(at + 7, end - (at + 7));
  p.zone = t.value.substr(end);
  return p;
}
Val FnHours(CallArgs& a, FunctionContext&) {
  auto p = TimeOf(a[0].t);
  return p ? Typed(std::to_string(p->hours), kXsdInteger) : Error();
}
Val FnMinutes(CallArgs& a, FunctionContext&) {
  auto p = TimeOf(a[0].t);
  return p ? Typed(std::to_string(p->minutes), kXsdInteger) : Error();
}
Val FnSeconds(CallArgs& a, FunctionContext&) {
  auto p = TimeOf(a[0].t);
  if (!p) return Error();
  std::string s = p->seconds;
  while (s.size() > 1 && s[0] == '0' && s[1] != '.') s.erase(0, 1);
  return Typed(s, kXsdDecimal);
}
Val FnTz(CallArgs& a, FunctionContext&) {
  auto p = TimeOf(a[0].t);
  return p ? Str(p->zone) : Error();
}
// TIMEZONE: the zone as an xsd:dayTimeDuration ("PT0S", "-PT5H", "PT7H30M"); an error without one.
Val FnTimezone(CallArgs& a, FunctionContext&) {
  auto p = TimeOf(a[0].t);
  if (!p || p->zone.empty()) return Error();
  const std::string duration = std::string(kXsd) + "dayTimeDuration";
  if (p->zone == "Z") return Typed("PT0S", duration);
  const int h = std::stoi(p->zone.substr(1, 2)), m = std::stoi(p->zone.substr(4, 2));
  if (h == 0 && m == 0) return Typed("PT0S", duration);
  std::string out = p->zone[0] == '-' ? "-PT" : "PT";
  if (h) out += std::to_string(h) + "H";
  if (m) out += std::to_string(m) + "M";
  return Typed(out, duration);
}

// Random values (17.4.1.x / 17.4.2.x): a new one at every call. Seeded once
// per process from the system's entropy.
std::mt19937_64& RandomEngine() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return engine;
}
Val FnRand(CallArgs&, FunctionContext&) {
  return DoubleValue(std::uniform_real_distribution<double>(0.0, 1.0)(RandomEngine()));
}
// A version 4 UUID in its lower-case text form (RFC 4122).
std::string RandomUuid() {
  std::uint64_t hi = RandomEngine()(), lo = RandomEngine()();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;                      // version 4
  lo = (lo & ~(0xC000ULL << 48)) | (0x8000ULL << 48);      // variant 10xx
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx", static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xFFFF), static_cast<unsigned long long>(hi & 0xFFFF),
                static_cast<unsigned long long>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}
Val FnUuid(CallArgs&, FunctionContext&) {
  return Term(SparqlTerm{SparqlTerm::Kind::kIri, "urn:uuid:" + RandomUuid(), "", ""});
}
Val FnStrUuid(CallArgs&, FunctionContext&) { return Str(RandomUuid()); }

// MD5 and the SHA family (17.4.6): the hex digest of a string's UTF-8 bytes.
template <typename Context, void (*kInit)(Context*),
          void (*kUpdate)(Context*, std::size_t, const std::uint8_t*),
          void (*kDigest)(Context*, std::size_t, std::uint8_t*), std::size_t kSize>
Val FnHash(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (!IsSimple(v.t)) return Error();
  Context context;
  kInit(&context);
  kUpdate(&context, v.t.value.size(), reinterpret_cast<const std::uint8_t*>(v.t.value.data()));
  std::uint8_t digest[kSize];
  kDigest(&context, kSize, digest);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::uint8_t byte : digest) out += kHex[byte >> 4], out += kHex[byte & 15];
  return Str(std::move(out));
}

// Terms.
Val FnIsBlank(CallArgs&, FunctionContext&) { return Bool(false); }  // the graph has no blank nodes
Val FnIri(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  if (v.t.kind == SparqlTerm::Kind::kIri) return v;
  if (!IsSimple(v.t)) return Error();
  return Term(SparqlTerm{SparqlTerm::Kind::kIri, v.t.value, "", ""});
}
Val FnStrLang(CallArgs& a, FunctionContext&) {
  Val s = a[0], tag = a[1];
  if (!IsSimple(s.t) || !IsSimple(tag.t) || tag.t.value.empty()) return Error();
  return Str(s.t.value, tag.t.value);
}
// LANGMATCHES (RFC 4647 basic filtering): "*" matches any tag; otherwise the
// range equals the tag or is its prefix before a '-', case-insensitively.
Val FnLangMatches(CallArgs& a, FunctionContext&) {
  Val tag = a[0], range = a[1];
  if (!IsSimple(tag.t) || !IsSimple(range.t)) return Error();
  const std::string& t = tag.t.value;
  const std::string& r = range.t.value;
  if (r == "*") return Bool(!t.empty());
  if (r.size() > t.size() || (r.size() < t.size() && t[r.size()] != '-')) return Bool(false);
  for (std::size_t i = 0; i < r.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(r[i])) != std::tolower(static_cast<unsigned char>(t[i])))
      return Bool(false);
  return Bool(true);
}

// ------------------------------------------------------------------ numbers

// num / den as an xsd:decimal, exact to 18 fractional digits (truncated, as a decimal of 18 places is):
// the average of integers, whose double would keep only 15-16 significant digits ("2017.54545454545"
// where the quotient is 2017.5454545454545454...).
std::string DecimalQuotient(long long num, long long den) {
  const bool negative = (num < 0) != (den < 0) && num != 0;
  unsigned long long n = static_cast<unsigned long long>(num < 0 ? -(num + 1) + 1ULL : num);
  const unsigned long long d = static_cast<unsigned long long>(den < 0 ? -(den + 1) + 1ULL : den);
  std::string out = (negative ? "-" : "") + std::to_string(n / d) + ".";
  n %= d;
  for (int i = 0; i < 18 && (n || i == 0); ++i) {
    n *= 10;
    out += static_cast<char>('0' + n / d);
    n %= d;
  }
  return out;
}

Val FnAbs(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  auto n = Number(v.t);
  if (!n) return Error();
  if (TypeOf(v.t) == NumType::kDouble) return DoubleValue(std::fabs(*n));
  // Integers and decimals by their lexical form, which stays exact.
  if (*n < 0 || (*n == 0 && std::signbit(*n))) return Negate(v.t);
  return UnaryPlus(v.t);
}
// CEIL, FLOOR and ROUND keep the argument's type; an integer is itself.
// ROUND rounds halves up, towards positive infinity (XPath's fn:round: -2.5 is -2).
template <double (*kRound)(double)>
Val FnRounding(CallArgs& a, FunctionContext&) {
  Val v = a[0];
  auto n = Number(v.t);
  if (!n) return Error();
  switch (TypeOf(v.t)) {
    case NumType::kInteger: return UnaryPlus(v.t);
    case NumType::kDecimal: return Typed(FormatDecimal(kRound(*n) + 0.0), kXsdDecimal);
    case NumType::kDouble: return DoubleValue(kRound(*n));
  }
  return Error();
}
double RoundHalfUp(double d) { return std::isfinite(d) ? std::floor(d + 0.5) : d; }
double Ceil(double d) { return std::ceil(d); }
double Floor(double d) { return std::floor(d); }

}  // namespace

Val Arithmetic(Op op, const SparqlTerm& a, const SparqlTerm& b) {
  auto x = Number(a), y = Number(b);
  if (!x || !y) return Error();
  const NumType type = std::max(TypeOf(a), TypeOf(b));
  if (type == NumType::kInteger) {
    auto i = IntegerValue(a), j = IntegerValue(b);
    if (!i || !j) return Error();  // derived integer types beyond 64 bits
    long long r = 0;
    switch (op) {
      case Op::kAdd:
        if (__builtin_add_overflow(*i, *j, &r)) return Error();
        return Typed(std::to_string(r), kXsdInteger);
      case Op::kSubtract:
        if (__builtin_sub_overflow(*i, *j, &r)) return Error();
        return Typed(std::to_string(r), kXsdInteger);
      case Op::kMultiply:
        if (__builtin_mul_overflow(*i, *j, &r)) return Error();
        return Typed(std::to_string(r), kXsdInteger);
      case Op::kDivide:
        if (*j == 0 || (*i == std::numeric_limits<long long>::min() && *j == -1)) return Error();
        return Typed(DecimalQuotient(*i, *j), kXsdDecimal);
      default: return Error();
    }
  }
  double r = 0;
  switch (op) {
    case Op::kAdd: r = *x + *y; break;
    case Op::kSubtract: r = *x - *y; break;
    case Op::kMultiply: r = *x * *y; break;
    case Op::kDivide:
      if (type == NumType::kDecimal && *y == 0) return Error();
      r = *x / *y;
      break;
    default: return Error();
  }
  if (type == NumType::kDouble) return DoubleValue(r);
  if (!std::isfinite(r)) return Error();
  return Typed(FormatDecimal(r), kXsdDecimal);
}

Val Negate(const SparqlTerm& a) {
  if (!Number(a)) return Error();
  std::string v = a.value;
  if (!v.empty() && v[0] == '+') v.erase(0, 1);
  if (!v.empty() && v[0] == '-') v.erase(0, 1);
  else if (v.find_first_not_of("0.") != std::string::npos || TypeOf(a) != NumType::kInteger) v.insert(0, "-");
  if (v == "-NaN") v = "NaN";
  return Typed(std::move(v), TypeOf(a) == NumType::kInteger ? std::string(kXsdInteger) : a.datatype);
}

Val UnaryPlus(const SparqlTerm& a) {
  if (!Number(a)) return Error();
  std::string v = a.value;
  if (!v.empty() && v[0] == '+') v.erase(0, 1);
  return Typed(std::move(v), TypeOf(a) == NumType::kInteger ? std::string(kXsdInteger) : a.datatype);
}

namespace {

// ------------------------------------------------------------------ aggregates

Val AggCount(const std::vector<SparqlTerm>& values, const std::string&) {
  return Typed(std::to_string(values.size()), kXsdInteger);
}
Val AggSum(const std::vector<SparqlTerm>& values, const std::string&) {
  double sum = 0;
  NumType type = NumType::kInteger;
  for (const SparqlTerm& t : values) {
    auto n = Number(t);
    if (!n) return Error();  // a non-number: the sum is an error
    sum += *n;
    type = std::max(type, TypeOf(t));
  }
  return MakeNumber(sum, type);
}
Val AggAvg(const std::vector<SparqlTerm>& values, const std::string&) {
  if (values.empty()) return Typed("0", kXsdInteger);
  double sum = 0;
  long long integer_sum = 0;
  bool integers = true;  // every value an integer, the sum exact in 64 bits
  NumType type = NumType::kDecimal;  // the average of integers is a decimal
  for (const SparqlTerm& t : values) {
    auto n = Number(t);
    if (!n) return Error();
    sum += *n;
    type = std::max(type, TypeOf(t));
    integers = integers && TypeOf(t) == NumType::kInteger && std::fabs(*n) < 9e15 && *n == std::floor(*n) &&
               !__builtin_add_overflow(integer_sum, static_cast<long long>(*n), &integer_sum);
  }
  if (integers) return Typed(DecimalQuotient(integer_sum, static_cast<long long>(values.size())), kXsdDecimal);
  return MakeNumber(sum / double(values.size()), type);
}
Val MinMax(const std::vector<SparqlTerm>& values, int sign) {
  if (values.empty()) return Error();
  const SparqlTerm* best = &values[0];
  for (const SparqlTerm& t : values)
    if (sign * OrderCompare(Term(t), Term(*best)) < 0) best = &t;
  return Term(*best);
}
Val AggMin(const std::vector<SparqlTerm>& values, const std::string&) { return MinMax(values, 1); }
Val AggMax(const std::vector<SparqlTerm>& values, const std::string&) { return MinMax(values, -1); }
Val AggSample(const std::vector<SparqlTerm>& values, const std::string&) {
  return values.empty() ? Error() : Term(values[0]);
}
Val AggGroupConcat(const std::vector<SparqlTerm>& values, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!IsStringLike(values[i]) && !IsLiteral(values[i])) return Error();
    if (i) out += separator;
    out += values[i].value;
  }
  return Str(std::move(out));
}

using K = Function::Kind;
constexpr Function Scalar(std::string_view name, std::size_t min, std::size_t max,
                          Val (*f)(CallArgs&, FunctionContext&), std::string_view signature,
                          std::string_view help, bool strict = true) {
  Function fn;
  fn.name = name, fn.min_args = min, fn.max_args = max, fn.kind = K::kScalar, fn.strict = strict;
  fn.evaluate = f, fn.signature = signature, fn.help = help;
  return fn;
}
constexpr Function Aggregate(std::string_view name, Val (*f)(const std::vector<SparqlTerm>&, const std::string&),
                             std::string_view signature, std::string_view help) {
  Function fn;
  fn.name = name, fn.min_args = 1, fn.max_args = 1, fn.kind = K::kAggregate;
  fn.aggregate = f, fn.signature = signature, fn.help = help;
  return fn;
}
constexpr Function SkippingErrors(Function fn) {
  fn.skips_errors = true;
  return fn;
}
constexpr Function WithVariableArg(Function fn) {
  fn.variable_arg = true;
  return fn;
}

#define XSD "http://www.w3.org/2001/XMLSchema#"
const Function kFunctions[] = {
    // Strings.
    Scalar("STR", 1, 1, FnStr, "STR(term)", "the lexical form of a literal, the text of an IRI"),
    Scalar("LANG", 1, 1, FnLang, "LANG(literal)", "the language tag, or \"\""),
    Scalar("DATATYPE", 1, 1, FnDatatype, "DATATYPE(literal)", "the datatype IRI"),
    Scalar("LCASE", 1, 1, FnLcase, "LCASE(str)", "lower case (Unicode)"),
    Scalar("UCASE", 1, 1, FnUcase, "UCASE(str)", "upper case (Unicode)"),
    Scalar("STRLEN", 1, 1, FnStrlen, "STRLEN(str)", "the length in characters"),
    Scalar("CONTAINS", 2, 2, FnContains, "CONTAINS(str, part)", "true when str contains part"),
    Scalar("STRSTARTS", 2, 2, FnStrStarts, "STRSTARTS(str, prefix)", "true when str starts with prefix"),
    Scalar("STRENDS", 2, 2, FnStrEnds, "STRENDS(str, suffix)", "true when str ends with suffix"),
    Scalar("STRBEFORE", 2, 2, FnStrBefore, "STRBEFORE(str, part)", "the text before the first part"),
    Scalar("STRAFTER", 2, 2, FnStrAfter, "STRAFTER(str, part)", "the text after the first part"),
    Scalar("SUBSTR", 2, 3, FnSubstr, "SUBSTR(str, start [, length])", "characters from start (1-based)"),
    Scalar("CONCAT", 0, kVariadic, FnConcat, "CONCAT(str, ...)", "the strings joined"),
    Scalar("REGEX", 2, 3, FnRegex, "REGEX(str, pattern [, flags])", "true when the pattern matches (flags i s m x q)"),
    Scalar("ENCODE_FOR_URI", 1, 1, FnEncodeForUri, "ENCODE_FOR_URI(str)", "percent-encoded for use in an IRI"),
    Scalar("REPLACE", 3, 4, FnReplace, "REPLACE(str, pattern, replacement [, flags])",
           "every match replaced ($1 names a group)"),
    // Dates.
    Scalar("YEAR", 1, 1, FnYear, "YEAR(date)", "the year of an xsd:date or xsd:dateTime"),
    Scalar("MONTH", 1, 1, FnMonth, "MONTH(date)", "the month (1-12)"),
    Scalar("DAY", 1, 1, FnDay, "DAY(date)", "the day of the month"),
    Scalar("NOW", 0, 0, FnNow, "NOW()", "the time the query started, as xsd:dateTime"),
    Scalar("HOURS", 1, 1, FnHours, "HOURS(dateTime)", "the hours of an xsd:dateTime"),
    Scalar("MINUTES", 1, 1, FnMinutes, "MINUTES(dateTime)", "the minutes"),
    Scalar("SECONDS", 1, 1, FnSeconds, "SECONDS(dateTime)", "the seconds, as a decimal"),
    Scalar("TIMEZONE", 1, 1, FnTimezone, "TIMEZONE(dateTime)", "the time zone as an xsd:dayTimeDuration"),
    Scalar("TZ", 1, 1, FnTz, "TZ(dateTime)", "the time zone as written (\"Z\", \"+07:00\", \"\")"),
    // Numbers.
    Scalar("ABS", 1, 1, FnAbs, "ABS(number)", "the absolute value"),
    Scalar("CEIL", 1, 1, FnRounding<Ceil>, "CEIL(number)", "the least whole number not below"),
    Scalar("FLOOR", 1, 1, FnRounding<Floor>, "FLOOR(number)", "the greatest whole number not above"),
    Scalar("ROUND", 1, 1, FnRounding<RoundHalfUp>, "ROUND(number)", "the nearest whole number (halves up)"),
    Scalar("RAND", 0, 0, FnRand, "RAND()", "a random double in [0, 1), new at every call"),
    // Terms and control.
    WithVariableArg(Scalar("BOUND", 1, 1, FnBound, "BOUND(?var)", "true when ?var is bound", false)),
    Scalar("COALESCE", 0, kVariadic, FnCoalesce, "COALESCE(expr, ...)", "the first argument without an error", false),
    Scalar("IF", 3, 3, FnIf, "IF(cond, then, else)", "then when cond is true, else otherwise", false),
    Scalar("ISIRI", 1, 1, FnIsIri, "ISIRI(term)", "true for an IRI"),
    Scalar("ISBLANK", 1, 1, FnIsBlank, "ISBLANK(term)", "true for a blank node (the graph has none)"),
    Scalar("IRI", 1, 1, FnIri, "IRI(str)", "the IRI of that text"),
    Scalar("URI", 1, 1, FnIri, "URI(str)", "the IRI of that text"),
    Scalar("UUID", 0, 0, FnUuid, "UUID()", "a new urn:uuid: IRI (version 4)"),
    Scalar("STRUUID", 0, 0, FnStrUuid, "STRUUID()", "a new UUID as a string"),
    Scalar("MD5", 1, 1, (FnHash<md5_ctx, md5_init, md5_update, md5_digest, MD5_DIGEST_SIZE>), "MD5(str)",
           "the MD5 digest, in hex"),
    Scalar("SHA1", 1, 1, (FnHash<sha1_ctx, sha1_init, sha1_update, sha1_digest, SHA1_DIGEST_SIZE>), "SHA1(str)",
           "the SHA-1 digest, in hex"),
    Scalar("SHA256", 1, 1, (FnHash<sha256_ctx, sha256_init, sha256_update, sha256_digest, SHA256_DIGEST_SIZE>),
           "SHA256(str)", "the SHA-256 digest, in hex"),
    Scalar("SHA384", 1, 1, (FnHash<sha384_ctx, sha384_init, sha512_update, sha384_digest, SHA384_DIGEST_SIZE>),
           "SHA384(str)", "the SHA-384 digest, in hex"),
    Scalar("SHA512", 1, 1, (FnHash<sha512_ctx, sha512_init, sha512_update, sha512_digest, SHA512_DIGEST_SIZE>),
           "SHA512(str)", "the SHA-512 digest, in hex"),
    Scalar("STRLANG", 2, 2, FnStrLang, "STRLANG(str, tag)", "a literal with that language tag"),
    Scalar("LANGMATCHES", 2, 2, FnLangMatches, "LANGMATCHES(tag, range)", "true when the tag is in the range (\"*\": any)"),
    Scalar("ISURI", 1, 1, FnIsIri, "ISURI(term)", "true for an IRI"),
    Scalar("ISLITERAL", 1, 1, FnIsLiteral, "ISLITERAL(term)", "true for a literal"),
    Scalar("ISNUMERIC", 1, 1, FnIsNumeric, "ISNUMERIC(term)", "true for a number"),
    Scalar("SAMETERM", 2, 2, FnSameTerm, "SAMETERM(a, b)", "true when a and b are the same RDF term"),
    Scalar("STRDT", 2, 2, FnStrDt, "STRDT(str, datatype)", "a literal of that datatype"),
    // Casts, called by the datatype's IRI: xsd:date(?d).
    Scalar(XSD "string", 1, 1, FnCastString, "xsd:string(term)", "cast to a string"),
    Scalar(XSD "integer", 1, 1, FnCastInteger, "xsd:integer(term)", "cast to an integer"),
    Scalar(XSD "date", 1, 1, FnCastDate, "xsd:date(str)", "cast YYYY-MM-DD to xsd:date"),
    Scalar(XSD "dateTime", 1, 1, FnCastDateTime, "xsd:dateTime(str)", "cast to xsd:dateTime"),
    Scalar(XSD "decimal", 1, 1, FnCastDecimal, "xsd:decimal(term)", "cast to a decimal"),
    Scalar(XSD "double", 1, 1, FnCastDouble, "xsd:double(term)", "cast to a double"),
    Scalar(XSD "float", 1, 1, FnCastFloat, "xsd:float(term)", "cast to a float"),
    Scalar(XSD "boolean", 1, 1, FnCastBoolean, "xsd:boolean(term)", "cast to a boolean"),
    // Aggregates.
    SkippingErrors(Aggregate("COUNT", AggCount, "COUNT([DISTINCT] expr | *)", "how many values (rows for *)")),
    Aggregate("SUM", AggSum, "SUM([DISTINCT] expr)", "the sum of numbers (0 for none)"),
    Aggregate("AVG", AggAvg, "AVG([DISTINCT] expr)", "the average of numbers (0 for none)"),
    Aggregate("MIN", AggMin, "MIN([DISTINCT] expr)", "the least value in ORDER BY order"),
    Aggregate("MAX", AggMax, "MAX([DISTINCT] expr)", "the greatest value in ORDER BY order"),
    SkippingErrors(Aggregate("SAMPLE", AggSample, "SAMPLE([DISTINCT] expr)", "any one value")),
    Aggregate("GROUP_CONCAT", AggGroupConcat, "GROUP_CONCAT([DISTINCT] expr [; SEPARATOR = \" \"])",
              "the values joined"),
};
#undef XSD

}  // namespace

std::span<const Function> Functions() { return kFunctions; }

const Function* FindFunction(std::string_view name) {
  for (const Function& f : kFunctions)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace vnkg::sparql

namespace vnkg {

std::vector<SparqlFunctionInfo> SparqlFunctions() {
  std::vector<SparqlFunctionInfo> out;
  for (const sparql::Function& f : sparql::Functions())
    out.push_back({std::string(f.name), std::string(f.signature), std::string(f.help),
                   f.kind == sparql::Function::Kind::kAggregate});
  return out;
}

const std::vector<std::string>& SparqlKeywords() {
  static const std::vector<std::string> kWords = {
      "PREFIX", "SELECT", "DISTINCT", "REDUCED", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "FILTER", "OPTIONAL",
      "UNION", "MINUS", "BIND", "AS", "VALUES", "UNDEF", "EXISTS", "NOT EXISTS", "IN", "NOT IN", "GROUP BY",
      "HAVING", "ORDER BY", "ASC", "DESC", "LIMIT", "OFFSET", "SEPARATOR"};
  return kWords;
}

}  // namespace vnkg

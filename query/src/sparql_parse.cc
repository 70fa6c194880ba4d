// SPARQL text -> algebra (sparql_internal.h): a tokenizer and a recursive
// descent parser for the supported subset. Everything the SPARQL 1.1 grammar
// has but the subset lacks is still recognised, so that it is reported as
// unsupported by name rather than as a puzzling syntax error.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>

#include "sparql_internal.h"
#include "vnkg/model/rdf.h"

namespace vnkg::sparql {
namespace {

enum class Tok { kEnd, kIri, kPname, kVar, kString, kInteger, kDecimal, kDouble, kLangTag, kBlank, kWord, kPunct };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;    // kIri: the IRI; kPname: prefix; kVar: name; kString: value; kWord/kPunct: as written
  std::string local;   // kPname: the local part
  std::size_t offset = 0;  // byte offset in the query
};

// Thrown inside the parser only, turned into a Status at its boundary.
struct ParseError {
  Status::Code code;
  std::string message;
  std::size_t offset;
};

bool IsNameByte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

bool Iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  std::vector<Token> Run() {
    std::vector<Token> out;
    for (;;) {
      SkipSpaceAndComments();
      Token t;
      t.offset = i_;
      if (i_ >= s_.size()) {
        out.push_back(t);
        return out;
      }
      Next(t);
      out.push_back(std::move(t));
    }
  }

 private:
  [[noreturn]] void Fail(std::size_t at, const std::string& what) {
    throw ParseError{Status::Code::kInvalidArgument, what, at};
  }
  char Peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

  void SkipSpaceAndComments() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  void Next(Token& t) {
    const char c = Peek();
    if (c == '<' && TryIri(t)) return;
    if (c == '?' || c == '$') {
      if (IsNameByte(static_cast<unsigned char>(Peek(1)))) {
        ++i_;
        t.kind = Tok::kVar;
        while (i_ < s_.size() && IsNameByte(static_cast<unsigned char>(s_[i_]))) t.text += s_[i_++];
        return;
      }
    }
    if (c == '"' || c == '\'') return String(t);
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(Peek(1))))) return Number(t);
    if (c == '@' && std::isalpha(static_cast<unsigned char>(Peek(1)))) {
      ++i_;
      t.kind = Tok::kLangTag;
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-')) t.text += s_[i_++];
      return;
    }
    if (c == '_' && Peek(1) == ':') {
      i_ += 2;
      t.kind = Tok::kBlank;
      while (i_ < s_.size() && IsNameByte(static_cast<unsigned char>(s_[i_]))) t.text += s_[i_++];
      return;
    }
    if (IsNameByte(static_cast<unsigned char>(c)) || c == ':') return Name(t);
    static const char* const kTwo[] = {"!=", "<=", ">=", "&&", "||", "^^"};
    for (const char* two : kTwo) {
      if (c == two[0] && Peek(1) == two[1]) {
        t.kind = Tok::kPunct;
        t.text = two;
        i_ += 2;
        return;
      }
    }
    if (std::string_view("{}()[].;,*=<>!+-/^|?").find(c) != std::string_view::npos) {
      t.kind = Tok::kPunct;
      t.text = std::string(1, c);
      ++i_;
      return;
    }
    Fail(i_, std::string("unexpected character '") + CharAt(i_) + "'");
  }

  std::string CharAt(std::size_t at) const {
    std::size_t end = at + 1;
    while (end < s_.size() && (static_cast<unsigned char>(s_[end]) & 0xC0) == 0x80) ++end;
    return std::string(s_.substr(at, end - at));
  }

  // An IRIREF; false (nothing consumed) when '<' is a comparison instead.
  bool TryIri(Token& t) {
    std::size_t j = i_ + 1;
    std::string iri;
    while (j < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[j]);
      if (c == '>') {
        t.kind = Tok::kIri;
        t.text = std::move(iri);
        i_ = j + 1;
        return true;
      }
      if (c <= 0x20 || std::string_view("<\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos) return false;
      iri += static_cast<char>(c);
      ++j;
    }
    return false;
  }

  void String(Token& t) {
    const char q = Peek();
    const bool is_long = Peek(1) == q && Peek(2) == q;
    const std::size_t start = i_;
    i_ += is_long ? 3 : 1;
    t.kind = Tok::kString;
    for (;;) {
      if (i_ >= s_.size()) Fail(start, "unterminated string");
      const char c = s_[i_];
      if (is_long) {
        if (c == q && Peek(1) == q && Peek(2) == q) {
          i_ += 3;
          return;
        }
      } else {
        if (c == q) {
          ++i_;
          return;
        }
        if (c == '\n' || c == '\r') Fail(start, "unterminated string (a line ends inside it)");
      }
      if (c == '\\') {
        const char e = Peek(1);
        const std::size_t at = i_;
        i_ += 2;
        switch (e) {
          case 't': t.text += '\t'; break;
          case 'b': t.text += '\b'; break;
          case 'n': t.text += '\n'; break;
          case 'r': t.text += '\r'; break;
          case 'f': t.text += '\f'; break;
          case '"': t.text += '"'; break;
          case '\'': t.text += '\''; break;
          case '\\': t.text += '\\'; break;
          case 'u':
          case 'U': {
            const std::size_t n = e == 'u' ? 4 : 8;
            std::uint32_t cp = 0;
            for (std::size_t k = 0; k < n; ++k) {
              const char h = Peek();
              if (!std::isxdigit(static_cast<unsigned char>(h))) Fail(at, "bad \\u escape in a string");
              cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
              ++i_;
            }
            AppendUtf8(t.text, cp);
            break;
          }
          default:
            Fail(at, "unknown escape in a string");
        }
        continue;
      }
      t.text += c;
      ++i_;
    }
  }

  void Number(Token& t) {
    t.kind = Tok::kInteger;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) t.text += s_[i_++];
    if (Peek() == '.' && std::isdigit(static_cast<unsigned char>(Peek(1)))) {
      t.kind = Tok::kDecimal;
      t.text += s_[i_++];
      while (std::isdigit(static_cast<unsigned char>(Peek()))) t.text += s_[i_++];
    }
    if ((Peek() == 'e' || Peek() == 'E') &&
        (std::isdigit(static_cast<unsigned char>(Peek(1))) ||
         ((Peek(1) == '+' || Peek(1) == '-') && std::isdigit(static_cast<unsigned char>(Peek(2)))))) {
      t.kind = Tok::kDouble;
      t.text += s_[i_++];
      t.text += s_[i_++];
      while (std::isdigit(static_cast<unsigned char>(Peek()))) t.text += s_[i_++];
    }
  }

  // A keyword, `a`, true/false, or a prefixed name (prefix:local).
  void Name(Token& t) {
    std::string word;
    while (i_ < s_.size() && (IsNameByte(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' ||
                              (s_[i_] == '.' && i_ + 1 < s_.size() && IsNameByte(static_cast<unsigned char>(s_[i_ + 1])))))
      word += s_[i_++];
    if (Peek() != ':') {
      t.kind = Tok::kWord;
      t.text = std::move(word);
      return;
    }
    ++i_;
    t.kind = Tok::kPname;
    t.text = std::move(word);
    // PN_LOCAL: name characters, '-', ':', '%xx', '\'-escapes, and '.' when not last.
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (IsNameByte(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '%') {
        t.local += c;
        ++i_;
      } else if (c == '\\' && i_ + 1 < s_.size()) {
        t.local += s_[i_ + 1];
        i_ += 2;
      } else if (c == '.' && i_ + 1 < s_.size() &&
                 (IsNameByte(static_cast<unsigned char>(s_[i_ + 1])) || s_[i_ + 1] == '-' || s_[i_ + 1] == ':')) {
        t.local += c;
        ++i_;
      } else {
        break;
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// Built-in calls of SPARQL 1.1 outside the subset: named in the error.
const std::set<std::string, std::less<>>& UnsupportedBuiltins() {
  static const std::set<std::string, std::less<>> kNames = {
      "LANG", "LANGMATCHES", "DATATYPE", "IRI", "URI", "BNODE", "RAND", "ABS", "CEIL", "FLOOR", "ROUND",
      "CONCAT", "SUBSTR", "STRLEN", "REPLACE", "ENCODE_FOR_URI", "STRBEFORE", "STRAFTER", "YEAR", "MONTH",
      "DAY", "HOURS", "MINUTES", "SECONDS", "TIMEZONE", "TZ", "NOW", "UUID", "STRUUID", "MD5", "SHA1",
      "SHA256", "SHA384", "SHA512", "COALESCE", "IF", "STRLANG", "STRDT", "SAMETERM", "ISIRI", "ISURI",
      "ISBLANK", "ISLITERAL", "ISNUMERIC", "EXISTS"};
  return kNames;
}
const std::set<std::string, std::less<>>& UnsupportedAggregates() {
  static const std::set<std::string, std::less<>> kNames = {"SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"};
  return kNames;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : toks_(std::move(tokens)) {
    prefixes_["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    prefixes_["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#";
    prefixes_["xsd"] = std::string(kXsd);
    prefixes_["vn"] = std::string(kVnNamespace);
  }

  Query Run() {
    Prologue();
    if (IsWord("SELECT")) {
      Select();
    } else if (IsWord("ASK") || IsWord("CONSTRUCT") || IsWord("DESCRIBE")) {
      Unsupported(Upper(Cur().text) + " queries (only SELECT is supported)");
    } else if (IsWord("INSERT") || IsWord("DELETE") || IsWord("LOAD") || IsWord("CLEAR") || IsWord("DROP") ||
               IsWord("CREATE") || IsWord("WITH")) {
      Unsupported("SPARQL Update (" + Upper(Cur().text) + ")");
    } else {
      Expected("SELECT");
    }
    if (IsWord("VALUES")) Unsupported("VALUES");
    if (Cur().kind != Tok::kEnd) Expected("the end of the query");
    return std::move(q_);
  }

 private:
  // ---------------------------------------------------------------- tokens
  const Token& Cur() const { return toks_[pos_]; }
  const Token& Ahead(std::size_t k) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  void Advance() {
    if (pos_ + 1 < toks_.size()) ++pos_;
  }
  bool IsWord(std::string_view w) const { return Cur().kind == Tok::kWord && Iequals(Cur().text, w); }
  bool IsPunct(std::string_view p) const { return Cur().kind == Tok::kPunct && Cur().text == p; }
  bool AcceptWord(std::string_view w) {
    if (!IsWord(w)) return false;
    Advance();
    return true;
  }
  bool AcceptPunct(std::string_view p) {
    if (!IsPunct(p)) return false;
    Advance();
    return true;
  }
  void ExpectPunct(std::string_view p) {
    if (!AcceptPunct(p)) Expected("'" + std::string(p) + "'");
  }
  void ExpectWord(std::string_view w) {
    if (!AcceptWord(w)) Expected(std::string(w));
  }

  std::string Describe(const Token& t) const {
    switch (t.kind) {
      case Tok::kEnd: return "the end of the query";
      case Tok::kIri: return "<" + t.text + ">";
      case Tok::kPname: return t.text + ":" + t.local;
      case Tok::kVar: return "?" + t.text;
      case Tok::kString: return "a string";
      case Tok::kLangTag: return "@" + t.text;
      case Tok::kBlank: return "_:" + t.text;
      default: return "'" + t.text + "'";
    }
  }
  [[noreturn]] void Expected(const std::string& what) {
    throw ParseError{Status::Code::kInvalidArgument, "expected " + what + " but found " + Describe(Cur()), Cur().offset};
  }
  [[noreturn]] void Error(const std::string& what, std::size_t offset) {
    throw ParseError{Status::Code::kInvalidArgument, what, offset};
  }
  [[noreturn]] void Unsupported(const std::string& feature) { Unsupported(feature, Cur().offset); }
  [[noreturn]] void Unsupported(const std::string& feature, std::size_t offset) {
    throw ParseError{Status::Code::kUnsupported, "unsupported SPARQL feature: " + feature, offset};
  }

  // The height of the query's tree is bounded: the parser, the evaluator and
  // the destructors recurse once a level, so a few thousand '(' or a chain of
  // thousands of '||' or UNIONs overflowed the stack (fuzz/fuzz_sparql). A
  // Nesting lives for one group, expression or '!' and counts one level for
  // it and one for each link of a chain built inside it (Deeper), so depth_ is
  // at least the height of the tree above the current token. Written queries
  // stay far below the limit.
  static constexpr int kMaxDepth = 256;
  int depth_ = 0;
  class Nesting {
   public:
    explicit Nesting(Parser& p) : p_(p), saved_(p.depth_) {}
    ~Nesting() { p_.depth_ = saved_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    void Deeper() {
      if (++p_.depth_ > kMaxDepth)
        p_.Unsupported("more than " + std::to_string(kMaxDepth) +
                       " levels of nesting (parentheses, groups, '!', or chains of ||, && or UNION)");
    }

   private:
    Parser& p_;
    int saved_;
  };

  // ---------------------------------------------------------------- names
  int Var(const std::string& name) {
    auto it = var_index_.find(name);
    if (it != var_index_.end()) return it->second;
    const int index = static_cast<int>(q_.variables.size());
    q_.variables.push_back(name);
    var_index_.emplace(name, index);
    return index;
  }

  std::string ExpandPname(const Token& t) {
    auto it = prefixes_.find(t.text);
    if (it == prefixes_.end()) Error("undeclared prefix '" + t.text + ":'", t.offset);
    return it->second + t.local;
  }

  void Prologue() {
    for (;;) {
      if (AcceptWord("PREFIX")) {
        if (Cur().kind != Tok::kPname || !Cur().local.empty()) Expected("a prefix such as vn:");
        const std::string prefix = Cur().text;
        Advance();
        if (Cur().kind != Tok::kIri) Expected("an IRI in <...>");
        prefixes_[prefix] = Cur().text;
        Advance();
      } else if (IsWord("BASE")) {
        Unsupported("BASE");
      } else {
        return;
      }
    }
  }

  // ---------------------------------------------------------------- SELECT
  void Select() {
    Advance();
    if (AcceptWord("DISTINCT")) q_.distinct = true;
    else if (AcceptWord("REDUCED")) q_.distinct = true;  // REDUCED permits removing duplicates
    bool star = false;
    std::vector<std::pair<Projection, std::size_t>> items;
    if (AcceptPunct("*")) {
      star = true;
    } else {
      for (;;) {
        if (Cur().kind == Tok::kVar) {
          items.push_back({Projection{Var(Cur().text), std::nullopt}, Cur().offset});
          Advance();
        } else if (IsPunct("(")) {
          const std::size_t at = Cur().offset;
          Advance();
          Expr e = Expression(/*aggregates_allowed=*/true);
          ExpectWord("AS");
          if (Cur().kind != Tok::kVar) Expected("a variable after AS");
          const int v = Var(Cur().text);
          Advance();
          ExpectPunct(")");
          items.push_back({Projection{v, std::move(e)}, at});
        } else {
          break;
        }
      }
      if (items.empty()) Expected("'*', a variable or '(expression AS ?var)' after SELECT");
    }
    if (IsWord("FROM")) Unsupported("FROM (datasets)");
    AcceptWord("WHERE");
    if (!IsPunct("{")) Expected("'{'");
    q_.where = GroupGraphPattern();

    // Solution modifiers.
    if (AcceptWord("GROUP")) {
      ExpectWord("BY");
      do {
        if (Cur().kind != Tok::kVar) {
          if (IsPunct("(") || Cur().kind == Tok::kWord) Unsupported("GROUP BY an expression (only variables)");
          Expected("a variable after GROUP BY");
        }
        q_.group_by.push_back(Var(Cur().text));
        Advance();
      } while (Cur().kind == Tok::kVar || IsPunct("(") || (Cur().kind == Tok::kWord && !IsWord("HAVING") &&
                                                             !IsWord("ORDER") && !IsWord("LIMIT") && !IsWord("OFFSET") &&
                                                             !IsWord("VALUES")));
    }
    if (IsWord("HAVING")) Unsupported("HAVING");
    if (AcceptWord("ORDER")) {
      ExpectWord("BY");
      do {
        OrderKey key;
        if (IsWord("ASC") || IsWord("DESC")) {
          key.descending = IsWord("DESC");
          Advance();
          if (!IsPunct("(")) Expected("'(' after ASC or DESC");
          Advance();
          key.expr = Expression(false);
          ExpectPunct(")");
        } else if (Cur().kind == Tok::kVar) {
          key.expr = Expr{Op::kVar, Var(Cur().text), {}, {}, false};
          Advance();
        } else if (IsPunct("(")) {
          Advance();
          key.expr = Expression(false);
          ExpectPunct(")");
        } else if (Cur().kind == Tok::kWord) {
          key.expr = Primary(false);
        } else {
          Expected("a variable, ASC(...), DESC(...) or (expression) after ORDER BY");
        }
        q_.order_by.push_back(std::move(key));
      } while (Cur().kind == Tok::kVar || IsPunct("(") ||
               (Cur().kind == Tok::kWord && !IsWord("LIMIT") && !IsWord("OFFSET") && !IsWord("VALUES")));
    }
    for (int i = 0; i < 2; ++i) {
      if (IsWord("LIMIT") || IsWord("OFFSET")) {
        const bool limit = IsWord("LIMIT");
        Advance();
        if (Cur().kind != Tok::kInteger) Expected(std::string("a non-negative integer after ") + (limit ? "LIMIT" : "OFFSET"));
        std::uint64_t n = 0;
        try {
          n = std::stoull(Cur().text);
        } catch (...) {
          Error("number too large", Cur().offset);
        }
        if (limit) q_.limit = n;
        else q_.offset = n;
        Advance();
      }
    }

    q_.aggregated = !q_.group_by.empty() || has_aggregate_;
    // SELECT *: the variables the pattern binds, in order of appearance.
    if (star) {
      if (q_.aggregated) Error("SELECT * cannot be used with GROUP BY or aggregates", items.empty() ? 0 : items[0].second);
      std::vector<int> vars;
      InScope(*q_.where, vars);
      for (int v : vars) q_.projection.push_back(Projection{v, std::nullopt});
      return;
    }
    // Projection rules of SPARQL 1.1 (section 18.2.4.1): a grouped query
    // projects only group keys and expressions; AS names a new variable.
    std::vector<int> in_scope;
    InScope(*q_.where, in_scope);
    std::set<int> seen(in_scope.begin(), in_scope.end());
    for (auto& [item, at] : items) {
      if (item.expr) {
        if (seen.count(item.var))
          Error("(... AS ?" + q_.variables[item.var] + "): ?" + q_.variables[item.var] + " is already in scope", at);
        seen.insert(item.var);
      } else if (q_.aggregated &&
                 std::find(q_.group_by.begin(), q_.group_by.end(), item.var) == q_.group_by.end()) {
        Error("?" + q_.variables[item.var] + " is selected but neither grouped (GROUP BY) nor aggregated", at);
      }
      q_.projection.push_back(std::move(item));
    }
  }

  // Variables a pattern binds, in first-appearance order (for SELECT * and scoping).
  static void AddVar(std::vector<int>& out, int v) {
    if (v >= 0 && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  static void InScope(const Node& n, std::vector<int>& out) {
    switch (n.kind) {
      case Node::Kind::kUnit: break;
      case Node::Kind::kBgp:
        for (const auto& t : n.triples) AddVar(out, t.s.var), AddVar(out, t.p.var), AddVar(out, t.o.var);
        break;
      case Node::Kind::kJoin:
      case Node::Kind::kLeftJoin:
      case Node::Kind::kUnion:
        InScope(*n.left, out);
        InScope(*n.right, out);
        break;
      case Node::Kind::kFilter: InScope(*n.left, out); break;
      case Node::Kind::kExtend:
        InScope(*n.left, out);
        AddVar(out, n.var);
        break;
    }
  }

  // ---------------------------------------------------------------- patterns
  static std::unique_ptr<Node> Make(Node::Kind kind, std::unique_ptr<Node> left, std::unique_ptr<Node> right) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->left = std::move(left);
    n->right = std::move(right);
    return n;
  }
  // Join(G, A), dropping the unit solution on either side.
  static std::unique_ptr<Node> JoinWith(std::unique_ptr<Node> g, std::unique_ptr<Node> a) {
    if (g->kind == Node::Kind::kUnit) return a;
    if (a->kind == Node::Kind::kUnit) return g;
    if (g->kind == Node::Kind::kBgp && a->kind == Node::Kind::kBgp) {  // one BGP: joins ordered together
      for (auto& t : a->triples) g->triples.push_back(std::move(t));
      return g;
    }
    return Make(Node::Kind::kJoin, std::move(g), std::move(a));
  }

  // '{' ... '}' translated as in SPARQL 1.1 section 18.2.2.
  std::unique_ptr<Node> GroupGraphPattern() {
    Nesting nesting(*this);
    nesting.Deeper();
    const std::size_t open = Cur().offset;
    ExpectPunct("{");
    if (IsWord("SELECT")) Unsupported("subqueries");
    auto g = std::make_unique<Node>();  // kUnit
    std::vector<Expr> filters;
    bool open_triples = false;  // the last triples block did not end with '.'
    for (;;) {
      if (AcceptPunct("}")) break;
      if (open_triples && StartsTerm()) Expected("'.' or '}' after a triple");
      open_triples = false;
      if (Cur().kind == Tok::kEnd) Error("'{' is never closed", open);
      if (IsWord("FILTER")) {
        Advance();
        filters.push_back(Constraint());
      } else if (IsWord("OPTIONAL")) {
        Advance();
        if (!IsPunct("{")) Expected("'{' after OPTIONAL");
        nesting.Deeper();
        auto a = GroupGraphPattern();
        auto lj = Make(Node::Kind::kLeftJoin, std::move(g), nullptr);
        if (a->kind == Node::Kind::kFilter) {  // the OPTIONAL's filters see both sides
          lj->filters = std::move(a->filters);
          a = std::move(a->left);
        }
        lj->right = std::move(a);
        g = std::move(lj);
      } else if (IsWord("BIND")) {
        const std::size_t at = Cur().offset;
        Advance();
        nesting.Deeper();
        ExpectPunct("(");
        Expr e = Expression(false);
        ExpectWord("AS");
        if (Cur().kind != Tok::kVar) Expected("a variable after AS");
        const int v = Var(Cur().text);
        Advance();
        ExpectPunct(")");
        std::vector<int> scope;
        InScope(*g, scope);
        if (std::find(scope.begin(), scope.end(), v) != scope.end())
          Error("BIND(... AS ?" + q_.variables[v] + "): ?" + q_.variables[v] + " is already bound in this group", at);
        auto ext = Make(Node::Kind::kExtend, std::move(g), nullptr);
        ext->var = v;
        ext->expr = std::move(e);
        g = std::move(ext);
      } else if (IsPunct("{")) {
        nesting.Deeper();
        auto a = GroupGraphPattern();
        while (AcceptWord("UNION")) {
          if (!IsPunct("{")) Expected("'{' after UNION");
          nesting.Deeper();
          a = Make(Node::Kind::kUnion, std::move(a), GroupGraphPattern());
        }
        g = JoinWith(std::move(g), std::move(a));
      } else if (IsWord("MINUS")) {
        Unsupported("MINUS");
      } else if (IsWord("GRAPH")) {
        Unsupported("GRAPH (named graphs)");
      } else if (IsWord("SERVICE")) {
        Unsupported("SERVICE (federated queries)");
      } else if (IsWord("VALUES")) {
        Unsupported("VALUES");
      } else if (IsWord("UNION")) {
        Expected("a '{...}' group before UNION");
      } else {
        nesting.Deeper();
        g = JoinWith(std::move(g), TriplesBlock(open_triples));
        continue;  // TriplesBlock consumed its own '.'
      }
      AcceptPunct(".");
    }
    if (filters.empty()) return g;
    auto f = Make(Node::Kind::kFilter, std::move(g), nullptr);
    f->filters = std::move(filters);
    return f;
  }

  // Triples up to the next non-triples element; `;` and `,` abbreviations.
  std::unique_ptr<Node> TriplesBlock(bool& open) {
    auto bgp = std::make_unique<Node>();
    bgp->kind = Node::Kind::kBgp;
    for (;;) {
      PatternTerm s = VarOrTerm("a subject");
      for (;;) {
        PatternTerm p = Verb();
        for (;;) {
          PatternTerm o = VarOrTerm("an object");
          bgp->triples.push_back({s, p, o});
          if (!AcceptPunct(",")) break;
        }
        if (!AcceptPunct(";")) break;
        while (AcceptPunct(";")) {
        }
        if (IsPunct(".") || IsPunct("}")) break;  // a trailing ';' is allowed
      }
      if (!AcceptPunct(".")) {
        open = true;
        break;
      }
      if (!StartsTerm()) break;
    }
    return bgp;
  }

  bool StartsTerm() const {
    const Token& t = Cur();
    return t.kind == Tok::kVar || t.kind == Tok::kIri || t.kind == Tok::kPname || t.kind == Tok::kString ||
           t.kind == Tok::kInteger || t.kind == Tok::kDecimal || t.kind == Tok::kDouble || t.kind == Tok::kBlank ||
           (t.kind == Tok::kPunct && (t.text == "[" || t.text == "(")) ||
           (t.kind == Tok::kWord && (t.text == "true" || t.text == "false"));
  }

  PatternTerm Verb() {
    PatternTerm p;
    if (Cur().kind == Tok::kVar) {
      p.var = Var(Cur().text);
      Advance();
      return p;
    }
    if (IsPunct("^") || IsPunct("!") || IsPunct("(")) Unsupported("property paths");
    if (Cur().kind == Tok::kWord && Cur().text == "a") {
      Advance();
      p.constant = SparqlTerm{SparqlTerm::Kind::kIri, std::string(kRdfTypeIri), "", ""};
    } else if (Cur().kind == Tok::kIri || Cur().kind == Tok::kPname) {
      p.constant = SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
    } else {
      Expected("a predicate (an IRI, a prefixed name, 'a' or a variable)");
    }
    if (IsPunct("/") || IsPunct("|") || IsPunct("*") || IsPunct("+") || IsPunct("?"))
      Unsupported("property paths", Cur().offset);
    return p;
  }

  std::string IriValue() {
    std::string v = Cur().kind == Tok::kIri ? Cur().text : ExpandPname(Cur());
    Advance();
    return v;
  }

  PatternTerm VarOrTerm(const char* what) {
    PatternTerm t;
    const Token& c = Cur();
    if (c.kind == Tok::kVar) {
      t.var = Var(c.text);
      Advance();
      return t;
    }
    if (c.kind == Tok::kBlank || IsPunct("[")) Unsupported("blank nodes");
    if (IsPunct("(")) Unsupported("RDF collections");
    if (c.kind == Tok::kIri || c.kind == Tok::kPname) {
      t.constant = SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
      return t;
    }
    if (c.kind == Tok::kString || c.kind == Tok::kInteger || c.kind == Tok::kDecimal || c.kind == Tok::kDouble ||
        (c.kind == Tok::kWord && (c.text == "true" || c.text == "false"))) {
      t.constant = Literal();
      return t;
    }
    Expected(std::string(what) + " (a variable, an IRI, a prefixed name or a literal)");
  }

  SparqlTerm Literal() {
    const Token c = Cur();
    Advance();
    switch (c.kind) {
      case Tok::kInteger: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdInteger), ""};
      case Tok::kDecimal: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdDecimal), ""};
      case Tok::kDouble: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdDouble), ""};
      case Tok::kWord: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdBoolean), ""};
      default: break;
    }
    SparqlTerm t{SparqlTerm::Kind::kLiteral, c.text, "", ""};
    if (Cur().kind == Tok::kLangTag) {
      t.lang = Cur().text;
      for (char& ch : t.lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      Advance();
    } else if (AcceptPunct("^^")) {
      if (Cur().kind != Tok::kIri && Cur().kind != Tok::kPname) Expected("a datatype IRI after ^^");
      t.datatype = IriValue();
      if (t.datatype == kXsdString) t.datatype.clear();  // RDF 1.1: the same term as a simple literal
    }
    return t;
  }

  // ---------------------------------------------------------------- expressions
  Expr Constraint() {
    if (IsPunct("(")) {
      Advance();
      Expr e = Expression(false);
      ExpectPunct(")");
      return e;
    }
    if (Cur().kind == Tok::kWord || Cur().kind == Tok::kPname || Cur().kind == Tok::kIri) return Primary(false);
    Expected("'(' or a function call after FILTER");
  }

  Expr Expression(bool aggregates) {
    Nesting nesting(*this);
    nesting.Deeper();
    Expr left = And(aggregates);
    while (AcceptPunct("||")) {
      nesting.Deeper();
      left = Binary(Op::kOr, std::move(left), And(aggregates));
    }
    return left;
  }
  Expr And(bool aggregates) {
    Nesting nesting(*this);  // the && chain's links are levels too
    Expr left = Relational(aggregates);
    while (AcceptPunct("&&")) {
      nesting.Deeper();
      left = Binary(Op::kAnd, std::move(left), Relational(aggregates));
    }
    return left;
  }
  static Expr Binary(Op op, Expr a, Expr b) {
    Expr e;
    e.op = op;
    e.args.push_back(std::move(a));
    e.args.push_back(std::move(b));
    return e;
  }
  Expr Relational(bool aggregates) {
    Expr left = Additive(aggregates);
    static const std::pair<const char*, Op> kOps[] = {{"=", Op::kEq}, {"!=", Op::kNe}, {"<", Op::kLt},
                                                      {">", Op::kGt}, {"<=", Op::kLe}, {">=", Op::kGe}};
    for (const auto& [text, op] : kOps) {
      if (AcceptPunct(text)) return Binary(op, std::move(left), Additive(aggregates));
    }
    if (IsWord("IN") || (IsWord("NOT") && Ahead(1).kind == Tok::kWord && Iequals(Ahead(1).text, "IN")))
      Unsupported("IN / NOT IN");
    return left;
  }
  Expr Additive(bool aggregates) {
    Expr e = Unary(aggregates);
    if (IsPunct("+") || IsPunct("-") || IsPunct("*") || IsPunct("/")) Unsupported("arithmetic (+ - * /)");
    return e;
  }
  Expr Unary(bool aggregates) {
    if (AcceptPunct("!")) {
      Nesting nesting(*this);
      nesting.Deeper();
      Expr e;
      e.op = Op::kNot;
      e.args.push_back(Unary(aggregates));
      return e;
    }
    if (IsPunct("+") || IsPunct("-")) Unsupported("arithmetic (unary + and -)");
    return Primary(aggregates);
  }

  std::vector<Expr> Args(const std::string& name, std::size_t min, std::size_t max, bool aggregates) {
    const std::size_t at = Cur().offset;
    ExpectPunct("(");
    std::vector<Expr> args;
    if (!IsPunct(")")) {
      do args.push_back(Expression(aggregates));
      while (AcceptPunct(","));
    }
    ExpectPunct(")");
    if (args.size() < min || args.size() > max) {
      std::ostringstream m;
      m << name << " takes " << min;
      if (max != min) m << " to " << max;
      m << " argument" << (max == 1 ? "" : "s") << ", not " << args.size();
      Error(m.str(), at);
    }
    return args;
  }

  Expr Primary(bool aggregates) {
    const Token& c = Cur();
    if (IsPunct("(")) {
      Advance();
      Expr e = Expression(aggregates);
      ExpectPunct(")");
      return e;
    }
    if (c.kind == Tok::kVar) {
      Expr e;
      e.op = Op::kVar;
      e.var = Var(c.text);
      Advance();
      return e;
    }
    if (c.kind == Tok::kIri || c.kind == Tok::kPname) {
      const std::size_t at = c.offset;
      const std::string iri = IriValue();
      if (IsPunct("(")) Unsupported("function calls by IRI (casts and extension functions)", at);
      Expr e;
      e.constant = SparqlTerm{SparqlTerm::Kind::kIri, iri, "", ""};
      return e;
    }
    if (c.kind == Tok::kString || c.kind == Tok::kInteger || c.kind == Tok::kDecimal || c.kind == Tok::kDouble ||
        (c.kind == Tok::kWord && (c.text == "true" || c.text == "false"))) {
      Expr e;
      e.constant = Literal();
      return e;
    }
    if (c.kind != Tok::kWord) Expected("an expression");
    const std::size_t at = c.offset;
    const std::string name = Upper(c.text);
    if (name == "NOT" && Ahead(1).kind == Tok::kWord && Iequals(Ahead(1).text, "EXISTS")) Unsupported("NOT EXISTS");
    if (UnsupportedBuiltins().count(name)) Unsupported(name + "()");
    if (UnsupportedAggregates().count(name)) Unsupported("the aggregate " + name + " (only COUNT)");
    Advance();
    static const std::map<std::string, std::pair<Op, std::pair<std::size_t, std::size_t>>> kCalls = {
        {"STR", {Op::kStr, {1, 1}}},           {"LCASE", {Op::kLcase, {1, 1}}},
        {"UCASE", {Op::kUcase, {1, 1}}},       {"CONTAINS", {Op::kContains, {2, 2}}},
        {"STRSTARTS", {Op::kStrStarts, {2, 2}}}, {"STRENDS", {Op::kStrEnds, {2, 2}}},
        {"REGEX", {Op::kRegex, {2, 3}}},
    };
    if (auto it = kCalls.find(name); it != kCalls.end()) {
      if (!IsPunct("(")) Expected("'(' after " + name);
      Expr e;
      e.op = it->second.first;
      e.args = Args(name, it->second.second.first, it->second.second.second, aggregates);
      return e;
    }
    if (name == "BOUND") {
      ExpectPunct("(");
      if (Cur().kind != Tok::kVar) Expected("a variable in BOUND(...)");
      Expr e;
      e.op = Op::kBound;
      e.var = Var(Cur().text);
      Advance();
      ExpectPunct(")");
      return e;
    }
    if (name == "COUNT") {
      if (!aggregates) Unsupported("aggregates outside SELECT (use (COUNT(...) AS ?n) and refer to ?n)", at);
      has_aggregate_ = true;
      ExpectPunct("(");
      Expr e;
      e.op = Op::kCount;
      e.distinct = AcceptWord("DISTINCT");
      if (!AcceptPunct("*")) e.args.push_back(Expression(false));
      ExpectPunct(")");
      return e;
    }
    Error("unknown function or keyword '" + c.text + "'", at);
  }

  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  Query q_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, int> var_index_;
  bool has_aggregate_ = false;
};

// "line L, column C: message", then the line and a caret under column C.
std::string Locate(std::string_view text, std::size_t offset, const std::string& message) {
  offset = std::min(offset, text.size());
  if (offset == text.size())  // the end: point just after the last word rather than at a blank line
    while (offset > 0 && std::isspace(static_cast<unsigned char>(text[offset - 1]))) --offset;
  const std::size_t line_start = text.rfind('\n', offset == 0 ? std::string_view::npos : offset - 1);
  const std::size_t begin = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t line_no = static_cast<std::size_t>(std::count(text.begin(), text.begin() + begin, '\n')) + 1;
  // Columns count characters, not bytes; tabs are kept so the caret lines up.
  std::string pad;
  std::size_t column = 1;
  for (std::size_t i = begin; i < offset && i < end; ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if ((ch & 0xC0) == 0x80) continue;
    ++column;
    pad += ch == '\t' ? '\t' : ' ';
  }
  std::ostringstream out;
  out << "line " << line_no << ", column " << column << ": " << message << "\n  " << line << "\n  " << pad << '^';
  return out.str();
}

}  // namespace

Result<Query> Parse(std::string_view text) {
  try {
    Lexer lexer(text);
    Parser parser(lexer.Run());
    return parser.Run();
  } catch (const ParseError& e) {
    if (e.code == Status::Code::kUnsupported) return Status::Unsupported(Locate(text, e.offset, e.message));
    return Status::InvalidArgument(Locate(text, e.offset, "syntax error: " + e.message));
  }
}

}  // namespace vnkg::sparql

namespace vnkg {

Status ParseSparql(std::string_view query) {
  auto parsed = sparql::Parse(query);
  return parsed.ok() ? Status::Ok() : parsed.status();
}

}  // namespace vnkg

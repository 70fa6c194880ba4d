// Evaluation of the SPARQL algebra (sparql_internal.h) over the RDF view.
//
// Solutions are rows of term ids (Vid), one slot per query variable, 0 for
// unbound; terms are decoded only for the final rows. Eval(node, rows)
// computes Join(rows, [[node]]): basic graph patterns, joins and unions take
// the rows' bindings into their lookups (index nested loops: every pattern
// with a bound term is one prefix scan), while FILTER, OPTIONAL and BIND,
// whose meaning depends on what their own group binds, are evaluated on their
// own and then joined, as SPARQL's bottom-up semantics requires.
#include <unicode/regex.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_set>

#include "sparql_internal.h"

namespace vnkg::sparql {
namespace {

using Row = std::vector<Vid>;
using Rows = std::vector<Row>;

struct RowHash {
  std::size_t operator()(const Row& r) const {
    std::size_t h = 1469598103934665603ULL;
    for (Vid v : r) h = (h ^ v) * 1099511628211ULL;
    return h;
  }
};

// A value of an expression: a term, or an error (unbound variable, type error).
struct Val {
  bool ok = false;
  SparqlTerm t;
};
Val Error() { return {}; }
Val Term(SparqlTerm t) { return {true, std::move(t)}; }
Val Bool(bool b) { return Term({SparqlTerm::Kind::kLiteral, b ? "true" : "false", std::string(kXsdBoolean), ""}); }
Val Str(std::string s, std::string lang = "") { return Term({SparqlTerm::Kind::kLiteral, std::move(s), "", std::move(lang)}); }

bool IsLiteral(const SparqlTerm& t) { return t.kind == SparqlTerm::Kind::kLiteral; }
// A simple literal, xsd:string (stored as simple) or a language-tagged string.
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

// Ordering of two literals by the SPARQL operators, when one is defined.
std::optional<int> CompareValues(const SparqlTerm& a, const SparqlTerm& b) {
  if (IsNumeric(a) && IsNumeric(b)) {
    auto x = Number(a), y = Number(b);
    if (!x || !y || std::isnan(*x) || std::isnan(*y)) return std::nullopt;
    return *x < *y ? -1 : (*x > *y ? 1 : 0);
  }
  if (IsSimple(a) && IsSimple(b)) {  // code point order: UTF-8 byte order
    const int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  if (IsBoolean(a) && IsBoolean(b)) {
    const bool x = a.value == "true" || a.value == "1", y = b.value == "true" || b.value == "1";
    return int(x) - int(y);
  }
  return std::nullopt;
}

// The = operator: value equality where the types allow, else RDF term equality.
std::optional<bool> Equal(const SparqlTerm& a, const SparqlTerm& b) {
  if (!IsLiteral(a) || !IsLiteral(b)) return a == b;
  if (auto c = CompareValues(a, b)) return *c == 0;
  if (a == b) return true;
  if (IsStringLike(a) && IsStringLike(b)) return false;  // differ in text or language
  return std::nullopt;                                    // e.g. "3" = 3: a type error
}

// Effective boolean value (SPARQL 1.1, 17.2.2).
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

// String functions take two strings whose languages are compatible.
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

// Order of ORDER BY: unbound, IRIs, then literals (numbers, strings,
// booleans, others), each by value.
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

class Evaluator {
 public:
  Evaluator(const Query& q, const View& view, const Store& store, const SparqlOptions& options)
      : q_(q), view_(view), store_(store), options_(options), width_(q.variables.size()), deadline_(options.deadline) {}

  Result<SparqlResult> Run();

 private:
  // ------------------------------------------------------------ terms
  const SparqlTerm& TermOf(Vid id) const {
    return id <= view_.size() ? view_.term(id).term : extra_[id - view_.size() - 1];
  }
  Vid Intern(const SparqlTerm& t) {
    if (Vid id = view_.Lookup(t)) return id;
    std::string key = View::Key(t);
    auto it = extra_keys_.find(key);
    if (it != extra_keys_.end()) return it->second;
    extra_.push_back(t);
    const Vid id = static_cast<Vid>(view_.size() + extra_.size());
    extra_keys_.emplace(std::move(key), id);
    return id;
  }

  // ------------------------------------------------------------ limits
  bool Check(std::size_t rows) {
    if (!stop_.ok()) return false;
    if (rows > options_.max_rows) {
      stop_ = Status::Aborted("the query needs more than " + std::to_string(options_.max_rows) +
                              " intermediate solutions; make its patterns more specific or raise the limit "
                              "(vnkg query --max-rows)");
      return false;
    }
    return Tick();
  }
  // For loops that make no rows (rejected matches, filters, sorting keys):
  // a query may spin there as long as in one that grows.
  bool Tick() {
    if (!stop_.ok()) return false;
    if (deadline_.Poll()) {
      stop_ = deadline_.Stop("query", std::to_string(produced_) + " intermediate solutions computed");
      return false;
    }
    if ((++ticks_ & 0xFFF) == 0 && options_.interrupted && options_.interrupted()) {
      stop_ = Status::Aborted("query cancelled");
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------ triples
  bool Foreign(Vid v) const { return v > view_.size(); }

  // Every triple of the view matching (s, p, o), 0 = unbound. Attribute
  // triples come from memory; facts from one Store::Match prefix scan.
  template <typename F>
  Status MatchAny(Vid s, Vid p, Vid o, F&& visit) const {
    if (Foreign(s) || Foreign(p) || Foreign(o)) return Status::Ok();  // not in the data
    const ViewTerm* pt = p ? &view_.term(p) : nullptr;
    bool go_on = true;
    if (!pt || !pt->store_predicate) {
      view_.MatchAttributes(s, p, o, [&](Vid a, Vid b, Vid c) { return go_on = visit(a, b, c); });
      if (!go_on) return Status::Ok();
    }
    TriplePattern pattern;
    if (pt) {
      if (!pt->store_predicate) return Status::Ok();
      pattern.predicate = pt->store_id;
    }
    for (auto [vid, slot] : {std::pair{s, &pattern.subject}, std::pair{o, &pattern.object}}) {
      if (!vid) continue;
      const ViewTerm& t = view_.term(vid);
      if (!t.store_id || t.store_predicate) return Status::Ok();  // literals and unstored entities are in no fact
      *slot = t.store_id;
    }
    return store_.Match(pattern, [&](TermId a, TermId b, TermId c) {
      const Vid va = view_.FromStore(a), vb = view_.FromStore(b), vc = view_.FromStore(c);
      if (!va || !vb || !vc) return true;  // a predicate outside the vocabulary: not in the RDF view
      return visit(va, vb, vc);
    });
  }

  struct Pattern {
    const TriplePatternQ* source;
    std::array<Vid, 3> c{};   // constants (0 where a variable)
    std::array<int, 3> v{-1, -1, -1};
    double estimate = 0;
  };

  // Matches of the pattern's constants, counted up to a cap: cheap, and
  // exact where it matters (the selective patterns).
  Result<double> Estimate(const Pattern& pat) const {
    const auto [s, p, o] = pat.c;
    if (Foreign(s) || Foreign(p) || Foreign(o)) return 0.0;
    const ViewTerm* pt = p ? &view_.term(p) : nullptr;
    double n = (pt && pt->store_predicate) ? 0 : double(view_.CountAttributes(s, p, o));
    if (pt && !pt->store_predicate) return n;
    if (!s && !p && !o) return n + double(view_.fact_count());
    constexpr std::size_t kCap = 10000;
    std::size_t facts = 0;
    Status st = MatchAny(s, pt ? p : 0, o, [&](Vid, Vid b, Vid) {
      if (!pt && !view_.term(b).store_predicate) return true;  // attributes were counted above
      return ++facts < kCap;
    });
    if (!st.ok()) return st;
    return n + double(facts);
  }

  Status EvalBgp(const std::vector<TriplePatternQ>& triples, Rows& rows) {
    std::vector<Pattern> pats;
    for (const auto& t : triples) {
      Pattern pat;
      pat.source = &t;
      const PatternTerm* pos[3] = {&t.s, &t.p, &t.o};
      for (int i = 0; i < 3; ++i) {
        if (pos[i]->is_var()) {
          pat.v[i] = pos[i]->var;
        } else {
          pat.c[i] = view_.Lookup(pos[i]->constant);
          if (!pat.c[i]) {  // a term the data does not have: no solutions
            rows.clear();
            return Status::Ok();
          }
        }
      }
      auto cached = estimates_.find(&t);
      if (cached == estimates_.end()) {
        auto e = Estimate(pat);
        if (!e.ok()) return e.status();
        cached = estimates_.emplace(&t, *e).first;
      }
      pat.estimate = cached->second;
      pats.push_back(pat);
    }

    // Greedy order: the pattern with the fewest expected matches next,
    // counting each already bound variable as a strong filter, and never a
    // disconnected pattern (a cross product) while a connected one remains.
    std::vector<bool> bound(width_, false);
    for (const Row& r : rows)
      for (std::size_t i = 0; i < width_; ++i)
        if (r[i]) bound[i] = true;
    std::vector<Pattern> order;
    while (!pats.empty()) {
      std::size_t best = 0;
      std::pair<bool, double> best_key{true, 0};
      const bool any_bound = std::find(bound.begin(), bound.end(), true) != bound.end();
      for (std::size_t i = 0; i < pats.size(); ++i) {
        int shared = 0, vars = 0;
        for (int v : pats[i].v)
          if (v >= 0) ++vars, shared += bound[v] ? 1 : 0;
        const bool disconnected = any_bound && vars > 0 && shared == 0;
        const std::pair<bool, double> key{disconnected, pats[i].estimate / std::pow(20.0, shared)};
        if (i == 0 || key < best_key) best = i, best_key = key;
      }
      for (int v : pats[best].v)
        if (v >= 0) bound[v] = true;
      order.push_back(pats[best]);
      pats.erase(pats.begin() + static_cast<std::ptrdiff_t>(best));
    }

    for (const Pattern& pat : order) {
      Rows next;
      for (const Row& row : rows) {
        if (!Tick()) return stop_;  // rows that match nothing cost a seek each, and make no row to count
        Vid q[3];
        for (int i = 0; i < 3; ++i) q[i] = pat.v[i] >= 0 ? row[pat.v[i]] : pat.c[i];
        Status st = MatchAny(q[0], q[1], q[2], [&](Vid a, Vid b, Vid c) {
          Row r = row;
          const Vid got[3] = {a, b, c};
          for (int i = 0; i < 3; ++i) {
            const int v = pat.v[i];
            if (v < 0) continue;
            if (!r[v]) r[v] = got[i];
            else if (r[v] != got[i]) return Tick();  // ?x ?p ?x and the like
          }
          next.push_back(std::move(r));
          ++produced_;
          return Check(next.size());
        });
        if (!st.ok()) return st;
        if (!stop_.ok()) return stop_;
      }
      rows = std::move(next);
      if (rows.empty()) break;
    }
    return Status::Ok();
  }

  // ------------------------------------------------------------ algebra
  bool IsUnit(const Rows& rows) const {
    return rows.size() == 1 && std::all_of(rows[0].begin(), rows[0].end(), [](Vid v) { return v == 0; });
  }
  Rows Unit() const { return Rows{Row(width_, 0)}; }

  static bool Compatible(const Row& a, const Row& b) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] && b[i] && a[i] != b[i]) return false;
    return true;
  }
  static Row Merge(const Row& a, const Row& b) {
    Row r = a;
    for (std::size_t i = 0; i < r.size(); ++i)
      if (!r[i]) r[i] = b[i];
    return r;
  }
  // Variables bound in every row.
  std::vector<int> AlwaysBound(const Rows& rows) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < width_; ++i)
      if (std::all_of(rows.begin(), rows.end(), [i](const Row& r) { return r[i] != 0; })) out.push_back(int(i));
    return out;
  }

  // Join of two multisets: hashed on the variables both always bind.
  Status JoinRows(Rows& left, const Rows& right) {
    std::vector<int> a = AlwaysBound(left), b = AlwaysBound(right), keys;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(keys));
    auto key_of = [&keys](const Row& r) {
      Row k;
      for (int v : keys) k.push_back(r[v]);
      return k;
    };
    std::unordered_map<Row, std::vector<const Row*>, RowHash> table;
    for (const Row& r : right) {
      if (!Tick()) return stop_;
      table[key_of(r)].push_back(&r);
    }
    Rows out;
    for (const Row& l : left) {
      if (!Tick()) return stop_;
      auto it = table.find(key_of(l));
      if (it == table.end()) continue;
      for (const Row* r : it->second) {
        if (!Compatible(l, *r)) {
          if (!Tick()) return stop_;
          continue;
        }
        out.push_back(Merge(l, *r));
        ++produced_;
        if (!Check(out.size())) return stop_;
      }
    }
    left = std::move(out);
    return Status::Ok();
  }

  static bool Safe(const Node& n) {  // Join(rows, [[n]]) may be computed by substitution
    switch (n.kind) {
      case Node::Kind::kUnit:
      case Node::Kind::kBgp: return true;
      case Node::Kind::kJoin:
      case Node::Kind::kUnion: return Safe(*n.left) && Safe(*n.right);
      default: return false;
    }
  }

  bool Passes(const std::vector<Expr>& filters, const Row& row) {
    for (const Expr& f : filters) {
      auto b = Ebv(Eval(f, row, nullptr));
      if (!b || !*b) return false;
    }
    return true;
  }

  // rows := Join(rows, [[node]])
  Status Eval(const Node& n, Rows& rows) {
    if (!stop_.ok()) return stop_;
    switch (n.kind) {
      case Node::Kind::kUnit: return Status::Ok();
      case Node::Kind::kBgp: return EvalBgp(n.triples, rows);
      case Node::Kind::kJoin:
        VNKG_RETURN_IF_ERROR(Eval(*n.left, rows));
        return Eval(*n.right, rows);
      case Node::Kind::kUnion: {
        Rows other = rows;
        VNKG_RETURN_IF_ERROR(Eval(*n.left, rows));
        VNKG_RETURN_IF_ERROR(Eval(*n.right, other));
        if (!Check(rows.size() + other.size())) return stop_;
        rows.insert(rows.end(), std::make_move_iterator(other.begin()), std::make_move_iterator(other.end()));
        return Status::Ok();
      }
      default: break;
    }
    if (!IsUnit(rows)) {  // FILTER, OPTIONAL and BIND see only their own group
      Rows own = Unit();
      VNKG_RETURN_IF_ERROR(Eval(n, own));
      return JoinRows(rows, own);
    }
    VNKG_RETURN_IF_ERROR(Eval(*n.left, rows));
    switch (n.kind) {
      case Node::Kind::kFilter: {
        Rows kept;
        for (Row& r : rows) {
          if (!Check(0)) return stop_;
          if (Passes(n.filters, r)) kept.push_back(std::move(r));
        }
        rows = std::move(kept);
        return Status::Ok();
      }
      case Node::Kind::kExtend:
        for (Row& r : rows) {
          if (!Tick()) return stop_;
          Val v = Eval(n.expr, r, nullptr);
          if (v.ok) r[n.var] = Intern(v.t);
        }
        return Status::Ok();
      case Node::Kind::kLeftJoin: {
        Rows out;
        const bool safe = Safe(*n.right);
        Rows right;
        if (!safe) {
          right = Unit();
          VNKG_RETURN_IF_ERROR(Eval(*n.right, right));
        }
        for (const Row& l : rows) {
          bool matched = false;
          auto take = [&](Row merged) {
            if (!Passes(n.filters, merged)) return;
            matched = true;
            out.push_back(std::move(merged));
            ++produced_;
          };
          if (safe) {
            Rows one{l};
            VNKG_RETURN_IF_ERROR(Eval(*n.right, one));
            for (Row& m : one) {
              if (!Tick()) return stop_;
              take(std::move(m));
            }
          } else {
            for (const Row& r : right) {
              if (!Tick()) return stop_;
              if (Compatible(l, r)) take(Merge(l, r));
            }
          }
          if (!matched) out.push_back(l);
          if (!Check(out.size())) return stop_;
        }
        rows = std::move(out);
        return Status::Ok();
      }
      default: return Status::Ok();
    }
  }

  // ------------------------------------------------------------ expressions
  using Group = std::vector<const Row*>;

  Val Eval(const Expr& e, const Row& row, const Group* group) {
    switch (e.op) {
      case Op::kConst: return Term(e.constant);
      case Op::kVar: return row[e.var] ? Term(TermOf(row[e.var])) : Error();
      case Op::kBound: return Bool(row[e.var] != 0);
      case Op::kOr: {
        auto a = Ebv(Eval(e.args[0], row, group)), b = Ebv(Eval(e.args[1], row, group));
        if ((a && *a) || (b && *b)) return Bool(true);
        if (a && b) return Bool(false);
        return Error();
      }
      case Op::kAnd: {
        auto a = Ebv(Eval(e.args[0], row, group)), b = Ebv(Eval(e.args[1], row, group));
        if ((a && !*a) || (b && !*b)) return Bool(false);
        if (a && b) return Bool(true);
        return Error();
      }
      case Op::kNot: {
        auto a = Ebv(Eval(e.args[0], row, group));
        return a ? Bool(!*a) : Error();
      }
      case Op::kCount: return Count(e, group);
      default: break;
    }
    std::vector<Val> args;
    for (const Expr& a : e.args) {
      args.push_back(Eval(a, row, group));
      if (!args.back().ok) return Error();
    }
    switch (e.op) {
      case Op::kEq:
      case Op::kNe: {
        auto eq = Equal(args[0].t, args[1].t);
        if (!eq) return Error();
        return Bool(e.op == Op::kEq ? *eq : !*eq);
      }
      case Op::kLt:
      case Op::kGt:
      case Op::kLe:
      case Op::kGe: {
        auto c = CompareValues(args[0].t, args[1].t);
        if (!c) return Error();
        switch (e.op) {
          case Op::kLt: return Bool(*c < 0);
          case Op::kGt: return Bool(*c > 0);
          case Op::kLe: return Bool(*c <= 0);
          default: return Bool(*c >= 0);
        }
      }
      case Op::kStr:
        return Str(args[0].t.value);
      case Op::kLcase:
      case Op::kUcase:
        if (!IsStringLike(args[0].t)) return Error();
        return Str(ChangeCase(args[0].t.value, e.op == Op::kLcase), args[0].t.lang);
      case Op::kContains:
      case Op::kStrStarts:
      case Op::kStrEnds: {
        if (!ArgCompatible(args[0].t, args[1].t)) return Error();
        const std::string& s = args[0].t.value;
        const std::string& x = args[1].t.value;
        if (e.op == Op::kContains) return Bool(s.find(x) != std::string::npos);
        if (e.op == Op::kStrStarts) return Bool(s.rfind(x, 0) == 0);
        return Bool(s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0);
      }
      case Op::kRegex: {
        if (!IsStringLike(args[0].t) || !IsSimple(args[1].t)) return Error();
        if (args.size() == 3 && !IsSimple(args[2].t)) return Error();
        const icu::RegexPattern* re = Regex(args[1].t.value, args.size() == 3 ? args[2].t.value : "");
        if (!re) return Error();
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString text = icu::UnicodeString::fromUTF8(args[0].t.value);
        std::unique_ptr<icu::RegexMatcher> m(re->matcher(text, status));
        if (U_FAILURE(status)) return Error();
        const bool found = m->find(0, status);
        if (U_FAILURE(status)) return Error();
        return Bool(found);
      }
      default: return Error();
    }
  }

  // Compiled once per pattern and flags; nullptr for a bad pattern or flag
  // (an expression error: the FILTER is false, as SPARQL says).
  const icu::RegexPattern* Regex(const std::string& pattern, const std::string& flags) {
    const std::string key = flags + '\0' + pattern;
    auto it = regexes_.find(key);
    if (it != regexes_.end()) return it->second.get();
    uint32_t f = 0;
    bool good = true;
    for (char c : flags) {
      switch (c) {
        case 'i': f |= UREGEX_CASE_INSENSITIVE; break;
        case 's': f |= UREGEX_DOTALL; break;
        case 'm': f |= UREGEX_MULTILINE; break;
        case 'x': f |= UREGEX_COMMENTS; break;
        case 'q': f |= UREGEX_LITERAL; break;
        default: good = false;
      }
    }
    std::unique_ptr<icu::RegexPattern> re;
    if (good) {
      UErrorCode status = U_ZERO_ERROR;
      UParseError perr;
      re.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), f, perr, status));
      if (U_FAILURE(status)) re.reset();
    }
    return regexes_.emplace(key, std::move(re)).first->second.get();
  }

  Val Count(const Expr& e, const Group* group) {
    if (!group) return Error();
    std::uint64_t n = 0;
    if (e.args.empty()) {
      if (!e.distinct) {
        n = group->size();
      } else {
        std::unordered_set<Row, RowHash> seen;
        for (const Row* r : *group) seen.insert(*r);
        n = seen.size();
      }
    } else {
      std::unordered_set<Vid> seen;
      for (const Row* r : *group) {
        Val v = Eval(e.args[0], *r, nullptr);
        if (!v.ok) continue;
        if (e.distinct) seen.insert(Intern(v.t));
        else ++n;
      }
      if (e.distinct) n = seen.size();
    }
    return Term({SparqlTerm::Kind::kLiteral, std::to_string(n), std::string(kXsdInteger), ""});
  }

  // ------------------------------------------------------------ modifiers
  Status Aggregate(Rows& rows) {
    std::vector<Row> keys;
    std::unordered_map<Row, std::size_t, RowHash> index;
    std::vector<Group> groups;
    if (q_.group_by.empty()) {  // one group, even of no solutions
      keys.push_back(Row());
      groups.emplace_back();
      for (const Row& r : rows) groups[0].push_back(&r);
    } else {
      for (const Row& r : rows) {
        if (!Tick()) return stop_;
        Row key;
        for (int v : q_.group_by) key.push_back(r[v]);
        auto [it, fresh] = index.emplace(key, groups.size());
        if (fresh) keys.push_back(std::move(key)), groups.emplace_back();
        groups[it->second].push_back(&r);
      }
    }
    Rows out;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!Tick()) return stop_;
      Row r(width_, 0);
      for (std::size_t k = 0; k < q_.group_by.size(); ++k) r[q_.group_by[k]] = keys[g][k];
      for (const Projection& p : q_.projection) {
        if (!p.expr) continue;
        Val v = Eval(*p.expr, r, &groups[g]);
        if (v.ok) r[p.var] = Intern(v.t);
      }
      out.push_back(std::move(r));
    }
    rows = std::move(out);
    return Status::Ok();
  }

  const Query& q_;
  const View& view_;
  const Store& store_;
  const SparqlOptions& options_;
  const std::size_t width_;
  std::vector<SparqlTerm> extra_;
  std::unordered_map<std::string, Vid> extra_keys_;
  std::map<const TriplePatternQ*, double> estimates_;
  std::map<std::string, std::unique_ptr<icu::RegexPattern>> regexes_;
  Status stop_;
  std::uint64_t ticks_ = 0;
  Deadline deadline_;
  std::uint64_t produced_ = 0;  // solutions made by all steps: how far a stopped query got
};

Result<SparqlResult> Evaluator::Run() {
  if (deadline_.Check()) return deadline_.Stop("query", "");
  Rows rows = Unit();
  VNKG_RETURN_IF_ERROR(Eval(*q_.where, rows));
  if (q_.aggregated) {
    VNKG_RETURN_IF_ERROR(Aggregate(rows));
  } else {
    for (const Projection& p : q_.projection) {
      if (!p.expr) continue;
      for (Row& r : rows) {
        if (!Tick()) return stop_;
        Val v = Eval(*p.expr, r, nullptr);
        if (v.ok) r[p.var] = Intern(v.t);
      }
    }
  }
  if (!q_.order_by.empty()) {
    std::vector<std::vector<Val>> keys(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!Tick()) return stop_;
      for (const OrderKey& k : q_.order_by) keys[i].push_back(Eval(k.expr, rows[i], nullptr));
    }
    std::vector<std::size_t> idx(rows.size());
    for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      for (std::size_t k = 0; k < q_.order_by.size(); ++k) {
        int c = OrderCompare(keys[a][k], keys[b][k]);
        if (q_.order_by[k].descending) c = -c;
        if (c) return c < 0;
      }
      return false;
    });
    Rows sorted;
    sorted.reserve(rows.size());
    for (std::size_t i : idx) sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
  }
  Rows projected;
  std::unordered_set<Row, RowHash> seen;
  std::uint64_t skipped = 0;
  for (const Row& r : rows) {
    if (!Tick()) return stop_;
    Row p;
    for (const Projection& item : q_.projection) p.push_back(r[item.var]);
    if (q_.distinct && !seen.insert(p).second) continue;
    if (skipped < q_.offset) {
      ++skipped;
      continue;
    }
    if (q_.limit && projected.size() >= *q_.limit) break;
    projected.push_back(std::move(p));
  }
  SparqlResult result;
  for (const Projection& item : q_.projection) result.variables.push_back(q_.variables[item.var]);
  for (const Row& p : projected) {
    std::vector<SparqlTerm> out;
    for (Vid v : p) out.push_back(v ? TermOf(v) : SparqlTerm{});
    result.rows.push_back(std::move(out));
  }
  return result;
}

class EngineImpl final : public SparqlEngine {
 public:
  EngineImpl(const Store& store, std::unique_ptr<View> view) : store_(store), view_(std::move(view)) {}
  Result<SparqlResult> Run(std::string_view text, const SparqlOptions& options) const override {
    auto query = Parse(text);
    if (!query.ok()) return query.status();
    return Evaluate(*query, *view_, store_, options);
  }

 private:
  const Store& store_;
  std::unique_ptr<View> view_;
};

}  // namespace

Result<SparqlResult> Evaluate(const Query& query, const View& view, const Store& store, const SparqlOptions& options) {
  Evaluator evaluator(query, view, store, options);
  return evaluator.Run();
}

}  // namespace vnkg::sparql

namespace vnkg {

Result<std::unique_ptr<SparqlEngine>> SparqlEngine::Create(const Store& store) {
  auto view = sparql::View::Build(store);
  if (!view.ok()) return view.status();
  return std::unique_ptr<SparqlEngine>(new sparql::EngineImpl(store, std::move(view.value())));
}

Result<SparqlResult> RunSparql(const Store& store, std::string_view query, const SparqlOptions& options) {
  // Parse first: a malformed query should not pay for building the view.
  auto parsed = sparql::Parse(query);
  if (!parsed.ok()) return parsed.status();
  auto view = sparql::View::Build(store);
  if (!view.ok()) return view.status();
  return sparql::Evaluate(*parsed, **view, store, options);
}

}  // namespace vnkg

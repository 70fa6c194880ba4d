// Internals of the SPARQL engine (sparql.h), in stages:
//   text --lexer (sparql_lexer.*)--> tokens
//        --parser (sparql_parse*.cc) + binder (sparql_bind.cc)--> algebra (this header)
//        --planner (sparql_plan.cc) + evaluator (sparql_eval*.cc)--> solutions
//        --formats (sparql_format.cc)--> text.
// Built-in functions and aggregates are one table (sparql_functions.h) that
// the parser, the evaluator, completion, help and the fuzz dictionary read.
// The evaluator reads triples through TripleSource (scan by pattern, count
// estimate), not through the Store; sparql_source.cc adapts a Store to it.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vnkg/query/sparql.h"

namespace vnkg::sparql {

inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";

struct Function;  // sparql_functions.h
struct Node;
struct SelectQuery;

// ------------------------------------------------------------------ algebra

// A position in a triple pattern: a variable (index into Query::variables) or
// a constant term.
struct PatternTerm {
  int var = -1;  // >= 0: a variable
  SparqlTerm constant;
  bool is_var() const { return var >= 0; }
};

struct TriplePatternQ {
  PatternTerm s, p, o;
};

// A property path (SPARQL 1.1, 9.1).
struct Path {
  // kNegated: one step by any predicate but those of `parts` (kLinks), the
  // forward half of a negated property set !(...); its inverse half is a
  // kInverse of a kNegated.
  enum class Kind { kLink, kInverse, kSequence, kAlternative, kZeroOrMore, kOneOrMore, kZeroOrOne, kNegated };
  Kind kind = Kind::kLink;
  SparqlTerm iri;           // kLink
  std::vector<Path> parts;  // kInverse, the repeats: one; kSequence, kAlternative: two or more; kNegated: any
};

enum class Op {
  kVar, kConst,
  kOr, kAnd, kNot,
  kEq, kNe, kLt, kGt, kLe, kGe,
  kIn, kNotIn,        // args[0] IN (args[1..])
  kAdd, kSubtract, kMultiply, kDivide,  // numeric, two args (SPARQL 1.1, 17.3: XPath's op:numeric-*)
  kNegate, kPlus,     // unary - and +, one arg
  kCall,              // a built-in of the function table: fn
  kAggregate,         // an aggregate of the function table: fn; args empty for COUNT(*)
  kExists, kNotExists,  // pattern
};

struct Expr {
  Op op = Op::kConst;
  int var = -1;          // kVar
  SparqlTerm constant;   // kConst
  std::vector<Expr> args;
  const Function* fn = nullptr;          // kCall, kAggregate
  bool distinct = false;                 // kAggregate
  std::string separator = " ";           // GROUP_CONCAT
  std::shared_ptr<const Node> pattern;   // kExists, kNotExists
};

struct Node {
  enum class Kind { kUnit, kBgp, kJoin, kLeftJoin, kUnion, kFilter, kExtend, kMinus, kValues, kPath, kSubquery };
  Kind kind = Kind::kUnit;  // kUnit: the one empty solution (an empty group)
  std::vector<TriplePatternQ> triples;  // kBgp
  std::unique_ptr<Node> left, right;    // kJoin, kLeftJoin, kUnion, kMinus; kFilter/kExtend: left
  std::vector<Expr> filters;            // kFilter; kLeftJoin: the OPTIONAL's own filters
  int var = -1;                         // kExtend
  Expr expr;                            // kExtend
  std::vector<int> values_vars;                       // kValues
  std::vector<std::vector<SparqlTerm>> values_rows;   // kValues: kUnbound for UNDEF
  PatternTerm path_s, path_o;           // kPath
  Path path;                            // kPath
  std::shared_ptr<const SelectQuery> subquery;  // kSubquery
};

struct Projection {
  int var = -1;
  std::optional<Expr> expr;  // (expr AS ?var)
};

struct OrderKey {
  Expr expr;
  bool descending = false;
};

// SELECT and its modifiers; also a subquery, and the solution part of the
// other forms.
struct SelectQuery {
  std::unique_ptr<Node> where;
  bool distinct = false;
  std::vector<Projection> projection;  // SELECT * is expanded to the pattern's variables
  bool aggregated = false;             // GROUP BY or an aggregate in SELECT or HAVING
  std::vector<int> group_by;
  std::vector<Expr> having;
  std::vector<OrderKey> order_by;
  // ORDER BY keys with an aggregate: computed per group like the SELECT
  // expressions, into hidden variables that the keys then name.
  std::vector<Projection> order_aggregates;
  std::optional<std::uint64_t> limit;
  std::uint64_t offset = 0;
  std::unique_ptr<Node> values;  // trailing VALUES (kValues), joined after HAVING
};

struct Query {
  enum class Form { kSelect, kAsk, kConstruct, kDescribe };
  Form form = Form::kSelect;
  std::vector<std::string> variables;  // every variable of the query, by index
  SelectQuery select;
  std::vector<TriplePatternQ> construct_template;  // kConstruct
  std::vector<PatternTerm> describe;               // kDescribe: IRIs and variables
};

// Parses the supported subset; errors as documented in sparql.h.
Result<Query> Parse(std::string_view text);

// ------------------------------------------------------------------ triples

// Term ids of one query: dense indexes into the source's terms, then into the
// query's own terms (constants not in the data, computed values). 0: unbound.
using Vid = std::uint32_t;

// What the evaluator reads: a dictionary of terms with dense ids, triples by
// pattern (0 = any), and how many triples a pattern is likely to match.
class TripleSource {
 public:
  virtual ~TripleSource() = default;
  virtual std::size_t size() const = 0;  // ids are 1..size()
  virtual const SparqlTerm& term(Vid id) const = 0;
  virtual Vid Lookup(const SparqlTerm& term) const = 0;  // 0 when absent
  // Calls `visit` for each matching triple until it returns false.
  virtual Status Scan(Vid s, Vid p, Vid o, const std::function<bool(Vid, Vid, Vid)>& visit) const = 0;
  virtual Result<double> Estimate(Vid s, Vid p, Vid o) const = 0;
  // How many triples match (s, p, o) (0 = any), per term at position
  // `group` (0 subject, 1 predicate, 2 object; REQUIRES that position
  // unbound), or in all when `group` is -1 (then one pair, id 0). Exactly
  // what Scan would visit, counted without making rows; the order of groups
  // is unspecified. The default counts a Scan; a source may know its counts.
  virtual Status CountBy(Vid s, Vid p, Vid o, int group, std::vector<std::pair<Vid, std::uint64_t>>& out) const;
  // Where a triple comes from, one line each (DESCRIBE prints them as comments).
  virtual std::vector<std::string> Provenance(Vid, Vid, Vid) const { return {}; }
};

// ------------------------------------------------------------------ the view

// Everything of the RDF view but the fact triples: the terms (entities,
// their classes and literals, the predicates) with dense ids, and the entity
// attribute triples (type, label, date, ...) in three sorted orderings.
//
// A View reads one byte layout (sparql_view.cc has it) in place: the kept
// copy as the store hands it out (Store::ReadDerived: memory-mapped, not
// copied), or the bytes Build encoded. Loading checks the layout's sizes
// only; a term's strings are decoded on its first use, so that a process
// answering one query decodes the terms that query touches, not all of them.
// Every id read from the bytes is checked against size() where it is used:
// damaged bytes never read outside the view. Safe for concurrent use.
class View {
 public:
  using Triple = std::array<Vid, 3>;

  // Computes the view from the store: every entity and every fact is read.
  static Result<std::unique_ptr<View>> Build(const Store& store);
  // The view the store keeps (Store::ReadDerived, kept by KeepStartupIndexes)
  // when it is of the current write generation, else Build(store).
  // REQUIRES: the view is destroyed before `store` (it may pin its files).
  static Result<std::unique_ptr<View>> Load(const Store& store);
  // The view over `bytes` in the layout Build encodes. Errors: kCorruption
  // when the sizes the layout records do not add up to the bytes.
  static Result<std::unique_ptr<View>> Open(PinnedBytes bytes);
  ~View();

  // The byte form Open reads, to keep in the store.
  std::string_view bytes() const { return bytes_.bytes(); }
  static constexpr const char* kDerivedName = "sparql_view/2";  // a new byte layout takes a new name

  std::size_t size() const { return term_count_; }  // ids are 1..size()
  // The term of id `id`, decoded on first use. REQUIRES: 1 <= id <= size().
  const SparqlTerm& term(Vid id) const;
  // The store's id of an entity or predicate term, else 0; whether it names
  // a predicate. Read without decoding the term. REQUIRES: 1 <= id <= size().
  TermId store_id(Vid id) const;
  bool store_predicate(Vid id) const;
  Vid Lookup(const SparqlTerm& term) const;  // 0 when absent
  Vid FromStore(TermId id) const;            // 0 when unknown
  std::uint64_t fact_count() const { return fact_count_; }
  // Facts (not attributes) whose predicate is `p`, as Store::Match shows them:
  // exact, counted when the view was built. 0 for a term that is no stored predicate.
  std::uint64_t FactCount(Vid p) const;

  // Attribute triples matching a pattern (0 = unbound position).
  template <typename F>
  void MatchAttributes(Vid s, Vid p, Vid o, F&& visit) const;
  std::size_t CountAttributes(Vid s, Vid p, Vid o) const;

  static std::string Key(const SparqlTerm& term);

 private:
  // One ordering of the attribute triples: packed little-endian ids in the
  // view's bytes, each triple stored in the ordering's position order.
  struct Ordering {
    const char* data = nullptr;
    std::array<int, 3> order{0, 1, 2};  // the spo position stored first, second, third
    Triple at(std::size_t i) const;
  };
  // The range [begin, end) of `index` whose first `bound` positions equal those of `key`.
  std::pair<std::size_t, std::size_t> Range(const Ordering& index, Triple key, int bound) const;
  const char* TermRecord(Vid id) const;
  // The strings of term `id` in the view's bytes: value, datatype, lang.
  // All empty (and kind kUnbound) when the record points outside the bytes.
  struct TermView {
    SparqlTerm::Kind kind = SparqlTerm::Kind::kUnbound;
    std::string_view value, datatype, lang;
  };
  TermView Fields(Vid id) const;

  explicit View(PinnedBytes bytes) : bytes_(std::move(bytes)) {}

  PinnedBytes bytes_;
  std::size_t term_count_ = 0, triple_count_ = 0, predicate_count_ = 0, store_id_count_ = 0;
  std::uint64_t fact_count_ = 0;
  const char* facts_by_predicate_ = nullptr;  // by Vid: u64 each
  const char* terms_ = nullptr;               // fixed-width records, by Vid - 1
  const char* by_term_ = nullptr;             // ids sorted by (kind, value, datatype, lang): u32 each
  const char* by_store_id_ = nullptr;         // (store id, id) sorted by store id
  const char* strings_ = nullptr;
  std::size_t strings_size_ = 0;
  Ordering spo_, pos_, osp_;
  // Decoded terms, by Vid - 1: null until first use, read and set through
  // std::atomic_ref (one decoding wins a race; the loser's copy is dropped).
  struct Free {
    void operator()(const SparqlTerm** p) const { std::free(p); }
  };
  std::unique_ptr<const SparqlTerm*[], Free> decoded_;
};

// Little-endian fixed-width numbers of the view's byte layout, read from
// wherever they lie (the bytes of a mapped file have no alignment).
inline std::uint32_t LoadU32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24;
}
inline std::uint64_t LoadU64(const char* p) { return LoadU32(p) | std::uint64_t(LoadU32(p + 4)) << 32; }

inline View::Triple View::Ordering::at(std::size_t i) const {
  const char* t = data + 12 * i;
  return {LoadU32(t), LoadU32(t + 4), LoadU32(t + 8)};
}

template <typename F>
void View::MatchAttributes(Vid s, Vid p, Vid o, F&& visit) const {
  // Pick the ordering whose prefix the bound positions form.
  const Ordering* index;
  int bound;
  if (s) {
    index = &spo_, bound = p ? (o ? 3 : 2) : 1;
  } else if (p) {
    index = &pos_, bound = o ? 2 : 1;
  } else if (o) {
    index = &osp_, bound = 1;
  } else {
    index = &spo_, bound = 0;
  }
  const std::size_t n = size();
  auto [begin, end] = Range(*index, Triple{s, p, o}, bound);
  for (std::size_t i = begin; i != end; ++i) {
    const Triple x = index->at(i);  // stored in index order
    Triple spo;
    spo[index->order[0]] = x[0], spo[index->order[1]] = x[1], spo[index->order[2]] = x[2];
    if ((s && spo[0] != s) || (p && spo[1] != p) || (o && spo[2] != o)) continue;
    if (!spo[0] || !spo[1] || !spo[2] || spo[0] > n || spo[1] > n || spo[2] > n) continue;  // damaged bytes
    if (!visit(spo[0], spo[1], spo[2])) return;
  }
}

// The RDF view of a store as a TripleSource: attributes from the View,
// facts from Store::Match prefix scans.
std::unique_ptr<TripleSource> MakeStoreSource(const Store& store, std::unique_ptr<View> view);

// ------------------------------------------------------------------ planner

// One triple pattern for the planner: how many matches its constants give,
// and which variables it binds.
struct PlanPattern {
  double estimate = 0;
  std::array<int, 3> vars{-1, -1, -1};
};
// The order in which to evaluate `patterns`, given the variables already
// bound (indexed by variable).
std::vector<std::size_t> PlanJoinOrder(const std::vector<PlanPattern>& patterns, std::vector<bool> bound);

// ------------------------------------------------------------------ evaluator

// Runs a parsed query over a triple source.
Result<SparqlResult> Evaluate(const Query& query, const TripleSource& source, const SparqlOptions& options);

}  // namespace vnkg::sparql

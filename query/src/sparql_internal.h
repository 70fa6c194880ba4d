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
#include <cstdint>
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
  enum class Kind { kLink, kInverse, kSequence, kAlternative, kZeroOrMore, kOneOrMore, kZeroOrOne };
  Kind kind = Kind::kLink;
  SparqlTerm iri;           // kLink
  std::vector<Path> parts;  // kInverse, the repeats: one; kSequence, kAlternative: two or more
};

enum class Op {
  kVar, kConst,
  kOr, kAnd, kNot,
  kEq, kNe, kLt, kGt, kLe, kGe,
  kIn, kNotIn,        // args[0] IN (args[1..])
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

struct ViewTerm {
  SparqlTerm term;
  TermId store_id = 0;          // the store's id of an entity or predicate, else 0
  bool store_predicate = false;  // store_id names a predicate
};

// Everything of the RDF view but the fact triples, in memory: the terms and
// the entity attribute triples (type, label, date, ...) in three orderings.
class View {
 public:
  // Computes the view from the store: every entity and every fact is read.
  static Result<std::unique_ptr<View>> Build(const Store& store);
  // The view the store keeps (Store::ReadDerived, kept by KeepStartupIndexes)
  // when it is of the current write generation, else Build(store).
  static Result<std::unique_ptr<View>> Load(const Store& store);
  // The byte form Load reads.
  std::string Encode() const;
  static constexpr const char* kDerivedName = "sparql_view/1";  // a new byte layout takes a new name

  std::size_t size() const { return terms_.size(); }  // ids are 1..size()
  const ViewTerm& term(Vid id) const { return terms_[id - 1]; }
  Vid Lookup(const SparqlTerm& term) const;  // 0 when absent
  Vid FromStore(TermId id) const;            // 0 when unknown
  std::uint64_t fact_count() const { return fact_count_; }
  // Facts (not attributes) whose predicate is `p`, as Store::Match shows them:
  // exact, counted when the view was built. 0 for a term that is no stored predicate.
  std::uint64_t FactCount(Vid p) const { return p < facts_by_predicate_.size() ? facts_by_predicate_[p] : 0; }

  // Attribute triples matching a pattern (0 = unbound position).
  template <typename F>
  void MatchAttributes(Vid s, Vid p, Vid o, F&& visit) const;
  std::size_t CountAttributes(Vid s, Vid p, Vid o) const;

  static std::string Key(const SparqlTerm& term);

 private:
  using Triple = std::array<Vid, 3>;
  // The range of `index` (ordered by positions order[0..2]) whose first
  // `bound` positions equal those of `key`.
  std::pair<const Triple*, const Triple*> Range(const std::vector<Triple>& index, std::array<int, 3> order,
                                                Triple key, int bound) const;
  Vid Add(ViewTerm term);
  // Sorts the lookup tables (by_term_, by_store_id_) and drops by_key_, which only building needs.
  void Seal();

  std::vector<ViewTerm> terms_;
  std::unordered_map<std::string, Vid> by_key_;  // while building
  // Sorted lookups, kept with the view so that loading builds no hash table:
  // ids by (kind, value, datatype, lang), and (store id, id) pairs.
  std::vector<Vid> by_term_;
  std::vector<std::pair<TermId, Vid>> by_store_id_;
  std::vector<Triple> spo_, pos_, osp_;
  std::uint64_t fact_count_ = 0;
  std::vector<std::uint64_t> facts_by_predicate_;  // by Vid; predicates take the first ids
};

template <typename F>
void View::MatchAttributes(Vid s, Vid p, Vid o, F&& visit) const {
  // Pick the ordering whose prefix the bound positions form.
  const std::vector<Triple>* index;
  std::array<int, 3> order;
  int bound;
  if (s) {
    index = &spo_, order = {0, 1, 2}, bound = p ? (o ? 3 : 2) : 1;
  } else if (p) {
    index = &pos_, order = {1, 2, 0}, bound = o ? 2 : 1;
  } else if (o) {
    index = &osp_, order = {2, 0, 1}, bound = 1;
  } else {
    index = &spo_, order = {0, 1, 2}, bound = 0;
  }
  auto [begin, end] = Range(*index, order, Triple{s, p, o}, bound);
  for (const Triple* t = begin; t != end; ++t) {
    const Triple& x = *t;  // stored in index order
    Triple spo;
    spo[order[0]] = x[0], spo[order[1]] = x[1], spo[order[2]] = x[2];
    if ((s && spo[0] != s) || (p && spo[1] != p) || (o && spo[2] != o)) continue;
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

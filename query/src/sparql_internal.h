// Internals of the SPARQL engine (sparql.h): the parsed query as SPARQL
// algebra, the in-memory part of the RDF view, and the evaluator. Shared by
// sparql_parse.cc, sparql_view.cc, sparql_eval.cc and sparql_format.cc only.
#pragma once

#include <array>
#include <cstdint>
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

enum class Op {
  kVar, kConst,
  kOr, kAnd, kNot,
  kEq, kNe, kLt, kGt, kLe, kGe,
  kStr, kLcase, kUcase, kContains, kStrStarts, kStrEnds, kRegex, kBound,
  kCount,  // aggregate; args empty means COUNT(*)
};

struct Expr {
  Op op = Op::kConst;
  int var = -1;          // kVar, kBound
  SparqlTerm constant;   // kConst
  std::vector<Expr> args;
  bool distinct = false;  // kCount
};

struct Node {
  enum class Kind { kUnit, kBgp, kJoin, kLeftJoin, kUnion, kFilter, kExtend };
  Kind kind = Kind::kUnit;  // kUnit: the one empty solution (an empty group)
  std::vector<TriplePatternQ> triples;  // kBgp
  std::unique_ptr<Node> left, right;    // kJoin, kLeftJoin, kUnion; kFilter/kExtend: left
  std::vector<Expr> filters;            // kFilter; kLeftJoin: the OPTIONAL's own filters
  int var = -1;                         // kExtend
  Expr expr;                            // kExtend
};

struct Projection {
  int var = -1;
  std::optional<Expr> expr;  // (expr AS ?var)
};

struct OrderKey {
  Expr expr;
  bool descending = false;
};

struct Query {
  std::vector<std::string> variables;  // every variable of the query, by index
  std::unique_ptr<Node> where;
  bool distinct = false;
  std::vector<Projection> projection;  // SELECT * is expanded to the pattern's variables
  bool aggregated = false;             // GROUP BY or an aggregate in SELECT
  std::vector<int> group_by;
  std::vector<OrderKey> order_by;
  std::optional<std::uint64_t> limit;
  std::uint64_t offset = 0;
};

// Parses the supported subset; errors as documented in sparql.h.
Result<Query> Parse(std::string_view text);

// ------------------------------------------------------------------ the view

// Term ids of one query: dense indexes into the view's terms, then into the
// query's own terms (constants not in the data, computed values). 0: unbound.
using Vid = std::uint32_t;

struct ViewTerm {
  SparqlTerm term;
  TermId store_id = 0;          // the store's id of an entity or predicate, else 0
  bool store_predicate = false;  // store_id names a predicate
};

// Everything of the RDF view but the fact triples, in memory: the terms and
// the entity attribute triples (type, label, date, ...) in three orderings.
class View {
 public:
  static Result<std::unique_ptr<View>> Build(const Store& store);

  std::size_t size() const { return terms_.size(); }  // ids are 1..size()
  const ViewTerm& term(Vid id) const { return terms_[id - 1]; }
  Vid Lookup(const SparqlTerm& term) const;  // 0 when absent
  Vid FromStore(TermId id) const;            // 0 when unknown
  std::uint64_t fact_count() const { return fact_count_; }

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

  std::vector<ViewTerm> terms_;
  std::unordered_map<std::string, Vid> by_key_;
  std::unordered_map<TermId, Vid> by_store_id_;
  std::vector<Triple> spo_, pos_, osp_;
  std::uint64_t fact_count_ = 0;
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

// Runs a parsed query over the view and the store.
Result<SparqlResult> Evaluate(const Query& query, const View& view, const Store& store, const SparqlOptions& options);

}  // namespace vnkg::sparql

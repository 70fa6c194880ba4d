// The evaluator of the SPARQL algebra over a TripleSource. Split by part:
// sparql_eval.cc (graph patterns: BGPs, joins, OPTIONAL, UNION, MINUS,
// VALUES, subqueries), sparql_eval_path.cc (property paths),
// sparql_eval_expr.cc (expressions, aggregates, grouping), and
// sparql_eval_query.cc (the query forms, solution modifiers, the engine).
//
// Solutions are rows of term ids (Vid), one slot per query variable, 0 for
// unbound; terms are decoded only for the final rows. Eval(node, rows)
// computes Join(rows, [[node]]): basic graph patterns, paths, joins and
// unions take the rows' bindings into their lookups (index nested loops:
// every pattern with a bound term is one prefix scan), while FILTER,
// OPTIONAL, BIND, MINUS, VALUES and subqueries, whose meaning depends on what
// their own group binds, are evaluated on their own and then joined, as
// SPARQL's bottom-up semantics requires. Inside EXISTS the outer row is
// substituted instead (SPARQL 1.1, 18.6).
//
// Every loop polls Tick (the deadline, Ctrl-C) and every growing result
// Check (max_rows as well): paths and subqueries stop like everything else.
#pragma once

#include <map>
#include <unordered_map>
#include <utility>

#include "sparql_functions.h"
#include "sparql_internal.h"

namespace vnkg::sparql {

using Row = std::vector<Vid>;
using Rows = std::vector<Row>;

struct RowHash {
  std::size_t operator()(const Row& r) const {
    std::size_t h = 1469598103934665603ULL;
    for (Vid v : r) h = (h ^ v) * 1099511628211ULL;
    return h;
  }
};

// The rows of one side of a join or MINUS, hashed on the variables both
// sides always bind (`keys`; none: every row under the empty key).
struct RowIndex {
  std::vector<int> keys;
  std::unordered_map<Row, std::vector<const Row*>, RowHash> table;
  Row KeyOf(const Row& r) const {
    Row k;
    for (int v : keys) k.push_back(r[v]);
    return k;
  }
};

class Evaluator final : public FunctionContext {
 public:
  Evaluator(const Query& q, const TripleSource& source, const SparqlOptions& options);
  Result<SparqlResult> Run();

  // FunctionContext
  const std::string& Now() override;
  const icu::RegexPattern* Regex(const std::string& pattern, const std::string& flags) override;

 private:
  using Group = std::vector<const Row*>;
  using Pairs = std::vector<std::pair<Vid, Vid>>;

  // ------------------------------------------------------------ terms, limits (sparql_eval.cc)
  const SparqlTerm& TermOf(Vid id) const {
    return id <= source_.size() ? source_.term(id) : extra_[id - source_.size() - 1];
  }
  Vid Intern(const SparqlTerm& t);
  bool Check(std::size_t rows);
  bool Tick();

  // ------------------------------------------------------------ patterns (sparql_eval.cc)
  Status Eval(const Node& n, Rows& rows);
  Status EvalBgp(const std::vector<TriplePatternQ>& triples, Rows& rows);
  Status JoinRows(Rows& left, const Rows& right);
  // Indexes `right` on the variables it and `left` always bind; stop_ when stopped.
  Status IndexRows(const Rows& left, const Rows& right, RowIndex& index);
  Status EvalMinus(const Node& n, Rows& rows);
  Rows ValuesRows(const Node& n);
  bool Passes(const std::vector<Expr>& filters, const Row& row);
  bool IsUnit(const Rows& rows) const;
  Rows Unit() const { return Rows{Row(width_, 0)}; }

  // ------------------------------------------------------------ paths (sparql_eval_path.cc)
  Status EvalPath(const Node& n, Rows& rows);
  // Pairs (x, y) connected by `path`, with x = s and y = o where those are not 0.
  Status PathPairs(const Path& path, Vid s, Vid o, Pairs& out);
  // Nodes reachable from `start` by one or more steps of `step` (backwards
  // when !forward), each once: cycle-safe.
  Status Reach(const Path& step, Vid start, bool forward, std::vector<Vid>& out);
  Status AllNodes(std::vector<Vid>& out);

  // ------------------------------------------------------------ expressions (sparql_eval_expr.cc)
  Val Eval(const Expr& e, const Row& row, const Group* group);
  Val EvalAggregate(const Expr& e, const Group* group);
  bool Exists(const Node& pattern, const Row& row);
  // Groups `rows`, computes HAVING and the SELECT expressions of each group.
  Status Aggregate(const SelectQuery& sq, Rows& rows);

  // ------------------------------------------------------------ forms (sparql_eval_query.cc)
  // The solutions of a SELECT (or of another form's WHERE), full-width rows
  // with only the projected variables bound, modifiers applied.
  Status RunSelect(const SelectQuery& sq, Rows& rows);
  // The groups of a SELECT that only counts the matches of one triple pattern
  // (see the .cc for the rule), from TripleSource::CountBy: `counted` false
  // when the query is not of that shape.
  Status CountWithoutRows(const SelectQuery& sq, Rows& rows, bool& counted);
  Status OrderBy(const SelectQuery& sq, Rows& rows);
  void Construct(const Rows& rows, SparqlResult& result);
  Status Describe(const Rows& rows, SparqlResult& result);

  const Query& q_;
  const TripleSource& source_;
  const SparqlOptions& options_;
  const std::size_t width_;
  std::vector<SparqlTerm> extra_;
  std::unordered_map<std::string, Vid> extra_keys_;
  std::map<const TriplePatternQ*, double> estimates_;
  std::map<std::string, std::unique_ptr<icu::RegexPattern>> regexes_;
  std::string now_;
  Status stop_;
  std::uint64_t ticks_ = 0;
  Deadline deadline_;
  std::uint64_t produced_ = 0;  // solutions made by all steps: how far a stopped query got
  int substituting_ = 0;        // > 0 inside EXISTS: patterns see the outer row's bindings
};

}  // namespace vnkg::sparql

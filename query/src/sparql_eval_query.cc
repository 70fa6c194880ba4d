// The query forms and solution modifiers (sparql_evaluator.h), and the
// engine of sparql.h.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "sparql_evaluator.h"

namespace vnkg::sparql {

Status Evaluator::OrderBy(const SelectQuery& sq, Rows& rows) {
  std::vector<std::vector<Val>> keys(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!Tick()) return stop_;
    for (const OrderKey& k : sq.order_by) keys[i].push_back(Eval(k.expr, rows[i], nullptr));
  }
  std::vector<std::size_t> idx(rows.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < sq.order_by.size(); ++k) {
      int c = OrderCompare(keys[a][k], keys[b][k]);
      if (sq.order_by[k].descending) c = -c;
      if (c) return c < 0;
    }
    return false;
  });
  Rows sorted;
  sorted.reserve(rows.size());
  for (std::size_t i : idx) sorted.push_back(std::move(rows[i]));
  rows = std::move(sorted);
  return Status::Ok();
}

// The rule: the WHERE is one triple pattern with no variable repeated; at
// most one GROUP BY key, a variable of the pattern; every projected item is
// that key or COUNT(*) / COUNT(?v) of a pattern variable (bound in every
// match, so the same as COUNT(*)) without DISTINCT; no HAVING, no aggregate
// in ORDER BY, no trailing VALUES; not inside EXISTS (whose patterns see the
// outer row). Then each group's size is its count, which the source gives
// without rows; anything else takes the general path, Aggregate.
Status Evaluator::CountWithoutRows(const SelectQuery& sq, Rows& rows, bool& counted) {
  counted = false;
  const Node& where = *sq.where;
  if (where.kind != Node::Kind::kBgp || where.triples.size() != 1 || !sq.having.empty() ||
      !sq.order_aggregates.empty() || sq.values || sq.group_by.size() > 1 || substituting_ > 0)
    return Status::Ok();
  const TriplePatternQ& t = where.triples.front();
  const PatternTerm* position[3] = {&t.s, &t.p, &t.o};
  Vid ids[3] = {0, 0, 0};
  int group = -1;
  for (int i = 0; i < 3; ++i) {
    if (!position[i]->is_var()) {
      ids[i] = Intern(position[i]->constant);
      continue;
    }
    for (int j = 0; j < i; ++j)
      if (position[j]->is_var() && position[j]->var == position[i]->var) return Status::Ok();
    if (!sq.group_by.empty() && position[i]->var == sq.group_by.front()) group = i;
  }
  if (!sq.group_by.empty() && group < 0) return Status::Ok();
  auto in_pattern = [&](int var) {
    for (const PatternTerm* p : position)
      if (p->is_var() && p->var == var) return true;
    return false;
  };
  for (const Projection& p : sq.projection) {
    if (!p.expr) {
      if (sq.group_by.empty() || p.var != sq.group_by.front()) return Status::Ok();
      continue;
    }
    const Expr& e = *p.expr;
    if (e.op != Op::kAggregate || !e.fn || e.fn->name != "COUNT" || e.distinct) return Status::Ok();
    if (!e.args.empty() && (e.args.size() != 1 || e.args[0].op != Op::kVar || !in_pattern(e.args[0].var)))
      return Status::Ok();
  }
  std::vector<std::pair<Vid, std::uint64_t>> counts;
  VNKG_RETURN_IF_ERROR(source_.CountBy(ids[0], ids[1], ids[2], group, counts));
  rows.clear();
  for (const auto& [key, n] : counts) {
    if (!Tick()) return stop_;
    Row r(width_, 0);
    if (group >= 0) r[sq.group_by.front()] = key;
    const Vid count = Intern(Typed(std::to_string(n), kXsdInteger).t);
    for (const Projection& p : sq.projection)
      if (p.expr) r[p.var] = count;
    rows.push_back(std::move(r));
  }
  produced_ += rows.size();
  counted = true;
  return Status::Ok();
}

Status Evaluator::RunSelect(const SelectQuery& sq, Rows& rows) {
  bool counted = false;
  if (sq.aggregated && !options_.general_aggregates) VNKG_RETURN_IF_ERROR(CountWithoutRows(sq, rows, counted));
  if (!counted) {
    rows = Unit();
    VNKG_RETURN_IF_ERROR(Eval(*sq.where, rows));
    if (sq.aggregated) VNKG_RETURN_IF_ERROR(Aggregate(sq, rows));
  }
  if (sq.aggregated) {
    if (sq.values) VNKG_RETURN_IF_ERROR(JoinRows(rows, ValuesRows(*sq.values)));
  } else {
    if (sq.values) VNKG_RETURN_IF_ERROR(JoinRows(rows, ValuesRows(*sq.values)));
    for (const Projection& p : sq.projection) {
      if (!p.expr) continue;
      for (Row& r : rows) {
        if (!Tick()) return stop_;
        Val v = Eval(*p.expr, r, nullptr);
        if (v.ok) r[p.var] = Intern(v.t);
      }
    }
  }
  if (!sq.order_by.empty()) VNKG_RETURN_IF_ERROR(OrderBy(sq, rows));
  std::vector<bool> keep(width_, false);
  for (const Projection& p : sq.projection) keep[p.var] = true;
  Rows out;
  std::unordered_set<Row, RowHash> seen;
  std::uint64_t skipped = 0;
  for (Row& r : rows) {
    if (!Tick()) return stop_;
    for (std::size_t i = 0; i < width_; ++i)
      if (!keep[i]) r[i] = 0;
    if (sq.distinct && !seen.insert(r).second) continue;
    if (skipped < sq.offset) {
      ++skipped;
      continue;
    }
    if (sq.limit && out.size() >= *sq.limit) break;
    out.push_back(std::move(r));
  }
  rows = std::move(out);
  return Status::Ok();
}

// CONSTRUCT: the template instantiated with each solution; triples with an
// unbound variable, a literal subject or a non-IRI predicate are left out.
void Evaluator::Construct(const Rows& rows, SparqlResult& result) {
  std::unordered_set<std::string> seen;
  for (const Row& row : rows) {
    for (const TriplePatternQ& t : q_.construct_template) {
      SparqlTerm terms[3];
      bool complete = true;
      const PatternTerm* pos[3] = {&t.s, &t.p, &t.o};
      for (int i = 0; i < 3 && complete; ++i) {
        if (pos[i]->is_var()) {
          if (!row[pos[i]->var]) complete = false;
          else terms[i] = TermOf(row[pos[i]->var]);
        } else {
          terms[i] = pos[i]->constant;
        }
      }
      if (!complete || terms[0].kind != SparqlTerm::Kind::kIri || terms[1].kind != SparqlTerm::Kind::kIri) continue;
      if (!seen.insert(View::Key(terms[0]) + '\1' + View::Key(terms[1]) + '\1' + View::Key(terms[2])).second) continue;
      result.triples.push_back({terms[0], terms[1], terms[2], {}});
    }
  }
}

// DESCRIBE: every triple whose subject is a described resource, with the
// provenance of facts as comments.
Status Evaluator::Describe(const Rows& rows, SparqlResult& result) {
  std::vector<Vid> resources;
  std::unordered_set<Vid> seen;
  auto add = [&](Vid v) {
    if (v && TermOf(v).kind == SparqlTerm::Kind::kIri && seen.insert(v).second) resources.push_back(v);
  };
  for (const PatternTerm& t : q_.describe) {
    if (!t.is_var() && t.constant.kind == SparqlTerm::Kind::kIri) add(Intern(t.constant));
  }
  for (const Row& row : rows) {
    for (const PatternTerm& t : q_.describe) {
      if (t.is_var()) add(row[t.var]);
      else if (t.constant.kind == SparqlTerm::Kind::kUnbound)  // DESCRIBE *
        for (const Projection& p : q_.select.projection) add(row[p.var]);
    }
  }
  for (Vid r : resources) {
    if (r > source_.size()) continue;  // not in the data
    Status st = source_.Scan(r, 0, 0, [&](Vid s, Vid p, Vid o) {
      result.triples.push_back({TermOf(s), TermOf(p), TermOf(o), source_.Provenance(s, p, o)});
      ++produced_;
      return Check(result.triples.size());
    });
    if (!st.ok()) return st;
    if (!stop_.ok()) return stop_;
  }
  return Status::Ok();
}

Result<SparqlResult> Evaluator::Run() {
  if (deadline_.Check()) return deadline_.Stop("query", "");
  Rows rows;
  VNKG_RETURN_IF_ERROR(RunSelect(q_.select, rows));
  SparqlResult result;
  switch (q_.form) {
    case Query::Form::kAsk:
      result.form = SparqlResult::Form::kBoolean;
      result.boolean = !rows.empty();
      return result;
    case Query::Form::kConstruct:
      result.form = SparqlResult::Form::kGraph;
      Construct(rows, result);
      return result;
    case Query::Form::kDescribe:
      result.form = SparqlResult::Form::kGraph;
      VNKG_RETURN_IF_ERROR(Describe(rows, result));
      return result;
    case Query::Form::kSelect: break;
  }
  for (const Projection& item : q_.select.projection) result.variables.push_back(q_.variables[item.var]);
  for (const Row& r : rows) {
    std::vector<SparqlTerm> out;
    for (const Projection& item : q_.select.projection)
      out.push_back(r[item.var] ? TermOf(r[item.var]) : SparqlTerm{});
    result.rows.push_back(std::move(out));
  }
  return result;
}

Result<SparqlResult> Evaluate(const Query& query, const TripleSource& source, const SparqlOptions& options) {
  Evaluator evaluator(query, source, options);
  return evaluator.Run();
}

namespace {

class EngineImpl final : public SparqlEngine {
 public:
  explicit EngineImpl(std::unique_ptr<TripleSource> source) : source_(std::move(source)) {}
  Result<SparqlResult> Run(std::string_view text, const SparqlOptions& options) const override {
    auto query = Parse(text);
    if (!query.ok()) return query.status();
    return Evaluate(*query, *source_, options);
  }

 private:
  std::unique_ptr<TripleSource> source_;
};

}  // namespace
}  // namespace vnkg::sparql

namespace vnkg {

Result<std::unique_ptr<SparqlEngine>> SparqlEngine::Create(const Store& store) {
  auto view = sparql::View::Load(store);
  if (!view.ok()) return view.status();
  return std::unique_ptr<SparqlEngine>(new sparql::EngineImpl(sparql::MakeStoreSource(store, std::move(*view))));
}

Result<SparqlResult> RunSparql(const Store& store, std::string_view query, const SparqlOptions& options) {
  // Parse first: a malformed query should not pay for building the view.
  auto parsed = sparql::Parse(query);
  if (!parsed.ok()) return parsed.status();
  auto view = sparql::View::Load(store);
  if (!view.ok()) return view.status();
  auto source = sparql::MakeStoreSource(store, std::move(*view));
  return sparql::Evaluate(*parsed, *source, options);
}

}  // namespace vnkg

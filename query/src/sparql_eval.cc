// Evaluation of graph patterns (sparql_evaluator.h).
#include <algorithm>
#include <unordered_set>

#include "sparql_evaluator.h"

namespace vnkg::sparql {
namespace {

bool Compatible(const Row& a, const Row& b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] && b[i] && a[i] != b[i]) return false;
  return true;
}
Row Merge(const Row& a, const Row& b) {
  Row r = a;
  for (std::size_t i = 0; i < r.size(); ++i)
    if (!r[i]) r[i] = b[i];
  return r;
}
// Variables bound in every row.
std::vector<int> AlwaysBound(const Rows& rows, std::size_t width) {
  std::vector<int> out;
  for (std::size_t i = 0; i < width; ++i)
    if (std::all_of(rows.begin(), rows.end(), [i](const Row& r) { return r[i] != 0; })) out.push_back(int(i));
  return out;
}

bool Safe(const Node& n) {  // Join(rows, [[n]]) may be computed by substitution
  switch (n.kind) {
    case Node::Kind::kUnit:
    case Node::Kind::kBgp:
    case Node::Kind::kPath: return true;
    case Node::Kind::kJoin:
    case Node::Kind::kUnion: return Safe(*n.left) && Safe(*n.right);
    default: return false;
  }
}

}  // namespace

Evaluator::Evaluator(const Query& q, const TripleSource& source, const SparqlOptions& options)
    : q_(q), source_(source), options_(options), width_(q.variables.size()), deadline_(options.deadline) {}

Vid Evaluator::Intern(const SparqlTerm& t) {
  if (Vid id = source_.Lookup(t)) return id;
  std::string key = View::Key(t);
  auto it = extra_keys_.find(key);
  if (it != extra_keys_.end()) return it->second;
  extra_.push_back(t);
  const Vid id = static_cast<Vid>(source_.size() + extra_.size());
  extra_keys_.emplace(std::move(key), id);
  return id;
}

bool Evaluator::Check(std::size_t rows) {
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
bool Evaluator::Tick() {
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

bool Evaluator::IsUnit(const Rows& rows) const {
  return rows.size() == 1 && std::all_of(rows[0].begin(), rows[0].end(), [](Vid v) { return v == 0; });
}

Status Evaluator::EvalBgp(const std::vector<TriplePatternQ>& triples, Rows& rows) {
  struct Pattern {
    std::array<Vid, 3> c{};  // constants (0 where a variable)
    std::array<int, 3> v{-1, -1, -1};
  };
  std::vector<Pattern> pats;
  std::vector<PlanPattern> plan;
  for (const auto& t : triples) {
    Pattern pat;
    const PatternTerm* pos[3] = {&t.s, &t.p, &t.o};
    for (int i = 0; i < 3; ++i) {
      if (pos[i]->is_var()) {
        pat.v[i] = pos[i]->var;
      } else {
        pat.c[i] = source_.Lookup(pos[i]->constant);
        if (!pat.c[i]) {  // a term the data does not have: no solutions
          rows.clear();
          return Status::Ok();
        }
      }
    }
    auto cached = estimates_.find(&t);
    if (cached == estimates_.end()) {
      auto e = source_.Estimate(pat.c[0], pat.c[1], pat.c[2]);
      if (!e.ok()) return e.status();
      cached = estimates_.emplace(&t, *e).first;
    }
    pats.push_back(pat);
    plan.push_back(PlanPattern{cached->second, pat.v});
  }

  std::vector<bool> bound(width_, false);
  for (const Row& r : rows)
    for (std::size_t i = 0; i < width_; ++i)
      if (r[i]) bound[i] = true;
  for (std::size_t index : PlanJoinOrder(plan, std::move(bound))) {
    const Pattern& pat = pats[index];
    Rows next;
    for (const Row& row : rows) {
      if (!Tick()) return stop_;  // rows that match nothing cost a seek each, and make no row to count
      Vid q[3];
      for (int i = 0; i < 3; ++i) q[i] = pat.v[i] >= 0 ? row[pat.v[i]] : pat.c[i];
      Status st = source_.Scan(q[0], q[1], q[2], [&](Vid a, Vid b, Vid c) {
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

Status Evaluator::IndexRows(const Rows& left, const Rows& right, RowIndex& index) {
  std::vector<int> a = AlwaysBound(left, width_), b = AlwaysBound(right, width_);
  index.keys.clear();
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(index.keys));
  for (const Row& r : right) {
    if (!Tick()) return stop_;
    index.table[index.KeyOf(r)].push_back(&r);
  }
  return Status::Ok();
}

// Join of two multisets: hashed on the variables both always bind.
Status Evaluator::JoinRows(Rows& left, const Rows& right) {
  RowIndex index;
  VNKG_RETURN_IF_ERROR(IndexRows(left, right, index));
  Rows out;
  for (const Row& l : left) {
    if (!Tick()) return stop_;
    auto it = index.table.find(index.KeyOf(l));
    if (it == index.table.end()) continue;
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

bool Evaluator::Passes(const std::vector<Expr>& filters, const Row& row) {
  for (const Expr& f : filters) {
    auto b = Ebv(Eval(f, row, nullptr));
    if (!b || !*b) return false;
  }
  return true;
}

Rows Evaluator::ValuesRows(const Node& n) {
  Rows out;
  for (const auto& values : n.values_rows) {
    Row r(width_, 0);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i].kind != SparqlTerm::Kind::kUnbound) r[n.values_vars[i]] = Intern(values[i]);
    out.push_back(std::move(r));
  }
  return out;
}

// Minus(L, R): the rows of L that no compatible row of R shares a variable with.
Status Evaluator::EvalMinus(const Node& n, Rows& rows) {
  Rows right = Unit();
  VNKG_RETURN_IF_ERROR(Eval(*n.right, right));
  VNKG_RETURN_IF_ERROR(Eval(*n.left, rows));
  // Hashed on the variables both sides always bind, when there are any: a
  // right row with another key is incompatible, and one with the same key
  // shares a variable.
  RowIndex index;
  VNKG_RETURN_IF_ERROR(IndexRows(rows, right, index));
  static const std::vector<const Row*> kNone;
  Rows kept;
  for (Row& l : rows) {
    bool removed = false;
    auto it = index.table.find(index.KeyOf(l));
    for (const Row* r : it == index.table.end() ? kNone : it->second) {
      if (!Tick()) return stop_;
      bool shared = !index.keys.empty();
      for (std::size_t i = 0; i < width_ && !shared; ++i) shared = l[i] && (*r)[i];
      if (shared && Compatible(l, *r)) {
        removed = true;
        break;
      }
    }
    if (!removed) kept.push_back(std::move(l));
  }
  rows = std::move(kept);
  return Status::Ok();
}

// rows := Join(rows, [[node]])
Status Evaluator::Eval(const Node& n, Rows& rows) {
  if (!stop_.ok()) return stop_;
  switch (n.kind) {
    case Node::Kind::kUnit: return Status::Ok();
    case Node::Kind::kBgp: return EvalBgp(n.triples, rows);
    case Node::Kind::kPath: return EvalPath(n, rows);
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
    case Node::Kind::kValues: return JoinRows(rows, ValuesRows(n));
    case Node::Kind::kSubquery: {  // evaluated on its own: it sees no outer binding
      Rows sub;
      VNKG_RETURN_IF_ERROR(RunSelect(*n.subquery, sub));
      return JoinRows(rows, sub);
    }
    default: break;
  }
  if (!IsUnit(rows) && substituting_ == 0) {  // FILTER, OPTIONAL, BIND and MINUS see only their own group
    Rows own = Unit();
    VNKG_RETURN_IF_ERROR(Eval(n, own));
    return JoinRows(rows, own);
  }
  if (n.kind == Node::Kind::kMinus) return EvalMinus(n, rows);
  VNKG_RETURN_IF_ERROR(Eval(*n.left, rows));
  switch (n.kind) {
    case Node::Kind::kFilter: {
      Rows kept;
      for (Row& r : rows) {
        if (!Check(0)) return stop_;
        if (Passes(n.filters, r)) kept.push_back(std::move(r));
      }
      rows = std::move(kept);
      return stop_;
    }
    case Node::Kind::kExtend:
      for (Row& r : rows) {
        if (!Tick()) return stop_;
        Val v = Eval(n.expr, r, nullptr);
        if (v.ok) r[n.var] = Intern(v.t);
      }
      return stop_;
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
      return stop_;
    }
    default: return Status::Ok();
  }
}

}  // namespace vnkg::sparql

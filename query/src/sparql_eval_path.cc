// Property paths (SPARQL 1.1, 9.3 and 18.4): links are scans of the source's
// orderings (forward from a bound subject, backward from a bound object);
// `*` and `+` are breadth-first closures that visit each node once, so a
// cycle ends them; every step polls the deadline and counts rows.
// A path gives each (subject, object) pair once, whatever the number of
// routes between them (for `*`, `+` and `?` that is the Recommendation's
// ALP; for alternatives it is what Oxigraph does), except at the top of a
// triple a sequence, which the Recommendation translates into a join (one
// solution per route), and a negated property set, a triple pattern whose
// predicate is filtered (one solution per triple), both as in Oxigraph.
#include <algorithm>
#include <unordered_set>

#include "sparql_evaluator.h"

namespace vnkg::sparql {

Status Evaluator::AllNodes(std::vector<Vid>& out) {
  std::unordered_set<Vid> seen;
  Status st = source_.Scan(0, 0, 0, [&](Vid s, Vid, Vid o) {
    if (seen.insert(s).second) out.push_back(s);
    if (seen.insert(o).second) out.push_back(o);
    return Check(out.size());
  });
  if (!st.ok()) return st;
  return stop_;
}

Status Evaluator::Reach(const Path& step, Vid start, bool forward, std::vector<Vid>& out) {
  std::unordered_set<Vid> visited;
  std::vector<Vid> frontier{start};
  Pairs pairs;
  while (!frontier.empty()) {
    std::vector<Vid> next;
    for (Vid node : frontier) {
      if (!Tick()) return stop_;
      pairs.clear();
      VNKG_RETURN_IF_ERROR(forward ? PathPairs(step, node, 0, pairs) : PathPairs(step, 0, node, pairs));
      for (const auto& [x, y] : pairs) {
        const Vid found = forward ? y : x;
        if (!visited.insert(found).second) continue;
        out.push_back(found);
        next.push_back(found);
        if (!Check(out.size())) return stop_;
      }
    }
    frontier = std::move(next);
  }
  return Status::Ok();
}

Status Evaluator::PathPairs(const Path& path, Vid s, Vid o, Pairs& out) {
  if (!stop_.ok()) return stop_;
  switch (path.kind) {
    case Path::Kind::kLink: {
      const Vid p = source_.Lookup(path.iri);
      if (!p) return Status::Ok();  // a predicate the data does not have
      Status st = source_.Scan(s, p, o, [&](Vid a, Vid, Vid c) {
        out.emplace_back(a, c);
        ++produced_;
        return Check(out.size());
      });
      if (!st.ok()) return st;
      return stop_;
    }
    case Path::Kind::kNegated: {
      std::vector<Vid> excluded;
      for (const Path& link : path.parts)
        if (const Vid p = source_.Lookup(link.iri)) excluded.push_back(p);  // one the data lacks excludes nothing
      Status st = source_.Scan(s, 0, o, [&](Vid a, Vid p, Vid c) {
        if (std::find(excluded.begin(), excluded.end(), p) != excluded.end()) return true;
        out.emplace_back(a, c);
        ++produced_;
        return Check(out.size());
      });
      if (!st.ok()) return st;
      return stop_;
    }
    case Path::Kind::kInverse: {
      Pairs inner;
      VNKG_RETURN_IF_ERROR(PathPairs(path.parts[0], o, s, inner));
      for (const auto& [a, b] : inner) out.emplace_back(b, a);
      return Check(out.size()) ? Status::Ok() : stop_;
    }
    case Path::Kind::kAlternative: {
      const std::size_t first = out.size();
      for (const Path& part : path.parts) VNKG_RETURN_IF_ERROR(PathPairs(part, s, o, out));
      std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
      out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
      return Status::Ok();
    }
    case Path::Kind::kSequence: {
      // From the bound end: forward when the subject is bound or neither is.
      const bool forward = s || !o;
      const std::size_t n = path.parts.size();
      Pairs current;  // (start, reached so far)
      VNKG_RETURN_IF_ERROR(forward ? PathPairs(path.parts[0], s, n == 1 ? o : 0, current)
                                   : PathPairs(path.parts[n - 1], n == 1 ? s : 0, o, current));
      if (!forward)
        for (auto& [a, b] : current) std::swap(a, b);  // (the bound end, reached so far)
      for (std::size_t k = 1; k < n && !current.empty(); ++k) {
        const Path& part = forward ? path.parts[k] : path.parts[n - 1 - k];
        const bool last = k + 1 == n;
        Pairs next, step;
        for (const auto& [start, reached] : current) {
          if (!Tick()) return stop_;
          step.clear();
          VNKG_RETURN_IF_ERROR(forward ? PathPairs(part, reached, last ? o : 0, step)
                                       : PathPairs(part, last ? s : 0, reached, step));
          for (const auto& [x, y] : step) next.emplace_back(start, forward ? y : x);
          if (!Check(next.size())) return stop_;
        }
        current = std::move(next);
      }
      for (const auto& [start, end] : current) forward ? out.emplace_back(start, end) : out.emplace_back(end, start);
      return Check(out.size()) ? Status::Ok() : stop_;
    }
    case Path::Kind::kZeroOrMore:
    case Path::Kind::kOneOrMore:
    case Path::Kind::kZeroOrOne: break;
  }
  const Path& step = path.parts[0];
  const bool zero = path.kind != Path::Kind::kOneOrMore;
  std::vector<Vid> starts;
  const bool forward = s || !o;
  if (s || o) {
    starts.push_back(forward ? s : o);
  } else if (zero) {
    VNKG_RETURN_IF_ERROR(AllNodes(starts));
  } else {
    Pairs first;  // every subject of one step
    VNKG_RETURN_IF_ERROR(PathPairs(step, 0, 0, first));
    std::unordered_set<Vid> seen;
    for (const auto& [x, y] : first)
      if (seen.insert(x).second) starts.push_back(x);
  }
  for (Vid start : starts) {
    if (!Tick()) return stop_;
    if (start > source_.size()) continue;  // a term not in the data: no path, not even of length 0 (as Oxigraph)
    std::vector<Vid> reached;
    if (path.kind == Path::Kind::kZeroOrOne) {
      Pairs one;
      VNKG_RETURN_IF_ERROR(forward ? PathPairs(step, start, 0, one) : PathPairs(step, 0, start, one));
      std::unordered_set<Vid> seen{start};
      for (const auto& [x, y] : one) {
        const Vid v = forward ? y : x;
        if (seen.insert(v).second) reached.push_back(v);
      }
    } else {
      VNKG_RETURN_IF_ERROR(Reach(step, start, forward, reached));
      if (zero) {  // the start itself, once
        reached.erase(std::remove(reached.begin(), reached.end(), start), reached.end());
      }
    }
    if (zero) reached.insert(reached.begin(), start);
    for (Vid r : reached) {
      const Vid x = forward ? start : r, y = forward ? r : start;
      if ((s && x != s) || (o && y != o)) continue;
      out.emplace_back(x, y);
    }
    if (!Check(out.size())) return stop_;
  }
  return Status::Ok();
}

// rows := Join(rows, [[s path o]]), by substitution of each row's bindings.
Status Evaluator::EvalPath(const Node& n, Rows& rows) {
  Rows next;
  Pairs pairs;
  // A sequence at the top is a join over hidden variables (SPARQL 1.1,
  // 18.2.2.4): one row per route; a negated property set at the top is a
  // filtered triple pattern: one row per triple (both as Oxigraph gives
  // them). Any other path: one row per pair.
  const Path* top = &n.path;
  while (top->kind == Path::Kind::kInverse) top = &top->parts[0];
  const bool row_per_route = top->kind == Path::Kind::kSequence || top->kind == Path::Kind::kNegated;
  for (const Row& row : rows) {
    if (!Tick()) return stop_;
    auto resolve = [&](const PatternTerm& t) -> Vid { return t.is_var() ? row[t.var] : Intern(t.constant); };
    const Vid s = resolve(n.path_s), o = resolve(n.path_o);
    pairs.clear();
    VNKG_RETURN_IF_ERROR(PathPairs(n.path, s, o, pairs));
    if (!row_per_route) {  // each pair once, as Oxigraph gives them
      std::sort(pairs.begin(), pairs.end());
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
    for (const auto& [x, y] : pairs) {
      Row r = row;
      if (n.path_s.is_var()) r[n.path_s.var] = x;
      if (n.path_o.is_var()) {
        if (r[n.path_o.var] && r[n.path_o.var] != y) continue;  // ?x p* ?x
        r[n.path_o.var] = y;
      }
      next.push_back(std::move(r));
      ++produced_;
      if (!Check(next.size())) return stop_;
    }
  }
  rows = std::move(next);
  return Status::Ok();
}

}  // namespace vnkg::sparql

// The binder: which variables a pattern binds, and the projection and
// GROUP BY rules of SPARQL 1.1 (section 18.2.4.1), checked after parsing.
#include <algorithm>
#include <set>

#include "sparql_parser.h"

namespace vnkg::sparql {
namespace {

void AddVar(std::vector<int>& out, int v) {
  if (v >= 0 && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

// A variable used outside an aggregate in a grouped query's expression: it
// must be a group key or named by an earlier (... AS ?v). -1 if none.
int UngroupedVar(const Expr& e, const std::set<int>& allowed) {
  if (e.op == Op::kAggregate || e.op == Op::kExists || e.op == Op::kNotExists) return -1;
  if (e.op == Op::kVar && !allowed.count(e.var)) return e.var;
  for (const Expr& a : e.args)
    if (int v = UngroupedVar(a, allowed); v >= 0) return v;
  return -1;
}

[[noreturn]] void Fail(const std::string& message, std::size_t offset) {
  throw ParseError{Status::Code::kInvalidArgument, message, offset};
}

}  // namespace

void InScope(const Node& n, std::vector<int>& out) {
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
    case Node::Kind::kFilter:
    case Node::Kind::kMinus: InScope(*n.left, out); break;
    case Node::Kind::kExtend:
      InScope(*n.left, out);
      AddVar(out, n.var);
      break;
    case Node::Kind::kValues:
      for (int v : n.values_vars) AddVar(out, v);
      break;
    case Node::Kind::kPath:
      AddVar(out, n.path_s.var);
      AddVar(out, n.path_o.var);
      break;
    case Node::Kind::kSubquery:
      for (const Projection& p : n.subquery->projection) AddVar(out, p.var);
      break;
  }
}

void BindProjection(SelectQuery& select, std::vector<SelectItem> items, bool star, std::size_t star_offset,
                    const std::vector<std::string>& names) {
  std::vector<int> in_scope;
  InScope(*select.where, in_scope);
  if (select.values) InScope(*select.values, in_scope);
  // SELECT *: the variables the pattern binds, in order of appearance.
  if (star) {
    if (select.aggregated) Fail("SELECT * cannot be used with GROUP BY or aggregates", star_offset);
    for (int v : in_scope)
      if (!IsHiddenVariable(names[v])) select.projection.push_back(Projection{v, std::nullopt});
    return;
  }
  std::set<int> seen(in_scope.begin(), in_scope.end());
  std::set<int> grouped(select.group_by.begin(), select.group_by.end());
  for (auto& [item, at] : items) {
    const std::string& name = names[item.var];
    if (item.expr) {
      if (seen.count(item.var)) Fail("(... AS ?" + name + "): ?" + name + " is already in scope", at);
      if (select.aggregated) {
        if (int v = UngroupedVar(*item.expr, grouped); v >= 0)
          Fail("?" + names[v] + " is used in (... AS ?" + name + ") but neither grouped (GROUP BY) nor aggregated",
               at);
        grouped.insert(item.var);
      }
      seen.insert(item.var);
    } else if (select.aggregated && !grouped.count(item.var)) {
      Fail("?" + name + " is selected but neither grouped (GROUP BY) nor aggregated", at);
    }
    select.projection.push_back(std::move(item));
  }
}

}  // namespace vnkg::sparql

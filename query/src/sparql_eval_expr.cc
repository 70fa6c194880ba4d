// Expressions, EXISTS, aggregates and grouping (sparql_evaluator.h). Calls go
// through the function table; only the operators are evaluated here.
#include <unicode/regex.h>

#include <chrono>
#include <ctime>
#include <unordered_set>

#include "sparql_evaluator.h"

namespace vnkg::sparql {
namespace {

// A call's arguments, evaluated on first use.
class LazyArgs final : public CallArgs {
 public:
  LazyArgs(const std::vector<Expr>& exprs, std::function<Val(const Expr&)> eval)
      : exprs_(exprs), eval_(std::move(eval)), values_(exprs.size()) {}
  std::size_t size() const override { return exprs_.size(); }
  Val operator[](std::size_t i) override {
    if (!values_[i]) values_[i] = eval_(exprs_[i]);
    return *values_[i];
  }

 private:
  const std::vector<Expr>& exprs_;
  std::function<Val(const Expr&)> eval_;
  std::vector<std::optional<Val>> values_;
};

}  // namespace

const std::string& Evaluator::Now() {
  if (now_.empty()) {
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    now_ = buf;
  }
  return now_;
}

// Compiled once per pattern and flags; nullptr for a bad pattern or flag
// (an expression error: the FILTER is false, as SPARQL says).
const icu::RegexPattern* Evaluator::Regex(const std::string& pattern, const std::string& flags) {
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

// EXISTS: the pattern with the row's bindings substituted has a solution.
bool Evaluator::Exists(const Node& pattern, const Row& row) {
  Rows rows{row};
  ++substituting_;
  Status st = Eval(pattern, rows);
  --substituting_;
  return st.ok() && !rows.empty();
}

Val Evaluator::Eval(const Expr& e, const Row& row, const Group* group) {
  switch (e.op) {
    case Op::kConst: return Term(e.constant);
    case Op::kVar: return row[e.var] ? Term(TermOf(row[e.var])) : Error();
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
    case Op::kExists:
    case Op::kNotExists: {
      if (!Tick()) return Error();
      const bool found = Exists(*e.pattern, row);
      return Bool(e.op == Op::kExists ? found : !found);
    }
    case Op::kIn:
    case Op::kNotIn: {  // 17.4.1.9: true on a match; an error if none matched but one erred
      Val left = Eval(e.args[0], row, group);
      if (!left.ok) return Error();
      bool erred = false;
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        Val v = Eval(e.args[i], row, group);
        auto eq = v.ok ? Equal(left.t, v.t) : std::nullopt;
        if (eq && *eq) return Bool(e.op == Op::kIn);
        if (!eq) erred = true;
      }
      if (erred) return Error();
      return Bool(e.op == Op::kNotIn);
    }
    case Op::kNegate:
    case Op::kPlus: {
      Val a = Eval(e.args[0], row, group);
      if (!a.ok) return Error();
      return e.op == Op::kNegate ? Negate(a.t) : UnaryPlus(a.t);
    }
    case Op::kAggregate: return EvalAggregate(e, group);
    case Op::kCall: {
      LazyArgs args(e.args, [&](const Expr& a) { return Eval(a, row, group); });
      if (e.fn->strict)
        for (std::size_t i = 0; i < args.size(); ++i)
          if (!args[i].ok) return Error();
      return e.fn->evaluate(args, *this);
    }
    default: break;
  }
  Val a = Eval(e.args[0], row, group);
  if (!a.ok) return Error();
  Val b = Eval(e.args[1], row, group);
  if (!b.ok) return Error();
  switch (e.op) {
    case Op::kAdd:
    case Op::kSubtract:
    case Op::kMultiply:
    case Op::kDivide: return Arithmetic(e.op, a.t, b.t);
    case Op::kEq:
    case Op::kNe: {
      auto eq = Equal(a.t, b.t);
      if (!eq) return Error();
      return Bool(e.op == Op::kEq ? *eq : !*eq);
    }
    default: {
      auto c = CompareValues(a.t, b.t);
      if (!c) return Error();
      switch (e.op) {
        case Op::kLt: return Bool(*c < 0);
        case Op::kGt: return Bool(*c > 0);
        case Op::kLe: return Bool(*c <= 0);
        default: return Bool(*c >= 0);
      }
    }
  }
}

// An aggregate over a group: its argument's values (DISTINCT applied), given
// to the table's function; an error among them is the aggregate's error
// unless the function skips errors (COUNT, SAMPLE).
Val Evaluator::EvalAggregate(const Expr& e, const Group* group) {
  if (!group) return Error();
  std::vector<SparqlTerm> values;
  if (e.args.empty()) {  // COUNT(*): the rows, or the distinct rows
    std::size_t n = group->size();
    if (e.distinct) {
      std::unordered_set<Row, RowHash> seen;
      for (const Row* r : *group) seen.insert(*r);
      n = seen.size();
    }
    return Typed(std::to_string(n), kXsdInteger);
  }
  std::unordered_set<Vid> seen;
  for (const Row* r : *group) {
    if (!Tick()) return Error();
    Val v = Eval(e.args[0], *r, nullptr);
    if (!v.ok) {
      if (!e.fn->skips_errors) return Error();
      continue;
    }
    if (e.distinct && !seen.insert(Intern(v.t)).second) continue;
    values.push_back(std::move(v.t));
  }
  return e.fn->aggregate(values, e.separator);
}

Status Evaluator::Aggregate(const SelectQuery& sq, Rows& rows) {
  std::vector<Row> keys;
  std::unordered_map<Row, std::size_t, RowHash> index;
  std::vector<Group> groups;
  if (sq.group_by.empty()) {  // one group, even of no solutions
    keys.push_back(Row());
    groups.emplace_back();
    for (const Row& r : rows) groups[0].push_back(&r);
  } else {
    for (const Row& r : rows) {
      if (!Tick()) return stop_;
      Row key;
      for (int v : sq.group_by) key.push_back(r[v]);
      auto [it, fresh] = index.emplace(key, groups.size());
      if (fresh) keys.push_back(std::move(key)), groups.emplace_back();
      groups[it->second].push_back(&r);
    }
  }
  Rows out;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!Tick()) return stop_;
    Row r(width_, 0);
    for (std::size_t k = 0; k < sq.group_by.size(); ++k) r[sq.group_by[k]] = keys[g][k];
    bool keep = true;
    for (const Expr& h : sq.having) {
      auto b = Ebv(Eval(h, r, &groups[g]));
      if (!b || !*b) {
        keep = false;
        break;
      }
    }
    if (!keep) continue;
    for (const auto* list : {&sq.projection, &sq.order_aggregates})
      for (const Projection& p : *list) {
        if (!p.expr) continue;
        Val v = Eval(*p.expr, r, &groups[g]);
        if (v.ok) r[p.var] = Intern(v.t);
      }
    out.push_back(std::move(r));
  }
  if (!stop_.ok()) return stop_;
  rows = std::move(out);
  return Status::Ok();
}

}  // namespace vnkg::sparql

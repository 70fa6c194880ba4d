// SPARQL text -> algebra: query forms and solution modifiers (the parser's
// other parts: sparql_parser.h).
#include <algorithm>
#include <set>
#include <sstream>

#include "sparql_functions.h"
#include "sparql_parser.h"
#include "vnkg/model/rdf.h"
#include "vnkg/query/export.h"

namespace vnkg::sparql {

Parser::Parser(std::vector<Token> tokens) : toks_(std::move(tokens)) {
  prefixes_["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  prefixes_["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#";
  prefixes_["xsd"] = std::string(kXsd);
  prefixes_["vn"] = std::string(kVnNamespace);
}

Query Parser::Run() {
  Prologue();
  if (IsWord("SELECT")) {
    Select(q_.select, false);
  } else if (IsWord("ASK")) {
    Ask();
  } else if (IsWord("CONSTRUCT")) {
    Construct();
  } else if (IsWord("DESCRIBE")) {
    DescribeQuery();
  } else if (IsWord("INSERT") || IsWord("DELETE") || IsWord("LOAD") || IsWord("CLEAR") || IsWord("DROP") ||
             IsWord("CREATE") || IsWord("WITH")) {
    Unsupported("SPARQL Update (" + Upper(Cur().text) + ")");
  } else {
    Expected("SELECT, ASK, CONSTRUCT or DESCRIBE");
  }
  if (Cur().kind != Tok::kEnd) Expected("the end of the query");
  return std::move(q_);
}

// ------------------------------------------------------------------ tokens

bool Parser::AcceptWord(std::string_view w) {
  if (!IsWord(w)) return false;
  Advance();
  return true;
}
bool Parser::AcceptPunct(std::string_view p) {
  if (!IsPunct(p)) return false;
  Advance();
  return true;
}
void Parser::ExpectPunct(std::string_view p) {
  if (!AcceptPunct(p)) Expected("'" + std::string(p) + "'");
}
void Parser::ExpectWord(std::string_view w) {
  if (!AcceptWord(w)) Expected(std::string(w));
}

std::string Parser::Describe(const Token& t) const {
  switch (t.kind) {
    case Tok::kEnd: return "the end of the query";
    case Tok::kIri: return "<" + t.text + ">";
    case Tok::kPname: return t.text + ":" + t.local;
    case Tok::kVar: return "?" + t.text;
    case Tok::kString: return "a string";
    case Tok::kLangTag: return "@" + t.text;
    case Tok::kBlank: return "_:" + t.text;
    default: return "'" + t.text + "'";
  }
}
void Parser::Expected(const std::string& what) {
  throw ParseError{Status::Code::kInvalidArgument, "expected " + what + " but found " + Describe(Cur()), Cur().offset};
}
void Parser::Error(const std::string& what, std::size_t offset) {
  throw ParseError{Status::Code::kInvalidArgument, what, offset};
}
void Parser::Unsupported(const std::string& feature, std::size_t offset) {
  throw ParseError{Status::Code::kUnsupported, "unsupported SPARQL feature: " + feature, offset};
}

void Parser::Nesting::Deeper() {
  if (++p_.depth_ > kMaxDepth)
    p_.Unsupported("more than " + std::to_string(kMaxDepth) +
                   " levels of nesting (parentheses, groups, '!', paths, or chains of ||, && or UNION)");
}

// ------------------------------------------------------------------ names

bool Parser::HasAggregate(const Expr& e) {
  if (e.op == Op::kAggregate) return true;
  for (const Expr& a : e.args)
    if (HasAggregate(a)) return true;
  return false;
}

int Parser::Var(const std::string& name) {
  auto it = var_index_.find(name);
  if (it != var_index_.end()) return it->second;
  const int index = static_cast<int>(q_.variables.size());
  q_.variables.push_back(name);
  var_index_.emplace(name, index);
  return index;
}

std::string Parser::ExpandPname(const Token& t) {
  auto it = prefixes_.find(t.text);
  if (it == prefixes_.end()) Error("undeclared prefix '" + t.text + ":'", t.offset);
  return it->second + t.local;
}

std::string Parser::IriValue() {
  std::string v = Cur().kind == Tok::kIri ? Cur().text : ExpandPname(Cur());
  Advance();
  return v;
}

void Parser::Prologue() {
  for (;;) {
    if (AcceptWord("PREFIX")) {
      if (Cur().kind != Tok::kPname || !Cur().local.empty()) Expected("a prefix such as vn:");
      const std::string prefix = Cur().text;
      Advance();
      if (Cur().kind != Tok::kIri) Expected("an IRI in <...>");
      prefixes_[prefix] = Cur().text;
      Advance();
    } else if (IsWord("BASE")) {
      Unsupported("BASE");
    } else {
      return;
    }
  }
}

// ------------------------------------------------------------------ forms

void Parser::Select(SelectQuery& select, bool /*sub*/) {
  Advance();
  const bool outer_aggregate = has_aggregate_;
  has_aggregate_ = false;
  if (AcceptWord("DISTINCT")) select.distinct = true;
  else if (AcceptWord("REDUCED")) select.distinct = true;  // REDUCED permits removing duplicates
  bool star = false;
  const std::size_t star_at = Cur().offset;
  std::vector<SelectItem> items;
  if (AcceptPunct("*")) {
    star = true;
  } else {
    for (;;) {
      if (Cur().kind == Tok::kVar) {
        items.push_back({Projection{Var(Cur().text), std::nullopt}, Cur().offset});
        Advance();
      } else if (IsPunct("(")) {
        const std::size_t at = Cur().offset;
        Advance();
        Expr e = Expression(/*aggregates=*/true);
        ExpectWord("AS");
        if (Cur().kind != Tok::kVar) Expected("a variable after AS");
        const int v = Var(Cur().text);
        Advance();
        ExpectPunct(")");
        items.push_back({Projection{v, std::move(e)}, at});
      } else {
        break;
      }
    }
    if (items.empty()) Expected("'*', a variable or '(expression AS ?var)' after SELECT");
  }
  if (IsWord("FROM")) Unsupported("FROM (datasets)");
  AcceptWord("WHERE");
  if (!IsPunct("{")) Expected("'{'");
  select.where = GroupGraphPattern();
  SolutionModifiers(select);
  if (IsWord("VALUES")) {  // a trailing VALUES (also allowed in a subquery)
    Advance();
    select.values = InlineData();
  }
  select.aggregated = !select.group_by.empty() || has_aggregate_;
  BindProjection(select, std::move(items), star, star_at, q_.variables);
  has_aggregate_ = outer_aggregate;
}

void Parser::SolutionModifiers(SelectQuery& select) {
  if (AcceptWord("GROUP")) {
    ExpectWord("BY");
    do {
      if (Cur().kind == Tok::kVar) {
        select.group_by.push_back(Var(Cur().text));
        Advance();
        continue;
      }
      // A group condition that is an expression: `(expr AS ?v)`, `(expr)` or
      // a function call. As the algebra's translation does (SPARQL 1.1,
      // 18.2.4.1), each is computed per solution by an Extend of the WHERE
      // pattern, into ?v or a hidden variable that no query can name, and
      // the groups are keyed by that variable.
      const std::size_t at = Cur().offset;
      Expr e;
      int v = -1;
      if (IsPunct("(")) {
        Advance();
        e = Expression(/*aggregates=*/false);
        if (AcceptWord("AS")) {
          if (Cur().kind != Tok::kVar) Expected("a variable after AS");
          v = Var(Cur().text);
          Advance();
          std::vector<int> scope;
          InScope(*select.where, scope);
          if (std::find(scope.begin(), scope.end(), v) != scope.end())
            Error("GROUP BY (... AS ?" + q_.variables[v] + "): ?" + q_.variables[v] + " is already in scope", at);
        }
        ExpectPunct(")");
      } else if (Cur().kind == Tok::kWord || Cur().kind == Tok::kPname || Cur().kind == Tok::kIri) {
        e = Primary(/*aggregates=*/false);
      } else {
        Expected("a variable, '(expression)' or a function call after GROUP BY");
      }
      if (v < 0) {
        v = static_cast<int>(q_.variables.size());
        q_.variables.push_back(" group" + std::to_string(v));
      }
      auto ext = Make(Node::Kind::kExtend, std::move(select.where), nullptr);
      ext->var = v;
      ext->expr = std::move(e);
      select.where = std::move(ext);
      select.group_by.push_back(v);
    } while (Cur().kind == Tok::kVar || IsPunct("(") || Cur().kind == Tok::kPname || Cur().kind == Tok::kIri ||
             (Cur().kind == Tok::kWord && !IsWord("HAVING") && !IsWord("ORDER") && !IsWord("LIMIT") &&
              !IsWord("OFFSET") && !IsWord("VALUES")));
  }
  if (AcceptWord("HAVING")) {
    do {
      if (IsPunct("(")) {
        Advance();
        select.having.push_back(Expression(true));
        ExpectPunct(")");
      } else if (Cur().kind == Tok::kWord || Cur().kind == Tok::kPname || Cur().kind == Tok::kIri) {
        select.having.push_back(Primary(true));
      } else {
        Expected("'(' or a function call after HAVING");
      }
    } while (IsPunct("(") || (Cur().kind == Tok::kWord && !IsWord("ORDER") && !IsWord("LIMIT") &&
                              !IsWord("OFFSET") && !IsWord("VALUES")));
    has_aggregate_ = true;  // HAVING makes the query grouped
  }
  if (AcceptWord("ORDER")) {
    ExpectWord("BY");
    do {
      OrderKey key;
      if (IsWord("ASC") || IsWord("DESC")) {
        key.descending = IsWord("DESC");
        Advance();
        if (!IsPunct("(")) Expected("'(' after ASC or DESC");
        Advance();
        key.expr = Expression(true);
        ExpectPunct(")");
      } else if (Cur().kind == Tok::kVar) {
        key.expr.op = Op::kVar;
        key.expr.var = Var(Cur().text);
        Advance();
      } else if (IsPunct("(")) {
        Advance();
        key.expr = Expression(true);
        ExpectPunct(")");
      } else if (Cur().kind == Tok::kWord) {
        key.expr = Primary(true);
      } else {
        Expected("a variable, ASC(...), DESC(...) or (expression) after ORDER BY");
      }
      if (HasAggregate(key.expr)) {  // computed per group, into a variable no query can name
        const int hidden = static_cast<int>(q_.variables.size());
        q_.variables.push_back(" order" + std::to_string(hidden));
        select.order_aggregates.push_back(Projection{hidden, std::move(key.expr)});
        key.expr = Expr{};
        key.expr.op = Op::kVar;
        key.expr.var = hidden;
      }
      select.order_by.push_back(std::move(key));
    } while (Cur().kind == Tok::kVar || IsPunct("(") ||
             (Cur().kind == Tok::kWord && !IsWord("LIMIT") && !IsWord("OFFSET") && !IsWord("VALUES")));
  }
  for (int i = 0; i < 2; ++i) {
    if (IsWord("LIMIT") || IsWord("OFFSET")) {
      const bool limit = IsWord("LIMIT");
      Advance();
      if (Cur().kind != Tok::kInteger)
        Expected(std::string("a non-negative integer after ") + (limit ? "LIMIT" : "OFFSET"));
      std::uint64_t n = 0;
      try {
        n = std::stoull(Cur().text);
      } catch (...) {
        Error("number too large", Cur().offset);
      }
      if (limit) select.limit = n;
      else select.offset = n;
      Advance();
    }
  }
}

// WHERE {...}, the modifiers and a trailing VALUES, for ASK / CONSTRUCT /
// DESCRIBE: solutions of every variable in scope.
void Parser::WhereAndModifiers(SelectQuery& select) {
  const bool outer_aggregate = has_aggregate_;
  has_aggregate_ = false;
  select.where = GroupGraphPattern();
  SolutionModifiers(select);
  if (IsWord("VALUES")) {
    Advance();
    select.values = InlineData();
  }
  if (!select.group_by.empty() || has_aggregate_) Unsupported("GROUP BY or HAVING outside SELECT");
  BindProjection(select, {}, true, 0, q_.variables);
  if (select.values)  // the trailing VALUES' variables are solutions' variables too
    for (int v : select.values->values_vars)
      if (std::none_of(select.projection.begin(), select.projection.end(),
                       [v](const Projection& p) { return p.var == v; }))
        select.projection.push_back(Projection{v, std::nullopt});
  has_aggregate_ = outer_aggregate;
}

void Parser::Ask() {
  q_.form = Query::Form::kAsk;
  Advance();
  if (IsWord("FROM")) Unsupported("FROM (datasets)");
  AcceptWord("WHERE");
  if (!IsPunct("{")) Expected("'{' after ASK");
  WhereAndModifiers(q_.select);
}

void Parser::Construct() {
  q_.form = Query::Form::kConstruct;
  Advance();
  if (IsPunct("{")) {  // CONSTRUCT { template } WHERE { pattern }
    const std::size_t open = Cur().offset;
    Advance();
    while (!AcceptPunct("}")) {
      if (Cur().kind == Tok::kEnd) Error("'{' is never closed", open);
      bool open_triples = false;
      in_template_ = true;
      auto block = TriplesBlock(open_triples);
      in_template_ = false;
      if (block->kind != Node::Kind::kBgp) Unsupported("property paths in a CONSTRUCT template");
      for (auto& t : block->triples) q_.construct_template.push_back(std::move(t));
      if (open_triples && !IsPunct("}")) Expected("'.' or '}' in the CONSTRUCT template");
    }
    if (IsWord("FROM")) Unsupported("FROM (datasets)");
    ExpectWord("WHERE");
    if (!IsPunct("{")) Expected("'{' after WHERE");
    WhereAndModifiers(q_.select);
    return;
  }
  // CONSTRUCT WHERE { triples }: the pattern is the template.
  if (IsWord("FROM")) Unsupported("FROM (datasets)");
  ExpectWord("WHERE");
  if (!IsPunct("{")) Expected("'{' or WHERE after CONSTRUCT");
  const std::size_t at = Cur().offset;
  WhereAndModifiers(q_.select);
  const Node* where = q_.select.where.get();
  if (where->kind == Node::Kind::kUnit) return;
  if (where->kind != Node::Kind::kBgp)
    Error("CONSTRUCT WHERE takes triples only (use CONSTRUCT { template } WHERE { ... })", at);
  for (const TriplePatternQ& t : where->triples)
    for (const PatternTerm* term : {&t.s, &t.p, &t.o})
      if (term->is_var() && IsHiddenVariable(q_.variables[term->var]))
        Unsupported("blank nodes in a CONSTRUCT template");
  q_.construct_template = where->triples;
}

void Parser::DescribeQuery() {
  q_.form = Query::Form::kDescribe;
  Advance();
  if (AcceptPunct("*")) {
    q_.describe.push_back(PatternTerm{});  // var -1 and unbound: every variable
  } else {
    while (Cur().kind == Tok::kVar || Cur().kind == Tok::kIri || Cur().kind == Tok::kPname) {
      PatternTerm t;
      if (Cur().kind == Tok::kVar) {
        t.var = Var(Cur().text);
        Advance();
      } else {
        t.constant = SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
      }
      q_.describe.push_back(std::move(t));
    }
    if (q_.describe.empty()) Expected("'*', IRIs or variables after DESCRIBE");
  }
  if (IsWord("FROM")) Unsupported("FROM (datasets)");
  if (AcceptWord("WHERE") || IsPunct("{")) {
    if (!IsPunct("{")) Expected("'{' after WHERE");
    WhereAndModifiers(q_.select);
  } else {
    q_.select.where = std::make_unique<Node>();  // the unit solution
    SolutionModifiers(q_.select);
    BindProjection(q_.select, {}, true, 0, q_.variables);
  }
  for (const PatternTerm& t : q_.describe)
    if (t.is_var() && std::none_of(q_.select.projection.begin(), q_.select.projection.end(),
                                   [&](const Projection& p) { return p.var == t.var; }))
      Error("DESCRIBE ?" + q_.variables[t.var] + ": the variable is not bound by the WHERE pattern", 0);
}

// ------------------------------------------------------------------ entry

Result<Query> Parse(std::string_view text) {
  try {
    Parser parser(Tokenize(text));
    return parser.Run();
  } catch (const ParseError& e) {
    if (e.code == Status::Code::kUnsupported) return Status::Unsupported(Locate(text, e.offset, e.message));
    return Status::InvalidArgument(Locate(text, e.offset, "syntax error: " + e.message));
  }
}

}  // namespace vnkg::sparql

namespace vnkg {

Status ParseSparql(std::string_view query) {
  auto parsed = sparql::Parse(query);
  return parsed.ok() ? Status::Ok() : parsed.status();
}

}  // namespace vnkg

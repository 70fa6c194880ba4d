// SPARQL text -> algebra: expressions. Calls resolve through the function
// table (sparql_functions.h), which also gives their arity.
#include <algorithm>
#include <sstream>

#include "sparql_functions.h"
#include "sparql_parser.h"

namespace vnkg::sparql {
namespace {

Expr Binary(Op op, Expr a, Expr b) {
  Expr e;
  e.op = op;
  e.args.push_back(std::move(a));
  e.args.push_back(std::move(b));
  return e;
}

// Built-ins of SPARQL 1.1 not in the function table: named in the error.
bool KnownUnsupported(const std::string& name) {
  static const char* const kNames[] = {"BNODE"};
  for (const char* n : kNames)
    if (name == n) return true;
  return false;
}

}  // namespace

Expr Parser::Constraint() {
  if (IsPunct("(")) {
    Advance();
    Expr e = Expression(false);
    ExpectPunct(")");
    return e;
  }
  if (Cur().kind == Tok::kWord || Cur().kind == Tok::kPname || Cur().kind == Tok::kIri) return Primary(false);
  Expected("'(' or a function call after FILTER");
}

Expr Parser::Expression(bool aggregates) {
  Nesting nesting(*this);
  nesting.Deeper();
  Expr left = And(aggregates);
  while (AcceptPunct("||")) {
    nesting.Deeper();
    left = Binary(Op::kOr, std::move(left), And(aggregates));
  }
  return left;
}

Expr Parser::And(bool aggregates) {
  Nesting nesting(*this);  // the && chain's links are levels too
  Expr left = Relational(aggregates);
  while (AcceptPunct("&&")) {
    nesting.Deeper();
    left = Binary(Op::kAnd, std::move(left), Relational(aggregates));
  }
  return left;
}

Expr Parser::Relational(bool aggregates) {
  Expr left = Additive(aggregates);
  static const std::pair<const char*, Op> kOps[] = {{"=", Op::kEq}, {"!=", Op::kNe}, {"<", Op::kLt},
                                                    {">", Op::kGt}, {"<=", Op::kLe}, {">=", Op::kGe}};
  for (const auto& [text, op] : kOps) {
    if (AcceptPunct(text)) return Binary(op, std::move(left), Additive(aggregates));
  }
  const bool not_in = IsWord("NOT") && Ahead(1).kind == Tok::kWord && Iequals(Ahead(1).text, "IN");
  if (IsWord("IN") || not_in) {
    Advance();
    if (not_in) Advance();
    Expr e;
    e.op = not_in ? Op::kNotIn : Op::kIn;
    e.args.push_back(std::move(left));
    ExpectPunct("(");
    if (!IsPunct(")")) {
      do e.args.push_back(Expression(aggregates));
      while (AcceptPunct(","));
    }
    ExpectPunct(")");
    return e;
  }
  return left;
}

// A chain of one precedence, read left to right (`10 - 4 - 3` is
// (10 - 4) - 3): operands from `operand`, joined by the operators of `ops`.
Expr Parser::LeftAssociative(bool aggregates, std::span<const OperatorToken> ops, Expr (Parser::*operand)(bool)) {
  Nesting nesting(*this);  // a long chain is as deep as its links
  Expr left = (this->*operand)(aggregates);
  for (;;) {
    auto found = std::find_if(ops.begin(), ops.end(), [&](const OperatorToken& o) { return IsPunct(o.text); });
    if (found == ops.end()) return left;
    Advance();
    nesting.Deeper();
    left = Binary(found->op, std::move(left), (this->*operand)(aggregates));
  }
}

// AdditiveExpression: a + or - after an operand is always the operator, also
// where it touches a number (`?a -1` is ?a minus 1, as the grammar's
// NumericLiteralNegative branch says).
Expr Parser::Additive(bool aggregates) {
  static constexpr OperatorToken kOps[] = {{"+", Op::kAdd}, {"-", Op::kSubtract}};
  return LeftAssociative(aggregates, kOps, &Parser::Multiplicative);
}

Expr Parser::Multiplicative(bool aggregates) {
  static constexpr OperatorToken kOps[] = {{"*", Op::kMultiply}, {"/", Op::kDivide}};
  return LeftAssociative(aggregates, kOps, &Parser::Unary);
}

Expr Parser::Unary(bool aggregates) {
  if (AcceptPunct("!")) {
    Nesting nesting(*this);
    nesting.Deeper();
    Expr e;
    e.op = Op::kNot;
    e.args.push_back(Unary(aggregates));
    return e;
  }
  if (AtSignedNumber()) {  // a signed number literal, e.g. -1
    Expr e;
    e.constant = SignedNumber();
    return e;
  }
  if (IsPunct("+") || IsPunct("-")) {
    Nesting nesting(*this);
    nesting.Deeper();
    Expr e;
    e.op = IsPunct("-") ? Op::kNegate : Op::kPlus;
    Advance();
    e.args.push_back(Unary(aggregates));
    return e;
  }
  return Primary(aggregates);
}

Expr Parser::Primary(bool aggregates) {
  const Token& c = Cur();
  if (IsPunct("(")) {
    Advance();
    Expr e = Expression(aggregates);
    ExpectPunct(")");
    return e;
  }
  if (c.kind == Tok::kVar) {
    Expr e;
    e.op = Op::kVar;
    e.var = Var(c.text);
    Advance();
    return e;
  }
  if (c.kind == Tok::kIri || c.kind == Tok::kPname) {
    const std::size_t at = c.offset;
    const std::string iri = IriValue();
    if (IsPunct("(")) {
      const Function* fn = FindFunction(iri);
      if (!fn) Unsupported("the function <" + iri + "> (casts to xsd:string, integer, decimal, double, float, boolean, date and dateTime only)", at);
      return Call(*fn, at, aggregates);
    }
    Expr e;
    e.constant = SparqlTerm{SparqlTerm::Kind::kIri, iri, "", ""};
    return e;
  }
  if (c.kind == Tok::kString || c.kind == Tok::kInteger || c.kind == Tok::kDecimal || c.kind == Tok::kDouble ||
      (c.kind == Tok::kWord && (c.text == "true" || c.text == "false"))) {
    Expr e;
    e.constant = Literal();
    return e;
  }
  if (c.kind != Tok::kWord) Expected("an expression");
  const std::size_t at = c.offset;
  const std::string name = Upper(c.text);
  if (name == "EXISTS") {
    Advance();
    return ExistsCall(false);
  }
  if (name == "NOT" && Ahead(1).kind == Tok::kWord && Iequals(Ahead(1).text, "EXISTS")) {
    Advance();
    Advance();
    return ExistsCall(true);
  }
  const Function* fn = FindFunction(name);
  if (!fn) {
    if (KnownUnsupported(name)) Unsupported(name + "()");
    Error("unknown function or keyword '" + c.text + "'", at);
  }
  Advance();
  if (fn->kind == Function::Kind::kAggregate) return AggregateCall(*fn, at, aggregates);
  return Call(*fn, at, aggregates);
}

Expr Parser::Call(const Function& fn, std::size_t at, bool aggregates) {
  if (!IsPunct("(")) Expected("'(' after " + std::string(fn.name));
  const std::size_t open = Cur().offset;
  Advance();
  Expr e;
  e.op = Op::kCall;
  e.fn = &fn;
  if (!IsPunct(")")) {
    do {
      if (fn.variable_arg && Cur().kind != Tok::kVar) Expected("a variable in " + std::string(fn.name) + "(...)");
      e.args.push_back(Expression(aggregates));
    } while (AcceptPunct(","));
  }
  ExpectPunct(")");
  const std::size_t n = e.args.size();
  if (n < fn.min_args || n > fn.max_args) {
    std::ostringstream m;
    m << fn.name << " takes ";
    if (fn.max_args == kVariadic) m << "at least " << fn.min_args;
    else if (fn.max_args != fn.min_args) m << fn.min_args << " to " << fn.max_args;
    else m << fn.min_args;
    m << " argument" << (fn.max_args == 1 ? "" : "s") << ", not " << n << ": " << fn.signature;
    Error(m.str(), open);
  }
  (void)at;
  return e;
}

// COUNT(*), AGG([DISTINCT] expr), GROUP_CONCAT(... ; SEPARATOR = "s").
Expr Parser::AggregateCall(const Function& fn, std::size_t at, bool aggregates) {
  if (!aggregates)
    Unsupported("aggregates outside SELECT, HAVING and ORDER BY (use (" + std::string(fn.name) +
                    "(...) AS ?v) and refer to ?v)", at);
  has_aggregate_ = true;
  ExpectPunct("(");
  Expr e;
  e.op = Op::kAggregate;
  e.fn = &fn;
  e.distinct = AcceptWord("DISTINCT");
  if (fn.name == "COUNT" && AcceptPunct("*")) {
    // COUNT(*): no argument
  } else {
    e.args.push_back(Expression(false));
  }
  if (fn.name == "GROUP_CONCAT" && AcceptPunct(";")) {
    ExpectWord("SEPARATOR");
    ExpectPunct("=");
    if (Cur().kind != Tok::kString) Expected("a string after SEPARATOR =");
    e.separator = Cur().text;
    Advance();
  }
  ExpectPunct(")");
  return e;
}

Expr Parser::ExistsCall(bool negated) {
  if (!IsPunct("{")) Expected(std::string("'{' after ") + (negated ? "NOT EXISTS" : "EXISTS"));
  Expr e;
  e.op = negated ? Op::kNotExists : Op::kExists;
  e.pattern = std::shared_ptr<const Node>(GroupGraphPattern());
  return e;
}

}  // namespace vnkg::sparql

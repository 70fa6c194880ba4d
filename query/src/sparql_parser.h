// The recursive descent parser of the SPARQL subset, over sparql_lexer's
// tokens, producing the algebra of sparql_internal.h. Split by grammar part:
// sparql_parse.cc (query forms, solution modifiers), sparql_parse_pattern.cc
// (group patterns, triples, property paths, VALUES), sparql_parse_expr.cc
// (expressions, through the function table). The binder (sparql_bind.cc)
// checks scopes, projection and GROUP BY validity. Everything SPARQL 1.1 has
// but the subset lacks is still recognised, so that it is reported as
// unsupported by name rather than as a puzzling syntax error.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sparql_internal.h"
#include "sparql_lexer.h"

namespace vnkg::sparql {

// ------------------------------------------------------------------ binder

// Variables a pattern binds (in scope after it), in first-appearance order.
// Variables the parser makes (a blank node of a pattern, a GROUP BY or
// ORDER BY key without a name) start with a space, which no query can write.
inline bool IsHiddenVariable(const std::string& name) { return !name.empty() && name[0] == ' '; }
void InScope(const Node& n, std::vector<int>& out);
// A SELECT item before checking: the projection and where it was written.
struct SelectItem {
  Projection projection;
  std::size_t offset = 0;
};
// Fills `select.projection` from the items (or `*`), checking SPARQL 1.1's
// rules (18.2.4.1): a grouped query projects only group keys and
// expressions; AS names a new variable. Throws ParseError.
void BindProjection(SelectQuery& select, std::vector<SelectItem> items, bool star, std::size_t star_offset,
                    const std::vector<std::string>& names);

// ------------------------------------------------------------------ parser

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens);
  Query Run();

 private:
  // sparql_parse.cc: tokens, errors, names, forms, modifiers.
  const Token& Cur() const { return toks_[pos_]; }
  const Token& Ahead(std::size_t k) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  void Advance() {
    if (pos_ + 1 < toks_.size()) ++pos_;
  }
  bool IsWord(std::string_view w) const { return Cur().kind == Tok::kWord && Iequals(Cur().text, w); }
  bool IsPunct(std::string_view p) const { return Cur().kind == Tok::kPunct && Cur().text == p; }
  bool AcceptWord(std::string_view w);
  bool AcceptPunct(std::string_view p);
  void ExpectPunct(std::string_view p);
  void ExpectWord(std::string_view w);
  std::string Describe(const Token& t) const;
  [[noreturn]] void Expected(const std::string& what);
  [[noreturn]] void Error(const std::string& what, std::size_t offset);
  [[noreturn]] void Unsupported(const std::string& feature) { Unsupported(feature, Cur().offset); }
  [[noreturn]] void Unsupported(const std::string& feature, std::size_t offset);

  // The height of the query's tree is bounded: the parser, the evaluator and
  // the destructors recurse once a level, so a few thousand '(' or a chain of
  // thousands of '||' or UNIONs overflowed the stack (fuzz/fuzz_sparql). A
  // Nesting lives for one group, expression, path or '!' and counts one level
  // for it and one for each link of a chain built inside it (Deeper), so
  // depth_ is at least the height of the tree above the current token.
  static constexpr int kMaxDepth = 256;
  class Nesting {
   public:
    explicit Nesting(Parser& p) : p_(p), saved_(p.depth_) {}
    ~Nesting() { p_.depth_ = saved_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    void Deeper();

   private:
    Parser& p_;
    int saved_;
  };

  int Var(const std::string& name);
  static bool HasAggregate(const Expr& e);
  std::string ExpandPname(const Token& t);
  std::string IriValue();
  void Prologue();
  // SELECT ... WHERE {...} modifiers, into `select`; `sub`: a subquery.
  void Select(SelectQuery& select, bool sub);
  void SolutionModifiers(SelectQuery& select);
  void Ask();
  void Construct();
  void DescribeQuery();
  void WhereAndModifiers(SelectQuery& select);

  // sparql_parse_pattern.cc
  std::unique_ptr<Node> GroupGraphPattern();
  std::unique_ptr<Node> TriplesBlock(bool& open);
  std::unique_ptr<Node> InlineData();  // after VALUES
  bool StartsTerm() const;
  // A predicate: a variable or a path; a plain IRI or `a` is a kLink path.
  PatternTerm VerbVar();
  Path PathAlternative();
  Path PathSequence();
  Path PathElementOrInverse();
  Path PathPrimary();
  Path NegatedPropertySet();  // after '!'
  PatternTerm VarOrTerm(const char* what);
  void PropertyList(const PatternTerm& subject);
  PatternTerm BlankNode();  // at `_:label` or `[`
  SparqlTerm Literal();
  // A signed number ("-3", "+2.5": NumericLiteralNegative / Positive) starts at the current token: a sign
  // written right before a number.
  bool AtSignedNumber() const {
    const Tok next = Ahead(1).kind;
    return (IsPunct("-") || IsPunct("+")) && (next == Tok::kInteger || next == Tok::kDecimal || next == Tok::kDouble) &&
           Ahead(1).offset == Cur().offset + 1;
  }
  // Reads a signed number (AtSignedNumber) as its literal, the sign in its lexical form.
  SparqlTerm SignedNumber();
  static std::unique_ptr<Node> Make(Node::Kind kind, std::unique_ptr<Node> left, std::unique_ptr<Node> right);
  static std::unique_ptr<Node> JoinWith(std::unique_ptr<Node> g, std::unique_ptr<Node> a);

  // sparql_parse_expr.cc
  Expr Constraint();
  Expr Expression(bool aggregates);
  Expr And(bool aggregates);
  Expr Relational(bool aggregates);
  Expr Additive(bool aggregates);
  Expr Multiplicative(bool aggregates);
  struct OperatorToken {
    const char* text;
    Op op;
  };
  Expr LeftAssociative(bool aggregates, std::span<const OperatorToken> ops, Expr (Parser::*operand)(bool));
  Expr Unary(bool aggregates);
  Expr Primary(bool aggregates);
  Expr Call(const Function& fn, std::size_t at, bool aggregates);
  Expr AggregateCall(const Function& fn, std::size_t at, bool aggregates);
  Expr ExistsCall(bool negated);

  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  Query q_;
  std::map<std::string, std::string> prefixes_;
  std::map<std::string, int> var_index_;
  // The triple pattern being read (TriplesBlock), where `[ p o ]` adds its
  // triples; null outside one.
  Node* bgp_ = nullptr;
  std::vector<std::unique_ptr<Node>>* paths_ = nullptr;
  bool in_template_ = false;  // reading a CONSTRUCT template
  bool has_aggregate_ = false;  // in the SELECT being parsed
};

}  // namespace vnkg::sparql

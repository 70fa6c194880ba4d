// SPARQL text -> algebra: group graph patterns (SPARQL 1.1 section 18.2.2),
// triples, property paths and VALUES blocks.
#include <algorithm>

#include "sparql_parser.h"
#include "vnkg/query/export.h"

namespace vnkg::sparql {

std::unique_ptr<Node> Parser::Make(Node::Kind kind, std::unique_ptr<Node> left, std::unique_ptr<Node> right) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  n->left = std::move(left);
  n->right = std::move(right);
  return n;
}

// Join(G, A), dropping the unit solution on either side.
std::unique_ptr<Node> Parser::JoinWith(std::unique_ptr<Node> g, std::unique_ptr<Node> a) {
  if (g->kind == Node::Kind::kUnit) return a;
  if (a->kind == Node::Kind::kUnit) return g;
  if (g->kind == Node::Kind::kBgp && a->kind == Node::Kind::kBgp) {  // one BGP: joins ordered together
    for (auto& t : a->triples) g->triples.push_back(std::move(t));
    return g;
  }
  return Make(Node::Kind::kJoin, std::move(g), std::move(a));
}

std::unique_ptr<Node> Parser::GroupGraphPattern() {
  Nesting nesting(*this);
  nesting.Deeper();
  const std::size_t open = Cur().offset;
  ExpectPunct("{");
  if (IsWord("SELECT")) {  // a subquery: { SELECT ... }
    auto sub = std::make_shared<SelectQuery>();
    Select(*sub, true);
    ExpectPunct("}");
    auto n = std::make_unique<Node>();
    n->kind = Node::Kind::kSubquery;
    n->subquery = std::move(sub);
    return n;
  }
  auto g = std::make_unique<Node>();  // kUnit
  std::vector<Expr> filters;
  bool open_triples = false;  // the last triples block did not end with '.'
  for (;;) {
    if (AcceptPunct("}")) break;
    if (open_triples && StartsTerm()) Expected("'.' or '}' after a triple");
    open_triples = false;
    if (Cur().kind == Tok::kEnd) Error("'{' is never closed", open);
    if (IsWord("FILTER")) {
      Advance();
      filters.push_back(Constraint());
    } else if (IsWord("OPTIONAL")) {
      Advance();
      if (!IsPunct("{")) Expected("'{' after OPTIONAL");
      nesting.Deeper();
      auto a = GroupGraphPattern();
      auto lj = Make(Node::Kind::kLeftJoin, std::move(g), nullptr);
      if (a->kind == Node::Kind::kFilter) {  // the OPTIONAL's filters see both sides
        lj->filters = std::move(a->filters);
        a = std::move(a->left);
      }
      lj->right = std::move(a);
      g = std::move(lj);
    } else if (IsWord("MINUS")) {
      Advance();
      if (!IsPunct("{")) Expected("'{' after MINUS");
      nesting.Deeper();
      g = Make(Node::Kind::kMinus, std::move(g), GroupGraphPattern());
    } else if (IsWord("BIND")) {
      const std::size_t at = Cur().offset;
      Advance();
      nesting.Deeper();
      ExpectPunct("(");
      Expr e = Expression(false);
      ExpectWord("AS");
      if (Cur().kind != Tok::kVar) Expected("a variable after AS");
      const int v = Var(Cur().text);
      Advance();
      ExpectPunct(")");
      std::vector<int> scope;
      InScope(*g, scope);
      if (std::find(scope.begin(), scope.end(), v) != scope.end())
        Error("BIND(... AS ?" + q_.variables[v] + "): ?" + q_.variables[v] + " is already bound in this group", at);
      auto ext = Make(Node::Kind::kExtend, std::move(g), nullptr);
      ext->var = v;
      ext->expr = std::move(e);
      g = std::move(ext);
    } else if (IsWord("VALUES")) {
      Advance();
      nesting.Deeper();
      g = JoinWith(std::move(g), InlineData());
    } else if (IsPunct("{")) {
      nesting.Deeper();
      auto a = GroupGraphPattern();
      while (AcceptWord("UNION")) {
        if (!IsPunct("{")) Expected("'{' after UNION");
        nesting.Deeper();
        a = Make(Node::Kind::kUnion, std::move(a), GroupGraphPattern());
      }
      g = JoinWith(std::move(g), std::move(a));
    } else if (IsWord("GRAPH")) {
      Unsupported("GRAPH (named graphs)");
    } else if (IsWord("SERVICE")) {
      Unsupported("SERVICE (federated queries)");
    } else if (IsWord("UNION")) {
      Expected("a '{...}' group before UNION");
    } else {
      nesting.Deeper();
      g = JoinWith(std::move(g), TriplesBlock(open_triples));
      continue;  // TriplesBlock consumed its own '.'
    }
    AcceptPunct(".");
  }
  if (filters.empty()) return g;
  auto f = Make(Node::Kind::kFilter, std::move(g), nullptr);
  f->filters = std::move(filters);
  return f;
}

// VALUES ?x { ... } or VALUES (?x ?y) { (...) ... }; UNDEF leaves a variable unbound.
std::unique_ptr<Node> Parser::InlineData() {
  auto n = std::make_unique<Node>();
  n->kind = Node::Kind::kValues;
  bool single = false;
  if (Cur().kind == Tok::kVar) {
    single = true;
    n->values_vars.push_back(Var(Cur().text));
    Advance();
  } else {
    ExpectPunct("(");
    while (Cur().kind == Tok::kVar) {
      const int v = Var(Cur().text);
      if (std::find(n->values_vars.begin(), n->values_vars.end(), v) != n->values_vars.end())
        Error("VALUES names ?" + Cur().text + " twice", Cur().offset);
      n->values_vars.push_back(v);
      Advance();
    }
    ExpectPunct(")");
  }
  ExpectPunct("{");
  auto value = [&]() -> SparqlTerm {
    if (AcceptWord("UNDEF")) return SparqlTerm{};
    const Token& c = Cur();
    if (c.kind == Tok::kIri || c.kind == Tok::kPname) return SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
    if (c.kind == Tok::kString || c.kind == Tok::kInteger || c.kind == Tok::kDecimal || c.kind == Tok::kDouble ||
        (c.kind == Tok::kWord && (c.text == "true" || c.text == "false")))
      return Literal();
    if (AtSignedNumber()) return SignedNumber();
    if (c.kind == Tok::kBlank || IsPunct("[")) Unsupported("blank nodes");
    Expected("an IRI, a literal or UNDEF in VALUES");
  };
  while (!AcceptPunct("}")) {
    if (Cur().kind == Tok::kEnd) Expected("'}' closing VALUES");
    std::vector<SparqlTerm> row;
    if (single) {
      row.push_back(value());
    } else {
      const std::size_t at = Cur().offset;
      ExpectPunct("(");
      while (!AcceptPunct(")")) {
        if (Cur().kind == Tok::kEnd) Expected("')'");
        row.push_back(value());
      }
      if (row.size() != n->values_vars.size())
        Error("a VALUES row has " + std::to_string(row.size()) + " values for " +
                  std::to_string(n->values_vars.size()) + " variables", at);
    }
    n->values_rows.push_back(std::move(row));
  }
  return n;
}

// Triples up to the next non-triples element; `;` and `,` abbreviations.
// Property paths other than a plain (or inverted) IRI become kPath nodes,
// joined after the block's triples.
std::unique_ptr<Node> Parser::TriplesBlock(bool& open) {
  auto bgp = std::make_unique<Node>();
  bgp->kind = Node::Kind::kBgp;
  std::vector<std::unique_ptr<Node>> paths;
  // Where a blank node's property list ([ p o ]) puts its triples.
  Node* const outer_bgp = bgp_;
  std::vector<std::unique_ptr<Node>>* const outer_paths = paths_;
  bgp_ = bgp.get();
  paths_ = &paths;
  for (;;) {
    const bool property_list = IsPunct("[") && !(Ahead(1).kind == Tok::kPunct && Ahead(1).text == "]");
    PatternTerm s = VarOrTerm("a subject");
    // `[ p o ] .` is a whole triple pattern: its property list may stand alone.
    if (!(property_list && (IsPunct(".") || IsPunct("}")))) PropertyList(s);
    if (!AcceptPunct(".")) {
      open = true;
      break;
    }
    if (!StartsTerm()) break;
  }
  bgp_ = outer_bgp;
  paths_ = outer_paths;
  std::unique_ptr<Node> out = std::move(bgp);
  if (out->triples.empty()) out->kind = Node::Kind::kUnit;
  for (auto& n : paths) out = JoinWith(std::move(out), std::move(n));
  return out;
}

// PropertyListNotEmpty after subject `s`: verbs and their objects, into
// bgp_ and paths_.
void Parser::PropertyList(const PatternTerm& s) {
  for (;;) {
    PatternTerm p;
    std::optional<Path> path;
    if (Cur().kind == Tok::kVar) {
      p = VerbVar();
    } else {
      Nesting nesting(*this);
      nesting.Deeper();
      Path parsed = PathAlternative();
      if (parsed.kind == Path::Kind::kLink) p.constant = parsed.iri;
      else path = std::move(parsed);
    }
    for (;;) {
      PatternTerm o = VarOrTerm("an object");
      if (!path) {
        bgp_->triples.push_back({s, p, o});
      } else if (path->kind == Path::Kind::kInverse && path->parts[0].kind == Path::Kind::kLink) {
        PatternTerm ip;
        ip.constant = path->parts[0].iri;
        bgp_->triples.push_back({o, ip, s});
      } else {
        auto n = std::make_unique<Node>();
        n->kind = Node::Kind::kPath;
        n->path_s = s;
        n->path_o = o;
        n->path = *path;
        paths_->push_back(std::move(n));
      }
      if (!AcceptPunct(",")) break;
    }
    if (!AcceptPunct(";")) break;
    while (AcceptPunct(";")) {
    }
    if (IsPunct(".") || IsPunct("}") || IsPunct("]")) break;  // a trailing ';' is allowed
  }
}

// A blank node of a pattern is a variable no query can name (SPARQL 1.1,
// 4.1.4 and 18.2.1): `_:b` the same one wherever the label is written, each
// `[]` and `[ p o ]` a new one. In a CONSTRUCT template a blank node would
// mean a new node per solution, which vnkg does not make: refused there.
PatternTerm Parser::BlankNode() {
  if (in_template_) Unsupported("blank nodes in a CONSTRUCT template");
  PatternTerm t;
  if (Cur().kind == Tok::kBlank) {
    t.var = Var(" _:" + Cur().text);
    Advance();
    return t;
  }
  const std::size_t open = Cur().offset;
  ExpectPunct("[");
  t.var = Var(" []" + std::to_string(q_.variables.size()));
  if (AcceptPunct("]")) return t;
  if (!bgp_) Unsupported("blank nodes with properties outside a triple pattern");
  Nesting nesting(*this);
  nesting.Deeper();
  PropertyList(t);
  if (!AcceptPunct("]")) {
    if (Cur().kind == Tok::kEnd) Error("'[' is never closed", open);
    Expected("']' closing the blank node's properties");
  }
  return t;
}

bool Parser::StartsTerm() const {
  const Token& t = Cur();
  return t.kind == Tok::kVar || t.kind == Tok::kIri || t.kind == Tok::kPname || t.kind == Tok::kString ||
         t.kind == Tok::kInteger || t.kind == Tok::kDecimal || t.kind == Tok::kDouble || t.kind == Tok::kBlank ||
         (t.kind == Tok::kPunct && (t.text == "[" || t.text == "(")) ||
         (t.kind == Tok::kWord && (t.text == "true" || t.text == "false"));
}

PatternTerm Parser::VerbVar() {
  PatternTerm p;
  p.var = Var(Cur().text);
  Advance();
  return p;
}

Path Parser::PathAlternative() {
  Nesting nesting(*this);
  Path first = PathSequence();
  if (!IsPunct("|")) return first;
  Path alt;
  alt.kind = Path::Kind::kAlternative;
  alt.parts.push_back(std::move(first));
  while (AcceptPunct("|")) {
    nesting.Deeper();
    alt.parts.push_back(PathSequence());
  }
  return alt;
}

Path Parser::PathSequence() {
  Nesting nesting(*this);
  Path first = PathElementOrInverse();
  if (!IsPunct("/")) return first;
  Path seq;
  seq.kind = Path::Kind::kSequence;
  seq.parts.push_back(std::move(first));
  while (AcceptPunct("/")) {
    nesting.Deeper();
    seq.parts.push_back(PathElementOrInverse());
  }
  return seq;
}

Path Parser::PathElementOrInverse() {
  Nesting nesting(*this);
  const bool inverse = AcceptPunct("^");
  if (inverse) nesting.Deeper();
  Path p = PathPrimary();
  for (;;) {  // modifiers: one is the grammar's, more are tolerated as nested
    Path::Kind kind;
    if (IsPunct("*")) kind = Path::Kind::kZeroOrMore;
    else if (IsPunct("+")) kind = Path::Kind::kOneOrMore;
    else if (IsPunct("?")) kind = Path::Kind::kZeroOrOne;
    else break;
    if (Ahead(1).kind == Tok::kPunct && (Ahead(1).text == "*" || Ahead(1).text == "+" || Ahead(1).text == "?"))
      Expected("one path modifier (* + or ?)");
    Advance();
    nesting.Deeper();
    Path m;
    m.kind = kind;
    m.parts.push_back(std::move(p));
    p = std::move(m);
    break;
  }
  if (!inverse) return p;
  Path inv;
  inv.kind = Path::Kind::kInverse;
  inv.parts.push_back(std::move(p));
  return inv;
}

Path Parser::PathPrimary() {
  Path p;
  if (Cur().kind == Tok::kWord && Cur().text == "a") {
    Advance();
    p.iri = SparqlTerm{SparqlTerm::Kind::kIri, std::string(kRdfTypeIri), "", ""};
    return p;
  }
  if (Cur().kind == Tok::kIri || Cur().kind == Tok::kPname) {
    p.iri = SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
    return p;
  }
  if (AcceptPunct("!")) return NegatedPropertySet();
  if (AcceptPunct("(")) {
    Nesting nesting(*this);
    nesting.Deeper();
    Path inner = PathAlternative();
    ExpectPunct(")");
    return inner;
  }
  Expected("a predicate (an IRI, a prefixed name, 'a', a variable or a property path)");
}

// After '!': `!iri`, `!^iri`, `!a` or `!(one | ^two | ...)` (possibly empty),
// as the algebra translates it (SPARQL 1.1, 18.2.2.4): the forward IRIs
// negated, the inverse ones negated and inverted, the two halves as
// alternatives when both are there.
Path Parser::NegatedPropertySet() {
  std::vector<Path> forward, inverse;
  auto one = [&]() {
    const bool inverted = AcceptPunct("^");
    Path link;
    if (Cur().kind == Tok::kWord && Cur().text == "a") {
      Advance();
      link.iri = SparqlTerm{SparqlTerm::Kind::kIri, std::string(kRdfTypeIri), "", ""};
    } else if (Cur().kind == Tok::kIri || Cur().kind == Tok::kPname) {
      link.iri = SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
    } else {
      Expected("an IRI, 'a' or '^' IRI in a negated property set");
    }
    (inverted ? inverse : forward).push_back(std::move(link));
  };
  if (AcceptPunct("(")) {
    if (!IsPunct(")")) {
      one();
      while (AcceptPunct("|")) one();
    }
    ExpectPunct(")");
  } else {
    one();
  }
  Path ahead;
  ahead.kind = Path::Kind::kNegated;
  ahead.parts = std::move(forward);
  if (inverse.empty()) return ahead;
  Path back_set;
  back_set.kind = Path::Kind::kNegated;
  back_set.parts = std::move(inverse);
  Path back;
  back.kind = Path::Kind::kInverse;
  back.parts.push_back(std::move(back_set));
  if (ahead.parts.empty()) return back;
  Path both;
  both.kind = Path::Kind::kAlternative;
  both.parts.push_back(std::move(ahead));
  both.parts.push_back(std::move(back));
  return both;
}

PatternTerm Parser::VarOrTerm(const char* what) {
  PatternTerm t;
  const Token& c = Cur();
  if (c.kind == Tok::kVar) {
    t.var = Var(c.text);
    Advance();
    return t;
  }
  if (c.kind == Tok::kBlank || IsPunct("[")) return BlankNode();
  if (IsPunct("(")) Unsupported("RDF collections");
  if (c.kind == Tok::kIri || c.kind == Tok::kPname) {
    t.constant = SparqlTerm{SparqlTerm::Kind::kIri, IriValue(), "", ""};
    return t;
  }
  if (c.kind == Tok::kString || c.kind == Tok::kInteger || c.kind == Tok::kDecimal || c.kind == Tok::kDouble ||
      (c.kind == Tok::kWord && (c.text == "true" || c.text == "false"))) {
    t.constant = Literal();
    return t;
  }
  if (AtSignedNumber()) {
    t.constant = SignedNumber();
    return t;
  }
  Expected(std::string(what) + " (a variable, an IRI, a prefixed name or a literal)");
}

SparqlTerm Parser::SignedNumber() {
  const std::string sign = Cur().text;
  Advance();
  SparqlTerm t = Literal();
  if (sign == "-") t.value.insert(t.value.begin(), '-');
  return t;
}

SparqlTerm Parser::Literal() {
  const Token c = Cur();
  Advance();
  switch (c.kind) {
    case Tok::kInteger: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdInteger), ""};
    case Tok::kDecimal: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdDecimal), ""};
    case Tok::kDouble: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdDouble), ""};
    case Tok::kWord: return SparqlTerm{SparqlTerm::Kind::kLiteral, c.text, std::string(kXsdBoolean), ""};
    default: break;
  }
  SparqlTerm t{SparqlTerm::Kind::kLiteral, c.text, "", ""};
  if (Cur().kind == Tok::kLangTag) {
    t.lang = Cur().text;
    for (char& ch : t.lang) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    Advance();
  } else if (AcceptPunct("^^")) {
    if (Cur().kind != Tok::kIri && Cur().kind != Tok::kPname) Expected("a datatype IRI after ^^");
    t.datatype = IriValue();
    if (t.datatype == kXsdString) t.datatype.clear();  // RDF 1.1: the same term as a simple literal
  }
  return t;
}

}  // namespace vnkg::sparql
